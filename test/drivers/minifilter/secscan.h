/*
 * secscan.h -- private header of the SecScan file-system minifilter.
 *
 * SecScan registers with the filter manager, attaches to local NTFS and FAT
 * volumes, and asks a user-mode service (through a communication port) to
 * scan files when they are opened and when a handle that wrote to them is
 * cleaned up.  It keeps a stream context per file and a stream-handle
 * context per open, encrypts nothing but does swap the buffers of non-cached
 * reads and writes (so that the service can inspect the data in a buffer of
 * its own), and defers directory queries of excluded directories to a
 * worker thread.
 *
 * It is a test input for irqlcheck: realistic code in the WDK's annotated
 * style that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef SECSCAN_H
#define SECSCAN_H

#include <fltkernel.h>
#include <wdmsupport.h>

#ifndef ARRAYSIZE
#define ARRAYSIZE(A)            (sizeof(A) / sizeof((A)[0]))
#endif
#ifndef ROUND_TO_SIZE
#define ROUND_TO_SIZE(Length, Alignment) \
    ((((ULONG_PTR)(Length)) + ((Alignment) - 1)) & ~(ULONG_PTR)((Alignment) - 1))
#endif
#ifndef EXCEPTION_EXECUTE_HANDLER
#define EXCEPTION_EXECUTE_HANDLER 1
#endif

#define SS_POOL_TAG             'csSS'
#define SS_BUFFER_TAG           'bsSS'
#define SS_CONTEXT_TAG          'xsSS'
#define SS_NAME_TAG             'nsSS'
#define SS_PORT_NAME            L"\\SecScanPort"
#define SS_MAX_EXCLUSIONS       32
#define SS_MAX_PENDING_SCANS    256
#define SS_READ_BUFFER_SIZE     (1024 * 1024)
#define SS_SCAN_CHUNK           (4 * 1024)

/* ----------------------------------------------------------------------
 * Messages exchanged with the user-mode service
 * -------------------------------------------------------------------- */
typedef enum _SS_COMMAND {
    SsCmdGetStatistics = 1,
    SsCmdAddExclusion,
    SsCmdClearExclusions,
    SsCmdSetScanOnWrite
} SS_COMMAND;

typedef struct _SS_COMMAND_MESSAGE {
    SS_COMMAND Command;
    ULONG Reserved;
    union {
        WCHAR Exclusion[64];
        BOOLEAN ScanOnWrite;
    };
} SS_COMMAND_MESSAGE, *PSS_COMMAND_MESSAGE;

typedef struct _SS_SCAN_NOTIFICATION {
    ULONG ProcessId;
    ULONG BytesToScan;
    UCHAR Contents[SS_SCAN_CHUNK];
} SS_SCAN_NOTIFICATION, *PSS_SCAN_NOTIFICATION;

typedef struct _SS_SCAN_REPLY {
    BOOLEAN SafeToOpen;
} SS_SCAN_REPLY, *PSS_SCAN_REPLY;

typedef struct _SS_STATISTICS {
    ULONG Creates;
    ULONG Scans;
    ULONG Blocked;
    ULONG SwappedReads;
    ULONG SwappedWrites;
    ULONG DeferredQueries;
    ULONG PendingScans;
} SS_STATISTICS, *PSS_STATISTICS;

/* ----------------------------------------------------------------------
 * Contexts
 * -------------------------------------------------------------------- */

/* per instance (volume): its sector size and name, for buffer alignment */
typedef struct _SS_INSTANCE_CONTEXT {
    PFLT_INSTANCE Instance;
    PFLT_VOLUME Volume;
    ULONG SectorSize;
    FLT_FILESYSTEM_TYPE FileSystemType;
    BOOLEAN ScanEnabled;
} SS_INSTANCE_CONTEXT, *PSS_INSTANCE_CONTEXT;

/* per stream (file): its scan state; Resource guards it (ERESOURCE, so the
 * context comes from non-paged pool) */
typedef struct _SS_STREAM_CONTEXT {
    PERESOURCE Resource;
    UNICODE_STRING FileName;
    volatile LONG OpenHandles;
    BOOLEAN RescanRequired;
    BOOLEAN Infected;
} SS_STREAM_CONTEXT, *PSS_STREAM_CONTEXT;

/* per open handle: did it write? */
typedef struct _SS_STREAMHANDLE_CONTEXT {
    BOOLEAN WroteData;
    BOOLEAN DeleteOnClose;
} SS_STREAMHANDLE_CONTEXT, *PSS_STREAMHANDLE_CONTEXT;

/* handed from a read or write pre-operation to its post-operation (from a
 * non-paged lookaside list: post-operations run at DISPATCH_LEVEL) */
typedef struct _SS_SWAP_CONTEXT {
    PSS_INSTANCE_CONTEXT InstanceContext;
    PVOID SwappedBuffer;
    PMDL SwappedMdl;
    ULONG Length;
} SS_SWAP_CONTEXT, *PSS_SWAP_CONTEXT;

