/*
 * port.c -- SecScan: the communication port to the user-mode scanning
 * service (connect, disconnect and message callbacks), the exclusion list
 * and the scans sent to, or queued for, the service.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "secscan.h"

static
NTSTATUS
FLTAPI
SsPortConnect (
    _In_ PFLT_PORT ClientPort,
    _In_opt_ PVOID ServerPortCookie,
    _In_reads_bytes_opt_(SizeOfContext) PVOID ConnectionContext,
    _In_ ULONG SizeOfContext,
    _Flt_ConnectionCookie_Outptr_ PVOID *ConnectionCookie
    );

static
VOID
FLTAPI
SsPortDisconnect (
    _In_opt_ PVOID ConnectionCookie
    );

static
NTSTATUS
FLTAPI
SsPortMessage (
    _In_opt_ PVOID PortCookie,
    _In_reads_bytes_opt_(InputBufferLength) PVOID InputBuffer,
    _In_ ULONG InputBufferLength,
    _Out_writes_bytes_to_opt_(OutputBufferLength, *ReturnOutputBufferLength) PVOID OutputBuffer,
    _In_ ULONG OutputBufferLength,
    _Out_ PULONG ReturnOutputBufferLength
    );

static
NTSTATUS
SsAddExclusion (
    _In_reads_(MaxChars) PCWSTR Name,
    _In_ ULONG MaxChars
    );

static
VOID
SsClearExclusions (
    VOID
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SsCreatePort)
#pragma alloc_text(PAGE, SsClosePort)
#pragma alloc_text(PAGE, SsPortMessage)
#pragma alloc_text(PAGE, SsAddExclusion)
#pragma alloc_text(PAGE, SsClearExclusions)
#pragma alloc_text(PAGE, SsIsExcluded)
#pragma alloc_text(PAGE, SsScanFileInUserMode)
#endif

/* ----------------------------------------------------------------------
 * The server port
 * -------------------------------------------------------------------- */
_Use_decl_annotations_
NTSTATUS
SsCreatePort (
    VOID
    )
{
    OBJECT_ATTRIBUTES Attributes;
    PSECURITY_DESCRIPTOR SecurityDescriptor;
    UNICODE_STRING PortName;
    NTSTATUS Status;

    PAGED_CODE();

    Status = FltBuildDefaultSecurityDescriptor(&SecurityDescriptor, FLT_PORT_ALL_ACCESS);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    RtlInitUnicodeString(&PortName, SS_PORT_NAME);
    InitializeObjectAttributes(&Attributes,
                               &PortName,
                               OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE,
                               NULL,
                               SecurityDescriptor);

    Status = FltCreateCommunicationPort(SsGlobals.Filter,
                                        &SsGlobals.ServerPort,
                                        &Attributes,
                                        NULL,
                                        SsPortConnect,
                                        SsPortDisconnect,
                                        SsPortMessage,
                                        1);

    FltFreeSecurityDescriptor(SecurityDescriptor);
    return Status;
}

_Use_decl_annotations_
VOID
SsClosePort (
    VOID
    )
{
    PAGED_CODE();

    if (SsGlobals.ServerPort != NULL) {
        FltCloseCommunicationPort(SsGlobals.ServerPort);
        SsGlobals.ServerPort = NULL;
    }
}

static
NTSTATUS
FLTAPI
SsPortConnect (
    _In_ PFLT_PORT ClientPort,
    _In_opt_ PVOID ServerPortCookie,
    _In_reads_bytes_opt_(SizeOfContext) PVOID ConnectionContext,
    _In_ ULONG SizeOfContext,
    _Flt_ConnectionCookie_Outptr_ PVOID *ConnectionCookie
    )
{
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(ServerPortCookie);
    UNREFERENCED_PARAMETER(ConnectionContext);
    UNREFERENCED_PARAMETER(SizeOfContext);

    KeAcquireSpinLock(&SsGlobals.ClientPortLock, &OldIrql);
    SsGlobals.ClientPort = ClientPort;
    SsGlobals.ServiceProcess = IoGetCurrentProcess();
    KeReleaseSpinLock(&SsGlobals.ClientPortLock, OldIrql);

    *ConnectionCookie = NULL;
    return STATUS_SUCCESS;
}

static
VOID
FLTAPI
SsPortDisconnect (
    _In_opt_ PVOID ConnectionCookie
    )
{
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(ConnectionCookie);

    /* Post-operations read ClientPort under the lock to decide whether a
     * scan can be queued; clear it, then close the port outside the lock. */
    KeAcquireSpinLock(&SsGlobals.ClientPortLock, &OldIrql);
    SsGlobals.ServiceProcess = NULL;
    FltCloseClientPort(SsGlobals.Filter, &SsGlobals.ClientPort); // BUG(irql): the client port is closed while the spin lock is still held (DISPATCH_LEVEL), FltCloseClientPort is PASSIVE_LEVEL-only expected-warning-re {{'FltCloseClientPort' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
    KeReleaseSpinLock(&SsGlobals.ClientPortLock, OldIrql);
}

