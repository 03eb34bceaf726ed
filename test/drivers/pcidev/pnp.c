/*
 * pnp.c -- PciDev: driver entry, add-device, start/stop/remove and
 * create/close.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "pcidev.h"

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
PciStartDevice (
    _Inout_ PPCI_EXTENSION Ext,
    _In_ PIRP Irp
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
VOID
PciStopDevice (
    _Inout_ PPCI_EXTENSION Ext
    );

static IO_COMPLETION_ROUTINE PciStartCompletion;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, PciAddDevice)
#pragma alloc_text(PAGE, PciUnload)
#pragma alloc_text(PAGE, PciDispatchPnp)
#pragma alloc_text(PAGE, PciCreateClose)
#pragma alloc_text(PAGE, PciStartDevice)
#pragma alloc_text(PAGE, PciStopDevice)
#endif

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNREFERENCED_PARAMETER(RegistryPath);

    DriverObject->MajorFunction[IRP_MJ_CREATE] = PciCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = PciCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = PciReadWrite;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = PciReadWrite;
    DriverObject->MajorFunction[IRP_MJ_PNP] = PciDispatchPnp;
    DriverObject->MajorFunction[IRP_MJ_POWER] = PciDispatchPower;
    DriverObject->DriverStartIo = PciStartIo;
    DriverObject->DriverUnload = PciUnload;
    DriverObject->DriverExtension->AddDevice = PciAddDevice;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
PciAddDevice (
    PDRIVER_OBJECT DriverObject,
    PDEVICE_OBJECT PhysicalDeviceObject
    )
{
    PDEVICE_OBJECT Device;
    PPCI_EXTENSION Ext;
    NTSTATUS Status;

    PAGED_CODE();

    Status = IoCreateDevice(DriverObject, sizeof(PCI_EXTENSION), NULL, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Ext = (PPCI_EXTENSION)Device->DeviceExtension;
    RtlZeroMemory(Ext, sizeof(*Ext));
    Ext->Self = Device;
    Ext->PhysicalDevice = PhysicalDeviceObject;
    Ext->Power = PciPowerOff;
    KeInitializeSpinLock(&Ext->RingLock);

    Status = IoInitializeTimer(Device, PciWatchdog, Ext);
    if (!NT_SUCCESS(Status)) {
        IoDeleteDevice(Device);
        return Status;
    }
    IoInitializeDpcRequest(Device, PciDpcForIsr);

    Ext->LowerDevice = IoAttachDeviceToDeviceStack(Device, PhysicalDeviceObject);
    if (Ext->LowerDevice == NULL) {
        IoDeleteDevice(Device);
        return STATUS_NO_SUCH_DEVICE;
    }

    /* not DO_POWER_PAGABLE: power IRPs may come at DISPATCH_LEVEL */
    Device->Flags |= DO_DIRECT_IO;
    Device->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
PciUnload (
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);
}

_Use_decl_annotations_
static
NTSTATUS
PciStartCompletion (
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

_Use_decl_annotations_
static
NTSTATUS
PciStartDevice (
    PPCI_EXTENSION Ext,
    PIRP Irp
    )
{
    NTSTATUS Status;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(Irp);

    /* A real driver maps the translated memory resource here; the sample
       keeps a register block in non-paged pool instead. */
    Ext->Registers = (PPCI_REGISTERS)ExAllocatePool2(POOL_FLAG_NON_PAGED, sizeof(PCI_REGISTERS),
                                                     PCI_POOL_TAG);
    if (Ext->Registers == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Ext->InterruptIrql = 5;
    Status = IoConnectInterrupt(&Ext->Interrupt, PciInterruptService, Ext, NULL,
                                0x41, Ext->InterruptIrql, Ext->InterruptIrql,
                                LevelSensitive, TRUE, (KAFFINITY)-1, FALSE);
    if (!NT_SUCCESS(Status)) {
        ExFreePoolWithTag(Ext->Registers, PCI_POOL_TAG);
        Ext->Registers = NULL;
        return Status;
    }

    KeSynchronizeExecution(Ext->Interrupt, PciSyncEnableInterrupts, Ext);
    Ext->Power = PciPowerOn;
    Ext->Started = TRUE;
    IoStartTimer(Ext->Self);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
static
VOID
PciStopDevice (
    PPCI_EXTENSION Ext
    )
{
    PAGED_CODE();

    if (!Ext->Started) {
        return;
    }
    Ext->Started = FALSE;
    IoStopTimer(Ext->Self);
    KeSynchronizeExecution(Ext->Interrupt, PciSyncDisableInterrupts, Ext);
    IoDisconnectInterrupt(Ext->Interrupt);
    Ext->Interrupt = NULL;
    PciFailAllSlots(Ext, STATUS_DEVICE_NOT_READY);
    ExFreePoolWithTag(Ext->Registers, PCI_POOL_TAG);
    Ext->Registers = NULL;
}

_Use_decl_annotations_
NTSTATUS
PciDispatchPnp (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status;
    KEVENT Event;

    PAGED_CODE();

    switch (Stack->MinorFunction) {
    case IRP_MN_START_DEVICE:
        KeInitializeEvent(&Event, NotificationEvent, FALSE);
        IoCopyCurrentIrpStackLocationToNext(Irp);
        IoSetCompletionRoutine(Irp, PciStartCompletion, &Event, TRUE, TRUE, TRUE);
        Status = IoCallDriver(Ext->LowerDevice, Irp);
        if (Status == STATUS_PENDING) {
            KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);
            Status = Irp->IoStatus.Status;
        }
        if (NT_SUCCESS(Status)) {
            Status = PciStartDevice(Ext, Irp);
        }
        Irp->IoStatus.Status = Status;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return Status;

    case IRP_MN_STOP_DEVICE:
    case IRP_MN_SURPRISE_REMOVAL:
        PciStopDevice(Ext);
        Irp->IoStatus.Status = STATUS_SUCCESS;
        break;

    case IRP_MN_REMOVE_DEVICE:
        PciStopDevice(Ext);
        Ext->Removed = TRUE;
        Irp->IoStatus.Status = STATUS_SUCCESS;
        IoSkipCurrentIrpStackLocation(Irp);
        Status = IoCallDriver(Ext->LowerDevice, Irp);
        IoDetachDevice(Ext->LowerDevice);
        IoDeleteDevice(DeviceObject);
        return Status;

    default:
        break;
    }

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
NTSTATUS
PciCreateClose (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;
    NTSTATUS Status = Ext->Removed ? STATUS_NO_SUCH_DEVICE : STATUS_SUCCESS;

    PAGED_CODE();

    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}
