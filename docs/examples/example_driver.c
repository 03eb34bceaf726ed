/*
 * example_driver.c -- a small legacy (non-PnP) WDM driver used to show what
 * irqlcheck reports.
 *
 * The driver exposes \Device\IrqlExample.  Clients add samples with an IOCTL,
 * read running statistics with another, start a periodic timer whose DPC
 * hands a summary to a work item, and may ask the driver to open a log file.
 *
 * It contains exactly five deliberate IRQL bugs; each offending line carries
 * a BUG comment tagged "irql" that says what is wrong.  Everything else is
 * meant to be correct IRQL-wise.
 *
 * Builds against the mingw-w64 DDK headers:
 *   clang-19 --target=x86_64-w64-mingw32 -isystem /usr/share/mingw-w64/include \
 *       -isystem /usr/share/mingw-w64/include/ddk -Wall -c example_driver.c
 * and against irqlcheck's WDK-style test headers:
 *   clang-19 --target=x86_64-pc-windows-msvc -fms-extensions \
 *       -I test/Inputs/wdk -Wall -c example_driver.c
 */
#include <ntddk.h>

#ifndef _Dispatch_type_ /* not provided by the mingw-w64 DDK headers */
#define _Dispatch_type_(major)
#endif

#define EXAMPLE_MAX_PENDING  64

#define IOCTL_EXAMPLE_START       CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_EXAMPLE_ADD_SAMPLE  CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_EXAMPLE_GET_STATS   CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_ANY_ACCESS)
#define IOCTL_EXAMPLE_OPEN_LOG    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _EXAMPLE_STATS {
    ULONG Samples;
    ULONG Sum;
    ULONG Ticks;
} EXAMPLE_STATS, *PEXAMPLE_STATS;

typedef struct _EXAMPLE_EXTENSION {
    PDEVICE_OBJECT DeviceObject;
    KSPIN_LOCK Lock;            /* protects Stats, Pending, WorkQueued, LogHandle */
    EXAMPLE_STATS Stats;
    ULONG Pending;              /* samples added since the last summary */
    BOOLEAN WorkQueued;
    HANDLE LogHandle;
    KTIMER Timer;
    KDPC Dpc;
    KEVENT SummaryDone;         /* signalled when the worker has finished */
    PIO_WORKITEM WorkItem;
    UNICODE_STRING SymbolicLink;
} EXAMPLE_EXTENSION, *PEXAMPLE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD ExampleUnload;

_Dispatch_type_(IRP_MJ_CREATE)
_Dispatch_type_(IRP_MJ_CLOSE)
_IRQL_requires_max_(PASSIVE_LEVEL)
DRIVER_DISPATCH ExampleCreateClose;

_Dispatch_type_(IRP_MJ_DEVICE_CONTROL)
_IRQL_requires_max_(PASSIVE_LEVEL)
DRIVER_DISPATCH ExampleDeviceControl;

KDEFERRED_ROUTINE ExampleTimerDpc;
IO_WORKITEM_ROUTINE ExampleWorker;

static VOID ExampleSummarize(_In_ const EXAMPLE_STATS *Stats);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, ExampleUnload)
#pragma alloc_text(PAGE, ExampleCreateClose)
#pragma alloc_text(PAGE, ExampleWorker)
#pragma alloc_text(PAGE, ExampleSummarize)
#endif

/* Pageable: only ever meant to run at PASSIVE_LEVEL. */
static VOID
ExampleSummarize(_In_ const EXAMPLE_STATS *Stats)
{
    ULONG average;

    PAGED_CODE();

    average = (Stats->Samples != 0) ? Stats->Sum / Stats->Samples : 0;
    DbgPrint("IrqlExample: %lu samples, average %lu, %lu ticks\n",
             Stats->Samples, average, Stats->Ticks);
}

/* Copies the statistics and starts a new summary period. */
static VOID
ExampleDrainStats(_Inout_ PEXAMPLE_EXTENSION Ext, _Out_ PEXAMPLE_STATS Out)
{
    KIRQL oldIrql;

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    *Out = Ext->Stats;
    Ext->Pending = 0;
    Ext->WorkQueued = FALSE;
    KeReleaseSpinLock(&Ext->Lock, oldIrql);
}

