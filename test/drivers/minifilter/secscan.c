/*
 * secscan.c -- SecScan: driver entry, the filter registration, unload,
 * the instance and context callbacks, and the operation callbacks: scans
 * on open (post-create), rescans queued at cleanup of a handle that wrote,
 * names kept across renames (set-information, synchronized), swapped
 * buffers for non-cached reads and writes, and directory queries checked
 * in a worker thread.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "secscan.h"

SS_GLOBALS SsGlobals;

static
NTSTATUS
SsInitializeGlobals (
    _In_ PDRIVER_OBJECT DriverObject
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(INIT, SsInitializeGlobals)
#pragma alloc_text(PAGE, SsUnload)
#pragma alloc_text(PAGE, SsInstanceSetup)
#pragma alloc_text(PAGE, SsInstanceQueryTeardown)
#pragma alloc_text(PAGE, SsInstanceTeardownStart)
#pragma alloc_text(PAGE, SsContextCleanup)
#endif

/* ----------------------------------------------------------------------
 * Registration
 * -------------------------------------------------------------------- */
static const FLT_CONTEXT_REGISTRATION SsContextRegistration[] = {
    { FLT_INSTANCE_CONTEXT,
      0,
      SsContextCleanup,
      sizeof(SS_INSTANCE_CONTEXT),
      SS_CONTEXT_TAG,
      NULL, NULL, NULL },

    { FLT_STREAM_CONTEXT,
      0,
      SsContextCleanup,
      sizeof(SS_STREAM_CONTEXT),
      SS_CONTEXT_TAG,
      NULL, NULL, NULL },

    { FLT_STREAMHANDLE_CONTEXT,
      0,
      NULL,
      sizeof(SS_STREAMHANDLE_CONTEXT),
      SS_CONTEXT_TAG,
      NULL, NULL, NULL },

    { FLT_CONTEXT_END, 0, NULL, 0, 0, NULL, NULL, NULL }
};

static const FLT_OPERATION_REGISTRATION SsCallbacks[] = {
    { IRP_MJ_CREATE,
      0,
      SsPreCreate,
      SsPostCreate,
      NULL },

    { IRP_MJ_READ,
      FLTFL_OPERATION_REGISTRATION_SKIP_CACHED_IO,
      SsPreRead,
      SsPostRead,
      NULL },

    { IRP_MJ_WRITE,
      FLTFL_OPERATION_REGISTRATION_SKIP_CACHED_IO |
          FLTFL_OPERATION_REGISTRATION_SKIP_PAGING_IO,
      SsPreWrite,
      SsPostWrite,
      NULL },

    { IRP_MJ_SET_INFORMATION,
      0,
      SsPreSetInformation,
      SsPostSetInformation,
      NULL },

    { IRP_MJ_DIRECTORY_CONTROL,
      0,
      SsPreDirectoryControl,
      SsPostDirectoryControl,
      NULL },

    { IRP_MJ_CLEANUP,
      0,
      SsPreCleanup,
      SsPostCleanup,
      NULL },

    { IRP_MJ_OPERATION_END, 0, NULL, NULL, NULL }
};

const FLT_REGISTRATION SsFilterRegistration = {
    sizeof(FLT_REGISTRATION),           /* Size */
    FLT_REGISTRATION_VERSION,           /* Version */
    0,                                  /* Flags */
    SsContextRegistration,              /* Context */
    SsCallbacks,                        /* Operation callbacks */
    SsUnload,                           /* MiniFilterUnload */
    SsInstanceSetup,                    /* InstanceSetup */
    SsInstanceQueryTeardown,            /* InstanceQueryTeardown */
    SsInstanceTeardownStart,            /* InstanceTeardownStart */
    NULL,                               /* InstanceTeardownComplete */
    NULL,                               /* GenerateFileName */
    NULL,                               /* NormalizeNameComponent */
    NULL                                /* NormalizeContextCleanup */
};

/* ----------------------------------------------------------------------
 * Driver entry and unload
 * -------------------------------------------------------------------- */
static
NTSTATUS
SsInitializeGlobals (
    _In_ PDRIVER_OBJECT DriverObject
    )
{
    NTSTATUS Status;

    RtlZeroMemory(&SsGlobals, sizeof(SsGlobals));
    SsGlobals.DriverObject = DriverObject;
    SsGlobals.ScanOnOpen = TRUE;
    SsGlobals.ScanOnWrite = TRUE;

    KeInitializeSpinLock(&SsGlobals.ClientPortLock);
    KeInitializeSpinLock(&SsGlobals.PendingLock);
    KeInitializeSpinLock(&SsGlobals.StatsLock);
    InitializeListHead(&SsGlobals.PendingScans);
    FltInitializePushLock(&SsGlobals.ExclusionLock);

    Status = ExInitializeResourceLite(&SsGlobals.ConfigResource);
    if (!NT_SUCCESS(Status)) {
        FltDeletePushLock(&SsGlobals.ExclusionLock);
        return Status;
    }

    ExInitializeNPagedLookasideList(&SsGlobals.SwapContextList,
                                    NULL,
                                    NULL,
                                    0,
                                    sizeof(SS_SWAP_CONTEXT),
                                    SS_POOL_TAG,
                                    0);
    ExInitializeNPagedLookasideList(&SsGlobals.PendingScanList,
                                    NULL,
                                    NULL,
                                    0,
                                    sizeof(SS_PENDING_SCAN),
                                    SS_POOL_TAG,
                                    0);
    return STATUS_SUCCESS;
}

