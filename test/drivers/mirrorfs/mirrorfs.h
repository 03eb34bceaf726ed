/*
 * mirrorfs.h -- private header of the MirrorFs file-system filter.
 *
 * MirrorFs attaches to local volumes, keeps per-stream contexts and a cache
 * of recently opened names, mirrors writes to a shadow log from a timer-driven
 * flush, and parks IRPs that must wait for the log in a cancel-safe queue.
 *
 * It is a test input for irqlcheck: realistic code in the WDK's annotated
 * style that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef MIRRORFS_H
#define MIRRORFS_H

#include <ntifs.h>
#include <wdmsupport.h>

#define MIR_POOL_TAG            'rriM'
#define MIR_NAME_TAG            'nriM'
#define MIR_LOG_TAG             'lriM'
#define MIR_NAME_CACHE_MAX      64
#define MIR_FLUSH_PERIOD_MS     250
#define MIR_LOG_BUFFER_SIZE     (64 * 1024)

#define IOCTL_MIR_GET_STATS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_MIR_FLUSH_NOW \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _MIR_STATS {
    ULONG Creates;
    ULONG Closes;
    ULONG Reads;
    ULONG Writes;
    ULONG FastIoReads;
    ULONG FastIoWrites;
    ULONG BytesMirrored;
    ULONG NameCacheHits;
} MIR_STATS, *PMIR_STATS;

/* one entry of the recently-opened-names cache (non-paged: read under a spin lock) */
typedef struct _MIR_NAME_ENTRY {
    LIST_ENTRY Link;
    UNICODE_STRING Name;
    ULONG OpenCount;
    BOOLEAN Excluded;
    WCHAR Buffer[1];
} MIR_NAME_ENTRY, *PMIR_NAME_ENTRY;

/* per-stream context, from the lookaside list */
typedef struct _MIR_STREAM {
    LIST_ENTRY Link;
    PFILE_OBJECT FileObject;
    LONG References;
    ULONG PendingWrites;
    LARGE_INTEGER MirroredUpTo;
    BOOLEAN Excluded;
} MIR_STREAM, *PMIR_STREAM;

/* context handed from a write to its completion routine */
typedef struct _MIR_WRITE_CONTEXT {
    struct _MIR_DEVICE_EXTENSION *Extension;
    PMIR_STREAM Stream;
    ULONG Length;
    LARGE_INTEGER Offset;
} MIR_WRITE_CONTEXT, *PMIR_WRITE_CONTEXT;

typedef struct _MIR_DEVICE_EXTENSION {
    PDEVICE_OBJECT Self;
    PDEVICE_OBJECT LowerDevice;
    LIST_ENTRY VolumeLink;

    /* statistics: taken through MirLockStats/MirUnlockStats */
    KSPIN_LOCK StatsLock;
    KIRQL StatsOldIrql;
    MIR_STATS Stats;

    /* recently opened names */
    KSPIN_LOCK NameCacheLock;
    LIST_ENTRY NameCache;
    ULONG NameCacheCount;

    /* streams, walked at PASSIVE_LEVEL/APC_LEVEL only */
    FAST_MUTEX StreamMutex;
    LIST_ENTRY StreamList;
    ERESOURCE LogResource;

    /* writes waiting for room in the shadow log */
    IO_CSQ PendingCsq;
    KSPIN_LOCK PendingLock;
    LIST_ENTRY PendingIrps;

    /* the periodic flush */
    KTIMER FlushTimer;
    KDPC FlushDpc;
    PIO_WORKITEM FlushWorkItem;
    volatile LONG FlushQueued;
    KEVENT LogIdleEvent;
    PUCHAR LogBuffer;
    ULONG LogUsed;
    HANDLE LogHandle;

    BOOLEAN Detaching;
} MIR_DEVICE_EXTENSION, *PMIR_DEVICE_EXTENSION;

typedef struct _MIR_GLOBALS {
    PDRIVER_OBJECT DriverObject;
    PDEVICE_OBJECT ControlDevice;
    FAST_MUTEX AttachMutex;          /* protects VolumeList */
    LIST_ENTRY VolumeList;
    ULONG VolumeCount;
    NPAGED_LOOKASIDE_LIST StreamLookaside;
    NPAGED_LOOKASIDE_LIST WriteContextLookaside;
    UNICODE_STRING LogDirectory;
} MIR_GLOBALS;

extern MIR_GLOBALS MirGlobals;
extern FAST_IO_DISPATCH MirFastIoDispatch;

#define MirIsControlDevice(DeviceObject) ((DeviceObject) == MirGlobals.ControlDevice)