/* A "faster" copy of the statistics for IOCTL_EXAMPLE_GET_STATS. */
static VOID
ExampleSnapshotStats(_Inout_ PEXAMPLE_EXTENSION Ext, _Out_ PEXAMPLE_STATS Out)
{
    KIRQL oldIrql;

    KeRaiseIrql(DISPATCH_LEVEL, &oldIrql);
    KeAcquireSpinLockAtDpcLevel(&Ext->Lock);
    *Out = Ext->Stats;
    KeReleaseSpinLockFromDpcLevel(&Ext->Lock);
    KeLowerIrql(PASSIVE_LEVEL); /* BUG(irql): lowers to the constant PASSIVE_LEVEL instead of oldIrql, the value saved by KeRaiseIrql */
}

static NTSTATUS
ExampleAddSample(_Inout_ PEXAMPLE_EXTENSION Ext, _In_ ULONG Value)
{
    KIRQL oldIrql;

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    if (Ext->Pending >= EXAMPLE_MAX_PENDING) {
        return STATUS_INSUFFICIENT_RESOURCES; /* BUG(irql): error path returns with Ext->Lock held, leaving the caller at DISPATCH_LEVEL */
    }
    Ext->Pending++;
    Ext->Stats.Samples++;
    Ext->Stats.Sum += Value;
    KeReleaseSpinLock(&Ext->Lock, oldIrql);
    return STATUS_SUCCESS;
}

static NTSTATUS
ExampleOpenLog(_Inout_ PEXAMPLE_EXTENSION Ext)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES attributes;
    IO_STATUS_BLOCK ioStatus;
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL oldIrql;

    RtlInitUnicodeString(&name, L"\\SystemRoot\\IrqlExample.log");
    InitializeObjectAttributes(&attributes, &name, OBJ_KERNEL_HANDLE | OBJ_CASE_INSENSITIVE, NULL, NULL);

    KeAcquireSpinLock(&Ext->Lock, &oldIrql);
    if (Ext->LogHandle == NULL) {
        status = ZwCreateFile(&Ext->LogHandle, FILE_APPEND_DATA | SYNCHRONIZE, &attributes, &ioStatus, NULL, /* BUG(irql): ZwCreateFile (PASSIVE_LEVEL only) called at DISPATCH_LEVEL while Ext->Lock is held */
                              FILE_ATTRIBUTE_NORMAL, FILE_SHARE_READ, FILE_OPEN_IF,
                              FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE, NULL, 0);
    }
    KeReleaseSpinLock(&Ext->Lock, oldIrql);
    return status;
}

VOID
ExampleTimerDpc(_In_ PKDPC Dpc, _In_opt_ PVOID DeferredContext,
                _In_opt_ PVOID SystemArgument1, _In_opt_ PVOID SystemArgument2)
{
    PEXAMPLE_EXTENSION ext = (PEXAMPLE_EXTENSION)DeferredContext;
    EXAMPLE_STATS stats;
    BOOLEAN queueWork = FALSE;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    KeAcquireSpinLockAtDpcLevel(&ext->Lock);
    ext->Stats.Ticks++;
    stats = ext->Stats;
    if (!ext->WorkQueued && ext->Pending >= EXAMPLE_MAX_PENDING / 2) {
        ext->WorkQueued = TRUE;
        queueWork = TRUE;
    }
    KeReleaseSpinLockFromDpcLevel(&ext->Lock);

    if (queueWork) {
        IoQueueWorkItem(ext->WorkItem, ExampleWorker, DelayedWorkQueue, ext);
        return;
    }

    /* No summary pending: print a quick one here, once the last one is done. */
    KeWaitForSingleObject(&ext->SummaryDone, Executive, KernelMode, FALSE, NULL); /* BUG(irql): waits with a NULL (infinite) timeout at DISPATCH_LEVEL inside a DPC */
    ExampleSummarize(&stats); /* BUG(irql): the DPC (DISPATCH_LEVEL) calls pageable ExampleSummarize -- bug check 0xD1 when it is paged out */
    KeSetEvent(&ext->SummaryDone, IO_NO_INCREMENT, FALSE);
}

