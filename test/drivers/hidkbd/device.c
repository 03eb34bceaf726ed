/*
 * device.c -- HidKbd: driver entry, add-device, PnP, and reading the HID
 * collection's preparsed data at start.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "hidkbd.h"

static IO_COMPLETION_ROUTINE KbdSignalCompletion;

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KbdStartDevice (
    _Inout_ PKBD_EXTENSION Ext
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, KbdAddDevice)
#pragma alloc_text(PAGE, KbdUnload)
#pragma alloc_text(PAGE, KbdDispatchPnp)
#pragma alloc_text(PAGE, KbdStartDevice)
#endif

_Use_decl_annotations_
static
NTSTATUS
KbdSignalCompletion (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    UNREFERENCED_PARAMETER(DeviceObject);
    UNREFERENCED_PARAMETER(Irp);

    KeSetEvent((PKEVENT)Context, IO_NO_INCREMENT, FALSE);
    return STATUS_MORE_PROCESSING_REQUIRED;
}

/* sends an internal HID IOCTL down and waits for it */
static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KbdSendIoctl (
    _In_ PKBD_EXTENSION Ext,
    _In_ ULONG IoControlCode,
    _Out_writes_bytes_(OutputLength) PVOID Output,
    _In_ ULONG OutputLength
    )
{
    IO_STATUS_BLOCK IoStatus;
    KEVENT Event;
    PIRP Irp;
    NTSTATUS Status;

    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    Irp = IoBuildDeviceIoControlRequest(IoControlCode, Ext->LowerDevice, NULL, 0,
                                        Output, OutputLength, FALSE, &Event, &IoStatus);
    if (Irp == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Status = IoCallDriver(Ext->LowerDevice, Irp);
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);
        Status = IoStatus.Status;
    }
    return Status;
}

_Use_decl_annotations_
static
NTSTATUS
KbdStartDevice (
    PKBD_EXTENSION Ext
    )
{
    HID_COLLECTION_INFORMATION Info;
    NTSTATUS Status;

    PAGED_CODE();

    Status = KbdSendIoctl(Ext, IOCTL_HID_GET_COLLECTION_INFORMATION, &Info, sizeof(Info));
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    Ext->PreparsedData = (PHIDP_PREPARSED_DATA)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                                               Info.DescriptorSize, KBD_POOL_TAG);
    if (Ext->PreparsedData == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Status = KbdSendIoctl(Ext, IOCTL_HID_GET_COLLECTION_DESCRIPTOR, Ext->PreparsedData,
                          Info.DescriptorSize);
    if (NT_SUCCESS(Status)) {
        Status = KbdPrepareReports(Ext);
    }
    if (NT_SUCCESS(Status)) {
        Status = KbdStartRead(Ext);
        if (Status == STATUS_PENDING) {
            Status = STATUS_SUCCESS;
        }
    }
    if (!NT_SUCCESS(Status)) {
        ExFreePoolWithTag(Ext->PreparsedData, KBD_POOL_TAG);
        Ext->PreparsedData = NULL;
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
KbdDispatchPnp (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PKBD_EXTENSION Ext = (PKBD_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status;
    KEVENT Event;

    PAGED_CODE();

    switch (Stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        KeInitializeEvent(&Event, NotificationEvent, FALSE);
        IoCopyCurrentIrpStackLocationToNext(Irp);
        IoSetCompletionRoutine(Irp, KbdSignalCompletion, &Event, TRUE, TRUE, TRUE);
        Status = IoCallDriver(Ext->LowerDevice, Irp);
        if (Status == STATUS_PENDING) {
            KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);
            Status = Irp->IoStatus.Status;
        }
        if (NT_SUCCESS(Status)) {
            Status = KbdStartDevice(Ext);
        }
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return Status;

    case IRP_MN_REMOVE_DEVICE:
        KbdStopRead(Ext);
        if (Ext->PreparsedData != NULL) {
            ExFreePoolWithTag(Ext->PreparsedData, KBD_POOL_TAG);
            Ext->PreparsedData = NULL;
        }
        IoSkipCurrentIrpStackLocation(Irp);
        Status = IoCallDriver(Ext->LowerDevice, Irp);
        IoDetachDevice(Ext->LowerDevice);
        IoDeleteDevice(DeviceObject);
        return Status;

    default:
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(Ext->LowerDevice, Irp);
    }
}

_Use_decl_annotations_
NTSTATUS
KbdDispatchPassThrough (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PKBD_EXTENSION Ext = (PKBD_EXTENSION)DeviceObject->DeviceExtension;

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
NTSTATUS
KbdAddDevice (
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT PhysicalDeviceObject
    )
{
    PDEVICE_OBJECT Device;
    PKBD_EXTENSION Ext;
    NTSTATUS Status;

    PAGED_CODE();

    Status = IoCreateDevice(DriverObject, sizeof(KBD_EXTENSION), NULL, FILE_DEVICE_KEYBOARD, 0,
                            FALSE, &Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    Ext = (PKBD_EXTENSION)Device->DeviceExtension;
    RtlZeroMemory(Ext, sizeof(*Ext));
    Ext->Self = Device;
    KeInitializeSpinLock(&Ext->KeyLock);

    Ext->LowerDevice = IoAttachDeviceToDeviceStack(Device, PhysicalDeviceObject);
    if (Ext->LowerDevice == NULL) {
        IoDeleteDevice(Device);
        return STATUS_NO_SUCH_DEVICE;
    }
    Device->Flags |= DO_BUFFERED_IO | DO_POWER_PAGABLE;
    Device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
KbdUnload (
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        DriverObject->MajorFunction[i] = KbdDispatchPassThrough;
    }
    DriverObject->MajorFunction[IRP_MJ_PNP] = KbdDispatchPnp;
    DriverObject->DriverExtension->AddDevice = KbdAddDevice;
    DriverObject->DriverUnload = KbdUnload;
    return STATUS_SUCCESS;
}
