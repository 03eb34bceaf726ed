// irql-cancel-not-restored (C28144): a cancel routine (DRIVER_CANCEL) is
// entered holding the cancel spin lock at DISPATCH_LEVEL and must release it
// with IoReleaseCancelSpinLock(Irp->CancelIrql), which gives back the IRQL
// of whoever called IoCancelIrp. Any other exit leaves the system at the
// wrong IRQL (or with the cancel lock held).
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

VOID CompleteCanceled(PIRP Irp);

// Never releases the cancel spin lock.
DRIVER_CANCEL CancelForgets;
VOID CancelForgets(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  CompleteCanceled(Irp);
} // expected-warning {{cancel routine 'CancelForgets' returns at DISPATCH_LEVEL without restoring Irp->CancelIrql (call IoReleaseCancelSpinLock(Irp->CancelIrql)) [irql-cancel-not-restored]}}

// Releases it to a constant instead of the caller's IRQL.
DRIVER_CANCEL CancelToPassive;
VOID CancelToPassive(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  IoReleaseCancelSpinLock(PASSIVE_LEVEL); // expected-note {{IRQL set to PASSIVE_LEVEL here by 'IoReleaseCancelSpinLock'}}
  // expected-warning@-1 {{'IoReleaseCancelSpinLock' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]}}
  CompleteCanceled(Irp);
} // expected-warning {{cancel routine 'CancelToPassive' returns at PASSIVE_LEVEL without restoring Irp->CancelIrql}}

// Releases on one path only.
DRIVER_CANCEL CancelSometimes;
VOID CancelSometimes(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  if (Irp->Cancel)
    return; // expected-warning {{cancel routine 'CancelSometimes' returns at DISPATCH_LEVEL without restoring Irp->CancelIrql}}
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  CompleteCanceled(Irp);
}

// Negatives: the usual shape, and with the value copied to a local first.
DRIVER_CANCEL Cancel;
VOID Cancel(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  CompleteCanceled(Irp);
}

DRIVER_CANCEL CancelViaLocal;
VOID CancelViaLocal(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  KIRQL CancelIrql = Irp->CancelIrql;
  IoReleaseCancelSpinLock(CancelIrql);
  CompleteCanceled(Irp);
}
