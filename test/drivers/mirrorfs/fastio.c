/*
 * fastio.c -- MirrorFs: the fast I/O table.  Every callback passes the call
 * to the file system below when it has the entry, after the same bookkeeping
 * the IRP path does; fast I/O runs at PASSIVE_LEVEL or APC_LEVEL.
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

FAST_IO_DISPATCH MirFastIoDispatch = {
    .SizeOfFastIoDispatch = sizeof(FAST_IO_DISPATCH),
    .FastIoCheckIfPossible = MirFastIoCheckIfPossible,
    .FastIoRead = MirFastIoRead,
    .FastIoWrite = MirFastIoWrite,
    .FastIoDeviceControl = MirFastIoDeviceControl,
    .FastIoDetachDevice = MirFastIoDetachDevice,
};

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, MirFastIoCheckIfPossible)
#pragma alloc_text(PAGE, MirFastIoDeviceControl)
#pragma alloc_text(PAGE, MirFastIoDetachDevice)
#endif

static
PFAST_IO_DISPATCH
MirLowerFastIo (
    _In_ PDEVICE_OBJECT DeviceObject
    )
{
    PMIR_DEVICE_EXTENSION Ext;

    if (MirIsControlDevice(DeviceObject)) {
        return NULL;
    }
    Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    return (PFAST_IO_DISPATCH)Ext->LowerDevice->DriverObject->FastIoDispatch;
}

_Use_decl_annotations_
BOOLEAN
MirFastIoCheckIfPossible (
    PFILE_OBJECT FileObject,
    PLARGE_INTEGER FileOffset,
    ULONG Length,
    BOOLEAN Wait,
    ULONG LockKey,
    BOOLEAN CheckForReadOperation,
    PIO_STATUS_BLOCK IoStatus,
    PDEVICE_OBJECT DeviceObject
    )
{
    PFAST_IO_DISPATCH Lower;
    PMIR_DEVICE_EXTENSION Ext;

    PAGED_CODE();

    Lower = MirLowerFastIo(DeviceObject);
    if (Lower == NULL || Lower->FastIoCheckIfPossible == NULL) {
        return FALSE;
    }
    Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    return Lower->FastIoCheckIfPossible(FileObject, FileOffset, Length, Wait, LockKey,
                                        CheckForReadOperation, IoStatus, Ext->LowerDevice);
}

_Use_decl_annotations_
BOOLEAN
MirFastIoRead (
    PFILE_OBJECT FileObject,
    PLARGE_INTEGER FileOffset,
    ULONG Length,
    BOOLEAN Wait,
    ULONG LockKey,
    PVOID Buffer,
    PIO_STATUS_BLOCK IoStatus,
    PDEVICE_OBJECT DeviceObject
    )
{
    PFAST_IO_DISPATCH Lower = MirLowerFastIo(DeviceObject);
    PMIR_DEVICE_EXTENSION Ext;
    BOOLEAN Done;

    if (Lower == NULL || Lower->FastIoRead == NULL) {
        return FALSE;
    }
    Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    Done = Lower->FastIoRead(FileObject, FileOffset, Length, Wait, LockKey, Buffer, IoStatus,
                             Ext->LowerDevice);
    if (Done && NT_SUCCESS(IoStatus->Status)) {
        MirCountFastIo(Ext, FALSE, (ULONG)IoStatus->Information);
    }
    return Done;
}

_Use_decl_annotations_
BOOLEAN
MirFastIoWrite (
    PFILE_OBJECT FileObject,
    PLARGE_INTEGER FileOffset,
    ULONG Length,
    BOOLEAN Wait,
    ULONG LockKey,
    PVOID Buffer,
    PIO_STATUS_BLOCK IoStatus,
    PDEVICE_OBJECT DeviceObject
    )
{
    PFAST_IO_DISPATCH Lower = MirLowerFastIo(DeviceObject);
    PMIR_DEVICE_EXTENSION Ext;
    PMIR_STREAM Stream;
    BOOLEAN Done;

    if (Lower == NULL || Lower->FastIoWrite == NULL) {
        return FALSE;
    }
    Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;

    /* a mirrored stream must take the IRP path unless the log has room now */
    Stream = MirFindStream(Ext, FileObject);
    if (Stream != NULL) {
        BOOLEAN Logged = !Stream->Excluded && MirAppendToLog(Ext, Buffer, Length);
        BOOLEAN Excluded = Stream->Excluded;

        MirReleaseStream(Stream);
        if (!Excluded && !Logged) {
            return FALSE;
        }
    }

    Done = Lower->FastIoWrite(FileObject, FileOffset, Length, Wait, LockKey, Buffer, IoStatus,
                              Ext->LowerDevice);
    if (Done && NT_SUCCESS(IoStatus->Status)) {
        MirCountFastIo(Ext, TRUE, Length);
    }
    return Done;
}

_Use_decl_annotations_
BOOLEAN
MirFastIoDeviceControl (
    PFILE_OBJECT FileObject,
    BOOLEAN Wait,
    PVOID InputBuffer,
    ULONG InputBufferLength,
    PVOID OutputBuffer,
    ULONG OutputBufferLength,
    ULONG IoControlCode,
    PIO_STATUS_BLOCK IoStatus,
    PDEVICE_OBJECT DeviceObject
    )
{
    PFAST_IO_DISPATCH Lower;
    PMIR_DEVICE_EXTENSION Ext;

    PAGED_CODE();

    if (MirIsControlDevice(DeviceObject)) {
        /* the control device's IOCTLs need the IRP */
        return FALSE;
    }
    Lower = MirLowerFastIo(DeviceObject);
    if (Lower == NULL || Lower->FastIoDeviceControl == NULL) {
        return FALSE;
    }
    Ext = (PMIR_DEVICE_EXTENSION)DeviceObject->DeviceExtension;
    return Lower->FastIoDeviceControl(FileObject, Wait, InputBuffer, InputBufferLength,
                                      OutputBuffer, OutputBufferLength, IoControlCode,
                                      IoStatus, Ext->LowerDevice);
}

_Use_decl_annotations_
VOID
MirFastIoDetachDevice (
    PDEVICE_OBJECT SourceDevice,
    PDEVICE_OBJECT TargetDevice
    )
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(TargetDevice);

    /* the volume below is going away */
    MirDetachFromVolume(SourceDevice);
}