VOID
ExampleWorker(_In_ PDEVICE_OBJECT DeviceObject, _In_opt_ PVOID Context)
{
    PEXAMPLE_EXTENSION ext = (PEXAMPLE_EXTENSION)Context;
    EXAMPLE_STATS stats;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    KeWaitForSingleObject(&ext->SummaryDone, Executive, KernelMode, FALSE, NULL);
    ExampleDrainStats(ext, &stats);
    ExampleSummarize(&stats);
    KeSetEvent(&ext->SummaryDone, IO_NO_INCREMENT, FALSE);
}

NTSTATUS
ExampleCreateClose(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp)
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

NTSTATUS
ExampleDeviceControl(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp)
{
    PEXAMPLE_EXTENSION ext = (PEXAMPLE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;
    ULONG_PTR information = 0;
    LARGE_INTEGER dueTime;
    NTSTATUS status;

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_EXAMPLE_START:
        dueTime.QuadPart = -10 * 1000 * 1000; /* one second, relative */
        KeSetTimerEx(&ext->Timer, dueTime, 1000, &ext->Dpc);
        status = STATUS_SUCCESS;
        break;
    case IOCTL_EXAMPLE_ADD_SAMPLE:
        if (irpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = ExampleAddSample(ext, *(PULONG)buffer);
        break;
    case IOCTL_EXAMPLE_GET_STATS:
        if (irpSp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(EXAMPLE_STATS)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        ExampleSnapshotStats(ext, (PEXAMPLE_STATS)buffer);
        information = sizeof(EXAMPLE_STATS);
        status = STATUS_SUCCESS;
        break;
    case IOCTL_EXAMPLE_OPEN_LOG:
        status = ExampleOpenLog(ext);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

VOID
ExampleUnload(_In_ PDRIVER_OBJECT DriverObject)
{
    PDEVICE_OBJECT deviceObject = DriverObject->DeviceObject;
    PEXAMPLE_EXTENSION ext = (PEXAMPLE_EXTENSION)deviceObject->DeviceExtension;

    PAGED_CODE();

    KeCancelTimer(&ext->Timer);
    KeFlushQueuedDpcs();
    /* a queued work item still owns SummaryDone until it finishes */
    KeWaitForSingleObject(&ext->SummaryDone, Executive, KernelMode, FALSE, NULL);
    IoFreeWorkItem(ext->WorkItem);
    if (ext->LogHandle != NULL) {
        ZwClose(ext->LogHandle);
    }
    IoDeleteSymbolicLink(&ext->SymbolicLink);
    IoDeleteDevice(deviceObject);
}

NTSTATUS
DriverEntry(_In_ PDRIVER_OBJECT DriverObject, _In_ PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING deviceName;
    PDEVICE_OBJECT deviceObject;
    PEXAMPLE_EXTENSION ext;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlInitUnicodeString(&deviceName, L"\\Device\\IrqlExample");
    status = IoCreateDevice(DriverObject, sizeof(EXAMPLE_EXTENSION), &deviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status)) {
        return status;
    }

    ext = (PEXAMPLE_EXTENSION)deviceObject->DeviceExtension;
    RtlZeroMemory(ext, sizeof(*ext));
    ext->DeviceObject = deviceObject;
    KeInitializeSpinLock(&ext->Lock);
    KeInitializeTimer(&ext->Timer);
    KeInitializeDpc(&ext->Dpc, ExampleTimerDpc, ext);
    KeInitializeEvent(&ext->SummaryDone, SynchronizationEvent, TRUE);

    ext->WorkItem = IoAllocateWorkItem(deviceObject);
    if (ext->WorkItem == NULL) {
        IoDeleteDevice(deviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    RtlInitUnicodeString(&ext->SymbolicLink, L"\\DosDevices\\IrqlExample");
    status = IoCreateSymbolicLink(&ext->SymbolicLink, &deviceName);
    if (!NT_SUCCESS(status)) {
        IoFreeWorkItem(ext->WorkItem);
        IoDeleteDevice(deviceObject);
        return status;
    }

    DriverObject->MajorFunction[IRP_MJ_CREATE] = ExampleCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ExampleCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ExampleDeviceControl;
    DriverObject->DriverUnload = ExampleUnload;

    deviceObject->Flags |= DO_BUFFERED_IO;
    deviceObject->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}
