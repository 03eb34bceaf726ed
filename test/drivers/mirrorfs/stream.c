/*
 * stream.c -- MirrorFs: per-stream contexts.  The stream list is walked at
 * PASSIVE_LEVEL or APC_LEVEL (create, cleanup, close, fast I/O) under a fast
 * mutex; the last reference can be dropped from a completion routine at
 * DISPATCH_LEVEL, so the contexts come from a non-paged lookaside list.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "mirrorfs.h"

static
_IRQL_requires_(APC_LEVEL)
PMIR_STREAM
MirFindStreamLocked (
    _In_ PMIR_DEVICE_EXTENSION Ext,
    _In_ PFILE_OBJECT FileObject
    )
{
    PLIST_ENTRY Entry;

    for (Entry = Ext->StreamList.Flink; Entry != &Ext->StreamList; Entry = Entry->Flink) {
        PMIR_STREAM Stream = CONTAINING_RECORD(Entry, MIR_STREAM, Link);
        if (Stream->FileObject == FileObject) {
            return Stream;
        }
    }
    return NULL;
}

_Use_decl_annotations_
PMIR_STREAM
MirFindStream (
    PMIR_DEVICE_EXTENSION Ext,
    PFILE_OBJECT FileObject
    )
{
    PMIR_STREAM Stream;

    if (FileObject == NULL) {
        return NULL;
    }

    ExAcquireFastMutex(&Ext->StreamMutex);
    Stream = MirFindStreamLocked(Ext, FileObject);
    if (Stream != NULL) {
        InterlockedIncrement(&Stream->References);
    }
    ExReleaseFastMutex(&Ext->StreamMutex);
    return Stream;
}

_Use_decl_annotations_
NTSTATUS
MirCreateStream (
    PMIR_DEVICE_EXTENSION Ext,
    PFILE_OBJECT FileObject,
    PMIR_STREAM *Stream
    )
{
    PMIR_STREAM NewStream;
    PMIR_STREAM Existing;

    *Stream = NULL;

    ExAcquireFastMutex(&Ext->StreamMutex);
    Existing = MirFindStreamLocked(Ext, FileObject);
    if (Existing != NULL) {
        InterlockedIncrement(&Existing->References);
        ExReleaseFastMutex(&Ext->StreamMutex);
        *Stream = Existing;
        return STATUS_SUCCESS;
    }

    NewStream = (PMIR_STREAM)ExAllocateFromNPagedLookasideList(&MirGlobals.StreamLookaside);
    if (NewStream == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES; // BUG(irql): the stream mutex is still held on the allocation-failure return expected-warning-re {{'MirCreateStream' {{.*}} [irql-exit-changed]}}
    }

    RtlZeroMemory(NewStream, sizeof(*NewStream));
    NewStream->FileObject = FileObject;
    NewStream->References = 2; /* the list's and the caller's */
    InsertTailList(&Ext->StreamList, &NewStream->Link);
    ExReleaseFastMutex(&Ext->StreamMutex);

    *Stream = NewStream;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
MirReleaseStream (
    PMIR_STREAM Stream
    )
{
    if (InterlockedDecrement(&Stream->References) == 0) {
        ExFreeToNPagedLookasideList(&MirGlobals.StreamLookaside, Stream);
    }
}

_Use_decl_annotations_
VOID
MirDeleteStream (
    PMIR_DEVICE_EXTENSION Ext,
    PFILE_OBJECT FileObject
    )
{
    PMIR_STREAM Stream;

    ExAcquireFastMutex(&Ext->StreamMutex);
    Stream = MirFindStreamLocked(Ext, FileObject);
    if (Stream == NULL) {
        ExReleaseFastMutex(&Ext->StreamMutex);
        return;
    }
    RemoveEntryList(&Stream->Link);
    ExReleaseFastMutex(&Ext->StreamMutex);

    MirReleaseStream(Stream);
}