/* a scan the port's reader has not picked up yet */
typedef struct _SS_PENDING_SCAN {
    LIST_ENTRY Link;
    ULONG ProcessId;
    PSS_STREAM_CONTEXT StreamContext;
} SS_PENDING_SCAN, *PSS_PENDING_SCAN;

typedef struct _SS_GLOBALS {
    PDRIVER_OBJECT DriverObject;
    PFLT_FILTER Filter;
    PFLT_PORT ServerPort;
    PFLT_PORT ClientPort;
    PEPROCESS ServiceProcess;
    KSPIN_LOCK ClientPortLock;          /* ClientPort may be cleared at any time */

    /* exclusions: read in pre-operations, written by the port */
    EX_PUSH_LOCK ExclusionLock;
    ULONG ExclusionCount;
    UNICODE_STRING Exclusions[SS_MAX_EXCLUSIONS];

    /* configuration, under an ERESOURCE */
    ERESOURCE ConfigResource;
    BOOLEAN ScanOnWrite;
    BOOLEAN ScanOnOpen;

    /* scans waiting for the service, under a spin lock */
    KSPIN_LOCK PendingLock;
    LIST_ENTRY PendingScans;
    ULONG PendingCount;

    NPAGED_LOOKASIDE_LIST SwapContextList;
    NPAGED_LOOKASIDE_LIST PendingScanList;

    KSPIN_LOCK StatsLock;
    SS_STATISTICS Stats;
} SS_GLOBALS, *PSS_GLOBALS;

extern SS_GLOBALS SsGlobals;
extern const FLT_REGISTRATION SsFilterRegistration;

/* ----------------------------------------------------------------------
 * secscan.c: registration, instances, contexts
 * -------------------------------------------------------------------- */
DRIVER_INITIALIZE DriverEntry;

NTSTATUS
FLTAPI
SsUnload (
    _In_ FLT_FILTER_UNLOAD_FLAGS Flags
    );

NTSTATUS
FLTAPI
SsInstanceSetup (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_SETUP_FLAGS Flags,
    _In_ DEVICE_TYPE_FLT VolumeDeviceType,
    _In_ FLT_FILESYSTEM_TYPE VolumeFilesystemType
    );

NTSTATUS
FLTAPI
SsInstanceQueryTeardown (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_QUERY_TEARDOWN_FLAGS Flags
    );

VOID
FLTAPI
SsInstanceTeardownStart (
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_ FLT_INSTANCE_TEARDOWN_FLAGS Reason
    );

VOID
FLTAPI
SsContextCleanup (
    _In_ PFLT_CONTEXT Context,
    _In_ FLT_CONTEXT_TYPE ContextType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
SsCountEvent (
    _Inout_ PULONG Counter
    );

/* ----------------------------------------------------------------------
 * port.c
 * -------------------------------------------------------------------- */
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
SsCreatePort (
    VOID
    );

_IRQL_requires_(PASSIVE_LEVEL)
VOID
SsClosePort (
    VOID
    );

_IRQL_requires_max_(APC_LEVEL)
BOOLEAN
SsIsExcluded (
    _In_ PCUNICODE_STRING Name
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
SsScanFileInUserMode (
    _In_ PFLT_INSTANCE Instance,
    _In_ PFILE_OBJECT FileObject,
    _In_ ULONG ProcessId,
    _Out_ PBOOLEAN SafeToOpen
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
SsQueuePendingScan (
    _In_ PSS_STREAM_CONTEXT StreamContext,
    _In_ ULONG ProcessId
    );

/* ----------------------------------------------------------------------
 * secscan.c: create, cleanup, set-information
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostCreate (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreCleanup (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostCleanup (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreSetInformation (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostSetInformation (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

/* ----------------------------------------------------------------------
 * support.c
 * -------------------------------------------------------------------- */
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
SsFindOrCreateStreamContext (
    _In_ PFLT_CALLBACK_DATA Data,
    _In_ BOOLEAN CreateIfNotFound,
    _Outptr_ PSS_STREAM_CONTEXT *StreamContext
    );

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS
SsSetStreamContextName (
    _Inout_ PSS_STREAM_CONTEXT StreamContext,
    _In_ PCUNICODE_STRING Name
    );

/* ----------------------------------------------------------------------
 * secscan.c: swapped buffers
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostRead (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostWrite (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

/* ----------------------------------------------------------------------
 * secscan.c: directory queries
 * -------------------------------------------------------------------- */
FLT_PREOP_CALLBACK_STATUS
FLTAPI
SsPreDirectoryControl (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _Flt_CompletionContext_Outptr_ PVOID *CompletionContext
    );

FLT_POSTOP_CALLBACK_STATUS
FLTAPI
SsPostDirectoryControl (
    _Inout_ PFLT_CALLBACK_DATA Data,
    _In_ PCFLT_RELATED_OBJECTS FltObjects,
    _In_opt_ PVOID CompletionContext,
    _In_ FLT_POST_OPERATION_FLAGS Flags
    );

#endif /* SECSCAN_H */
