/*
 * ndis.h -- irqlcheck test stand-in for a subset of the WDK's ndis.h (NDIS 6):
 * spin locks, read/write locks, net buffer lists, timers and work items,
 * and the miniport, protocol and lightweight-filter handler roles with their
 * IRQL annotations and the characteristics structures that register them.
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

_IRQL_requires_max_(APC_LEVEL)
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

typedef struct _NDIS_OBJECT_HEADER {
    UCHAR Type;
    UCHAR Revision;
    USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;

typedef struct _NDIS_STATUS_INDICATION *PNDIS_STATUS_INDICATION;
typedef struct _NET_PNP_EVENT_NOTIFICATION *PNET_PNP_EVENT_NOTIFICATION;
typedef struct _NET_DEVICE_PNP_EVENT *PNET_DEVICE_PNP_EVENT;

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

typedef
_Function_class_(FILTER_OID_REQUEST_COMPLETE)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_OID_REQUEST_COMPLETE (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_OID_REQUEST OidRequest,
    _In_ NDIS_STATUS Status
    );
typedef FILTER_OID_REQUEST_COMPLETE *FILTER_OID_REQUEST_COMPLETE_HANDLER;

typedef
_Function_class_(FILTER_CANCEL_SEND_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_CANCEL_SEND_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PVOID CancelId
    );
typedef FILTER_CANCEL_SEND_NET_BUFFER_LISTS *FILTER_CANCEL_SEND_HANDLER;

typedef
_Function_class_(FILTER_STATUS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
FILTER_STATUS (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNDIS_STATUS_INDICATION StatusIndication
    );
typedef FILTER_STATUS *FILTER_STATUS_HANDLER;

typedef
_Function_class_(FILTER_NET_PNP_EVENT)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
FILTER_NET_PNP_EVENT (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification
    );
typedef FILTER_NET_PNP_EVENT *FILTER_NET_PNP_EVENT_HANDLER;

typedef
_Function_class_(FILTER_DEVICE_PNP_EVENT_NOTIFY)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
FILTER_DEVICE_PNP_EVENT_NOTIFY (
    _In_ NDIS_HANDLE FilterModuleContext,
    _In_ PNET_DEVICE_PNP_EVENT NetDevicePnPEvent
    );
typedef FILTER_DEVICE_PNP_EVENT_NOTIFY *FILTER_DEVICE_PNP_EVENT_NOTIFY_HANDLER;

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
    FILTER_OID_REQUEST_COMPLETE_HANDLER OidRequestCompleteHandler;
    FILTER_CANCEL_SEND_HANDLER CancelSendNetBufferListsHandler;
    FILTER_DEVICE_PNP_EVENT_NOTIFY_HANDLER DevicePnPEventNotifyHandler;
    FILTER_NET_PNP_EVENT_HANDLER NetPnPEventHandler;
    FILTER_STATUS_HANDLER StatusHandler;
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

_IRQL_requires_max_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisFRestartComplete (
    _In_ NDIS_HANDLE NdisFilterHandle,
    _In_ NDIS_STATUS Status
    );

/* ======================================================================
 * Miniport driver registration (NDIS_MINIPORT_DRIVER_CHARACTERISTICS)
 * ==================================================================== */
typedef struct _NDIS_MINIPORT_INIT_PARAMETERS *PNDIS_MINIPORT_INIT_PARAMETERS;
typedef struct _NDIS_MINIPORT_PAUSE_PARAMETERS *PNDIS_MINIPORT_PAUSE_PARAMETERS;
typedef struct _NDIS_MINIPORT_RESTART_PARAMETERS *PNDIS_MINIPORT_RESTART_PARAMETERS;

typedef
_Function_class_(MINIPORT_INITIALIZE)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
MINIPORT_INITIALIZE (
    _In_ NDIS_HANDLE NdisMiniportHandle,
    _In_ NDIS_HANDLE MiniportDriverContext,
    _In_ PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters
    );
typedef MINIPORT_INITIALIZE *MINIPORT_INITIALIZE_HANDLER;

typedef
_Function_class_(MINIPORT_DRIVER_UNLOAD)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
MINIPORT_DRIVER_UNLOAD (
    _In_ PDRIVER_OBJECT DriverObject
    );
