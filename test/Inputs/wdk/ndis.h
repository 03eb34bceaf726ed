/*
 * ndis.h -- irqlcheck test stand-in for a subset of the WDK's ndis.h (NDIS 6):
 * spin locks, read/write locks, net buffer lists, and the miniport and
 * lightweight-filter handler roles with their IRQL annotations.
 *
 * Written from Microsoft's NDIS reference pages; no WDK header text is
 * copied.  As in wdm.h every annotation expands to nothing outside Code
 * Analysis (see driverspecs.h), and the annotations are spelled the way the
 * WDK spells them: the read/write lock routines carry _IRQL_saves_ and
 * _IRQL_restores_ on the LOCK_STATE_EX pointer, the spin lock routines save
 * the IRQL inside the NDIS_SPIN_LOCK.
 */
#ifndef _NDIS_
#define _NDIS_

#include "ntddk.h"

#ifdef __cplusplus
extern "C" {
#endif

#define NDISAPI DECLSPEC_IMPORT
#define EXPORT

/* ======================================================================
 * Basic types and status codes
 * ==================================================================== */
typedef int NDIS_STATUS, *PNDIS_STATUS;
typedef PVOID NDIS_HANDLE, *PNDIS_HANDLE;
typedef ULONG NDIS_PORT_NUMBER;
typedef ULONG NDIS_OID;
typedef UCHAR NDIS_MEDIUM;

#define NDIS_STATUS_SUCCESS             ((NDIS_STATUS)STATUS_SUCCESS)
#define NDIS_STATUS_PENDING             ((NDIS_STATUS)STATUS_PENDING)
#define NDIS_STATUS_FAILURE             ((NDIS_STATUS)STATUS_UNSUCCESSFUL)
#define NDIS_STATUS_RESOURCES           ((NDIS_STATUS)STATUS_INSUFFICIENT_RESOURCES)
#define NDIS_STATUS_NOT_SUPPORTED       ((NDIS_STATUS)0xC00000BBL)
#define NDIS_STATUS_PAUSED              ((NDIS_STATUS)0xC023002AL)
#define NDIS_STATUS_INVALID_LENGTH      ((NDIS_STATUS)0xC0010014L)
#define NDIS_STATUS_BUFFER_TOO_SHORT    ((NDIS_STATUS)0xC0010016L)
#define NDIS_STATUS_INVALID_PARAMETER   ((NDIS_STATUS)STATUS_INVALID_PARAMETER)

#define NDIS_DEFAULT_PORT_NUMBER        ((NDIS_PORT_NUMBER)0)

/* flags the caller passes when it knows it runs at DISPATCH_LEVEL */
#define NDIS_RWL_AT_DISPATCH_LEVEL                  0x01
#define NDIS_SEND_FLAGS_DISPATCH_LEVEL              0x00000001
#define NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL     0x00000001
#define NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL           0x00000001
#define NDIS_RECEIVE_FLAGS_RESOURCES                0x00000002
#define NDIS_RETURN_FLAGS_DISPATCH_LEVEL            0x00000001
#define NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags) \
    (((Flags) & NDIS_SEND_FLAGS_DISPATCH_LEVEL) != 0)

typedef enum _NDIS_HALT_ACTION {
    NdisHaltDeviceDisabled,
    NdisHaltDeviceInstanceDeInstalled,
    NdisHaltDevicePoweredDown,
    NdisHaltDeviceSurpriseRemoved,
    NdisHaltDeviceFailed,
    NdisHaltDeviceInitializationFailed,
    NdisHaltDeviceStopped
} NDIS_HALT_ACTION;

typedef enum _NDIS_SHUTDOWN_ACTION {
    NdisShutdownPowerOff,
    NdisShutdownBugCheck
} NDIS_SHUTDOWN_ACTION;

typedef enum _NDIS_REQUEST_TYPE {
    NdisRequestQueryInformation,
    NdisRequestSetInformation,
    NdisRequestQueryStatistics,
    NdisRequestMethod = 12
} NDIS_REQUEST_TYPE;

/* ======================================================================
 * Spin locks: the lock and the IRQL it was taken at live side by side
 * ==================================================================== */
typedef struct _NDIS_SPIN_LOCK {
    KSPIN_LOCK SpinLock;
    KIRQL OldIrql;
} NDIS_SPIN_LOCK, *PNDIS_SPIN_LOCK;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisAllocateSpinLock (
    _Out_ PNDIS_SPIN_LOCK SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeSpinLock (
    _In_ PNDIS_SPIN_LOCK SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_global_(SpinLock, SpinLock)
NDISAPI
VOID
NTAPI
NdisAcquireSpinLock (
    _Inout_ PNDIS_SPIN_LOCK SpinLock
    );

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(SpinLock, SpinLock)
NDISAPI
VOID
NTAPI
NdisReleaseSpinLock (
    _Inout_ PNDIS_SPIN_LOCK SpinLock
    );

_IRQL_requires_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisDprAcquireSpinLock (
    _Inout_ PNDIS_SPIN_LOCK SpinLock
    );

_IRQL_requires_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisDprReleaseSpinLock (
    _Inout_ PNDIS_SPIN_LOCK SpinLock
    );

/* ======================================================================
 * Read/write locks (NDIS 6.20): the caller's LOCK_STATE_EX holds the IRQL
 * ==================================================================== */
typedef struct _NDIS_RW_LOCK_EX NDIS_RW_LOCK_EX, *PNDIS_RW_LOCK_EX;

typedef struct _LOCK_STATE_EX {
    KIRQL OldIrql;
    UCHAR LockState;
    UCHAR Flags;
} LOCK_STATE_EX, *PLOCK_STATE_EX;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
PNDIS_RW_LOCK_EX
NTAPI
NdisAllocateRWLock (
    _In_ NDIS_HANDLE NdisHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeRWLock (
    _In_ PNDIS_RW_LOCK_EX Lock
    );

_Acquires_shared_lock_(Lock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisAcquireRWLockRead (
    _Inout_ PNDIS_RW_LOCK_EX Lock,
    _Out_ _IRQL_saves_ PLOCK_STATE_EX LockState,
    _In_ UCHAR Flags
    );

_Acquires_exclusive_lock_(Lock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisAcquireRWLockWrite (
    _Inout_ PNDIS_RW_LOCK_EX Lock,
    _Out_ _IRQL_saves_ PLOCK_STATE_EX LockState,
    _In_ UCHAR Flags
    );

_Releases_lock_(Lock)
_IRQL_requires_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisReleaseRWLock (
    _Inout_ PNDIS_RW_LOCK_EX Lock,
    _In_ _IRQL_restores_ PLOCK_STATE_EX LockState
    );

/* ======================================================================
 * Memory, events, timing
 * ==================================================================== */
typedef enum _EX_POOL_PRIORITY {
    LowPoolPriority,
    NormalPoolPriority = 16,
    HighPoolPriority = 32
} EX_POOL_PRIORITY;

_IRQL_requires_max_(DISPATCH_LEVEL)
_Ret_maybenull_
NDISAPI
PVOID
NTAPI
NdisAllocateMemoryWithTagPriority (
    _In_ NDIS_HANDLE NdisHandle,
    _In_ UINT Length,
    _In_ ULONG Tag,
    _In_ EX_POOL_PRIORITY Priority
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeMemoryWithTagPriority (
    _In_ NDIS_HANDLE NdisHandle,
    _In_ PVOID VirtualAddress,
    _In_ ULONG Tag
    );

#define NdisZeroMemory(Destination, Length) RtlZeroMemory(Destination, Length)
#define NdisMoveMemory(Destination, Source, Length) RtlCopyMemory(Destination, Source, Length)

typedef struct _NDIS_EVENT {
    KEVENT Event;
} NDIS_EVENT, *PNDIS_EVENT;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisInitializeEvent (
    _Out_ PNDIS_EVENT Event
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisSetEvent (
    _In_ PNDIS_EVENT Event
    );

/* MsToWait == 0 waits without a time-out */
_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
BOOLEAN
NTAPI
NdisWaitEvent (
    _In_ PNDIS_EVENT Event,
    _In_ UINT MsToWait
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMSleep (
    _In_ ULONG MicrosecondsToSleep
    );

#define NdisStallExecution(MicroSecondsToStall) KeStallExecutionProcessor(MicroSecondsToStall)

/* ======================================================================
 * Net buffer lists (only the fields a driver touches)
 * ==================================================================== */
typedef struct _NET_BUFFER {
    struct _NET_BUFFER *Next;
    PMDL CurrentMdl;
    ULONG CurrentMdlOffset;
    ULONG DataLength;
    PMDL MdlChain;
    ULONG DataOffset;
} NET_BUFFER, *PNET_BUFFER;

typedef struct _NET_BUFFER_LIST {
    struct _NET_BUFFER_LIST *Next;
    PNET_BUFFER FirstNetBuffer;
    PVOID Context;
    struct _NET_BUFFER_LIST *ParentNetBufferList;
    NDIS_HANDLE NdisPoolHandle;
    PVOID MiniportReserved[2];
    PVOID ProtocolReserved[4];
    NDIS_HANDLE SourceHandle;
    ULONG NblFlags;
    NDIS_STATUS Status;
} NET_BUFFER_LIST, *PNET_BUFFER_LIST;

#define NET_BUFFER_LIST_NEXT_NBL(Nbl)       ((Nbl)->Next)
#define NET_BUFFER_LIST_FIRST_NB(Nbl)       ((Nbl)->FirstNetBuffer)
#define NET_BUFFER_LIST_STATUS(Nbl)         ((Nbl)->Status)
#define NET_BUFFER_NEXT_NB(Nb)              ((Nb)->Next)
#define NET_BUFFER_DATA_LENGTH(Nb)          ((Nb)->DataLength)

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
PVOID
NTAPI
NdisGetDataBuffer (
    _In_ PNET_BUFFER NetBuffer,
    _In_ ULONG BytesNeeded,
    _In_opt_ PVOID Storage,
    _In_ UINT AlignMultiple,
    _In_ UINT AlignOffset
    );

/* ======================================================================
 * OID requests (trimmed to what a filter inspects)
 * ==================================================================== */
typedef struct _NDIS_OID_REQUEST {
    NDIS_REQUEST_TYPE RequestType;
    NDIS_PORT_NUMBER PortNumber;
    struct {
        NDIS_OID Oid;
        PVOID InformationBuffer;
        ULONG InformationBufferLength;
        ULONG BytesWritten;
        ULONG BytesRead;
        ULONG BytesNeeded;
    } DATA;
    NDIS_HANDLE RequestHandle;
    PVOID SourceReserved[2];
} NDIS_OID_REQUEST, *PNDIS_OID_REQUEST;

#define OID_GEN_CURRENT_PACKET_FILTER   0x0001010E
#define OID_GEN_STATISTICS              0x00020106
#define OID_802_3_MULTICAST_LIST        0x01010103

/* ======================================================================
 * Miniport handler roles
 * ==================================================================== */
typedef
_Function_class_(MINIPORT_HALT)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
MINIPORT_HALT (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ NDIS_HALT_ACTION HaltAction
    );
typedef MINIPORT_HALT *MINIPORT_HALT_HANDLER;

typedef
_Function_class_(MINIPORT_SEND_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_SEND_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG SendFlags
    );
typedef MINIPORT_SEND_NET_BUFFER_LISTS *MINIPORT_SEND_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(MINIPORT_RETURN_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_RETURN_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ ULONG ReturnFlags
    );
typedef MINIPORT_RETURN_NET_BUFFER_LISTS *MINIPORT_RETURN_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(MINIPORT_SHUTDOWN)
_IRQL_requires_max_(HIGH_LEVEL)
VOID
NTAPI
MINIPORT_SHUTDOWN (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ NDIS_SHUTDOWN_ACTION ShutdownAction
    );
typedef MINIPORT_SHUTDOWN *MINIPORT_SHUTDOWN_HANDLER;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMIndicateReceiveNetBufferLists (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG NumberOfNetBufferLists,
    _In_ ULONG ReceiveFlags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMSendNetBufferListsComplete (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ ULONG SendCompleteFlags
    );

/* ======================================================================
 * Lightweight filter handler roles and the calls a filter makes
 * ==================================================================== */
typedef struct _NDIS_FILTER_ATTACH_PARAMETERS {
    ULONG Flags;
    NDIS_PORT_NUMBER BasePortNumber;
    NDIS_MEDIUM MiniportMediaType;
    ULONG MtuSize;
    UCHAR CurrentMacAddress[6];
    PUNICODE_STRING BaseMiniportName;
} NDIS_FILTER_ATTACH_PARAMETERS, *PNDIS_FILTER_ATTACH_PARAMETERS;

typedef struct _NDIS_FILTER_PAUSE_PARAMETERS {
    ULONG Flags;
    ULONG PauseReason;
} NDIS_FILTER_PAUSE_PARAMETERS, *PNDIS_FILTER_PAUSE_PARAMETERS;

typedef struct _NDIS_FILTER_RESTART_PARAMETERS {
    NDIS_MEDIUM MiniportMediaType;
    ULONG Flags;
} NDIS_FILTER_RESTART_PARAMETERS, *PNDIS_FILTER_RESTART_PARAMETERS;

typedef
_Function_class_(FILTER_ATTACH)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
FILTER_ATTACH (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ NDIS_HANDLE FilterDriverContext,
    _In_ PNDIS_FILTER_ATTACH_PARAMETERS AttachParameters
    );
typedef FILTER_ATTACH *FILTER_ATTACH_HANDLER;

typedef
_Function_class_(FILTER_DETACH)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
FILTER_DETACH (
    _In_ NDIS_HANDLE FilterModuleContext
    );
typedef FILTER_DETACH *FILTER_DETACH_HANDLER;

typedef
_Function_class_(FILTER_PAUSE)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
FILTER_PAUSE (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_FILTER_PAUSE_PARAMETERS PauseParameters
    );
typedef FILTER_PAUSE *FILTER_PAUSE_HANDLER;

typedef
_Function_class_(FILTER_RESTART)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
FILTER_RESTART (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_FILTER_RESTART_PARAMETERS RestartParameters
    );
typedef FILTER_RESTART *FILTER_RESTART_HANDLER;

typedef
_Function_class_(FILTER_SEND_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_SEND_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG SendFlags
    );
typedef FILTER_SEND_NET_BUFFER_LISTS *FILTER_SEND_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(FILTER_SEND_NET_BUFFER_LISTS_COMPLETE)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_SEND_NET_BUFFER_LISTS_COMPLETE (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ ULONG SendCompleteFlags
    );
typedef FILTER_SEND_NET_BUFFER_LISTS_COMPLETE *FILTER_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER;

typedef
_Function_class_(FILTER_RECEIVE_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_RECEIVE_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG NumberOfNetBufferLists,
    _In_ ULONG ReceiveFlags
    );
typedef FILTER_RECEIVE_NET_BUFFER_LISTS *FILTER_RECEIVE_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(FILTER_RETURN_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_RETURN_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ ULONG ReturnFlags
    );
typedef FILTER_RETURN_NET_BUFFER_LISTS *FILTER_RETURN_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(FILTER_OID_REQUEST)
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
NTAPI
FILTER_OID_REQUEST (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_OID_REQUEST OidRequest
    );
typedef FILTER_OID_REQUEST *FILTER_OID_REQUEST_HANDLER;

typedef UNICODE_STRING NDIS_STRING, *PNDIS_STRING;

typedef struct _NDIS_FILTER_DRIVER_CHARACTERISTICS {
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    NDIS_STRING FriendlyName;
    NDIS_STRING UniqueName;
    NDIS_STRING ServiceName;
    FILTER_ATTACH_HANDLER AttachHandler;
    FILTER_DETACH_HANDLER DetachHandler;
    FILTER_RESTART_HANDLER RestartHandler;
    FILTER_PAUSE_HANDLER PauseHandler;
    FILTER_SEND_NET_BUFFER_LISTS_HANDLER SendNetBufferListsHandler;
    FILTER_SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER SendNetBufferListsCompleteHandler;
    FILTER_RECEIVE_NET_BUFFER_LISTS_HANDLER ReceiveNetBufferListsHandler;
    FILTER_RETURN_NET_BUFFER_LISTS_HANDLER ReturnNetBufferListsHandler;
    FILTER_OID_REQUEST_HANDLER OidRequestHandler;
} NDIS_FILTER_DRIVER_CHARACTERISTICS, *PNDIS_FILTER_DRIVER_CHARACTERISTICS;

typedef struct _NDIS_FILTER_ATTRIBUTES {
    ULONG Flags;
} NDIS_FILTER_ATTRIBUTES, *PNDIS_FILTER_ATTRIBUTES;

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisFRegisterFilterDriver (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ NDIS_HANDLE FilterDriverContext,
    _In_ PNDIS_FILTER_DRIVER_CHARACTERISTICS FilterDriverCharacteristics,
    _Out_ PNDIS_HANDLE NdisFilterDriverHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisFDeregisterFilterDriver (
    _In_ NDIS_HANDLE NdisFilterDriverHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisFSetAttributes (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_FILTER_ATTRIBUTES FilterAttributes
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFSendNetBufferLists (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG SendFlags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFSendNetBufferListsComplete (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ ULONG SendCompleteFlags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFIndicateReceiveNetBufferLists (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG NumberOfNetBufferLists,
    _In_ ULONG ReceiveFlags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFReturnNetBufferLists (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ ULONG ReturnFlags
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisFOidRequest (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ PNDIS_OID_REQUEST OidRequest
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFPauseComplete (
    _In_ NDIS_HANDLE NdisFilterHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFRestartComplete (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ NDIS_STATUS Status
    );

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _NDIS_ */