static
VOID
SsFreeGlobals (
    VOID
    )
{
    ULONG Index;

    ExDeleteNPagedLookasideList(&SsGlobals.PendingScanList);
    ExDeleteNPagedLookasideList(&SsGlobals.SwapContextList);
    ExDeleteResourceLite(&SsGlobals.ConfigResource);

    for (Index = 0; Index < SsGlobals.ExclusionCount; Index++) {
        ExFreePoolWithTag(SsGlobals.Exclusions[Index].Buffer, SS_NAME_TAG);
    }
    SsGlobals.ExclusionCount = 0;
    FltDeletePushLock(&SsGlobals.ExclusionLock);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(RegistryPath);

    Status = SsInitializeGlobals(DriverObject);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = FltRegisterFilter(DriverObject,
                               &SsFilterRegistration,
                               &SsGlobals.Filter);
    if (!NT_SUCCESS(Status)) {
        SsFreeGlobals();
        return Status;
    }

    Status = SsCreatePort();
    if (NT_SUCCESS(Status)) {
        Status = FltStartFiltering(SsGlobals.Filter);
        if (NT_SUCCESS(Status)) {
            return STATUS_SUCCESS;
        }
        SsClosePort();
    }

    FltUnregisterFilter(SsGlobals.Filter);
    SsFreeGlobals();
    return Status;
}

NTSTATUS
FLTAPI
SsUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    )
{
    PAGED_CODE();

    UNREFERENCED_PARAMETER(Flags);

    SsClosePort();
    FltUnregisterFilter(SsGlobals.Filter);
    SsFreeGlobals();
    return STATUS_SUCCESS;
}

/* ----------------------------------------------------------------------
 * Instances
 * -------------------------------------------------------------------- */
NTSTATUS
FLTAPI
SsInstanceSetup (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_SETUP_FLAGS Flags,
    _In_ DEVICE_TYPE_FLT VolumeDeviceType,
    _In_ FLT_FILESYSTEM_TYPE VolumeFilesystemType
    )
{
    PSS_INSTANCE_CONTEXT InstanceContext = NULL;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(Flags);

    /* Local disk file systems only: no network redirectors, no RAW. */
    if (VolumeDeviceType == FILE_DEVICE_NETWORK_FILE_SYSTEM ||
        VolumeFilesystemType == FLT_FSTYPE_RAW) {
        return STATUS_FLT_DO_NOT_ATTACH;
    }

    Status = FltAllocateContext(FltObjects->Filter,
                                FLT_INSTANCE_CONTEXT,
                                sizeof(SS_INSTANCE_CONTEXT),
                                NonPagedPoolNx,
                                (PFLT_CONTEXT *)&InstanceContext);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    RtlZeroMemory(InstanceContext, sizeof(SS_INSTANCE_CONTEXT));
    InstanceContext->Instance = FltObjects->Instance;
    InstanceContext->FileSystemType = VolumeFilesystemType;
    InstanceContext->SectorSize = 512;

    Status = FltGetVolumeFromInstance(FltObjects->Instance, &InstanceContext->Volume);
    if (!NT_SUCCESS(Status)) {
        FltReleaseContext(InstanceContext);
        return Status;
    }

    FltAcquireResourceShared(&SsGlobals.ConfigResource);
    InstanceContext->ScanEnabled = SsGlobals.ScanOnOpen;
    FltReleaseResource(&SsGlobals.ConfigResource);

    Status = FltSetInstanceContext(FltObjects->Instance,
                                   FLT_SET_CONTEXT_KEEP_IF_EXISTS,
                                   InstanceContext,
                                   NULL);

    /* The instance holds its own reference now (or the set failed and the
     * context goes away with this release). */
    FltReleaseContext(InstanceContext);
    return NT_SUCCESS(Status) ? STATUS_SUCCESS : STATUS_FLT_DO_NOT_ATTACH;
}

NTSTATUS
FLTAPI
SsInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    )
{
    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(Flags);

    return STATUS_SUCCESS;
}

VOID
FLTAPI
SsInstanceTeardownStart (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    )
{
    PSS_INSTANCE_CONTEXT InstanceContext;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(Reason);

    Status = FltGetInstanceContext(FltObjects->Instance, (PFLT_CONTEXT *)&InstanceContext);
    if (NT_SUCCESS(Status)) {
        InstanceContext->ScanEnabled = FALSE;
        FltReleaseContext(InstanceContext);
    }
}