typedef MINIPORT_DRIVER_UNLOAD *MINIPORT_DRIVER_UNLOAD_HANDLER;

typedef
_Function_class_(MINIPORT_PAUSE)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
MINIPORT_PAUSE (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters
    );
typedef MINIPORT_PAUSE *MINIPORT_PAUSE_HANDLER;

typedef
_Function_class_(MINIPORT_RESTART)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
MINIPORT_RESTART (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters
    );
typedef MINIPORT_RESTART *MINIPORT_RESTART_HANDLER;

typedef
_Function_class_(MINIPORT_OID_REQUEST)
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
NTAPI
MINIPORT_OID_REQUEST (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNDIS_OID_REQUEST OidRequest
    );
typedef MINIPORT_OID_REQUEST *MINIPORT_OID_REQUEST_HANDLER;

typedef
_Function_class_(MINIPORT_CANCEL_OID_REQUEST)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_CANCEL_OID_REQUEST (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PVOID RequestId
    );
typedef MINIPORT_CANCEL_OID_REQUEST *MINIPORT_CANCEL_OID_REQUEST_HANDLER;

typedef
_Function_class_(MINIPORT_CANCEL_SEND)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_CANCEL_SEND (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PVOID CancelId
    );
typedef MINIPORT_CANCEL_SEND *MINIPORT_CANCEL_SEND_HANDLER;

typedef
_Function_class_(MINIPORT_CHECK_FOR_HANG)
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
NTAPI
MINIPORT_CHECK_FOR_HANG (
    _In_ NDIS_HANDLE MiniportAdapterContext
    );
typedef MINIPORT_CHECK_FOR_HANG *MINIPORT_CHECK_FOR_HANG_HANDLER;

typedef
_Function_class_(MINIPORT_RESET)
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
NTAPI
MINIPORT_RESET (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _Out_ PBOOLEAN AddressingReset
    );
typedef MINIPORT_RESET *MINIPORT_RESET_HANDLER;

typedef
_Function_class_(MINIPORT_DEVICE_PNP_EVENT_NOTIFY)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
MINIPORT_DEVICE_PNP_EVENT_NOTIFY (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PNET_DEVICE_PNP_EVENT NetDevicePnPEvent
    );
typedef MINIPORT_DEVICE_PNP_EVENT_NOTIFY *MINIPORT_DEVICE_PNP_EVENT_NOTIFY_HANDLER;

typedef struct _NDIS_MINIPORT_DRIVER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    PVOID SetOptionsHandler;
    MINIPORT_INITIALIZE_HANDLER InitializeHandlerEx;
    MINIPORT_HALT_HANDLER HaltHandlerEx;
    MINIPORT_DRIVER_UNLOAD_HANDLER UnloadHandler;
    MINIPORT_PAUSE_HANDLER PauseHandler;
    MINIPORT_RESTART_HANDLER RestartHandler;
    MINIPORT_OID_REQUEST_HANDLER OidRequestHandler;
    MINIPORT_SEND_NET_BUFFER_LISTS_HANDLER SendNetBufferListsHandler;
    MINIPORT_RETURN_NET_BUFFER_LISTS_HANDLER ReturnNetBufferListsHandler;
    MINIPORT_CANCEL_SEND_HANDLER CancelSendHandler;
    MINIPORT_CHECK_FOR_HANG_HANDLER CheckForHangHandlerEx;
    MINIPORT_RESET_HANDLER ResetHandlerEx;
    MINIPORT_DEVICE_PNP_EVENT_NOTIFY_HANDLER DevicePnPEventNotifyHandler;
    MINIPORT_SHUTDOWN_HANDLER ShutdownHandlerEx;
    MINIPORT_CANCEL_OID_REQUEST_HANDLER CancelOidRequestHandler;
} NDIS_MINIPORT_DRIVER_CHARACTERISTICS, *PNDIS_MINIPORT_DRIVER_CHARACTERISTICS;

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMRegisterMiniportDriver (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PUNICODE_STRING RegistryPath,
    _In_opt_ NDIS_HANDLE MiniportDriverContext,
    _In_ PNDIS_MINIPORT_DRIVER_CHARACTERISTICS MiniportDriverCharacteristics,
    _Out_ PNDIS_HANDLE NdisMiniportDriverHandle
    );

