/*
 * init.c -- MirrorFs: driver entry, unload, attaching to and detaching from
 * volumes, and the control device.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "mirrorfs.h"

MIR_GLOBALS MirGlobals;

static DRIVER_DISPATCH MirControlDispatch;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, MirUnload)
#pragma alloc_text(PAGE, MirAttachToVolume)
#pragma alloc_text(PAGE, MirDetachFromVolume)
#pragma alloc_text(PAGE, MirControlDispatch)
#endif

/* runs under the attach mutex */
static
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
MirInitializeExtension (
    _Inout_ PMIR_DEVICE_EXTENSION Ext,
    _In_ PDEVICE_OBJECT Self
    )
{
    RtlZeroMemory(Ext, sizeof(*Ext));
    Ext->Self = Self;
    KeInitializeSpinLock(&Ext->StatsLock);
    KeInitializeSpinLock(&Ext->NameCacheLock);
    InitializeListHead(&Ext->NameCache);
    ExInitializeFastMutex(&Ext->StreamMutex);
    InitializeListHead(&Ext->StreamList);
    ExInitializeResourceLite(&Ext->LogResource);
    KeInitializeEvent(&Ext->LogIdleEvent, NotificationEvent, TRUE);
    MirInitializePendingQueue(Ext);

    Ext->LogBuffer = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, MIR_LOG_BUFFER_SIZE, MIR_LOG_TAG);
    if (Ext->LogBuffer == NULL) {
        ExDeleteResourceLite(&Ext->LogResource);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Ext->FlushWorkItem = IoAllocateWorkItem(Self);
    if (Ext->FlushWorkItem == NULL) {
        ExFreePoolWithTag(Ext->LogBuffer, MIR_LOG_TAG);
        Ext->LogBuffer = NULL;
        ExDeleteResourceLite(&Ext->LogResource);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    return STATUS_SUCCESS;
}

static
_IRQL_requires_max_(APC_LEVEL)
BOOLEAN
MirIsAttachedLocked (
    _In_ PDEVICE_OBJECT VolumeDevice
    )
{
    PLIST_ENTRY Entry;

    for (Entry = MirGlobals.VolumeList.Flink; Entry != &MirGlobals.VolumeList; Entry = Entry->Flink) {
        PMIR_DEVICE_EXTENSION Ext = CONTAINING_RECORD(Entry, MIR_DEVICE_EXTENSION, VolumeLink);
        if (Ext->LowerDevice == VolumeDevice) {
            return TRUE;
        }
    }
    return FALSE;
}

_Use_decl_annotations_
NTSTATUS
MirAttachToVolume (
    PDEVICE_OBJECT VolumeDevice,
    PDEVICE_OBJECT *FilterDevice
    )
{
    NTSTATUS Status;
    PDEVICE_OBJECT Filter = NULL;
    PMIR_DEVICE_EXTENSION Ext;

    PAGED_CODE();

    if (FilterDevice != NULL) {
        *FilterDevice = NULL;
    }

    ExAcquireFastMutex(&MirGlobals.AttachMutex);
    if (MirIsAttachedLocked(VolumeDevice)) {
        ExReleaseFastMutex(&MirGlobals.AttachMutex);
        return STATUS_SUCCESS;
    }

    /* Holding the mutex across the creation keeps a second mount
       notification from attaching twice. */
    Status = IoCreateDevice(MirGlobals.DriverObject, // BUG(irql): IoCreateDevice is PASSIVE_LEVEL-only, called under a fast mutex (APC_LEVEL) expected-warning-re {{'IoCreateDevice' called at APC_LEVEL{{.*}} [irql-too-high]}}
                            sizeof(MIR_DEVICE_EXTENSION),
                            NULL,
                            VolumeDevice->DeviceType,
                            0,
                            FALSE,
                            &Filter);
    if (!NT_SUCCESS(Status)) {
        ExReleaseFastMutex(&MirGlobals.AttachMutex);
        return Status;
    }

    Ext = (PMIR_DEVICE_EXTENSION)Filter->DeviceExtension;
    Status = MirInitializeExtension(Ext, Filter);
    if (!NT_SUCCESS(Status)) {
        ExReleaseFastMutex(&MirGlobals.AttachMutex);
        IoDeleteDevice(Filter);
        return Status;
    }

    Ext->LowerDevice = IoAttachDeviceToDeviceStack(Filter, VolumeDevice);
    if (Ext->LowerDevice == NULL) {
        ExReleaseFastMutex(&MirGlobals.AttachMutex);
        IoFreeWorkItem(Ext->FlushWorkItem);
        ExFreePoolWithTag(Ext->LogBuffer, MIR_LOG_TAG);
        ExDeleteResourceLite(&Ext->LogResource);
        IoDeleteDevice(Filter);
        return STATUS_NO_SUCH_DEVICE;
    }

    InsertTailList(&MirGlobals.VolumeList, &Ext->VolumeLink);
    MirGlobals.VolumeCount++;
    ExReleaseFastMutex(&MirGlobals.AttachMutex);

    Filter->Flags |= (VolumeDevice->Flags & (DO_BUFFERED_IO | DO_DIRECT_IO));
    Filter->Flags &= ~DO_DEVICE_INITIALIZING;
    MirStartFlushTimer(Ext);

    if (FilterDevice != NULL) {
        *FilterDevice = Filter;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
MirDetachFromVolume (
    PDEVICE_OBJECT FilterDevice
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)FilterDevice->DeviceExtension;

    PAGED_CODE();

    Ext->Detaching = TRUE;
    MirStopFlushTimer(Ext);
    MirNameCachePurge(Ext);

    ExAcquireFastMutex(&MirGlobals.AttachMutex);
    RemoveEntryList(&Ext->VolumeLink);
    MirGlobals.VolumeCount--;
    ExReleaseFastMutex(&MirGlobals.AttachMutex);

    IoDetachDevice(Ext->LowerDevice);
    IoFreeWorkItem(Ext->FlushWorkItem);
    if (Ext->LogHandle != NULL) {
        ZwClose(Ext->LogHandle);
    }
    ExFreePoolWithTag(Ext->LogBuffer, MIR_LOG_TAG);
    ExDeleteResourceLite(&Ext->LogResource);
    IoDeleteDevice(FilterDevice);
}

/* the control device answers create/close and the two private IOCTLs */
_Use_decl_annotations_
static
NTSTATUS
MirControlDispatch (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG_PTR Information = 0;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    switch (Stack->MajorFunction) {
    case IRP_MJ_CREATE:
    case IRP_MJ_CLEANUP:
    case IRP_MJ_CLOSE:
        break;

    case IRP_MJ_DEVICE_CONTROL:
        if (Stack->Parameters.DeviceIoControl.IoControlCode == IOCTL_MIR_GET_STATS) {
            MIR_STATS Total;
            PLIST_ENTRY Entry;

            if (Stack->Parameters.DeviceIoControl.OutputBufferLength < sizeof(MIR_STATS)) {
                Status = STATUS_BUFFER_TOO_SMALL;
                break;
            }
            RtlZeroMemory(&Total, sizeof(Total));
            ExAcquireFastMutex(&MirGlobals.AttachMutex);
            for (Entry = MirGlobals.VolumeList.Flink; Entry != &MirGlobals.VolumeList;
                 Entry = Entry->Flink) {
                PMIR_DEVICE_EXTENSION Ext = CONTAINING_RECORD(Entry, MIR_DEVICE_EXTENSION, VolumeLink);
                MIR_STATS One;

                MirCopyStats(Ext, &One, sizeof(One));
                Total.Creates += One.Creates;
                Total.Closes += One.Closes;
                Total.Reads += One.Reads;
                Total.Writes += One.Writes;
                Total.BytesMirrored += One.BytesMirrored;
            }
            ExReleaseFastMutex(&MirGlobals.AttachMutex);
            RtlCopyMemory(Irp->AssociatedIrp.SystemBuffer, &Total, sizeof(Total));
            Information = sizeof(Total);
        } else {
            Status = STATUS_INVALID_DEVICE_REQUEST;
        }
        break;

    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

_Use_decl_annotations_
VOID
MirUnload (
    PDRIVER_OBJECT DriverObject
    )
{
    UNICODE_STRING LinkName = RTL_CONSTANT_STRING(L"\\DosDevices\\MirrorFs");

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);

    while (!IsListEmpty(&MirGlobals.VolumeList)) {
        PMIR_DEVICE_EXTENSION Ext =
            CONTAINING_RECORD(MirGlobals.VolumeList.Flink, MIR_DEVICE_EXTENSION, VolumeLink);
        MirDetachFromVolume(Ext->Self);
    }

    IoDeleteSymbolicLink(&LinkName);
    IoDeleteDevice(MirGlobals.ControlDevice);
    ExDeleteNPagedLookasideList(&MirGlobals.WriteContextLookaside);
    ExDeleteNPagedLookasideList(&MirGlobals.StreamLookaside);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    UNICODE_STRING DeviceName = RTL_CONSTANT_STRING(L"\\Device\\MirrorFs");
    UNICODE_STRING LinkName = RTL_CONSTANT_STRING(L"\\DosDevices\\MirrorFs");
    NTSTATUS Status;
    ULONG i;

    UNREFERENCED_PARAMETER(RegistryPath);

    RtlZeroMemory(&MirGlobals, sizeof(MirGlobals));
    MirGlobals.DriverObject = DriverObject;
    ExInitializeFastMutex(&MirGlobals.AttachMutex);
    InitializeListHead(&MirGlobals.VolumeList);
    ExInitializeNPagedLookasideList(&MirGlobals.StreamLookaside, NULL, NULL, 0,
                                    sizeof(MIR_STREAM), MIR_POOL_TAG, 0);
    ExInitializeNPagedLookasideList(&MirGlobals.WriteContextLookaside, NULL, NULL, 0,
                                    sizeof(MIR_WRITE_CONTEXT), MIR_POOL_TAG, 0);

    Status = IoCreateDevice(DriverObject, 0, &DeviceName, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &MirGlobals.ControlDevice);
    if (!NT_SUCCESS(Status)) {
        ExDeleteNPagedLookasideList(&MirGlobals.WriteContextLookaside);
        ExDeleteNPagedLookasideList(&MirGlobals.StreamLookaside);
        return Status;
    }

    Status = IoCreateSymbolicLink(&LinkName, &DeviceName);
    if (!NT_SUCCESS(Status)) {
        IoDeleteDevice(MirGlobals.ControlDevice);
        ExDeleteNPagedLookasideList(&MirGlobals.WriteContextLookaside);
        ExDeleteNPagedLookasideList(&MirGlobals.StreamLookaside);
        return Status;
    }

    for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++) {
        DriverObject->MajorFunction[i] = MirPassThrough;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = MirCreate;
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = MirCleanup;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = MirClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = MirRead;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = MirWrite;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = MirDeviceControl;
    DriverObject->FastIoDispatch = &MirFastIoDispatch;
    DriverObject->DriverUnload = MirUnload;

    MirGlobals.ControlDevice->Flags &= ~DO_DEVICE_INITIALIZING;
    return STATUS_SUCCESS;
}

/* the control device shares the dispatch table; route it here first */
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
MirDispatchControlDevice (
    _In_ PDEVICE_OBJECT DeviceObject,
    _Inout_ PIRP Irp
    )
{
    return MirControlDispatch(DeviceObject, Irp);
}
