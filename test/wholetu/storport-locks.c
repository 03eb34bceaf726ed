// StorPortAcquireSpinLock raises by lock type, a constant argument:
// DpcLock and StartIoLock to DISPATCH_LEVEL (and must be taken at
// DISPATCH_LEVEL or below), InterruptLock to the adapter's DIRQL. The
// STOR_LOCK_HANDLE keeps the IRQL from before, which
// StorPortReleaseSpinLock returns to (as KeAcquireInStackQueuedSpinLock's
// handle). A lock type that is not a constant raises to a level not known
// here: nothing is reported under it (no guessing). A helper that takes a
// lock of a constant type is summarised as raising (a lock wrapper).
// StorPortAcquireMSISpinLock raises to DIRQL and saves the IRQL in *OldIrql,
// which StorPortReleaseMSISpinLock(..., OldIrql) restores.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s

#include <storport.h>

static HANDLE Log;

typedef struct _ADAPTER {
  STOR_LOCK_HANDLE Handle;
  ULONG Pending;
} ADAPTER, *PADAPTER;

static VOID LockInterrupt(PADAPTER A) {
  StorPortAcquireSpinLock(A, InterruptLock, NULL, &A->Handle);
}
static VOID Unlock(PADAPTER A) { StorPortReleaseSpinLock(A, &A->Handle); }

static BOOLEAN PassiveInit(PVOID Ext) {
  PADAPTER A = (PADAPTER)Ext;
  STOR_LOCK_HANDLE H;
  PVOID Buffer;
  StorPortAcquireSpinLock(Ext, InterruptLock, NULL, &H);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DIRQL, but it requires IRQL <= PASSIVE_LEVEL}}
  StorPortAllocatePool(Ext, 16, 'kcoL', &Buffer); // expected-warning {{'StorPortAllocatePool' called at DIRQL, but it requires IRQL <= DISPATCH_LEVEL}}
  StorPortReleaseSpinLock(Ext, &H);
  ZwClose(Log); // back at PASSIVE_LEVEL: fine

  StorPortAcquireSpinLock(Ext, DpcLock, NULL, &H);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  StorPortAllocatePool(Ext, 16, 'kcoL', &Buffer); // DISPATCH_LEVEL: fine
  StorPortReleaseSpinLock(Ext, &H);

  StorPortAcquireSpinLock(Ext, StartIoLock, NULL, &H);
  KeAcquireSpinLockAtDpcLevel(NULL); // at DISPATCH_LEVEL: fine
  KeReleaseSpinLockFromDpcLevel(NULL);
  StorPortReleaseSpinLock(Ext, &H);

  LockInterrupt(A);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DIRQL, but it requires IRQL <= PASSIVE_LEVEL}}
  Unlock(A);
  ZwClose(Log); // fine

  // The per-message MSI lock: *OldIrql keeps the IRQL for the release.
  {
    ULONG Old;
    StorPortAcquireMSISpinLock(Ext, 1, &Old);
    StorPortAllocatePool(Ext, 16, 'kcoL', &Buffer); // expected-warning {{'StorPortAllocatePool' called at DIRQL, but it requires IRQL <= DISPATCH_LEVEL}}
    StorPortReleaseMSISpinLock(Ext, 1, Old);
    ZwClose(Log); // fine
  }
  return TRUE;
}

// The lock type comes from the caller: not known here, nothing reported.
static VOID UnderLock(PVOID Ext, STOR_SPINLOCK Which) {
  STOR_LOCK_HANDLE H;
  StorPortAcquireSpinLock(Ext, Which, NULL, &H);
  ZwClose(Log);
  StorPortReleaseSpinLock(Ext, &H);
}

// A DPC lock taken from the interrupt routine: it must be taken at
// DISPATCH_LEVEL or below.
static BOOLEAN Interrupt(PVOID Ext) {
  STOR_LOCK_HANDLE H;
  StorPortAcquireSpinLock(Ext, DpcLock, NULL, &H); // expected-warning {{'StorPortAcquireSpinLock' called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  StorPortReleaseSpinLock(Ext, &H);
  return TRUE;
}

BOOLEAN Setup(PVOID Ext) {
  HW_INITIALIZATION_DATA Init = {0};
  Init.HwInterrupt = Interrupt;
  UnderLock(Ext, DpcLock);
  return StorPortEnablePassiveInitialization(Ext, PassiveInit);
}