/* init.c */
DRIVER_INITIALIZE DriverEntry;
DRIVER_UNLOAD MirUnload;
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS MirAttachToVolume(_In_ PDEVICE_OBJECT VolumeDevice, _Out_opt_ PDEVICE_OBJECT *FilterDevice);
_IRQL_requires_(PASSIVE_LEVEL)
VOID MirDetachFromVolume(_In_ PDEVICE_OBJECT FilterDevice);

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS MirDispatchControlDevice(_In_ PDEVICE_OBJECT DeviceObject, _Inout_ PIRP Irp);

/* dispatch.c */
_Dispatch_type_(IRP_MJ_CREATE) DRIVER_DISPATCH MirCreate;
_Dispatch_type_(IRP_MJ_CLOSE) DRIVER_DISPATCH MirClose;
_Dispatch_type_(IRP_MJ_CLEANUP) DRIVER_DISPATCH MirCleanup;
DRIVER_DISPATCH MirPassThrough;
DRIVER_DISPATCH MirDeviceControl;
DRIVER_DISPATCH MirRead;
DRIVER_DISPATCH MirWrite;

/* stream.c */
_IRQL_requires_max_(APC_LEVEL)
PMIR_STREAM MirFindStream(_In_ PMIR_DEVICE_EXTENSION Ext, _In_ PFILE_OBJECT FileObject);
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS MirCreateStream(_In_ PMIR_DEVICE_EXTENSION Ext, _In_ PFILE_OBJECT FileObject,
                         _Outptr_ PMIR_STREAM *Stream);
_IRQL_requires_max_(APC_LEVEL)
VOID MirDeleteStream(_In_ PMIR_DEVICE_EXTENSION Ext, _In_ PFILE_OBJECT FileObject);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID MirReleaseStream(_In_ PMIR_STREAM Stream);

/* namecache.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN MirNameCacheLookup(_In_ PMIR_DEVICE_EXTENSION Ext, _In_ PCUNICODE_STRING Name,
                           _Out_ PBOOLEAN Excluded);
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS MirNameCacheInsert(_In_ PMIR_DEVICE_EXTENSION Ext, _In_ PCUNICODE_STRING Name,
                            _In_ BOOLEAN Excluded);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID MirNameCachePurge(_In_ PMIR_DEVICE_EXTENSION Ext);

/* stats.c: lock wrappers around the statistics block */
VOID MirLockStats(_Inout_ PMIR_DEVICE_EXTENSION Ext);
VOID MirUnlockStats(_Inout_ PMIR_DEVICE_EXTENSION Ext);
VOID MirCountOperation(_Inout_ PMIR_DEVICE_EXTENSION Ext, _In_ UCHAR MajorFunction, _In_ ULONG Bytes);
VOID MirCountFastIo(_Inout_ PMIR_DEVICE_EXTENSION Ext, _In_ BOOLEAN Write, _In_ ULONG Bytes);
NTSTATUS MirCopyStats(_Inout_ PMIR_DEVICE_EXTENSION Ext, _Out_writes_bytes_(Length) PVOID Buffer,
                      _In_ ULONG Length);

/* queue.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID MirInitializePendingQueue(_Inout_ PMIR_DEVICE_EXTENSION Ext);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS MirPendWrite(_Inout_ PMIR_DEVICE_EXTENSION Ext, _Inout_ PIRP Irp);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID MirResumePendingWrites(_Inout_ PMIR_DEVICE_EXTENSION Ext);

/* flush.c */
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID MirStartFlushTimer(_Inout_ PMIR_DEVICE_EXTENSION Ext);
_IRQL_requires_(PASSIVE_LEVEL)
VOID MirStopFlushTimer(_Inout_ PMIR_DEVICE_EXTENSION Ext);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS MirQueueFlushWaiter(_Inout_ PMIR_DEVICE_EXTENSION Ext, _Inout_ PIRP Irp);
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN MirAppendToLog(_Inout_ PMIR_DEVICE_EXTENSION Ext, _In_reads_bytes_(Length) const VOID *Data,
                       _In_ ULONG Length);

/* fastio.c */
FAST_IO_CHECK_IF_POSSIBLE MirFastIoCheckIfPossible;
FAST_IO_READ MirFastIoRead;
FAST_IO_WRITE MirFastIoWrite;
FAST_IO_DEVICE_CONTROL MirFastIoDeviceControl;
FAST_IO_DETACH_DEVICE MirFastIoDetachDevice;

#endif /* MIRRORFS_H */