/* ----------------------------------------------------------------------
 * Contexts
 * -------------------------------------------------------------------- */
VOID
FLTAPI
SsContextCleanup (
    _In_ PFLT_CONTEXT Context,
    _In_ FLT_CONTEXT_TYPE ContextType
    )
{
    PSS_INSTANCE_CONTEXT InstanceContext;
    PSS_STREAM_CONTEXT StreamContext;

    PAGED_CODE();

    switch (ContextType) {

    case FLT_INSTANCE_CONTEXT:
        InstanceContext = (PSS_INSTANCE_CONTEXT)Context;
        if (InstanceContext->Volume != NULL) {
            FltObjectDereference(InstanceContext->Volume);
            InstanceContext->Volume = NULL;
        }
        break;

    case FLT_STREAM_CONTEXT:
        StreamContext = (PSS_STREAM_CONTEXT)Context;
        if (StreamContext->Resource != NULL) {
            ExDeleteResourceLite(StreamContext->Resource);
            ExFreePoolWithTag(StreamContext->Resource, SS_POOL_TAG);
            StreamContext->Resource = NULL;
        }
        if (StreamContext->FileName.Buffer != NULL) {
            ExFreePoolWithTag(StreamContext->FileName.Buffer, SS_NAME_TAG);
            StreamContext->FileName.Buffer = NULL;
        }
        break;

    default:
        break;
    }
}


/* ======================================================================
 * Create, cleanup, set-information
 * ==================================================================== */
#ifndef STATUS_REPARSE
#define STATUS_REPARSE ((NTSTATUS)0x00000104L)
#endif

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SsPreCreate)
#pragma alloc_text(PAGE, SsPostCreate)
#pragma alloc_text(PAGE, SsPreSetInformation)
#pragma alloc_text(PAGE, SsPostSetInformation)
#pragma alloc_text(PAGE, SsPreCleanup)
#endif

/* ----------------------------------------------------------------------
 * IRP_MJ_CREATE
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);

    *CompletionContext = NULL;

    /* The service's own opens are never scanned (it would deadlock). */
    if (FltGetRequestorProcess(Data) == SsGlobals.ServiceProcess) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    /* Directories hold nothing to scan. */
    if (FlagOn(Data->Iopb->Parameters.Create.Options, FILE_DIRECTORY_FILE)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    SsCountEvent(&SsGlobals.Stats.Creates);
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

/*
 * The filter manager calls a post-create at PASSIVE_LEVEL, in the thread
 * that opened the file: names can be queried, files read and the service
 * asked, and the open cancelled.
 */
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PFLT_FILE_NAME_INFORMATION NameInfo = NULL;
    PSS_STREAM_CONTEXT StreamContext = NULL;
    PSS_STREAMHANDLE_CONTEXT HandleContext = NULL;
    BOOLEAN SafeToOpen = TRUE;
    BOOLEAN ScanOnOpen;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(CompletionContext);

    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) ||
        !NT_SUCCESS(Data->IoStatus.Status) ||
        Data->IoStatus.Status == STATUS_REPARSE) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    Status = FltGetFileNameInformation(Data,
                                       FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                       &NameInfo);
    if (!NT_SUCCESS(Status)) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }
    Status = FltParseFileNameInformation(NameInfo);
    if (!NT_SUCCESS(Status) || SsIsExcluded(&NameInfo->Name)) {
        FltReleaseFileNameInformation(NameInfo);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    Status = SsFindOrCreateStreamContext(Data, TRUE, &StreamContext);
    if (NT_SUCCESS(Status)) {
        (VOID)SsSetStreamContextName(StreamContext, &NameInfo->Name);
        InterlockedIncrement(&StreamContext->OpenHandles);
    }
    FltReleaseFileNameInformation(NameInfo);

    Status = FltAllocateContext(FltObjects->Filter,
                                FLT_STREAMHANDLE_CONTEXT,
                                sizeof(SS_STREAMHANDLE_CONTEXT),
                                PagedPool,
                                (PFLT_CONTEXT *)&HandleContext);
    if (NT_SUCCESS(Status)) {
        RtlZeroMemory(HandleContext, sizeof(SS_STREAMHANDLE_CONTEXT));
        Status = FltSetStreamHandleContext(FltObjects->Instance,
                                           FltObjects->FileObject,
                                           FLT_SET_CONTEXT_REPLACE_IF_EXISTS,
                                           HandleContext,
                                           NULL);
        FltReleaseContext(HandleContext);
    }

    FltAcquireResourceShared(&SsGlobals.ConfigResource);
    ScanOnOpen = SsGlobals.ScanOnOpen;
    FltReleaseResource(&SsGlobals.ConfigResource);

    if (ScanOnOpen && StreamContext != NULL) {
        (VOID)SsScanFileInUserMode(FltObjects->Instance,
                                   FltObjects->FileObject,
                                   FltGetRequestorProcessId(Data),
                                   &SafeToOpen);
        if (!SafeToOpen) {
            FltAcquireResourceExclusive(StreamContext->Resource);
            StreamContext->Infected = TRUE;
            FltReleaseResource(StreamContext->Resource);

            FltCancelFileOpen(FltObjects->Instance, FltObjects->FileObject);
            Data->IoStatus.Status = STATUS_ACCESS_DENIED;
            Data->IoStatus.Information = 0;
            SsCountEvent(&SsGlobals.Stats.Blocked);
        }
    }

    if (StreamContext != NULL) {
        FltReleaseContext(StreamContext);
    }
    return FLT_POSTOP_FINISHED_PROCESSING;
}

