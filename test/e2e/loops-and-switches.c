// The analysis settles loops whose body changes the IRQL, and a join that
// many branches reach (the end of a dispatch routine's switch), without
// giving up what it knows: the raise a path leaves unrestored is still named.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s

#include <ntddk.h>

typedef struct _EXT {
  KSPIN_LOCK Lock;
  ULONG V[4];
} EXT, *PEXT;

// Each turn takes and releases the lock; the lock taken after the loop is
// leaked, and the warning still names the raise (it used to be lost when
// the loop's states did not settle and were widened).
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID DrainThenLeak(PEXT Ext, ULONG N) {
  KIRQL Old;
  ULONG I;
  for (I = 0; I < N; I++) {
    KeAcquireSpinLock(&Ext->Lock, &Old);
    Ext->V[0]++;
    KeReleaseSpinLock(&Ext->Lock, Old);
  }
  KeAcquireSpinLock(&Ext->Lock, &Old);
  Ext->V[1] = 0;
} // expected-warning {{'DrainThenLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path)}}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID DrainBalanced(PEXT Ext, ULONG N) {
  KIRQL Old;
  ULONG I;
  for (I = 0; I < N; I++) {
    KeAcquireSpinLock(&Ext->Lock, &Old);
    Ext->V[0]++;
    KeReleaseSpinLock(&Ext->Lock, Old);
  }
  KeAcquireSpinLock(&Ext->Lock, &Old);
  Ext->V[1] = 0;
  KeReleaseSpinLock(&Ext->Lock, Old);
}

// A dispatch routine's switch with more cases than a block may be revisited:
// the leak in the first case reaches the join after the switch with the
// other thirty paths, and is still reported, at the return statement they
// all end at (ExitChecks.cpp: judged by its own edge, reported at the return).
#define CASE(N) case N: Ext->V[N % 4] = N; break;
#define CASES10(B) CASE(B + 0) CASE(B + 1) CASE(B + 2) CASE(B + 3) CASE(B + 4) \
                   CASE(B + 5) CASE(B + 6) CASE(B + 7) CASE(B + 8) CASE(B + 9)

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS ControlLeaks(PEXT Ext, ULONG Code) {
  KIRQL Old;
  switch (Code) {
  case 0:
    KeAcquireSpinLock(&Ext->Lock, &Old);
    if (Ext->V[0])
      break;
    KeReleaseSpinLock(&Ext->Lock, Old);
    break;
  CASES10(10)
  CASES10(20)
  CASES10(30)
  default:
    break;
  }
  return STATUS_SUCCESS; // expected-warning {{'ControlLeaks' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path)}}
}

_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS ControlBalanced(PEXT Ext, ULONG Code) {
  KIRQL Old;
  switch (Code) {
  case 0:
    KeAcquireSpinLock(&Ext->Lock, &Old);
    if (Ext->V[0]) {
      KeReleaseSpinLock(&Ext->Lock, Old);
      break;
    }
    KeReleaseSpinLock(&Ext->Lock, Old);
    break;
  CASES10(10)
  CASES10(20)
  CASES10(30)
  default:
    break;
  }
  return STATUS_SUCCESS;
}
