// irql-function-min (C28124): a call lowers the IRQL below the function's
// _IRQL_always_function_min_. A StartIo routine (DRIVER_STARTIO) has
// _IRQL_always_function_min_(DISPATCH_LEVEL): it runs under the device queue
// and must not drop to PASSIVE_LEVEL.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;

// A helper that sets the IRQL to PASSIVE_LEVEL (as some "SetIrql" helpers do).
_IRQL_requires_max_(HIGH_LEVEL)
__drv_setsIRQL(PASSIVE_LEVEL)
VOID DropToPassive(VOID);

DRIVER_STARTIO StartIo;
VOID StartIo(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  DropToPassive(); // expected-warning {{'DropToPassive' lowers the IRQL to PASSIVE_LEVEL, below this function's minimum of DISPATCH_LEVEL [irql-function-min]}}
  KeRaiseIrql(DISPATCH_LEVEL, &(KIRQL){0});
}

_IRQL_requires_(APC_LEVEL)
_IRQL_always_function_min_(APC_LEVEL)
VOID StaysAtApc(VOID) {
  KeLowerIrql(PASSIVE_LEVEL); // expected-warning {{'KeLowerIrql' lowers the IRQL to PASSIVE_LEVEL, below this function's minimum of APC_LEVEL [irql-function-min]}}
  // expected-warning@-1 {{'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]}}
  KeRaiseIrql(APC_LEVEL, &(KIRQL){0});
}

// Negatives: lock and unlock inside StartIo stay at DISPATCH_LEVEL; a raise
// and its lower never go below the minimum.
DRIVER_STARTIO StartIoLocked;
VOID StartIoLocked(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  KIRQL OldIrql;
  KeAcquireSpinLockAtDpcLevel(&Lock);
  KeReleaseSpinLockFromDpcLevel(&Lock);
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql);
}

_IRQL_always_function_min_(APC_LEVEL)
_IRQL_requires_(APC_LEVEL)
VOID RaiseAndLower(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(HIGH_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
}