/* ----------------------------------------------------------------------
 * IRP_MJ_CLEANUP: a handle that wrote queues a rescan
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreCleanup (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PSS_STREAMHANDLE_CONTEXT HandleContext;
    PSS_STREAM_CONTEXT StreamContext;
    BOOLEAN Wrote;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(Data);

    *CompletionContext = NULL;

    Status = FltGetStreamHandleContext(FltObjects->Instance,
                                       FltObjects->FileObject,
                                       (PFLT_CONTEXT *)&HandleContext);
    if (!NT_SUCCESS(Status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    Wrote = HandleContext->WroteData;
    FltReleaseContext(HandleContext);

    if (!Wrote) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    Status = FltGetStreamContext(FltObjects->Instance,
                                 FltObjects->FileObject,
                                 (PFLT_CONTEXT *)&StreamContext);
    if (!NT_SUCCESS(Status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    /* The post-operation owns the reference. */
    *CompletionContext = StreamContext;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostCleanup (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_STREAM_CONTEXT StreamContext = (PSS_STREAM_CONTEXT)CompletionContext;
    FILE_STANDARD_INFORMATION Standard;
    NTSTATUS Status;

    if (StreamContext == NULL) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (!FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) {
        InterlockedDecrement(&StreamContext->OpenHandles);
        StreamContext->RescanRequired = TRUE;

        /* An empty file holds nothing to rescan. */
        Status = FltQueryInformationFile(FltObjects->Instance, FltObjects->FileObject, &Standard, sizeof(Standard), FileStandardInformation, NULL); // BUG(irql): the pre-cleanup returns FLT_PREOP_SUCCESS_WITH_CALLBACK, so this post-operation may run at DISPATCH_LEVEL; FltQueryInformationFile needs PASSIVE_LEVEL expected-warning-re {{'SsPostCleanup' can be called at DISPATCH_LEVEL{{.*}}'FltQueryInformationFile' [irql-too-high]}}
        if (NT_SUCCESS(Status) && Standard.EndOfFile.QuadPart == 0) {
            StreamContext->RescanRequired = FALSE;
        }

        if (StreamContext->RescanRequired) {
            (VOID)SsQueuePendingScan(StreamContext, FltGetRequestorProcessId(Data));
        }
    }

    FltReleaseContext(StreamContext);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

/* ----------------------------------------------------------------------
 * IRP_MJ_SET_INFORMATION: renames and deletes, synchronized so that the
 * post-operation can query the new name
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreSetInformation (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    FLT_PREOP_CALLBACK_STATUS Result = FLT_PREOP_SUCCESS_NO_CALLBACK;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);

    *CompletionContext = NULL;

    switch (Data->Iopb->Parameters.SetFileInformation.FileInformationClass) {

    case FileRenameInformation:
    case FileRenameInformationEx:
    case FileDispositionInformation:
    case FileDispositionInformationEx:
        Result = FLT_PREOP_SYNCHRONIZE;
        break;

    default:
        break;
    }

    return Result;
}

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostSetInformation (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PFLT_FILE_NAME_INFORMATION NameInfo;
    PSS_STREAM_CONTEXT StreamContext;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(CompletionContext);

    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) ||
        !NT_SUCCESS(Data->IoStatus.Status)) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    Status = SsFindOrCreateStreamContext(Data, FALSE, &StreamContext);
    if (!NT_SUCCESS(Status)) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    Status = FltGetFileNameInformation(Data,
                                       FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                       &NameInfo);
    if (NT_SUCCESS(Status)) {
        (VOID)SsSetStreamContextName(StreamContext, &NameInfo->Name);
        FltReleaseFileNameInformation(NameInfo);
    }

    FltAcquireResourceExclusive(StreamContext->Resource);
    StreamContext->RescanRequired = TRUE;
    FltReleaseResource(StreamContext->Resource);

    FltReleaseContext(StreamContext);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

/* ======================================================================
 * Swapped buffers: non-cached reads and writes
 * ==================================================================== */
/* what the service is told about a write, after the fact */
typedef struct _SS_WRITE_AUDIT {
    ULONG ProcessId;
    ULONG Length;
    LARGE_INTEGER Offset;
} SS_WRITE_AUDIT, *PSS_WRITE_AUDIT;

static
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SsPostReadWhenSafe)
#endif

/* ----------------------------------------------------------------------
 * Helpers (callable at DISPATCH_LEVEL)
 * -------------------------------------------------------------------- */
