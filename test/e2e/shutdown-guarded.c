// MINIPORT_SHUTDOWN is a Guarded role (Roles.def): NDIS calls it at
// PASSIVE_LEVEL on a power-off and at HIGH_LEVEL on a bug check, and
// ShutdownAction says which. A call wrong at HIGH_LEVEL is a bug when it runs
// on every path (the bug-check path takes it too); under a branch (on the
// shutdown action, or after an early return for the bug check) it is bounded
// only, as before.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s

#include <ndis.h>

static NDIS_SPIN_LOCK Lock;
static volatile ULONG *Control;
static NDIS_HANDLE Interrupt;

// Positive: the spin lock on every path, the bug-check path included.
MINIPORT_SHUTDOWN ShutdownLocks;
VOID ShutdownLocks(NDIS_HANDLE Context, NDIS_SHUTDOWN_ACTION Action) {
  NdisAcquireSpinLock(&Lock); // expected-warning {{'ShutdownLocks' can be called at HIGH_LEVEL (its role MINIPORT_SHUTDOWN), but calls 'NdisAcquireSpinLock', which requires IRQL <= DISPATCH_LEVEL [irql-too-high]}}
  *Control = 0;
  NdisReleaseSpinLock(&Lock);
}

// Positive: an exactly-PASSIVE_LEVEL call on every path.
MINIPORT_SHUTDOWN ShutdownDisconnects;
VOID ShutdownDisconnects(NDIS_HANDLE Context, NDIS_SHUTDOWN_ACTION Action) {
  *Control = 0;
  NdisMDeregisterInterruptEx(Interrupt); // expected-warning {{'NdisMDeregisterInterruptEx' must be called at exactly PASSIVE_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..HIGH_LEVEL) [irql-not-required]}}
}

// Negative: only on a power-off.
MINIPORT_SHUTDOWN ShutdownByAction;
VOID ShutdownByAction(NDIS_HANDLE Context, NDIS_SHUTDOWN_ACTION Action) {
  if (Action == NdisShutdownPowerOff) {
    NdisAcquireSpinLock(&Lock);
    *Control = 0;
    NdisReleaseSpinLock(&Lock);
  }
  *Control = 1;
  NdisStallExecution(10);
}

// Negative: the bug check returns early.
MINIPORT_SHUTDOWN ShutdownEarlyReturn;
VOID ShutdownEarlyReturn(NDIS_HANDLE Context, NDIS_SHUTDOWN_ACTION Action) {
  if (Action == NdisShutdownBugCheck) {
    *Control = 1;
    return;
  }
  NdisMSleep(100);
  *Control = 1;
}

// Negative: registers and stalls only.
MINIPORT_SHUTDOWN ShutdownRegisters;
VOID ShutdownRegisters(NDIS_HANDLE Context, NDIS_SHUTDOWN_ACTION Action) {
  *Control = 1;
  NdisStallExecution(50);
}
