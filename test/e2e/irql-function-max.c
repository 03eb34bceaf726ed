// irql-function-max (C28150): a call raises the IRQL above the function's
// _IRQL_always_function_max_, or above the level of its own _IRQL_raises_.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;
FAST_MUTEX Mutex;

_IRQL_always_function_max_(APC_LEVEL)
VOID NeverAboveApc(VOID) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-warning {{'KeAcquireSpinLockRaiseToDpc' raises the IRQL to DISPATCH_LEVEL, above this function's limit of APC_LEVEL [irql-function-max]}}
  KeReleaseSpinLock(&Lock, OldIrql);
}

// Legacy spelling.
__drv_maxFunctionIRQL(PASSIVE_LEVEL)
VOID NeverAbovePassive(VOID) {
  ExAcquireFastMutex(&Mutex); // expected-warning {{'ExAcquireFastMutex' raises the IRQL to APC_LEVEL, above this function's limit of PASSIVE_LEVEL [irql-function-max]}}
  ExReleaseFastMutex(&Mutex);
}

// _IRQL_raises_(APC_LEVEL) implies the function never goes above APC_LEVEL.
_IRQL_requires_max_(APC_LEVEL)
_IRQL_raises_(APC_LEVEL)
_IRQL_saves_global_(OldIrql, Object)
VOID AcquireMyMutex(PFAST_MUTEX Object) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql); // expected-warning {{'KfRaiseIrql' raises the IRQL to DISPATCH_LEVEL, above this function's limit of APC_LEVEL [irql-function-max]}}
  KeLowerIrql(OldIrql);
  ExAcquireFastMutex(Object);
}

// Negatives: within the limit.
_IRQL_always_function_max_(DISPATCH_LEVEL)
VOID UpToDispatch(VOID) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql);
}

_IRQL_always_function_max_(APC_LEVEL)
VOID UpToApc(VOID) {
  ExAcquireFastMutex(&Mutex);
  ExReleaseFastMutex(&Mutex);
}

// Negative: a function that never runs above APC_LEVEL is not entered above
// it either, so the implied _IRQL_requires_max_(DISPATCH_LEVEL) does not make
// these calls "possibly at DISPATCH_LEVEL" (no irql-too-high, no
// irql-raise-to-lower). The same holds for the level of _IRQL_raises_.
_IRQL_raises_(APC_LEVEL)
_IRQL_saves_global_(OldIrql, Object)
VOID WrapFastMutex(PFAST_MUTEX Object) {
  ExAcquireFastMutex(Object);
}