static
VOID
SsFreeSwapContext (
    _In_ PSS_SWAP_CONTEXT SwapContext,
    _In_ BOOLEAN FreeMdl
    )
{
    if (FreeMdl && SwapContext->SwappedMdl != NULL) {
        IoFreeMdl(SwapContext->SwappedMdl);
    }
    FltFreePoolAlignedWithTag(SwapContext->InstanceContext->Instance,
                              SwapContext->SwappedBuffer,
                              SS_BUFFER_TAG);
    FltReleaseContext(SwapContext->InstanceContext);
    ExFreeToNPagedLookasideList(&SsGlobals.SwapContextList, SwapContext);
}

/*
 * Allocates the replacement buffer (non-paged and sector-aligned: the
 * post-operation may touch it at DISPATCH_LEVEL) and, for an IRP, an MDL
 * for it.  Called from the pre-operations, at <= APC_LEVEL.
 */
static
NTSTATUS
SsAllocateSwapContext (
    _In_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ ULONG Length,
    _Outptr_ PSS_SWAP_CONTEXT *Result
    )
{
    PSS_INSTANCE_CONTEXT InstanceContext;
    PSS_SWAP_CONTEXT SwapContext;
    PVOID Buffer;
    PMDL Mdl = NULL;
    NTSTATUS Status;

    *Result = NULL;

    Status = FltGetInstanceContext(FltObjects->Instance, (PFLT_CONTEXT *)&InstanceContext);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    if (FlagOn(Data->Iopb->IrpFlags, IRP_NOCACHE | IRP_PAGING_IO)) {
        Length = (ULONG)ROUND_TO_SIZE(Length, InstanceContext->SectorSize);
    }

    Buffer = FltAllocatePoolAlignedWithTag(FltObjects->Instance,
                                           NonPagedPoolNx,
                                           (SIZE_T)Length,
                                           SS_BUFFER_TAG);
    if (Buffer == NULL) {
        FltReleaseContext(InstanceContext);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    if (FlagOn(Data->Flags, FLTFL_CALLBACK_DATA_IRP_OPERATION)) {
        Mdl = IoAllocateMdl(Buffer, Length, FALSE, FALSE, NULL);
        if (Mdl == NULL) {
            FltFreePoolAlignedWithTag(FltObjects->Instance, Buffer, SS_BUFFER_TAG);
            FltReleaseContext(InstanceContext);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        MmBuildMdlForNonPagedPool(Mdl);
    }

    SwapContext = ExAllocateFromNPagedLookasideList(&SsGlobals.SwapContextList);
    if (SwapContext == NULL) {
        if (Mdl != NULL) {
            IoFreeMdl(Mdl);
        }
        FltFreePoolAlignedWithTag(FltObjects->Instance, Buffer, SS_BUFFER_TAG);
        FltReleaseContext(InstanceContext);
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    SwapContext->InstanceContext = InstanceContext;   /* owns the reference */
    SwapContext->SwappedBuffer = Buffer;
    SwapContext->SwappedMdl = Mdl;
    SwapContext->Length = Length;
    *Result = SwapContext;
    return STATUS_SUCCESS;
}

/* ----------------------------------------------------------------------
 * IRP_MJ_READ
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PFLT_IO_PARAMETER_BLOCK Iopb = Data->Iopb;
    PSS_SWAP_CONTEXT SwapContext;
    NTSTATUS Status;

    *CompletionContext = NULL;

    if (Iopb->Parameters.Read.Length == 0 ||
        Iopb->Parameters.Read.Length > SS_READ_BUFFER_SIZE) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    Status = SsAllocateSwapContext(Data, FltObjects, Iopb->Parameters.Read.Length, &SwapContext);
    if (!NT_SUCCESS(Status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    Iopb->Parameters.Read.ReadBuffer = SwapContext->SwappedBuffer;
    Iopb->Parameters.Read.MdlAddress = SwapContext->SwappedMdl;
    FltSetCallbackDataDirty(Data);

    *CompletionContext = SwapContext;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

/*
 * Copies what was read into the caller's buffer.  A buffer described by an
 * MDL, or a system buffer, can be reached here at DISPATCH_LEVEL; a user
 * buffer must first be locked, which only the safe post-operation can do.
 */
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_SWAP_CONTEXT SwapContext = (PSS_SWAP_CONTEXT)CompletionContext;
    PFLT_IO_PARAMETER_BLOCK Iopb = Data->Iopb;
    FLT_POSTOP_CALLBACK_STATUS RetValue = FLT_POSTOP_FINISHED_PROCESSING;
    BOOLEAN FreeHere = TRUE;
    PVOID OriginalBuffer;

    ASSERT(SwapContext != NULL);

    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) ||
        !NT_SUCCESS(Data->IoStatus.Status) ||
        Data->IoStatus.Information == 0) {
        SsFreeSwapContext(SwapContext, FALSE);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (Iopb->Parameters.Read.MdlAddress != NULL) {
        OriginalBuffer = MmGetSystemAddressForMdlSafe(Iopb->Parameters.Read.MdlAddress,
                                                      NormalPagePriority | MdlMappingNoExecute);
        if (OriginalBuffer == NULL) {
            Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
            Data->IoStatus.Information = 0;
        } else {
            RtlCopyMemory(OriginalBuffer, SwapContext->SwappedBuffer,
                          Data->IoStatus.Information);
        }
    } else if (FLT_IS_SYSTEM_BUFFER(Data) || FLT_IS_FASTIO_OPERATION(Data)) {
        __try {
            RtlCopyMemory(Iopb->Parameters.Read.ReadBuffer, SwapContext->SwappedBuffer,
                          Data->IoStatus.Information);
        } __except (EXCEPTION_EXECUTE_HANDLER) {
            Data->IoStatus.Status = STATUS_INVALID_PARAMETER;
            Data->IoStatus.Information = 0;
        }
    } else {
        /* A user buffer without an MDL: lock it at a safe IRQL. */
        if (FltDoCompletionProcessingWhenSafe(Data,
                                              FltObjects,
                                              CompletionContext,
                                              Flags,
                                              SsPostReadWhenSafe,
                                              &RetValue)) {
            FreeHere = FALSE;   /* SsPostReadWhenSafe frees it */
        } else {
            Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
            Data->IoStatus.Information = 0;
        }
    }

    if (FreeHere) {
        SsCountEvent(&SsGlobals.Stats.SwappedReads);
        SsFreeSwapContext(SwapContext, FALSE);
    }
    return RetValue;
}

static
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostReadWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_SWAP_CONTEXT SwapContext = (PSS_SWAP_CONTEXT)CompletionContext;
    PFLT_IO_PARAMETER_BLOCK Iopb = Data->Iopb;
    PVOID OriginalBuffer;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(Flags);

    Status = FltLockUserBuffer(Data);
    if (!NT_SUCCESS(Status)) {
        Data->IoStatus.Status = Status;
        Data->IoStatus.Information = 0;
    } else {
        OriginalBuffer = MmGetSystemAddressForMdlSafe(Iopb->Parameters.Read.MdlAddress,
                                                      NormalPagePriority | MdlMappingNoExecute);
        if (OriginalBuffer == NULL) {
            Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
            Data->IoStatus.Information = 0;
        } else {
            RtlCopyMemory(OriginalBuffer, SwapContext->SwappedBuffer,
                          Data->IoStatus.Information);
        }
    }

    SsCountEvent(&SsGlobals.Stats.SwappedReads);
    SsFreeSwapContext(SwapContext, FALSE);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

/* ----------------------------------------------------------------------
 * IRP_MJ_WRITE
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PFLT_IO_PARAMETER_BLOCK Iopb = Data->Iopb;
    PSS_STREAMHANDLE_CONTEXT HandleContext;
    PSS_SWAP_CONTEXT SwapContext;
    PVOID OriginalBuffer;
    NTSTATUS Status;

    *CompletionContext = NULL;

    if (Iopb->Parameters.Write.Length == 0) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    /* Remember that this handle wrote: its cleanup queues a rescan. */
    Status = FltGetStreamHandleContext(FltObjects->Instance,
                                       FltObjects->FileObject,
                                       (PFLT_CONTEXT *)&HandleContext);
    if (NT_SUCCESS(Status)) {
        HandleContext->WroteData = TRUE;
        FltReleaseContext(HandleContext);
    }

    Status = SsAllocateSwapContext(Data, FltObjects, Iopb->Parameters.Write.Length, &SwapContext);
    if (!NT_SUCCESS(Status)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    if (Iopb->Parameters.Write.MdlAddress != NULL) {
        OriginalBuffer = MmGetSystemAddressForMdlSafe(Iopb->Parameters.Write.MdlAddress,
                                                      NormalPagePriority | MdlMappingNoExecute);
        if (OriginalBuffer == NULL) {
            SsFreeSwapContext(SwapContext, TRUE);
            Data->IoStatus.Status = STATUS_INSUFFICIENT_RESOURCES;
            Data->IoStatus.Information = 0;
            return FLT_PREOP_COMPLETE;
        }
    } else {
        OriginalBuffer = Iopb->Parameters.Write.WriteBuffer;
    }

    __try {
        RtlCopyMemory(SwapContext->SwappedBuffer, OriginalBuffer, Iopb->Parameters.Write.Length);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        SsFreeSwapContext(SwapContext, TRUE);
        Data->IoStatus.Status = STATUS_INVALID_PARAMETER;
        Data->IoStatus.Information = 0;
        return FLT_PREOP_COMPLETE;
    }

    Iopb->Parameters.Write.WriteBuffer = SwapContext->SwappedBuffer;
    Iopb->Parameters.Write.MdlAddress = SwapContext->SwappedMdl;
    FltSetCallbackDataDirty(Data);

    *CompletionContext = SwapContext;
    return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

/*
 * The filter manager frees the swapped MDL of a write; the buffer and the
 * context are ours.  May run at DISPATCH_LEVEL.
 */
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_SWAP_CONTEXT SwapContext = (PSS_SWAP_CONTEXT)CompletionContext;
    PSS_WRITE_AUDIT Audit;

    UNREFERENCED_PARAMETER(FltObjects);

    if (!FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) &&
        NT_SUCCESS(Data->IoStatus.Status) &&
        SsGlobals.ClientPort != NULL) {
        Audit = ExAllocatePoolWithTag(PagedPool, sizeof(SS_WRITE_AUDIT), SS_POOL_TAG); // BUG(irql): a post-write may run at DISPATCH_LEVEL (the pre-write returns FLT_PREOP_SUCCESS_WITH_CALLBACK); paged pool needs <= APC_LEVEL expected-warning-re {{'SsPostWrite' can be called at DISPATCH_LEVEL{{.*}}'ExAllocatePoolWithTag'{{.*}} [irql-too-high]}}
        if (Audit != NULL) {
            Audit->ProcessId = FltGetRequestorProcessId(Data);
            Audit->Length = (ULONG)Data->IoStatus.Information;
            Audit->Offset = Data->Iopb->Parameters.Write.ByteOffset;
            /* handed to the port's reader with the next statistics request */
            ExFreePoolWithTag(Audit, SS_POOL_TAG);
        }
        SsCountEvent(&SsGlobals.Stats.SwappedWrites);
    }

    SsFreeSwapContext(SwapContext, FALSE);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

/* ======================================================================
 * Directory queries
 * ==================================================================== */
#ifndef IRP_MN_QUERY_DIRECTORY
#define IRP_MN_QUERY_DIRECTORY          0x01
#endif

/* handed from the pre-operation to the worker and on to the post-operation */
typedef struct _SS_DIRECTORY_CONTEXT {
    PFLT_DEFERRED_IO_WORKITEM WorkItem;
    PFLT_INSTANCE Instance;
    ULONG QueryLength;
    BOOLEAN Quarantined;
} SS_DIRECTORY_CONTEXT, *PSS_DIRECTORY_CONTEXT;

static
VOID
FLTAPI
SsDirectoryWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM FltWorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    );