/* ----------------------------------------------------------------------
 * Commands from the service
 * -------------------------------------------------------------------- */
/* Not pageable: takes the spin locks the post-operations take. */
static
VOID
SsSnapshotStatistics (
    _Out_ PSS_STATISTICS Snapshot
    )
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&SsGlobals.StatsLock, &OldIrql);
    *Snapshot = SsGlobals.Stats;
    KeReleaseSpinLock(&SsGlobals.StatsLock, OldIrql);

    KeAcquireSpinLock(&SsGlobals.PendingLock, &OldIrql);
    Snapshot->PendingScans = SsGlobals.PendingCount;
    KeReleaseSpinLock(&SsGlobals.PendingLock, OldIrql);
}
static
NTSTATUS
SsAddExclusion (
    _In_reads_(MaxChars) PCWSTR Name,
    _In_ ULONG MaxChars
    )
{
    UNICODE_STRING Copy;
    SIZE_T Chars = 0;

    PAGED_CODE();

    while (Chars < MaxChars && Name[Chars] != L'\0') {
        Chars++;
    }
    if (Chars == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    Copy.Length = (USHORT)(Chars * sizeof(WCHAR));
    Copy.MaximumLength = Copy.Length;
    Copy.Buffer = ExAllocatePoolWithTag(PagedPool, Copy.Length, SS_NAME_TAG);
    if (Copy.Buffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    RtlCopyMemory(Copy.Buffer, Name, Copy.Length);

    FltAcquirePushLockExclusive(&SsGlobals.ExclusionLock);
    if (SsGlobals.ExclusionCount == SS_MAX_EXCLUSIONS) {
        FltReleasePushLock(&SsGlobals.ExclusionLock);
        ExFreePoolWithTag(Copy.Buffer, SS_NAME_TAG);
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    SsGlobals.Exclusions[SsGlobals.ExclusionCount++] = Copy;
    FltReleasePushLock(&SsGlobals.ExclusionLock);
    return STATUS_SUCCESS;
}

static
VOID
SsClearExclusions (
    VOID
    )
{
    ULONG Index;

    PAGED_CODE();

    FltAcquirePushLockExclusive(&SsGlobals.ExclusionLock);
    for (Index = 0; Index < SsGlobals.ExclusionCount; Index++) {
        ExFreePoolWithTag(SsGlobals.Exclusions[Index].Buffer, SS_NAME_TAG);
        SsGlobals.Exclusions[Index].Buffer = NULL;
    }
    SsGlobals.ExclusionCount = 0;
    FltReleasePushLock(&SsGlobals.ExclusionLock);
}

static
NTSTATUS
FLTAPI
SsPortMessage (
    _In_opt_ PVOID PortCookie,
    _In_reads_bytes_opt_(InputBufferLength) PVOID InputBuffer,
    _In_ ULONG InputBufferLength,
    _Out_writes_bytes_to_opt_(OutputBufferLength, *ReturnOutputBufferLength) PVOID OutputBuffer,
    _In_ ULONG OutputBufferLength,
    _Out_ PULONG ReturnOutputBufferLength
    )
{
    PSS_COMMAND_MESSAGE Message = (PSS_COMMAND_MESSAGE)InputBuffer;
    SS_STATISTICS Snapshot;
    NTSTATUS Status = STATUS_SUCCESS;

    PAGED_CODE();

    UNREFERENCED_PARAMETER(PortCookie);

    *ReturnOutputBufferLength = 0;
    if (Message == NULL || InputBufferLength < sizeof(SS_COMMAND_MESSAGE)) {
        return STATUS_INVALID_PARAMETER;
    }

    __try {
        switch (Message->Command) {

        case SsCmdGetStatistics:
            if (OutputBuffer == NULL || OutputBufferLength < sizeof(SS_STATISTICS)) {
                Status = STATUS_BUFFER_TOO_SMALL;
                break;
            }
            SsSnapshotStatistics(&Snapshot);
            RtlCopyMemory(OutputBuffer, &Snapshot, sizeof(Snapshot));
            *ReturnOutputBufferLength = sizeof(Snapshot);
            break;

        case SsCmdAddExclusion:
            Status = SsAddExclusion(Message->Exclusion, ARRAYSIZE(Message->Exclusion));
            break;

        case SsCmdClearExclusions:
            SsClearExclusions();
            break;

        case SsCmdSetScanOnWrite:
            FltAcquireResourceExclusive(&SsGlobals.ConfigResource);
            SsGlobals.ScanOnWrite = Message->ScanOnWrite;
            FltReleaseResource(&SsGlobals.ConfigResource);
            break;

        default:
            Status = STATUS_INVALID_PARAMETER;
            break;
        }
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        Status = STATUS_INVALID_PARAMETER;
    }

    return Status;
}

/* ----------------------------------------------------------------------
 * Exclusions: read in pre-operations and post-create (<= APC_LEVEL)
 * -------------------------------------------------------------------- */
_Use_decl_annotations_
BOOLEAN
SsIsExcluded (
    PCUNICODE_STRING Name
    )
{
    BOOLEAN Excluded = FALSE;
    ULONG Index;

    PAGED_CODE();

    FltAcquirePushLockShared(&SsGlobals.ExclusionLock);
    for (Index = 0; Index < SsGlobals.ExclusionCount; Index++) {
        if (Name->Length >= SsGlobals.Exclusions[Index].Length &&
            RtlEqualMemory(Name->Buffer,
                           SsGlobals.Exclusions[Index].Buffer,
                           SsGlobals.Exclusions[Index].Length)) {
            Excluded = TRUE;
            break;
        }
    }
    FltReleasePushLock(&SsGlobals.ExclusionLock);
    return Excluded;
}

/* ----------------------------------------------------------------------
 * Scans
 * -------------------------------------------------------------------- */
_Use_decl_annotations_
NTSTATUS
SsScanFileInUserMode (
    PFLT_INSTANCE Instance,
    PFILE_OBJECT FileObject,
    ULONG ProcessId,
    PBOOLEAN SafeToOpen
    )
{
    PSS_SCAN_NOTIFICATION Notification;
    SS_SCAN_REPLY Reply;
    LARGE_INTEGER Offset;
    LARGE_INTEGER Timeout;
    ULONG BytesRead = 0;
    ULONG ReplyLength;
    NTSTATUS Status;

    PAGED_CODE();

    *SafeToOpen = TRUE;
    if (SsGlobals.ClientPort == NULL) {
        return STATUS_SUCCESS;
    }

    Notification = ExAllocatePoolWithTag(PagedPool, sizeof(SS_SCAN_NOTIFICATION), SS_POOL_TAG);
    if (Notification == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }

    Offset.QuadPart = 0;
    Status = FltReadFile(Instance,
                         FileObject,
                         &Offset,
                         SS_SCAN_CHUNK,
                         Notification->Contents,
                         FLTFL_IO_OPERATION_NON_CACHED | FLTFL_IO_OPERATION_DO_NOT_UPDATE_BYTE_OFFSET,
                         &BytesRead,
                         NULL,
                         NULL);
    if (NT_SUCCESS(Status)) {
        Notification->ProcessId = ProcessId;
        Notification->BytesToScan = BytesRead;
        ReplyLength = sizeof(Reply);
        Timeout.QuadPart = -10 * 1000 * 1000 * 5;   /* 5 s, relative */

        Status = FltSendMessage(SsGlobals.Filter,
                                &SsGlobals.ClientPort,
                                Notification,
                                sizeof(SS_SCAN_NOTIFICATION),
                                &Reply,
                                &ReplyLength,
                                &Timeout);
        if (Status == STATUS_SUCCESS) {
            *SafeToOpen = Reply.SafeToOpen;
        }
        SsCountEvent(&SsGlobals.Stats.Scans);
    }

    ExFreePoolWithTag(Notification, SS_POOL_TAG);
    return Status;
}

/*
 * Called from post-operations (at up to DISPATCH_LEVEL) for files that
 * must be rescanned once the service is free: the scan is queued, and the
 * service picks it up with its next message.
 */
_Use_decl_annotations_
NTSTATUS
SsQueuePendingScan (
    PSS_STREAM_CONTEXT StreamContext,
    ULONG ProcessId
    )
{
    PSS_PENDING_SCAN Pending;
    KIRQL OldIrql;

    Pending = ExAllocateFromNPagedLookasideList(&SsGlobals.PendingScanList);
    if (Pending == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Pending->ProcessId = ProcessId;
    Pending->StreamContext = StreamContext;

    KeAcquireSpinLock(&SsGlobals.PendingLock, &OldIrql);
    if (SsGlobals.PendingCount >= SS_MAX_PENDING_SCANS) {
        ExFreeToNPagedLookasideList(&SsGlobals.PendingScanList, Pending);
        return STATUS_DEVICE_BUSY; // BUG(irql): the pending-scan spin lock is still held on the queue-full return expected-warning-re {{'SsQueuePendingScan' returns at DISPATCH_LEVEL{{.*}} [irql-exit-changed]}}
    }
    FltReferenceContext(StreamContext);
    InsertTailList(&SsGlobals.PendingScans, &Pending->Link);
    SsGlobals.PendingCount++;
    KeReleaseSpinLock(&SsGlobals.PendingLock, OldIrql);
    return STATUS_SUCCESS;
}
