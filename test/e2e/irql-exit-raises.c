// irql-exit-raises: an _IRQL_raises_(L) or __drv_setsIRQL(L) function
// returns without the IRQL being L.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

// Announces a raise to DISPATCH_LEVEL but never raises.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID ForgetsToRaise(PKSPIN_LOCK Lock) {
  KeInitializeSpinLock(Lock);
} // expected-warning {{'ForgetsToRaise' returns at the entry IRQL (PASSIVE_LEVEL..DISPATCH_LEVEL) but is annotated to return at DISPATCH_LEVEL [irql-exit-raises]}}

// Raises on one path only; the other return is reported.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL LockUnlessBusy(PKSPIN_LOCK Lock, BOOLEAN Busy) {
  KIRQL OldIrql;
  if (Busy)
    return PASSIVE_LEVEL; // expected-warning {{'LockUnlessBusy' returns at the entry IRQL (PASSIVE_LEVEL..DISPATCH_LEVEL) but is annotated to return at DISPATCH_LEVEL [irql-exit-raises]}}
  // expected-warning@-1 {{'LockUnlessBusy' returns without saving the IRQL in its _IRQL_saves_ return value [irql-saves-not-written]}}
  KeAcquireSpinLock(Lock, &OldIrql);
  return OldIrql;
}

// __drv_setsIRQL(PASSIVE_LEVEL): must come back at PASSIVE_LEVEL.
_IRQL_requires_(APC_LEVEL)
__drv_setsIRQL(PASSIVE_LEVEL)
VOID LeaveApc(VOID) {
} // expected-warning {{'LeaveApc' returns at APC_LEVEL but is annotated to return at PASSIVE_LEVEL [irql-exit-raises]}}

// Negatives.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL Lock(PKSPIN_LOCK SpinLock) {
  KIRQL OldIrql;
  KeAcquireSpinLock(SpinLock, &OldIrql);
  return OldIrql;
}

_IRQL_requires_max_(APC_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL RaiseToDpc(VOID) {
  return KeRaiseIrqlToDpcLevel();
}
