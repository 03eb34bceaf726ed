// A callback known only from its registration is checked at its role's IRQL,
// with the real mingw-w64 headers (whose role typedefs carry no annotations):
// the DPC is registered in DriverEntry but defined after it.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only %s | FileCheck %s --check-prefix=DUMP

#include <ntddk.h>

static KDPC Dpc;
static KEVENT Event;
VOID TimerDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2);
VOID QuietDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2);
NTSTATUS Read(PDEVICE_OBJECT Dev, PIRP Irp);
VOID Unload(PDRIVER_OBJECT Driver);
VOID NeverRegistered(void);

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path) {
  KeInitializeEvent(&Event, NotificationEvent, FALSE);
  KeInitializeDpc(&Dpc, TimerDpc, NULL);
  KeInitializeDpc(&Dpc, QuietDpc, NULL);
  Driver->MajorFunction[IRP_MJ_READ] = Read;
  Driver->DriverUnload = Unload;
  return STATUS_SUCCESS;
}

VOID TimerDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2) { // expected-note@11 {{'TimerDpc' runs at DISPATCH_LEVEL}}
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL); // expected-warning {{'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{comes from the built-in kernel model}}
}

VOID QuietDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2) {
  LARGE_INTEGER Zero;
  Zero.QuadPart = 0;
  // A zero timeout is a poll, allowed at DISPATCH_LEVEL.
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero);
}

NTSTATUS Read(PDEVICE_OBJECT Dev, PIRP Irp) { return STATUS_SUCCESS; }
VOID Unload(PDRIVER_OBJECT Driver) { ZwClose(NULL); }
// Unregistered and unannotated: its entry IRQL is unknown, nothing is certain.
VOID NeverRegistered(void) { KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL); }

// DUMP-DAG: irqlcheck: contract TimerDpc: req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE [registered with KeInitializeDpc; role KDEFERRED_ROUTINE]
// A dispatch routine stored for IRP_MJ_READ runs at most at APC_LEVEL.
// DUMP-DAG: irqlcheck: contract Read: max=APC_LEVEL same class=DRIVER_DISPATCH [registered with ->MajorFunction; role DRIVER_DISPATCH; dispatch type IRP_MJ_READ]
// DUMP-DAG: irqlcheck: contract Unload: req=PASSIVE_LEVEL same class=DRIVER_UNLOAD [registered with ->DriverUnload; role DRIVER_UNLOAD]
// DUMP-DAG: irqlcheck: contract DriverEntry: req=PASSIVE_LEVEL same class=DRIVER_INITIALIZE [role DRIVER_INITIALIZE]
// DUMP-NOT: contract NeverRegistered