static
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostDirectoryControlWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

static
VOID
SsLogDirectoryQuery (
    _In_ PSS_DIRECTORY_CONTEXT DirContext,
    _In_ PFLT_CALLBACK_DATA Data
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SsDirectoryWorker)
#pragma alloc_text(PAGE, SsPostDirectoryControlWhenSafe)
#pragma alloc_text(PAGE, SsLogDirectoryQuery)
#endif

static
VOID
SsFreeDirectoryContext (
    _In_ PSS_DIRECTORY_CONTEXT DirContext
    )
{
    if (DirContext->WorkItem != NULL) {
        FltFreeDeferredIoWorkItem(DirContext->WorkItem);
    }
    ExFreePoolWithTag(DirContext, SS_POOL_TAG);
}

/* ----------------------------------------------------------------------
 * Pre-operation: pend the query, decide in a worker
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreDirectoryControl (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    )
{
    PSS_DIRECTORY_CONTEXT DirContext;
    NTSTATUS Status;

    *CompletionContext = NULL;

    if (Data->Iopb->MinorFunction != IRP_MN_QUERY_DIRECTORY ||
        !FLT_IS_IRP_OPERATION(Data)) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    /* Non-paged: the post-operation may free it at DISPATCH_LEVEL. */
    DirContext = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(SS_DIRECTORY_CONTEXT), SS_POOL_TAG);
    if (DirContext == NULL) {
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }
    RtlZeroMemory(DirContext, sizeof(SS_DIRECTORY_CONTEXT));
    DirContext->Instance = FltObjects->Instance;
    DirContext->QueryLength = Data->Iopb->Parameters.DirectoryControl.QueryDirectory.Length;

    DirContext->WorkItem = FltAllocateDeferredIoWorkItem();
    if (DirContext->WorkItem == NULL) {
        SsFreeDirectoryContext(DirContext);
        return FLT_PREOP_SUCCESS_NO_CALLBACK;
    }

    Status = FltQueueDeferredIoWorkItem(DirContext->WorkItem,
                                        Data,
                                        SsDirectoryWorker,
                                        DelayedWorkQueue,
                                        DirContext);
    if (!NT_SUCCESS(Status)) {
        /* Not queued (the operation may not be pended): let it through
         * and count it in the post-operation as usual. */
        FltFreeDeferredIoWorkItem(DirContext->WorkItem);
        DirContext->WorkItem = NULL;
        *CompletionContext = DirContext;
        return FLT_PREOP_SUCCESS_WITH_CALLBACK;
    }

    SsCountEvent(&SsGlobals.Stats.DeferredQueries);
    return FLT_PREOP_PENDING;
}

