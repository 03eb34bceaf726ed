// Zero source changes: a correct driver compiled against the real mingw-w64
// DDK headers (<ntddk.h>, which define the SAL macros empty) gives exactly the
// same diagnostics with the plugin as without it, at -Wall -Wextra, for x64
// and x86, with <ntddk.h> and with <ntifs.h>, with and without -fms-extensions.
//
// RUN: %clang %mingw_ddk -Wall -Wextra -c %s -o %t.o 2> %t.without
// RUN: %clang %mingw_ddk -Wall -Wextra -c %s -o %t.o -fplugin=%irqlcheck 2> %t.with
// RUN: diff %t.without %t.with
// RUN: %clang %mingw32_ddk -Wall -Wextra -O2 -c %s -o %t.o 2> %t.without
// RUN: %clang %mingw32_ddk -Wall -Wextra -O2 -c %s -o %t.o -fplugin=%irqlcheck 2> %t.with
// RUN: diff %t.without %t.with
// RUN: %clang %mingw_ddk -DUSE_NTIFS -Wall -Wextra -c %s -o %t.o 2> %t.without
// RUN: %clang %mingw_ddk -DUSE_NTIFS -Wall -Wextra -c %s -o %t.o -fplugin=%irqlcheck 2> %t.with
// RUN: diff %t.without %t.with
// With -fms-extensions #pragma alloc_text would work, but mingw-w64 defines
// ALLOC_PRAGMA only for MSVC, so the driver's PAGED_CODE() functions stay in
// .text: still nothing to add.
// RUN: %clang %mingw_ddk -fms-extensions -Wall -Wextra -c %s -o %t.o 2> %t.without
// RUN: %clang %mingw_ddk -fms-extensions -Wall -Wextra -c %s -o %t.o -fplugin=%irqlcheck 2> %t.with
// RUN: diff %t.without %t.with
//
// Apart from clang's own deprecation #warning for <mm3dnow.h> (pulled in by
// mingw-w64's <intrin.h>), the file is clean, so -Werror holds with the plugin.
// RUN: %clang %mingw_ddk -Wall -Wextra -Werror -Wno-#warnings -fplugin=%irqlcheck \
// RUN:   -c %s -o %t.o
// RUN: %clang %mingw_ddk -DUSE_NTIFS -Wall -Wextra -Werror -Wno-#warnings \
// RUN:   -fplugin=%irqlcheck -c %s -o %t.o
//
// Negative: the plugin does see the driver (the headers' macros did not hide
// the roles and pageable functions from it).
// RUN: %clang %mingw_ddk -fsyntax-only -Wno-#warnings -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %s | FileCheck %s
// CHECK-DAG: contract DriverEntry: {{.*}}class=DRIVER_INITIALIZE
// CHECK-DAG: contract SampleUnload: {{.*}}class=DRIVER_UNLOAD paged
// CHECK-DAG: contract SampleDpc: req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE

#ifdef USE_NTIFS
#include <ntifs.h>
#else
#include <ntddk.h>
#endif

typedef struct _SAMPLE_EXTENSION {
  KSPIN_LOCK Lock;
  ULONG Count;
  KDPC Dpc;
  KEVENT Event;
  PVOID Buffer;
} SAMPLE_EXTENSION, *PSAMPLE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD SampleUnload;
DRIVER_DISPATCH SampleCreateClose;
KDEFERRED_ROUTINE SampleDpc;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SampleUnload)
#pragma alloc_text(PAGE, SampleCreateClose)
#endif

static PSAMPLE_EXTENSION Global;

VOID SampleDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  PSAMPLE_EXTENSION Ext = (PSAMPLE_EXTENSION)Context;
  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(Arg1);
  UNREFERENCED_PARAMETER(Arg2);
  KeAcquireSpinLockAtDpcLevel(&Ext->Lock);
  Ext->Count++;
  KeReleaseSpinLockFromDpcLevel(&Ext->Lock);
  KeSetEvent(&Ext->Event, IO_NO_INCREMENT, FALSE);
}

static VOID SampleBump(PSAMPLE_EXTENSION Ext) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Ext->Lock, &OldIrql);
  Ext->Count++;
  KeReleaseSpinLock(&Ext->Lock, OldIrql);
}

NTSTATUS SampleCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PAGED_CODE();
  UNREFERENCED_PARAMETER(DeviceObject);
  SampleBump(Global);
  Irp->IoStatus.Status = STATUS_SUCCESS;
  Irp->IoStatus.Information = 0;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
  return STATUS_SUCCESS;
}

VOID SampleUnload(PDRIVER_OBJECT DriverObject) {
  PAGED_CODE();
  UNREFERENCED_PARAMETER(DriverObject);
  KeWaitForSingleObject(&Global->Event, Executive, KernelMode, FALSE, NULL);
  ExFreePoolWithTag(Global->Buffer, 'lpmS');
  ExFreePoolWithTag(Global, 'lpmS');
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(RegistryPath);
  Global = (PSAMPLE_EXTENSION)ExAllocatePoolWithTag(NonPagedPool, sizeof(*Global), 'lpmS');
  if (Global == NULL)
    return STATUS_INSUFFICIENT_RESOURCES;
  RtlZeroMemory(Global, sizeof(*Global));
  Global->Buffer = ExAllocatePoolWithTag(PagedPool, 64, 'lpmS');
  KeInitializeSpinLock(&Global->Lock);
  KeInitializeEvent(&Global->Event, NotificationEvent, FALSE);
  KeInitializeDpc(&Global->Dpc, SampleDpc, Global);
  DriverObject->MajorFunction[IRP_MJ_CREATE] = SampleCreateClose;
  DriverObject->MajorFunction[IRP_MJ_CLOSE] = SampleCreateClose;
  DriverObject->DriverUnload = SampleUnload;
  return STATUS_SUCCESS;
}