/* ======================================================================
 * Miniport interrupts (NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS)
 * ==================================================================== */

typedef
_Function_class_(MINIPORT_ISR)
_IRQL_requires_(HIGH_LEVEL)
BOOLEAN
NTAPI
MINIPORT_ISR (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _Out_ PBOOLEAN QueueDefaultInterruptDpc,
    _Out_ PULONG TargetProcessors
    );
typedef MINIPORT_ISR *MINIPORT_ISR_HANDLER;

typedef
_Function_class_(MINIPORT_INTERRUPT_DPC)
_IRQL_requires_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_INTERRUPT_DPC (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ PVOID MiniportDpcContext,
    _In_ PVOID ReceiveThrottleParameters,
    _In_ PVOID NdisReserved2
    );
typedef MINIPORT_INTERRUPT_DPC *MINIPORT_INTERRUPT_DPC_HANDLER;

typedef
_Function_class_(MINIPORT_ENABLE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
VOID
NTAPI
MINIPORT_ENABLE_INTERRUPT (
    _In_ NDIS_HANDLE MiniportInterruptContext
    );
typedef MINIPORT_ENABLE_INTERRUPT *MINIPORT_ENABLE_INTERRUPT_HANDLER;

typedef
_Function_class_(MINIPORT_DISABLE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
VOID
NTAPI
MINIPORT_DISABLE_INTERRUPT (
    _In_ NDIS_HANDLE MiniportInterruptContext
    );
typedef MINIPORT_DISABLE_INTERRUPT *MINIPORT_DISABLE_INTERRUPT_HANDLER;

typedef struct _NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    MINIPORT_ISR_HANDLER InterruptHandler;
    MINIPORT_INTERRUPT_DPC_HANDLER InterruptDpcHandler;
    MINIPORT_DISABLE_INTERRUPT_HANDLER DisableInterruptHandler;
    MINIPORT_ENABLE_INTERRUPT_HANDLER EnableInterruptHandler;
    BOOLEAN MsiSupported;
    BOOLEAN MsiSyncWithAllMessages;
} NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS, *PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS;

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMRegisterInterruptEx (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS MiniportInterruptCharacteristics,
    _Out_ PNDIS_HANDLE NdisInterruptHandle
    );

/* ======================================================================
 * Timers and work items
 * ==================================================================== */

typedef
_Function_class_(NDIS_TIMER_FUNCTION)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
NDIS_TIMER_FUNCTION (
    _In_ PVOID SystemSpecific1,
    _In_ PVOID FunctionContext,
    _In_ PVOID SystemSpecific2,
    _In_ PVOID SystemSpecific3
    );
typedef NDIS_TIMER_FUNCTION *PNDIS_TIMER_FUNCTION;

typedef struct _NDIS_TIMER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    ULONG AllocationTag;
    PNDIS_TIMER_FUNCTION TimerFunction;
    PVOID FunctionContext;
} NDIS_TIMER_CHARACTERISTICS, *PNDIS_TIMER_CHARACTERISTICS;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisAllocateTimerObject (
    _In_ NDIS_HANDLE NdisHandle,
    _In_ PNDIS_TIMER_CHARACTERISTICS TimerCharacteristics,
    _Out_ PNDIS_HANDLE pTimerObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
BOOLEAN
NTAPI
NdisSetTimerObject (
    _In_ NDIS_HANDLE TimerObject,
    _In_ LARGE_INTEGER DueTime,
    _In_opt_ LONG MillisecondsPeriod,
    _In_opt_ PVOID FunctionContext
    );

typedef
_Function_class_(NDIS_IO_WORKITEM_FUNCTION)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
NDIS_IO_WORKITEM_FUNCTION (
    _In_opt_ PVOID WorkItemContext,
    _In_ NDIS_HANDLE NdisIoWorkItemHandle
    );
typedef NDIS_IO_WORKITEM_FUNCTION *NDIS_IO_WORKITEM_ROUTINE;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
NDIS_HANDLE
NTAPI
NdisAllocateIoWorkItem (
    _In_ NDIS_HANDLE NdisObjectHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisQueueIoWorkItem (
    _In_ NDIS_HANDLE NdisIoWorkItemHandle,
    _In_ NDIS_IO_WORKITEM_ROUTINE Routine,
    _In_ PVOID WorkItemContext
    );

/* ======================================================================
 * Protocol driver registration (NDIS_PROTOCOL_DRIVER_CHARACTERISTICS)
 * ==================================================================== */
typedef struct _NDIS_BIND_PARAMETERS *PNDIS_BIND_PARAMETERS;

typedef
_Function_class_(PROTOCOL_BIND_ADAPTER_EX)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
PROTOCOL_BIND_ADAPTER_EX (
    _In_ NDIS_HANDLE ProtocolDriverContext,
    _In_ NDIS_HANDLE BindContext,
    _In_ PNDIS_BIND_PARAMETERS BindParameters
    );
typedef PROTOCOL_BIND_ADAPTER_EX *BIND_HANDLER_EX;

typedef
_Function_class_(PROTOCOL_UNBIND_ADAPTER_EX)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
PROTOCOL_UNBIND_ADAPTER_EX (
    _In_ NDIS_HANDLE UnbindContext,
    _In_ NDIS_HANDLE ProtocolBindingContext
    );
typedef PROTOCOL_UNBIND_ADAPTER_EX *UNBIND_HANDLER_EX;

typedef
_Function_class_(PROTOCOL_OPEN_ADAPTER_COMPLETE_EX)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_OPEN_ADAPTER_COMPLETE_EX (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ NDIS_STATUS Status
    );
typedef PROTOCOL_OPEN_ADAPTER_COMPLETE_EX *OPEN_ADAPTER_COMPLETE_HANDLER_EX;

typedef
_Function_class_(PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX (
    _In_ NDIS_HANDLE ProtocolBindingContext
    );
typedef PROTOCOL_CLOSE_ADAPTER_COMPLETE_EX *CLOSE_ADAPTER_COMPLETE_HANDLER_EX;

typedef
_Function_class_(PROTOCOL_NET_PNP_EVENT)
_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS
NTAPI
PROTOCOL_NET_PNP_EVENT (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ PNET_PNP_EVENT_NOTIFICATION NetPnPEventNotification
    );
typedef PROTOCOL_NET_PNP_EVENT *NET_PNP_EVENT_HANDLER;

typedef
_Function_class_(PROTOCOL_UNINSTALL)
_IRQL_requires_(PASSIVE_LEVEL)
VOID
NTAPI
PROTOCOL_UNINSTALL (
    VOID
    );
typedef PROTOCOL_UNINSTALL *UNINSTALL_PROTOCOL_HANDLER;

typedef
_Function_class_(PROTOCOL_OID_REQUEST_COMPLETE)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_OID_REQUEST_COMPLETE (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ PNDIS_OID_REQUEST OidRequest,
    _In_ NDIS_STATUS Status
    );
typedef PROTOCOL_OID_REQUEST_COMPLETE *OID_REQUEST_COMPLETE_HANDLER;

typedef
_Function_class_(PROTOCOL_STATUS_EX)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_STATUS_EX (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ PNDIS_STATUS_INDICATION StatusIndication
    );
typedef PROTOCOL_STATUS_EX *STATUS_HANDLER_EX;

typedef
_Function_class_(PROTOCOL_RECEIVE_NET_BUFFER_LISTS)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_RECEIVE_NET_BUFFER_LISTS (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ NDIS_PORT_NUMBER PortNumber,
    _In_ ULONG NumberOfNetBufferLists,
    _In_ ULONG ReceiveFlags
    );
typedef PROTOCOL_RECEIVE_NET_BUFFER_LISTS *RECEIVE_NET_BUFFER_LISTS_HANDLER;

typedef
_Function_class_(PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE (
    _In_ NDIS_HANDLE ProtocolBindingContext,
    _In_ PNET_BUFFER_LIST NetBufferList,
    _In_ ULONG SendCompleteFlags
    );
typedef PROTOCOL_SEND_NET_BUFFER_LISTS_COMPLETE *SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER;

typedef struct _NDIS_PROTOCOL_DRIVER_CHARACTERISTICS {
    NDIS_OBJECT_HEADER Header;
    UCHAR MajorNdisVersion;
    UCHAR MinorNdisVersion;
    UCHAR MajorDriverVersion;
    UCHAR MinorDriverVersion;
    ULONG Flags;
    NDIS_STRING Name;
    PVOID SetOptionsHandler;
    BIND_HANDLER_EX BindAdapterHandlerEx;
    UNBIND_HANDLER_EX UnbindAdapterHandlerEx;
    OPEN_ADAPTER_COMPLETE_HANDLER_EX OpenAdapterCompleteHandlerEx;
    CLOSE_ADAPTER_COMPLETE_HANDLER_EX CloseAdapterCompleteHandlerEx;
    NET_PNP_EVENT_HANDLER NetPnPEventHandler;
    UNINSTALL_PROTOCOL_HANDLER UninstallHandler;
    OID_REQUEST_COMPLETE_HANDLER OidRequestCompleteHandler;
    STATUS_HANDLER_EX StatusHandlerEx;
    RECEIVE_NET_BUFFER_LISTS_HANDLER ReceiveNetBufferListsHandler;
    SEND_NET_BUFFER_LISTS_COMPLETE_HANDLER SendNetBufferListsCompleteHandler;
} NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, *PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS;

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisRegisterProtocolDriver (
    _In_opt_ NDIS_HANDLE ProtocolDriverContext,
    _In_ PNDIS_PROTOCOL_DRIVER_CHARACTERISTICS ProtocolCharacteristics,
    _Out_ PNDIS_HANDLE NdisProtocolHandle
    );

/* ======================================================================
 * Miniport adapter services (NDIS 6.x): attributes, configuration,
 * scatter/gather DMA, message interrupts, completions, error log.
 * IRQLs from the NDIS reference pages.
 * ==================================================================== */
typedef PHYSICAL_ADDRESS NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;

#define NDIS_STATUS_RESET_IN_PROGRESS   ((NDIS_STATUS)0xC001000DL)
#define NDIS_STATUS_REQUEST_ABORTED     ((NDIS_STATUS)0xC001000CL)
#define NDIS_STATUS_ADAPTER_NOT_READY   ((NDIS_STATUS)0xC0010011L)
#define NDIS_STATUS_INVALID_OID         ((NDIS_STATUS)0xC0010017L)
#define NDIS_STATUS_HARD_ERRORS         ((NDIS_STATUS)0x80010004L)

#define NDIS_ERROR_CODE_ADAPTER_NOT_FOUND   0xC0001385L
#define NDIS_ERROR_CODE_HARDWARE_FAILURE    0xC000138AL
#define NDIS_ERROR_CODE_INTERRUPT_CONNECT   0xC000138DL
#define NDIS_ERROR_CODE_OUT_OF_RESOURCES    0xC000138EL

#define OID_GEN_MAXIMUM_FRAME_SIZE      0x00010106
#define OID_GEN_LINK_SPEED              0x00010107
#define OID_GEN_VENDOR_ID               0x0001010C
#define OID_GEN_VENDOR_DESCRIPTION      0x0001010D
#define OID_GEN_CURRENT_LOOKAHEAD       0x0001010F
#define OID_GEN_XMIT_OK                 0x00020101
#define OID_GEN_RCV_OK                  0x00020102
#define OID_GEN_INTERRUPT_MODERATION    0x00010209
#define OID_802_3_PERMANENT_ADDRESS     0x01010101
#define OID_802_3_CURRENT_ADDRESS       0x01010102
#define OID_PNP_SET_POWER               0xFD010101
#define OID_PNP_QUERY_POWER             0xFD010102

typedef ULONG NDIS_PARAMETER_TYPE;
#define NdisParameterInteger            ((NDIS_PARAMETER_TYPE)0)
#define NdisParameterHexInteger         ((NDIS_PARAMETER_TYPE)1)

typedef struct _NDIS_CONFIGURATION_PARAMETER {
    NDIS_PARAMETER_TYPE ParameterType;
    union {
        ULONG IntegerData;
        NDIS_STRING StringData;
    } ParameterData;
} NDIS_CONFIGURATION_PARAMETER, *PNDIS_CONFIGURATION_PARAMETER;

typedef struct _NDIS_CONFIGURATION_OBJECT {
    NDIS_OBJECT_HEADER Header;
    NDIS_HANDLE NdisHandle;
    ULONG Flags;
} NDIS_CONFIGURATION_OBJECT, *PNDIS_CONFIGURATION_OBJECT;

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisOpenConfigurationEx (
    _In_ PNDIS_CONFIGURATION_OBJECT ConfigObject,
    _Out_ PNDIS_HANDLE ConfigurationHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisReadConfiguration (
    _Out_ PNDIS_STATUS Status,
    _Out_ PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
    _In_ NDIS_HANDLE ConfigurationHandle,
    _In_ PNDIS_STRING Keyword,
    _In_ NDIS_PARAMETER_TYPE ParameterType
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisReadNetworkAddress (
    _Out_ PNDIS_STATUS Status,
    _Out_ PVOID *NetworkAddress,
    _Out_ UINT *NetworkAddressLength,
    _In_ NDIS_HANDLE ConfigurationHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisCloseConfiguration (
    _In_ NDIS_HANDLE ConfigurationHandle
    );

typedef struct _NDIS_MINIPORT_ADAPTER_ATTRIBUTES {
    NDIS_OBJECT_HEADER Header;
    NDIS_HANDLE MiniportAdapterContext;
    ULONG AttributeFlags;
    UINT CheckForHangTimeInSeconds;
    ULONG InterfaceType;
    NDIS_MEDIUM MediaType;
    ULONG MtuSize;
    ULONG64 MaxXmitLinkSpeed;
    ULONG64 MaxRcvLinkSpeed;
    ULONG MacAddressLength;
    UCHAR PermanentMacAddress[32];
    UCHAR CurrentMacAddress[32];
} NDIS_MINIPORT_ADAPTER_ATTRIBUTES, *PNDIS_MINIPORT_ADAPTER_ATTRIBUTES;

#define NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE    0x00000001
#define NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER         0x00000008

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMSetMiniportAttributes (
    _In_ NDIS_HANDLE NdisMiniportHandle,
    _In_ PNDIS_MINIPORT_ADAPTER_ATTRIBUTES MiniportAttributes
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMDeregisterMiniportDriver (
    _In_ NDIS_HANDLE NdisMiniportDriverHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMMapIoSpace (
    _Out_ PVOID *VirtualAddress,
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ NDIS_PHYSICAL_ADDRESS PhysicalAddress,
    _In_ UINT Length
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMUnmapIoSpace (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ PVOID VirtualAddress,
    _In_ UINT Length
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMAllocateSharedMemory (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ ULONG Length,
    _In_ BOOLEAN Cached,
    _Out_ PVOID *VirtualAddress,
    _Out_ PNDIS_PHYSICAL_ADDRESS PhysicalAddress
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMFreeSharedMemory (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ ULONG Length,
    _In_ BOOLEAN Cached,
    _In_ PVOID VirtualAddress,
    _In_ NDIS_PHYSICAL_ADDRESS PhysicalAddress
    );

/* Scatter/gather DMA */

typedef
_Function_class_(MINIPORT_PROCESS_SG_LIST)
_IRQL_requires_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_PROCESS_SG_LIST (
    _In_ PDEVICE_OBJECT pDO,
    _In_ PVOID Reserved,
    _In_ PSCATTER_GATHER_LIST pSGL,
    _In_ PVOID Context
    );
typedef MINIPORT_PROCESS_SG_LIST *MINIPORT_PROCESS_SG_LIST_HANDLER;

typedef
_Function_class_(MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE)
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE (
    _In_ NDIS_HANDLE MiniportAdapterContext,
    _In_ PVOID VirtualAddress,
    _In_ PNDIS_PHYSICAL_ADDRESS PhysicalAddress,
    _In_ ULONG Length,
    _In_ PVOID Context
    );
typedef MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE *MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE_HANDLER;

typedef struct _NDIS_SG_DMA_DESCRIPTION {
    NDIS_OBJECT_HEADER Header;
    ULONG Flags;
    ULONG MaximumPhysicalMapping;
    MINIPORT_PROCESS_SG_LIST_HANDLER ProcessSGListHandler;
    MINIPORT_ALLOCATE_SHARED_MEM_COMPLETE_HANDLER SharedMemAllocateCompleteHandler;
    ULONG ScatterGatherListSize;
} NDIS_SG_DMA_DESCRIPTION, *PNDIS_SG_DMA_DESCRIPTION;

#define NDIS_SG_DMA_64_BIT_ADDRESS      0x00000001

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMRegisterScatterGatherDma (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _Inout_ PNDIS_SG_DMA_DESCRIPTION DmaDescription,
    _Out_ PNDIS_HANDLE NdisMiniportDmaHandle
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMDeregisterScatterGatherDma (
    _In_ NDIS_HANDLE NdisMiniportDmaHandle
    );

_IRQL_requires_(DISPATCH_LEVEL)
NDISAPI
NDIS_STATUS
NTAPI
NdisMAllocateNetBufferSGList (
    _In_ NDIS_HANDLE NdisMiniportDmaHandle,
    _In_ PNET_BUFFER NetBuffer,
    _In_ PVOID Context,
    _In_ ULONG Flags,
    _In_opt_ PVOID ScatterGatherListBuffer,
    _In_ ULONG ScatterGatherListBufferSize
    );

_IRQL_requires_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMFreeNetBufferSGList (
    _In_ NDIS_HANDLE NdisMiniportDmaHandle,
    _In_ PSCATTER_GATHER_LIST pSGL,
    _In_ PNET_BUFFER NetBuffer
    );

/* Message-signalled interrupts and interrupt synchronization */
typedef
_Function_class_(MINIPORT_MESSAGE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
BOOLEAN
NTAPI
MINIPORT_MESSAGE_INTERRUPT (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ ULONG MessageId,
    _Out_ PBOOLEAN QueueDefaultInterruptDpc,
    _Out_ PULONG TargetProcessors
    );
typedef MINIPORT_MESSAGE_INTERRUPT *MINIPORT_MSI_ISR_HANDLER;

typedef
_Function_class_(MINIPORT_MESSAGE_INTERRUPT_DPC)
_IRQL_requires_(DISPATCH_LEVEL)
VOID
NTAPI
MINIPORT_MESSAGE_INTERRUPT_DPC (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ ULONG MessageId,
    _In_ PVOID MiniportDpcContext,
    _In_ PVOID ReceiveThrottleParameters,
    _In_ PVOID NdisReserved2
    );
typedef MINIPORT_MESSAGE_INTERRUPT_DPC *MINIPORT_MSI_INTERRUPT_DPC_HANDLER;

typedef
_Function_class_(MINIPORT_ENABLE_MESSAGE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
VOID
NTAPI
MINIPORT_ENABLE_MESSAGE_INTERRUPT (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ ULONG MessageId
    );
typedef MINIPORT_ENABLE_MESSAGE_INTERRUPT *MINIPORT_ENABLE_MSI_INTERRUPT_HANDLER;

typedef
_Function_class_(MINIPORT_DISABLE_MESSAGE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
VOID
NTAPI
MINIPORT_DISABLE_MESSAGE_INTERRUPT (
    _In_ NDIS_HANDLE MiniportInterruptContext,
    _In_ ULONG MessageId
    );
typedef MINIPORT_DISABLE_MESSAGE_INTERRUPT *MINIPORT_DISABLE_MSI_INTERRUPT_HANDLER;

typedef struct _NDIS_MINIPORT_MSI_INTERRUPT_CHARACTERISTICS {
    NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Base;
    MINIPORT_MSI_ISR_HANDLER MessageInterruptHandler;
    MINIPORT_MSI_INTERRUPT_DPC_HANDLER MessageInterruptDpcHandler;
    MINIPORT_DISABLE_MSI_INTERRUPT_HANDLER DisableMessageInterruptHandler;
    MINIPORT_ENABLE_MSI_INTERRUPT_HANDLER EnableMessageInterruptHandler;
} NDIS_MINIPORT_MSI_INTERRUPT_CHARACTERISTICS;

typedef
_Function_class_(MINIPORT_SYNCHRONIZE_INTERRUPT)
_IRQL_requires_(HIGH_LEVEL)
BOOLEAN
NTAPI
MINIPORT_SYNCHRONIZE_INTERRUPT (
    _In_ NDIS_HANDLE SynchronizeContext
    );
typedef MINIPORT_SYNCHRONIZE_INTERRUPT *MINIPORT_SYNCHRONIZE_INTERRUPT_HANDLER;

_IRQL_requires_max_(HIGH_LEVEL)
NDISAPI
BOOLEAN
NTAPI
NdisMSynchronizeWithInterruptEx (
    _In_ NDIS_HANDLE NdisInterruptHandle,
    _In_ ULONG MessageId,
    _In_ MINIPORT_SYNCHRONIZE_INTERRUPT_HANDLER SynchronizeFunction,
    _In_ PVOID SynchronizeContext
    );

_IRQL_requires_(PASSIVE_LEVEL)
NDISAPI
VOID
NTAPI
NdisMDeregisterInterruptEx (
    _In_ NDIS_HANDLE NdisInterruptHandle
    );

/* Completions of pended requests */
_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMOidRequestComplete (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ PNDIS_OID_REQUEST OidRequest,
    _In_ NDIS_STATUS Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMPauseComplete (
    _In_ NDIS_HANDLE MiniportAdapterHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMRestartComplete (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ NDIS_STATUS Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMResetComplete (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ NDIS_STATUS Status,
    _In_ BOOLEAN AddressingReset
    );

typedef struct _NDIS_STATUS_INDICATION {
    NDIS_OBJECT_HEADER Header;
    NDIS_HANDLE SourceHandle;
    NDIS_PORT_NUMBER PortNumber;
    NDIS_STATUS StatusCode;
    ULONG Flags;
    NDIS_HANDLE DestinationHandle;
    PVOID RequestId;
    PVOID StatusBuffer;
    ULONG StatusBufferSize;
} NDIS_STATUS_INDICATION;

#define NDIS_STATUS_LINK_STATE          ((NDIS_STATUS)0x40010017L)

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisMIndicateStatusEx (
    _In_ NDIS_HANDLE MiniportAdapterHandle,
    _In_ PNDIS_STATUS_INDICATION StatusIndication
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
__cdecl
NdisWriteErrorLogEntry (
    _In_ NDIS_HANDLE NdisAdapterHandle,
    _In_ ULONG ErrorCode,
    _In_ ULONG NumberOfErrorValues,
    ...
    );

/* Net buffer list pools */
typedef struct _NET_BUFFER_LIST_POOL_PARAMETERS {
    NDIS_OBJECT_HEADER Header;
    UCHAR ProtocolId;
    BOOLEAN fAllocateNetBuffer;
    USHORT ContextSize;
    ULONG PoolTag;
    ULONG DataSize;
} NET_BUFFER_LIST_POOL_PARAMETERS, *PNET_BUFFER_LIST_POOL_PARAMETERS;

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
NDIS_HANDLE
NTAPI
NdisAllocateNetBufferListPool (
    _In_opt_ NDIS_HANDLE NdisHandle,
    _In_ PNET_BUFFER_LIST_POOL_PARAMETERS Parameters
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeNetBufferListPool (
    _In_ NDIS_HANDLE PoolHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
PNET_BUFFER_LIST
NTAPI
NdisAllocateNetBufferAndNetBufferList (
    _In_ NDIS_HANDLE PoolHandle,
    _In_ USHORT ContextSize,
    _In_ USHORT ContextBackFill,
    _In_opt_ PMDL MdlChain,
    _In_ ULONG DataOffset,
    _In_ SIZE_T DataLength
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeNetBufferList (
    _In_ PNET_BUFFER_LIST NetBufferList
    );

/* Timer and work item teardown */
_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
BOOLEAN
NTAPI
NdisCancelTimerObject (
    _In_ NDIS_HANDLE TimerObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeTimerObject (
    _In_ NDIS_HANDLE TimerObject
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisFreeIoWorkItem (
    _In_ NDIS_HANDLE NdisIoWorkItemHandle
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NDISAPI
VOID
NTAPI
NdisResetEvent (
    _In_ PNDIS_EVENT Event
    );

#define NdisInterlockedIncrement(Addend) InterlockedIncrement(Addend)
#define NdisInterlockedDecrement(Addend) InterlockedDecrement(Addend)

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _NDIS_ */