/*
 * Runs in a system worker thread at PASSIVE_LEVEL: queries the
 * directory's name, then lets the query go on (or fails it).
 */
static
VOID
FLTAPI
SsDirectoryWorker (
    _In_ PFLT_DEFERRED_IO_WORKITEM FltWorkItem,
    _In_ PFLT_CALLBACK_DATA Data,
    _In_opt_ PVOID Context
    )
{
    PSS_DIRECTORY_CONTEXT DirContext = (PSS_DIRECTORY_CONTEXT)Context;
    PFLT_FILE_NAME_INFORMATION NameInfo;
    NTSTATUS Status;

    PAGED_CODE();

    ASSERT(DirContext != NULL && DirContext->WorkItem == FltWorkItem);

    FltFreeDeferredIoWorkItem(FltWorkItem);
    DirContext->WorkItem = NULL;

    Status = FltGetFileNameInformation(Data,
                                       FLT_FILE_NAME_NORMALIZED | FLT_FILE_NAME_QUERY_DEFAULT,
                                       &NameInfo);
    if (NT_SUCCESS(Status)) {
        DirContext->Quarantined = SsIsExcluded(&NameInfo->Name);
        FltReleaseFileNameInformation(NameInfo);
    }

    if (DirContext->Quarantined && Data->RequestorMode == UserMode) {
        Data->IoStatus.Status = STATUS_ACCESS_DENIED;
        Data->IoStatus.Information = 0;
        SsFreeDirectoryContext(DirContext);
        FltCompletePendedPreOperation(Data, FLT_PREOP_COMPLETE, NULL);
        return;
    }

    FltCompletePendedPreOperation(Data, FLT_PREOP_SUCCESS_WITH_CALLBACK, DirContext);
}

