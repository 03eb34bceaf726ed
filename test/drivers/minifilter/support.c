/*
 * support.c -- SecScan: the stream contexts (found or created, and the
 * file name they keep) and the statistics counters, shared by the
 * operation callbacks and the port.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "secscan.h"

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SsFindOrCreateStreamContext)
#pragma alloc_text(PAGE, SsSetStreamContextName)
#endif

/* ----------------------------------------------------------------------
 * Stream contexts
 * -------------------------------------------------------------------- */
_Use_decl_annotations_
NTSTATUS
SsFindOrCreateStreamContext (
    PFLT_CALLBACK_DATA Data,
    BOOLEAN CreateIfNotFound,
    PSS_STREAM_CONTEXT *StreamContext
    )
{
    PSS_STREAM_CONTEXT NewContext;
    PSS_STREAM_CONTEXT OldContext;
    NTSTATUS Status;

    PAGED_CODE();

    *StreamContext = NULL;

    Status = FltGetStreamContext(Data->Iopb->TargetInstance,
                                 Data->Iopb->TargetFileObject,
                                 (PFLT_CONTEXT *)&NewContext);
    if (NT_SUCCESS(Status)) {
        *StreamContext = NewContext;
        return Status;
    }
    if (Status != STATUS_NOT_FOUND || !CreateIfNotFound) {
        return Status;
    }

    Status = FltAllocateContext(SsGlobals.Filter,
                                FLT_STREAM_CONTEXT,
                                sizeof(SS_STREAM_CONTEXT),
                                NonPagedPoolNx,
                                (PFLT_CONTEXT *)&NewContext);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    RtlZeroMemory(NewContext, sizeof(SS_STREAM_CONTEXT));

    NewContext->Resource = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(ERESOURCE), SS_POOL_TAG);
    if (NewContext->Resource == NULL) {
        FltReleaseContext(NewContext);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    ExInitializeResourceLite(NewContext->Resource);

    Status = FltSetStreamContext(Data->Iopb->TargetInstance,
                                 Data->Iopb->TargetFileObject,
                                 FLT_SET_CONTEXT_KEEP_IF_EXISTS,
                                 NewContext,
                                 (PFLT_CONTEXT *)&OldContext);
    if (!NT_SUCCESS(Status)) {
        /* Lost the race: someone else set one first. */
        FltReleaseContext(NewContext);
        if (Status != STATUS_FLT_CONTEXT_ALREADY_DEFINED) {
            return Status;
        }
        NewContext = OldContext;
        Status = STATUS_SUCCESS;
    }

    *StreamContext = NewContext;
    return Status;
}

_Use_decl_annotations_
NTSTATUS
SsSetStreamContextName (
    PSS_STREAM_CONTEXT StreamContext,
    PCUNICODE_STRING Name
    )
{
    PWCH Buffer;

    PAGED_CODE();

    Buffer = ExAllocatePoolWithTag(PagedPool, Name->Length, SS_NAME_TAG);
    if (Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Buffer, Name->Buffer, Name->Length);

    FltAcquireResourceExclusive(StreamContext->Resource);
    if (StreamContext->FileName.Buffer != NULL) {
        ExFreePoolWithTag(StreamContext->FileName.Buffer, SS_NAME_TAG);
    }
    StreamContext->FileName.Buffer = Buffer;
    StreamContext->FileName.Length = Name->Length;
    StreamContext->FileName.MaximumLength = Name->Length;
    FltReleaseResource(StreamContext->Resource);
    return STATUS_SUCCESS;
}

/* ----------------------------------------------------------------------
 * Statistics: bumped from post-operations at up to DISPATCH_LEVEL
 * -------------------------------------------------------------------- */
_Use_decl_annotations_
VOID
SsCountEvent (
    PULONG Counter
    )
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&SsGlobals.StatsLock, &OldIrql);
    *Counter += 1;
    KeReleaseSpinLock(&SsGlobals.StatsLock, OldIrql);
}
