// A driver that finds an IRP cancelled while it holds the cancel spin lock
// often calls its own cancel routine directly. The cancel routine releases
// the lock with Irp->CancelIrql, so the call hands the lock over: afterwards
// the IRQL is the one saved when the lock was taken. Releasing the lock again
// after the hand-over is a real bug (a double release).
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:

#include <ntddk.h>

DRIVER_CANCEL CancelRead;
VOID CancelRead(PDEVICE_OBJECT Device, PIRP Irp) {
  RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  Irp->IoStatus.Status = STATUS_CANCELLED;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

// The hand-over: silent, and the IRQL after the call is the caller's again.
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS QueueRead(PDEVICE_OBJECT Device, PIRP Irp, PLIST_ENTRY Queue, HANDLE Log) {
  IoAcquireCancelSpinLock(&Irp->CancelIrql);
  if (Irp->Cancel) {
    CancelRead(Device, Irp);
    ZwClose(Log);
    return STATUS_CANCELLED;
  }
  InsertTailList(Queue, &Irp->Tail.Overlay.ListEntry);
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  return STATUS_PENDING;
}

// BUG: the cancel routine already released the lock.
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS QueueReadDoubleRelease(PDEVICE_OBJECT Device, PIRP Irp) {
  IoAcquireCancelSpinLock(&Irp->CancelIrql);
  if (Irp->Cancel) {
    CancelRead(Device, Irp); // expected-note {{IRQL set to PASSIVE_LEVEL here by 'CancelRead'}}
    IoReleaseCancelSpinLock(Irp->CancelIrql); // expected-warning {{'IoReleaseCancelSpinLock' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
    // expected-note@-5 {{'QueueReadDoubleRelease' runs at PASSIVE_LEVEL}}
    // expected-note@*:* {{requirement of 'IoReleaseCancelSpinLock' comes from}}
    return STATUS_CANCELLED;
  }
  IoReleaseCancelSpinLock(Irp->CancelIrql);
  return STATUS_PENDING;
}
// CHECK: cancel-handover.c:[[#@LINE-8]]:5: warning: 'IoReleaseCancelSpinLock' must be called at exactly DISPATCH_LEVEL{{.*}}[irql-not-required]