/* ----------------------------------------------------------------------
 * Post-operation: at up to DISPATCH_LEVEL; the listing is looked at safely
 * -------------------------------------------------------------------- */
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostDirectoryControl (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_DIRECTORY_CONTEXT DirContext = (PSS_DIRECTORY_CONTEXT)CompletionContext;
    FLT_POSTOP_CALLBACK_STATUS RetValue = FLT_POSTOP_FINISHED_PROCESSING;

    if (DirContext == NULL) {
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING) ||
        !NT_SUCCESS(Data->IoStatus.Status)) {
        SsFreeDirectoryContext(DirContext);
        return FLT_POSTOP_FINISHED_PROCESSING;
    }

    if (DirContext->Quarantined) {
        SsLogDirectoryQuery(DirContext, Data); // BUG(irql): SsLogDirectoryQuery is pageable (alloc_text PAGE) and this post-operation may run at DISPATCH_LEVEL expected-warning-re {{'SsPostDirectoryControl' can be called at DISPATCH_LEVEL{{.*}}'SsLogDirectoryQuery'{{.*}} [irql-too-high]}}
    }

    if (!FltDoCompletionProcessingWhenSafe(Data,
                                           FltObjects,
                                           CompletionContext,
                                           Flags,
                                           SsPostDirectoryControlWhenSafe,
                                           &RetValue)) {
        /* Could not be queued (paging I/O): skip the count. */
        SsFreeDirectoryContext(DirContext);
    }
    return RetValue;
}

static
FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostDirectoryControlWhenSafe (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    )
{
    PSS_DIRECTORY_CONTEXT DirContext = (PSS_DIRECTORY_CONTEXT)CompletionContext;
    PFLT_FILE_NAME_INFORMATION NameInfo;
    NTSTATUS Status;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(FltObjects);
    UNREFERENCED_PARAMETER(Flags);

    /* At <= APC_LEVEL now: the name can be queried and the buffer locked. */
    Status = FltGetFileNameInformation(Data, FLT_FILE_NAME_OPENED, &NameInfo);
    if (NT_SUCCESS(Status)) {
        if (SsIsExcluded(&NameInfo->Name)) {
            DirContext->Quarantined = TRUE;
        }
        FltReleaseFileNameInformation(NameInfo);
    }

    if (Data->Iopb->Parameters.DirectoryControl.QueryDirectory.MdlAddress == NULL) {
        Status = FltLockUserBuffer(Data);
        if (!NT_SUCCESS(Status)) {
            Data->IoStatus.Status = Status;
            Data->IoStatus.Information = 0;
        }
    }

    SsLogDirectoryQuery(DirContext, Data);
    SsFreeDirectoryContext(DirContext);
    return FLT_POSTOP_FINISHED_PROCESSING;
}

static
VOID
SsLogDirectoryQuery (
    _In_ PSS_DIRECTORY_CONTEXT DirContext,
    _In_ PFLT_CALLBACK_DATA Data
    )
{
    BOOLEAN ScanOnWrite;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(Data);

    FltAcquireResourceShared(&SsGlobals.ConfigResource);
    ScanOnWrite = SsGlobals.ScanOnWrite;
    FltReleaseResource(&SsGlobals.ConfigResource);

    if (ScanOnWrite && DirContext->Quarantined) {
        KdPrint(("SecScan: quarantined directory listed (%lu bytes, %Iu returned)\n",
                 DirContext->QueryLength, Data->IoStatus.Information));
    }
}
