// An entry range is a promise that the function really runs at every level
// of it only when something written on the function says so (its own
// annotation) or its role is called at the top of its range (a DPC, a
// completion routine). Then a call wrong only at the top is a contract
// inconsistency, and the message says which annotation to narrow. A range
// nothing promises (the DRIVER_DISPATCH typedef's DISPATCH_LEVEL, the implied
// _IRQL_requires_max_(DISPATCH_LEVEL) default, an unannotated function with
// no caller) only bounds where the function may run: a call there is
// reported only if it is wrong at every level of the range.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -triple i686-pc-windows-msvc %s
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:

#include <ntddk.h>

//===--- Bounds, not promises: silent ---------------------------------------===//

// Dispatch routines run at PASSIVE_LEVEL although the typedef allows more.
DRIVER_DISPATCH DispatchCreate;
NTSTATUS DispatchCreate(PDEVICE_OBJECT Device, PIRP Irp) {
  ZwClose(NULL);
  Irp->IoStatus.Status = STATUS_SUCCESS;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return STATUS_SUCCESS;
}

// _IRQL_requires_same_ alone implies a maximum of DISPATCH_LEVEL, but says
// nothing about where the function is really called.
_IRQL_requires_same_
VOID CloseSame(HANDLE Handle) { ZwClose(Handle); }

// An unannotated function nothing in this file calls.
VOID CloseUnannotated(HANDLE Handle) { ZwClose(Handle); }

//===--- Promises: a call wrong at the top is reported ----------------------===//

_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{if 'ClosePromised' is never called above it, narrow this annotation to _IRQL_requires_max_(PASSIVE_LEVEL); otherwise lower the IRQL before the call}}
VOID ClosePromised(HANDLE Handle) {
  ZwClose(Handle); // expected-warning {{'ClosePromised' is annotated to be callable at DISPATCH_LEVEL, but calls PASSIVE_LEVEL-only 'ZwClose' [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
}
// CHECK: entry-promises.c:[[#@LINE-3]]:3: warning: 'ClosePromised' is annotated to be callable at DISPATCH_LEVEL, but calls PASSIVE_LEVEL-only 'ZwClose' [irql-too-high]

_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{narrow this annotation to _IRQL_requires_max_(APC_LEVEL)}}
NTSTATUS WaitPromised(PKEVENT Event) {
  return KeWaitForSingleObject(Event, Executive, KernelMode, FALSE, NULL); // expected-warning {{'WaitPromised' is annotated to be callable at DISPATCH_LEVEL, but calls 'KeWaitForSingleObject', which requires IRQL <= APC_LEVEL [irql-too-high]}}
  // expected-note@*:* {{requirement of 'KeWaitForSingleObject' comes from}}
}
// CHECK: entry-promises.c:[[#@LINE-3]]:10: warning: 'WaitPromised' is annotated to be callable at DISPATCH_LEVEL{{.*}}[irql-too-high]

// A completion routine really is called at up to DISPATCH_LEVEL.
IO_COMPLETION_ROUTINE OnComplete; // expected-note@wdm.h:* {{IO_COMPLETION_ROUTINE routines are called at up to DISPATCH_LEVEL; do this work at a lower IRQL (a work item, for PASSIVE_LEVEL)}}
NTSTATUS OnComplete(PDEVICE_OBJECT Device, PIRP Irp, PVOID Context) {
  ZwClose(Context); // expected-warning {{'OnComplete' can be called at DISPATCH_LEVEL (its role IO_COMPLETION_ROUTINE), but calls PASSIVE_LEVEL-only 'ZwClose' [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
  return STATUS_SUCCESS;
}
// CHECK: entry-promises.c:[[#@LINE-4]]:3: warning: 'OnComplete' can be called at DISPATCH_LEVEL (its role IO_COMPLETION_ROUTINE){{.*}}[irql-too-high]

//===--- A bound still catches what is wrong at every level -----------------===//

KSPIN_LOCK Lock;

// Under a spin lock the IRQL is DISPATCH_LEVEL whatever the entry range.
DRIVER_DISPATCH DispatchClose;
NTSTATUS DispatchClose(PDEVICE_OBJECT Device, PIRP Irp) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  ZwClose(NULL); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
  KeReleaseSpinLock(&Lock, Old);
  return STATUS_SUCCESS;
}
// CHECK: entry-promises.c:[[#@LINE-5]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL{{.*}}[irql-too-high]

//===--- Messages describe the range the verdict was reached on -------------===//

// A KeGetCurrentIrql() test narrows one path; the paths join again before
// the wait, so together they still cover the promised range. The message
// must not print one path's narrowed range ("called at the entry IRQL
// (PASSIVE_LEVEL..APC_LEVEL), but it requires IRQL <= APC_LEVEL").
_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{narrow this annotation to _IRQL_requires_max_(APC_LEVEL)}}
NTSTATUS WaitAfterTest(PKEVENT Event) {
  if (KeGetCurrentIrql() <= APC_LEVEL)
    KeClearEvent(Event);
  return KeWaitForSingleObject(Event, Executive, KernelMode, FALSE, NULL); // expected-warning {{'WaitAfterTest' is annotated to be callable at DISPATCH_LEVEL, but calls 'KeWaitForSingleObject', which requires IRQL <= APC_LEVEL}}
  // expected-note@*:* {{requirement of 'KeWaitForSingleObject' comes from}}
}
// CHECK: entry-promises.c:[[#@LINE-3]]:10: warning: 'WaitAfterTest' is annotated to be callable at DISPATCH_LEVEL{{.*}}[irql-too-high]
