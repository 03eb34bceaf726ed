/*
 * dispatch.c -- MirrorFs: IRP dispatch routines and their completion
 * routines.  The three ways the WDK lets a driver say which major function a
 * routine serves all appear here: _Dispatch_type_ (create, cleanup), the
 * fastfat-style pair of function classes (close), and only the
 * MajorFunction[] registration in DriverEntry (read, write, device control).
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "mirrorfs.h"

static IO_COMPLETION_ROUTINE MirSynchronousCompletion;
static IO_COMPLETION_ROUTINE MirReadCompletion;
static IO_COMPLETION_ROUTINE MirWriteCompletion;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, MirCreate)
#pragma alloc_text(PAGE, MirCleanup)
#pragma alloc_text(PAGE, MirClose)
#pragma alloc_text(PAGE, MirDeviceControl)
#endif

_Use_decl_annotations_
static
NTSTATUS
MirSynchronousCompletion (
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

/* completes an IRP this filter refuses */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
MirFailRequest (
    _Inout_ PIRP Irp,
    _In_ NTSTATUS Status
    )
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

/* sends the IRP down and waits for it: only at PASSIVE_LEVEL */
static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
MirForwardAndWait (
    _In_ PMIR_DEVICE_EXTENSION Ext,
    _Inout_ PIRP Irp
    )
{
    KEVENT Event;
    NTSTATUS Status;

    KeInitializeEvent(&Event, NotificationEvent, FALSE);
    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, MirSynchronousCompletion, &Event, TRUE, TRUE, TRUE);

    Status = IoCallDriver(Ext->LowerDevice, Irp);
    if (Status == STATUS_PENDING) {
        KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);
        Status = Irp->IoStatus.Status;
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
MirPassThrough (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;

    if (MirIsControlDevice(DeviceObject)) {
        return MirFailRequest(Irp, STATUS_INVALID_DEVICE_REQUEST);
    }

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Dispatch_type_(IRP_MJ_CREATE)
_Use_decl_annotations_
NTSTATUS
MirCreate (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    PFILE_OBJECT FileObject = Stack->FileObject;
    BOOLEAN Excluded = FALSE;
    PMIR_STREAM Stream;
    NTSTATUS Status;

    PAGED_CODE();

    if (MirIsControlDevice(DeviceObject)) {
        return MirDispatchControlDevice(DeviceObject, Irp);
    }

    if (FileObject == NULL || FileObject->FileName.Length == 0) {
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(Ext->LowerDevice, Irp);
    }

    if (!MirNameCacheLookup(Ext, &FileObject->FileName, &Excluded)) {
        Excluded = (FileObject->FileName.Length >= 8 &&
                    FileObject->FileName.Buffer[0] == L'\\' &&
                    FileObject->FileName.Buffer[1] == L'$');
        MirNameCacheInsert(Ext, &FileObject->FileName, Excluded);
    }

    Status = MirForwardAndWait(Ext, Irp);
    if (NT_SUCCESS(Status) && !Excluded) {
        if (NT_SUCCESS(MirCreateStream(Ext, FileObject, &Stream))) {
            MirReleaseStream(Stream);
        }
        MirCountOperation(Ext, IRP_MJ_CREATE, 0);
    }

    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

_Dispatch_type_(IRP_MJ_CLEANUP)
_Use_decl_annotations_
NTSTATUS
MirCleanup (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    PMIR_STREAM Stream;

    PAGED_CODE();

    if (MirIsControlDevice(DeviceObject)) {
        return MirDispatchControlDevice(DeviceObject, Irp);
    }

    /* flush what this handle wrote before the file system tears it down */
    Stream = MirFindStream(Ext, Stack->FileObject);
    if (Stream != NULL) {
        KeEnterCriticalRegion();
        ExAcquireResourceSharedLite(&Ext->LogResource, TRUE);
        Stream->PendingWrites = 0;
        ExReleaseResourceLite(&Ext->LogResource);
        KeLeaveCriticalRegion();
        MirReleaseStream(Stream);
    }

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

/* fastfat's spelling: the major function as a second function class */
_Function_class_(IRP_MJ_CLOSE)
_Function_class_(DRIVER_DISPATCH)
_Use_decl_annotations_
NTSTATUS
MirClose (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);

    PAGED_CODE();

    if (MirIsControlDevice(DeviceObject)) {
        return MirDispatchControlDevice(DeviceObject, Irp);
    }

    /* close can arrive at APC_LEVEL from the paging path: a fast mutex is fine */
    MirDeleteStream(Ext, Stack->FileObject);
    MirCountOperation(Ext, IRP_MJ_CLOSE, 0);

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
static
NTSTATUS
MirReadCompletion (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        MirCountOperation(Ext, IRP_MJ_READ, (ULONG)Irp->IoStatus.Information);
    }
    return STATUS_CONTINUE_COMPLETION;
}

_Use_decl_annotations_
NTSTATUS
MirRead (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;

    if (MirIsControlDevice(DeviceObject)) {
        return MirFailRequest(Irp, STATUS_INVALID_DEVICE_REQUEST);
    }

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, MirReadCompletion, Ext, TRUE, FALSE, FALSE);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
static
NTSTATUS
MirWriteCompletion (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PMIR_WRITE_CONTEXT WriteContext = (PMIR_WRITE_CONTEXT)Context;
    PMIR_DEVICE_EXTENSION Ext = WriteContext->Extension;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }

    if (NT_SUCCESS(Irp->IoStatus.Status)) {
        MirCountOperation(Ext, IRP_MJ_WRITE, WriteContext->Length);
        WriteContext->Stream->MirroredUpTo.QuadPart =
            WriteContext->Offset.QuadPart + WriteContext->Length;
    }
    WriteContext->Stream->PendingWrites--;
    MirReleaseStream(WriteContext->Stream);
    ExFreeToNPagedLookasideList(&MirGlobals.WriteContextLookaside, WriteContext);
    return STATUS_CONTINUE_COMPLETION;
}

_Use_decl_annotations_
NTSTATUS
MirWrite (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    PMIR_WRITE_CONTEXT WriteContext;
    PMIR_STREAM Stream;
    PVOID Data;

    if (MirIsControlDevice(DeviceObject)) {
        return MirFailRequest(Irp, STATUS_INVALID_DEVICE_REQUEST);
    }

    Stream = MirFindStream(Ext, Stack->FileObject);
    if (Stream == NULL || Stream->Excluded || Irp->MdlAddress == NULL) {
        if (Stream != NULL) {
            MirReleaseStream(Stream);
        }
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(Ext->LowerDevice, Irp);
    }

    Data = MmGetSystemAddressForMdlSafe(Irp->MdlAddress, NormalPagePriority | MdlMappingNoExecute);
    if (Data == NULL) {
        MirReleaseStream(Stream);
        return MirFailRequest(Irp, STATUS_INSUFFICIENT_RESOURCES);
    }

    if (!MirAppendToLog(Ext, Data, Stack->Parameters.Write.Length)) {
        /* the shadow log is full: park the write until the flush drains it */
        MirReleaseStream(Stream);
        return MirPendWrite(Ext, Irp);
    }

    WriteContext = (PMIR_WRITE_CONTEXT)ExAllocateFromNPagedLookasideList(&MirGlobals.WriteContextLookaside);
    if (WriteContext == NULL) {
        MirReleaseStream(Stream);
        IoSkipCurrentIrpStackLocation(Irp);
        return IoCallDriver(Ext->LowerDevice, Irp);
    }

    WriteContext->Extension = Ext;
    WriteContext->Stream = Stream;
    WriteContext->Length = Stack->Parameters.Write.Length;
    WriteContext->Offset = Stack->Parameters.Write.ByteOffset;
    Stream->PendingWrites++;

    IoCopyCurrentIrpStackLocationToNext(Irp);
    IoSetCompletionRoutine(Irp, MirWriteCompletion, WriteContext, TRUE, TRUE, TRUE);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
NTSTATUS
MirDeviceControl (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;

    PAGED_CODE();

    if (MirIsControlDevice(DeviceObject)) {
        return MirDispatchControlDevice(DeviceObject, Irp);
    }

    if (IoGetCurrentIrpStackLocation(Irp)->Parameters.DeviceIoControl.IoControlCode ==
        IOCTL_MIR_FLUSH_NOW) {
        return MirQueueFlushWaiter(Ext, Irp);
    }

    IoSkipCurrentIrpStackLocation(Irp);
    return IoCallDriver(Ext->LowerDevice, Irp);
}
