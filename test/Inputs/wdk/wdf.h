/*
 * wdf.h -- irqlcheck test stand-in for a subset of KMDF's wdf.h: object
 * handles, framework spin locks and wait locks, I/O queues and requests,
 * timers, DPCs, work items and interrupts, object locks, and the EVT_WDF_*
 * callback roles with their IRQL annotations.
 *
 * Written from Microsoft's KMDF reference pages; no WDK header text is
 * copied.  The real framework reaches every method through a function table
 * from FORCEINLINE wrappers; here the methods are plain prototypes (the
 * wrappers carry the annotations in the WDK, and so do these), while the
 * configuration initializers are FORCEINLINE bodies as in the kit.  The
 * framework spin lock carries _IRQL_saves_/_IRQL_restores_ on the handle,
 * the way KMDF annotates it: the lock object holds the saved IRQL.
 */
#ifndef _WDF_H_
#define _WDF_H_

#include "wdm.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WDFAPI DECLSPEC_IMPORT
#define DECLARE_WDF_HANDLE(name) typedef struct name##__ *name

typedef HANDLE WDFOBJECT;
DECLARE_WDF_HANDLE(WDFDRIVER);
DECLARE_WDF_HANDLE(WDFDEVICE);
DECLARE_WDF_HANDLE(WDFQUEUE);
DECLARE_WDF_HANDLE(WDFREQUEST);
DECLARE_WDF_HANDLE(WDFSPINLOCK);
DECLARE_WDF_HANDLE(WDFWAITLOCK);
DECLARE_WDF_HANDLE(WDFTIMER);
DECLARE_WDF_HANDLE(WDFWORKITEM);
DECLARE_WDF_HANDLE(WDFMEMORY);
DECLARE_WDF_HANDLE(WDFFILEOBJECT);
DECLARE_WDF_HANDLE(WDFDPC);
DECLARE_WDF_HANDLE(WDFINTERRUPT);
DECLARE_WDF_HANDLE(WDFIOTARGET);
DECLARE_WDF_HANDLE(WDFCMRESLIST);
typedef PVOID WDFCONTEXT;
typedef struct _WDF_REQUEST_COMPLETION_PARAMS *PWDF_REQUEST_COMPLETION_PARAMS;
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;

#define WDF_NO_OBJECT_ATTRIBUTES    NULL
#define WDF_NO_HANDLE               NULL
#define WDF_REL_TIMEOUT_IN_MS(Time) ((LONGLONG)(Time) * -10000)

typedef enum _WDF_EXECUTION_LEVEL {
    WdfExecutionLevelInvalid,
    WdfExecutionLevelInheritFromParent,
    WdfExecutionLevelPassive,
    WdfExecutionLevelDispatch
} WDF_EXECUTION_LEVEL;

typedef enum _WDF_SYNCHRONIZATION_SCOPE {
    WdfSynchronizationScopeInvalid,
    WdfSynchronizationScopeInheritFromParent,
    WdfSynchronizationScopeDevice,
    WdfSynchronizationScopeQueue,
    WdfSynchronizationScopeNone
} WDF_SYNCHRONIZATION_SCOPE;

typedef enum _WDF_IO_QUEUE_DISPATCH_TYPE {
    WdfIoQueueDispatchInvalid,
    WdfIoQueueDispatchSequential,
    WdfIoQueueDispatchParallel,
    WdfIoQueueDispatchManual
} WDF_IO_QUEUE_DISPATCH_TYPE;

typedef enum _WDF_TRI_STATE {
    WdfFalse = FALSE,
    WdfTrue = TRUE,
    WdfUseDefault = 2
} WDF_TRI_STATE;

typedef enum _WDF_POWER_DEVICE_STATE {
    WdfPowerDeviceInvalid,
    WdfPowerDeviceD0,
    WdfPowerDeviceD1,
    WdfPowerDeviceD2,
    WdfPowerDeviceD3,
    WdfPowerDeviceD3Final
} WDF_POWER_DEVICE_STATE;

/* ======================================================================
 * Callback roles
 * ==================================================================== */
typedef
_Function_class_(EVT_WDF_OBJECT_CONTEXT_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_OBJECT_CONTEXT_CLEANUP (
    _In_ WDFOBJECT Object
    );
typedef EVT_WDF_OBJECT_CONTEXT_CLEANUP *PFN_WDF_OBJECT_CONTEXT_CLEANUP;

typedef
_Function_class_(EVT_WDF_DRIVER_DEVICE_ADD)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DRIVER_DEVICE_ADD (
    _In_ WDFDRIVER Driver,
    _Inout_ PWDFDEVICE_INIT DeviceInit
    );
typedef EVT_WDF_DRIVER_DEVICE_ADD *PFN_WDF_DRIVER_DEVICE_ADD;

typedef
_Function_class_(EVT_WDF_DEVICE_D0_ENTRY)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_D0_ENTRY (
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE PreviousState
    );
typedef EVT_WDF_DEVICE_D0_ENTRY *PFN_WDF_DEVICE_D0_ENTRY;

typedef
_Function_class_(EVT_WDF_DEVICE_D0_EXIT)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_D0_EXIT (
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE TargetState
    );
typedef EVT_WDF_DEVICE_D0_EXIT *PFN_WDF_DEVICE_D0_EXIT;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T OutputBufferLength,
    _In_ SIZE_T InputBufferLength,
    _In_ ULONG IoControlCode
    );
typedef EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_READ)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_READ (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T Length
    );
typedef EVT_WDF_IO_QUEUE_IO_READ *PFN_WDF_IO_QUEUE_IO_READ;

typedef
_Function_class_(EVT_WDF_REQUEST_CANCEL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_REQUEST_CANCEL (
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_REQUEST_CANCEL *PFN_WDF_REQUEST_CANCEL;

typedef
_Function_class_(EVT_WDF_TIMER)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_TIMER (
    _In_ WDFTIMER Timer
    );
typedef EVT_WDF_TIMER *PFN_WDF_TIMER;

typedef
_Function_class_(EVT_WDF_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_WORKITEM (
    _In_ WDFWORKITEM WorkItem
    );
typedef EVT_WDF_WORKITEM *PFN_WDF_WORKITEM;

/* The interrupt service, enable and disable callbacks run at the
 * interrupt's device IRQL (DIRQL), which no header names as a constant: the
 * reference pages state it, and irqlcheck's role table holds it. */
typedef
_Function_class_(EVT_WDF_DRIVER_UNLOAD)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DRIVER_UNLOAD (
    _In_ WDFDRIVER Driver
    );
typedef EVT_WDF_DRIVER_UNLOAD *PFN_WDF_DRIVER_UNLOAD;

typedef
_Function_class_(EVT_WDF_DEVICE_PREPARE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_PREPARE_HARDWARE (
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesRaw,
    _In_ WDFCMRESLIST ResourcesTranslated
    );
typedef EVT_WDF_DEVICE_PREPARE_HARDWARE *PFN_WDF_DEVICE_PREPARE_HARDWARE;

typedef
_Function_class_(EVT_WDF_DEVICE_RELEASE_HARDWARE)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_RELEASE_HARDWARE (
    _In_ WDFDEVICE Device,
    _In_ WDFCMRESLIST ResourcesTranslated
    );
typedef EVT_WDF_DEVICE_RELEASE_HARDWARE *PFN_WDF_DEVICE_RELEASE_HARDWARE;

typedef
_Function_class_(EVT_WDF_IO_IN_CALLER_CONTEXT)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_IN_CALLER_CONTEXT (
    _In_ WDFDEVICE Device,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_IN_CALLER_CONTEXT *PFN_WDF_IO_IN_CALLER_CONTEXT;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_DEFAULT)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_DEFAULT (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_DEFAULT *PFN_WDF_IO_QUEUE_IO_DEFAULT;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_WRITE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_WRITE (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T Length
    );
typedef EVT_WDF_IO_QUEUE_IO_WRITE *PFN_WDF_IO_QUEUE_IO_WRITE;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T OutputBufferLength,
    _In_ SIZE_T InputBufferLength,
    _In_ ULONG IoControlCode
    );
typedef EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL *PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_STOP)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_STOP (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ ULONG ActionFlags
    );
typedef EVT_WDF_IO_QUEUE_IO_STOP *PFN_WDF_IO_QUEUE_IO_STOP;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_RESUME)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_RESUME (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_RESUME *PFN_WDF_IO_QUEUE_IO_RESUME;

typedef
_Function_class_(EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request
    );
typedef EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE *PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE;

typedef
_Function_class_(EVT_WDF_REQUEST_COMPLETION_ROUTINE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_REQUEST_COMPLETION_ROUTINE (
    _In_ WDFREQUEST Request,
    _In_ WDFIOTARGET Target,
    _In_ PWDF_REQUEST_COMPLETION_PARAMS Params,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_REQUEST_COMPLETION_ROUTINE *PFN_WDF_REQUEST_COMPLETION_ROUTINE;

typedef
_Function_class_(EVT_WDF_DPC)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_DPC (
    _In_ WDFDPC Dpc
    );
typedef EVT_WDF_DPC *PFN_WDF_DPC;

typedef
_Function_class_(EVT_WDF_INTERRUPT_ISR)
_IRQL_requires_same_
BOOLEAN
NTAPI
EVT_WDF_INTERRUPT_ISR (
    _In_ WDFINTERRUPT Interrupt,
    _In_ ULONG MessageID
    );
typedef EVT_WDF_INTERRUPT_ISR *PFN_WDF_INTERRUPT_ISR;

typedef
_Function_class_(EVT_WDF_INTERRUPT_DPC)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_INTERRUPT_DPC (
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFOBJECT AssociatedObject
    );
typedef EVT_WDF_INTERRUPT_DPC *PFN_WDF_INTERRUPT_DPC;

typedef
_Function_class_(EVT_WDF_INTERRUPT_ENABLE)
_IRQL_requires_same_
NTSTATUS
NTAPI
EVT_WDF_INTERRUPT_ENABLE (
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    );
typedef EVT_WDF_INTERRUPT_ENABLE *PFN_WDF_INTERRUPT_ENABLE;

typedef
_Function_class_(EVT_WDF_INTERRUPT_DISABLE)
_IRQL_requires_same_
NTSTATUS
NTAPI
EVT_WDF_INTERRUPT_DISABLE (
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFDEVICE AssociatedDevice
    );
typedef EVT_WDF_INTERRUPT_DISABLE *PFN_WDF_INTERRUPT_DISABLE;

typedef
_Function_class_(EVT_WDF_INTERRUPT_WORKITEM)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_INTERRUPT_WORKITEM (
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFOBJECT AssociatedObject
    );
typedef EVT_WDF_INTERRUPT_WORKITEM *PFN_WDF_INTERRUPT_WORKITEM;

/* ======================================================================
 * Object attributes and contexts
 * ==================================================================== */
typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO {
    ULONG Size;
    PCSTR ContextName;
    SIZE_T ContextSize;
} WDF_OBJECT_CONTEXT_TYPE_INFO, *PWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef const WDF_OBJECT_CONTEXT_TYPE_INFO *PCWDF_OBJECT_CONTEXT_TYPE_INFO;

typedef struct _WDF_OBJECT_ATTRIBUTES {
    ULONG Size;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtCleanupCallback;
    PFN_WDF_OBJECT_CONTEXT_CLEANUP EvtDestroyCallback;
    WDF_EXECUTION_LEVEL ExecutionLevel;
    WDF_SYNCHRONIZATION_SCOPE SynchronizationScope;
    WDFOBJECT ParentObject;
    SIZE_T ContextSizeOverride;
    PCWDF_OBJECT_CONTEXT_TYPE_INFO ContextTypeInfo;
} WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;

FORCEINLINE
VOID
WDF_OBJECT_ATTRIBUTES_INIT (
    _Out_ PWDF_OBJECT_ATTRIBUTES Attributes
    )
{
    RtlZeroMemory(Attributes, sizeof(WDF_OBJECT_ATTRIBUTES));
    Attributes->Size = sizeof(WDF_OBJECT_ATTRIBUTES);
    Attributes->ExecutionLevel = WdfExecutionLevelInheritFromParent;
    Attributes->SynchronizationScope = WdfSynchronizationScopeInheritFromParent;
}

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
PVOID
NTAPI
WdfObjectGetTypedContextWorker (
    _In_ WDFOBJECT Handle,
    _In_ PCWDF_OBJECT_CONTEXT_TYPE_INFO TypeInfo
    );

/* The type info has external linkage and is selectany, as in the kit, so
 * that a context declared in a driver's header can be used by the
 * accessor (an inline function with external linkage) in every file. */
#if defined(WDKP_HAS_DECLSPEC)
#define WDF_CONTEXT_TYPE_INFO_STORAGE __declspec(selectany)
#else
#define WDF_CONTEXT_TYPE_INFO_STORAGE static
#endif

/* declares the type info and a typed accessor for a context structure */
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(_contexttype, _castingfunction)    \
    WDF_CONTEXT_TYPE_INFO_STORAGE const WDF_OBJECT_CONTEXT_TYPE_INFO         \
        WDF_##_contexttype##_TYPE_INFO = {                                   \
            sizeof(WDF_OBJECT_CONTEXT_TYPE_INFO), #_contexttype,             \
            sizeof(_contexttype) };                                          \
    FORCEINLINE _contexttype *_castingfunction(_In_ PVOID Handle)            \
    {                                                                        \
        return (_contexttype *)WdfObjectGetTypedContextWorker(               \
            (WDFOBJECT)Handle, &WDF_##_contexttype##_TYPE_INFO);             \
    }

#define WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype) \
    ((_attributes)->ContextTypeInfo = &WDF_##_contexttype##_TYPE_INFO)

#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(_attributes, _contexttype) \
    WDF_OBJECT_ATTRIBUTES_INIT(_attributes);                              \
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(_attributes, _contexttype)

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfObjectDelete (
    _In_ WDFOBJECT Object
    );

/* ======================================================================
 * Driver and control device
 * ==================================================================== */
#define WDF_DRIVER_INIT_NON_PNP_DRIVER  0x00000001

typedef struct _WDF_DRIVER_CONFIG {
    ULONG Size;
    PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd;
    PFN_WDF_DRIVER_UNLOAD EvtDriverUnload;
    ULONG DriverInitFlags;
    ULONG DriverPoolTag;
} WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;

FORCEINLINE
VOID
WDF_DRIVER_CONFIG_INIT (
    _Out_ PWDF_DRIVER_CONFIG Config,
    _In_opt_ PFN_WDF_DRIVER_DEVICE_ADD EvtDriverDeviceAdd
    )
{
    RtlZeroMemory(Config, sizeof(WDF_DRIVER_CONFIG));
    Config->Size = sizeof(WDF_DRIVER_CONFIG);
    Config->EvtDriverDeviceAdd = EvtDriverDeviceAdd;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDriverCreate (
    _In_ PDRIVER_OBJECT DriverObject,
    _In_ PCUNICODE_STRING RegistryPath,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DriverAttributes,
    _In_ PWDF_DRIVER_CONFIG DriverConfig,
    _Out_opt_ WDFDRIVER *Driver
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
PWDFDEVICE_INIT
NTAPI
WdfControlDeviceInitAllocate (
    _In_ WDFDRIVER Driver,
    _In_ const UNICODE_STRING *SDDLString
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceInitFree (
    _In_ PWDFDEVICE_INIT DeviceInit
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceInitAssignName (
    _Inout_ PWDFDEVICE_INIT DeviceInit,
    _In_opt_ PCUNICODE_STRING DeviceName
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceCreate (
    _Inout_ PWDFDEVICE_INIT *DeviceInit,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES DeviceAttributes,
    _Out_ WDFDEVICE *Device
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceCreateSymbolicLink (
    _In_ WDFDEVICE Device,
    _In_ PCUNICODE_STRING SymbolicLinkName
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfControlFinishInitializing (
    _In_ WDFDEVICE Device
    );

/* ======================================================================
 * Synchronization
 * ==================================================================== */
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfSpinLockCreate (
    _In_opt_ PWDF_OBJECT_ATTRIBUTES SpinLockAttributes,
    _Out_ WDFSPINLOCK *SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfSpinLockAcquire (
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) _IRQL_saves_
    WDFSPINLOCK SpinLock
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfSpinLockRelease (
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) _IRQL_restores_
    WDFSPINLOCK SpinLock
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfWaitLockCreate (
    _In_opt_ PWDF_OBJECT_ATTRIBUTES LockAttributes,
    _Out_ WDFWAITLOCK *Lock
    );

/* The WDK's wdfsync.h spelling. It writes DISPATCH_LEVEL for a zero time-out;
 * the page says IRQL < DISPATCH_LEVEL and that the header disagrees, so the
 * page's APC_LEVEL is used here. NULL (wait forever) or a non-zero time-out:
 * PASSIVE_LEVEL. */
_When_(Timeout == NULL, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Timeout != NULL && *Timeout == 0, _IRQL_requires_max_(APC_LEVEL))
_When_(Timeout != NULL && *Timeout != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
WDFAPI
NTSTATUS
NTAPI
WdfWaitLockAcquire (
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFWAITLOCK Lock,
    _In_opt_ PLONGLONG Timeout
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfWaitLockRelease (
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFWAITLOCK Lock
    );

/* ======================================================================
 * Queues and requests
 * ==================================================================== */
typedef struct _WDF_IO_QUEUE_CONFIG {
    ULONG Size;
    WDF_IO_QUEUE_DISPATCH_TYPE DispatchType;
    BOOLEAN PowerManaged;
    BOOLEAN AllowZeroLengthRequests;
    BOOLEAN DefaultQueue;
    PFN_WDF_IO_QUEUE_IO_DEFAULT EvtIoDefault;
    PFN_WDF_IO_QUEUE_IO_READ EvtIoRead;
    PFN_WDF_IO_QUEUE_IO_WRITE EvtIoWrite;
    PFN_WDF_IO_QUEUE_IO_DEVICE_CONTROL EvtIoDeviceControl;
    PFN_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL EvtIoInternalDeviceControl;
    PFN_WDF_IO_QUEUE_IO_STOP EvtIoStop;
    PFN_WDF_IO_QUEUE_IO_RESUME EvtIoResume;
    PFN_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE EvtIoCanceledOnQueue;
} WDF_IO_QUEUE_CONFIG, *PWDF_IO_QUEUE_CONFIG;

FORCEINLINE
VOID
WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE (
    _Out_ PWDF_IO_QUEUE_CONFIG Config,
    _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType
    )
{
    RtlZeroMemory(Config, sizeof(WDF_IO_QUEUE_CONFIG));
    Config->Size = sizeof(WDF_IO_QUEUE_CONFIG);
    Config->DispatchType = DispatchType;
    Config->PowerManaged = TRUE;
    Config->DefaultQueue = TRUE;
}

FORCEINLINE
VOID
WDF_IO_QUEUE_CONFIG_INIT (
    _Out_ PWDF_IO_QUEUE_CONFIG Config,
    _In_ WDF_IO_QUEUE_DISPATCH_TYPE DispatchType
    )
{
    RtlZeroMemory(Config, sizeof(WDF_IO_QUEUE_CONFIG));
    Config->Size = sizeof(WDF_IO_QUEUE_CONFIG);
    Config->DispatchType = DispatchType;
    Config->PowerManaged = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfIoQueueCreate (
    _In_ WDFDEVICE Device,
    _In_ PWDF_IO_QUEUE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES QueueAttributes,
    _Out_opt_ WDFQUEUE *Queue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
NTAPI
WdfIoQueueGetDevice (
    _In_ WDFQUEUE Queue
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestRetrieveInputBuffer (
    _In_ WDFREQUEST Request,
    _In_ SIZE_T MinimumRequiredLength,
    _Outptr_ PVOID *Buffer,
    _Out_opt_ SIZE_T *Length
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestRetrieveOutputBuffer (
    _In_ WDFREQUEST Request,
    _In_ SIZE_T MinimumRequiredSize,
    _Outptr_ PVOID *Buffer,
    _Out_opt_ SIZE_T *Length
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestComplete (
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestCompleteWithInformation (
    _In_ WDFREQUEST Request,
    _In_ NTSTATUS Status,
    _In_ ULONG_PTR Information
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestMarkCancelableEx (
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_REQUEST_CANCEL EvtRequestCancel
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestUnmarkCancelable (
    _In_ WDFREQUEST Request
    );

/* ======================================================================
 * Timers and work items
 * ==================================================================== */
typedef struct _WDF_TIMER_CONFIG {
    ULONG Size;
    PFN_WDF_TIMER EvtTimerFunc;
    ULONG Period;
    BOOLEAN AutomaticSerialization;
    ULONG TolerableDelay;
} WDF_TIMER_CONFIG, *PWDF_TIMER_CONFIG;

FORCEINLINE
VOID
WDF_TIMER_CONFIG_INIT_PERIODIC (
    _Out_ PWDF_TIMER_CONFIG Config,
    _In_ PFN_WDF_TIMER EvtTimerFunc,
    _In_ LONG Period
    )
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = sizeof(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->Period = (ULONG)Period;
    Config->AutomaticSerialization = TRUE;
}

FORCEINLINE
VOID
WDF_TIMER_CONFIG_INIT (
    _Out_ PWDF_TIMER_CONFIG Config,
    _In_ PFN_WDF_TIMER EvtTimerFunc
    )
{
    RtlZeroMemory(Config, sizeof(WDF_TIMER_CONFIG));
    Config->Size = sizeof(WDF_TIMER_CONFIG);
    Config->EvtTimerFunc = EvtTimerFunc;
    Config->AutomaticSerialization = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfTimerCreate (
    _In_ PWDF_TIMER_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFTIMER *Timer
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfTimerStart (
    _In_ WDFTIMER Timer,
    _In_ LONGLONG DueTime
    );

_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI
BOOLEAN
NTAPI
WdfTimerStop (
    _In_ WDFTIMER Timer,
    _In_ BOOLEAN Wait
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
NTAPI
WdfTimerGetParentObject (
    _In_ WDFTIMER Timer
    );

typedef struct _WDF_WORKITEM_CONFIG {
    ULONG Size;
    PFN_WDF_WORKITEM EvtWorkItemFunc;
    BOOLEAN AutomaticSerialization;
} WDF_WORKITEM_CONFIG, *PWDF_WORKITEM_CONFIG;

FORCEINLINE
VOID
WDF_WORKITEM_CONFIG_INIT (
    _Out_ PWDF_WORKITEM_CONFIG Config,
    _In_ PFN_WDF_WORKITEM EvtWorkItemFunc
    )
{
    RtlZeroMemory(Config, sizeof(WDF_WORKITEM_CONFIG));
    Config->Size = sizeof(WDF_WORKITEM_CONFIG);
    Config->EvtWorkItemFunc = EvtWorkItemFunc;
    Config->AutomaticSerialization = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfWorkItemCreate (
    _In_ PWDF_WORKITEM_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFWORKITEM *WorkItem
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfWorkItemEnqueue (
    _In_ WDFWORKITEM WorkItem
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFOBJECT
NTAPI
WdfWorkItemGetParentObject (
    _In_ WDFWORKITEM WorkItem
    );

/* ======================================================================
 * Object locks (the object's presentation lock: a spin lock, taken at
 * DISPATCH_LEVEL, unless the object's execution level is passive)
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfObjectAcquireLock (
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFOBJECT Object
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfObjectReleaseLock (
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFOBJECT Object
    );

/* ======================================================================
 * Requests sent to I/O targets, caller-context preprocessing
 * ==================================================================== */
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestSetCompletionRoutine (
    _In_ WDFREQUEST Request,
    _In_opt_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_opt_ WDFCONTEXT CompletionContext
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceInitSetIoInCallerContextCallback (
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PFN_WDF_IO_IN_CALLER_CONTEXT EvtIoInCallerContext
    );

/* ======================================================================
 * DPCs
 * ==================================================================== */
typedef struct _WDF_DPC_CONFIG {
    ULONG Size;
    PFN_WDF_DPC EvtDpcFunc;
    BOOLEAN AutomaticSerialization;
} WDF_DPC_CONFIG, *PWDF_DPC_CONFIG;

FORCEINLINE
VOID
WDF_DPC_CONFIG_INIT (
    _Out_ PWDF_DPC_CONFIG Config,
    _In_ PFN_WDF_DPC EvtDpcFunc
    )
{
    RtlZeroMemory(Config, sizeof(WDF_DPC_CONFIG));
    Config->Size = sizeof(WDF_DPC_CONFIG);
    Config->EvtDpcFunc = EvtDpcFunc;
    Config->AutomaticSerialization = TRUE;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDpcCreate (
    _In_ PWDF_DPC_CONFIG Config,
    _In_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDPC *Dpc
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfDpcEnqueue (
    _In_ WDFDPC Dpc
    );

/* ======================================================================
 * Interrupts
 * ==================================================================== */
typedef struct _WDF_INTERRUPT_CONFIG {
    ULONG Size;
    WDFSPINLOCK SpinLock;
    WDF_TRI_STATE ShareVector;
    BOOLEAN FloatingSave;
    BOOLEAN AutomaticSerialization;
    PFN_WDF_INTERRUPT_ISR EvtInterruptIsr;
    PFN_WDF_INTERRUPT_DPC EvtInterruptDpc;
    PFN_WDF_INTERRUPT_ENABLE EvtInterruptEnable;
    PFN_WDF_INTERRUPT_DISABLE EvtInterruptDisable;
    PFN_WDF_INTERRUPT_WORKITEM EvtInterruptWorkItem;
    PVOID InterruptRaw;
    PVOID InterruptTranslated;
    WDFWAITLOCK WaitLock;
    BOOLEAN PassiveHandling;
} WDF_INTERRUPT_CONFIG, *PWDF_INTERRUPT_CONFIG;

FORCEINLINE
VOID
WDF_INTERRUPT_CONFIG_INIT (
    _Out_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_ PFN_WDF_INTERRUPT_ISR EvtInterruptIsr,
    _In_opt_ PFN_WDF_INTERRUPT_DPC EvtInterruptDpc
    )
{
    RtlZeroMemory(Configuration, sizeof(WDF_INTERRUPT_CONFIG));
    Configuration->Size = sizeof(WDF_INTERRUPT_CONFIG);
    Configuration->ShareVector = WdfUseDefault;
    Configuration->EvtInterruptIsr = EvtInterruptIsr;
    Configuration->EvtInterruptDpc = EvtInterruptDpc;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfInterruptCreate (
    _In_ WDFDEVICE Device,
    _In_ PWDF_INTERRUPT_CONFIG Configuration,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFINTERRUPT *Interrupt
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
BOOLEAN
NTAPI
WdfInterruptQueueDpcForIsr (
    _In_ WDFINTERRUPT Interrupt
    );

/* ======================================================================
 * Hardware resources, device interfaces and DMA: the WDM types these KMDF
 * methods take, where the stand-in wdm.h does not declare them
 * ==================================================================== */
#ifndef GUID_DEFINED
#define GUID_DEFINED
typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;
#endif
typedef GUID *LPGUID;
typedef const GUID *LPCGUID;

#define CmResourceTypeNull              0
#define CmResourceTypePort              1
#define CmResourceTypeInterrupt         2
#define CmResourceTypeMemory            3

typedef struct _CM_PARTIAL_RESOURCE_DESCRIPTOR {
    UCHAR Type;
    UCHAR ShareDisposition;
    USHORT Flags;
    union {
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Generic;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Port;
        struct {
            USHORT Level;
            USHORT Group;
            ULONG Vector;
            KAFFINITY Affinity;
        } Interrupt;
        struct {
            PHYSICAL_ADDRESS Start;
            ULONG Length;
        } Memory;
    } u;
} CM_PARTIAL_RESOURCE_DESCRIPTOR, *PCM_PARTIAL_RESOURCE_DESCRIPTOR;

#define PAGE_READWRITE  0x04
#define PAGE_NOCACHE    0x200

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
PVOID
NTAPI
MmMapIoSpaceEx (
    _In_ PHYSICAL_ADDRESS PhysicalAddress,
    _In_ SIZE_T NumberOfBytes,
    _In_ ULONG Protect
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
NTKERNELAPI
VOID
NTAPI
MmUnmapIoSpace (
    _In_reads_bytes_(NumberOfBytes) PVOID BaseAddress,
    _In_ SIZE_T NumberOfBytes
    );

DECLARE_WDF_HANDLE(WDFKEY);
DECLARE_WDF_HANDLE(WDFDMAENABLER);
DECLARE_WDF_HANDLE(WDFDMATRANSACTION);

typedef enum _WDF_DEVICE_IO_TYPE {
    WdfDeviceIoUndefined = 0,
    WdfDeviceIoNeither,
    WdfDeviceIoBuffered,
    WdfDeviceIoDirect,
    WdfDeviceIoBufferedOrDirect = 4
} WDF_DEVICE_IO_TYPE;

typedef enum _WDF_REQUEST_TYPE {
    WdfRequestTypeCreate = IRP_MJ_CREATE,
    WdfRequestTypeClose = IRP_MJ_CLOSE,
    WdfRequestTypeRead = IRP_MJ_READ,
    WdfRequestTypeWrite = IRP_MJ_WRITE,
    WdfRequestTypeDeviceControl = IRP_MJ_DEVICE_CONTROL,
    WdfRequestTypeDeviceControlInternal = IRP_MJ_INTERNAL_DEVICE_CONTROL
} WDF_REQUEST_TYPE;

typedef enum _WDF_DMA_PROFILE {
    WdfDmaProfileInvalid = 0,
    WdfDmaProfilePacket,
    WdfDmaProfileScatterGather,
    WdfDmaProfilePacket64,
    WdfDmaProfileScatterGather64,
    WdfDmaProfileScatterGatherDuplex,
    WdfDmaProfileScatterGather64Duplex
} WDF_DMA_PROFILE;

typedef enum _WDF_DMA_DIRECTION {
    WdfDmaDirectionReadFromDevice = FALSE,
    WdfDmaDirectionWriteToDevice = TRUE
} WDF_DMA_DIRECTION;

typedef enum _WDF_REQUEST_STOP_ACTION_FLAGS {
    WdfRequestStopActionInvalid = 0,
    WdfRequestStopActionSuspend = 0x01,
    WdfRequestStopActionPurge = 0x2,
    WdfRequestStopRequestCancelable = 0x10000000
} WDF_REQUEST_STOP_ACTION_FLAGS;

#define PLUGPLAY_REGKEY_DEVICE                          1
#define PLUGPLAY_REGKEY_DRIVER                          2
#define WdfIoQueueRetrieveNextRequestNoMoreRequests     STATUS_NO_MORE_ENTRIES

/* ======================================================================
 * More callback roles: PnP and power, interrupt synchronization, DMA
 * ==================================================================== */
typedef
_Function_class_(EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED (
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE PreviousState
    );
typedef EVT_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED *PFN_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED;

typedef
_Function_class_(EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED (
    _In_ WDFDEVICE Device,
    _In_ WDF_POWER_DEVICE_STATE TargetState
    );
typedef EVT_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED *PFN_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED;

typedef
_Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT *PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT;

typedef
_Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP *PFN_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP;

typedef
_Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH *PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH;

typedef
_Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND *PFN_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND;

typedef
_Function_class_(EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART *PFN_WDF_DEVICE_SELF_MANAGED_IO_RESTART;

typedef
_Function_class_(EVT_WDF_DEVICE_SURPRISE_REMOVAL)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_SURPRISE_REMOVAL (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_SURPRISE_REMOVAL *PFN_WDF_DEVICE_SURPRISE_REMOVAL;

/* Runs at the interrupt's DIRQL, holding its spin lock (a role in the
 * table, like the service routine). */
typedef
_Function_class_(EVT_WDF_INTERRUPT_SYNCHRONIZE)
_IRQL_requires_same_
BOOLEAN
NTAPI
EVT_WDF_INTERRUPT_SYNCHRONIZE (
    _In_ WDFINTERRUPT Interrupt,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_INTERRUPT_SYNCHRONIZE *PFN_WDF_INTERRUPT_SYNCHRONIZE;

typedef
_Function_class_(EVT_WDF_PROGRAM_DMA)
_IRQL_requires_same_
_IRQL_requires_(DISPATCH_LEVEL)
BOOLEAN
NTAPI
EVT_WDF_PROGRAM_DMA (
    _In_ WDFDMATRANSACTION Transaction,
    _In_ WDFDEVICE Device,
    _In_ WDFCONTEXT Context,
    _In_ WDF_DMA_DIRECTION Direction,
    _In_ PSCATTER_GATHER_LIST SgList
    );
typedef EVT_WDF_PROGRAM_DMA *PFN_WDF_PROGRAM_DMA;

/* ======================================================================
 * PnP and power configuration of a device
 * ==================================================================== */
typedef struct _WDF_PNPPOWER_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_D0_ENTRY EvtDeviceD0Entry;
    PFN_WDF_DEVICE_D0_ENTRY_POST_INTERRUPTS_ENABLED EvtDeviceD0EntryPostInterruptsEnabled;
    PFN_WDF_DEVICE_D0_EXIT EvtDeviceD0Exit;
    PFN_WDF_DEVICE_D0_EXIT_PRE_INTERRUPTS_DISABLED EvtDeviceD0ExitPreInterruptsDisabled;
    PFN_WDF_DEVICE_PREPARE_HARDWARE EvtDevicePrepareHardware;
    PFN_WDF_DEVICE_RELEASE_HARDWARE EvtDeviceReleaseHardware;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP EvtDeviceSelfManagedIoCleanup;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_FLUSH EvtDeviceSelfManagedIoFlush;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_INIT EvtDeviceSelfManagedIoInit;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND EvtDeviceSelfManagedIoSuspend;
    PFN_WDF_DEVICE_SELF_MANAGED_IO_RESTART EvtDeviceSelfManagedIoRestart;
    PFN_WDF_DEVICE_SURPRISE_REMOVAL EvtDeviceSurpriseRemoval;
} WDF_PNPPOWER_EVENT_CALLBACKS, *PWDF_PNPPOWER_EVENT_CALLBACKS;

FORCEINLINE
VOID
WDF_PNPPOWER_EVENT_CALLBACKS_INIT (
    _Out_ PWDF_PNPPOWER_EVENT_CALLBACKS Callbacks
    )
{
    RtlZeroMemory(Callbacks, sizeof(WDF_PNPPOWER_EVENT_CALLBACKS));
    Callbacks->Size = sizeof(WDF_PNPPOWER_EVENT_CALLBACKS);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceInitSetPnpPowerEventCallbacks (
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_PNPPOWER_EVENT_CALLBACKS PnpPowerEventCallbacks
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceInitSetIoType (
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ WDF_DEVICE_IO_TYPE IoType
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceCreateDeviceInterface (
    _In_ WDFDEVICE Device,
    _In_ CONST GUID *InterfaceClassGUID,
    _In_opt_ PCUNICODE_STRING ReferenceString
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceConfigureRequestDispatching (
    _In_ WDFDEVICE Device,
    _In_ WDFQUEUE Queue,
    _In_ WDF_REQUEST_TYPE RequestType
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFQUEUE
NTAPI
WdfDeviceGetDefaultQueue (
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG
NTAPI
WdfCmResourceListGetCount (
    _In_ WDFCMRESLIST List
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
PCM_PARTIAL_RESOURCE_DESCRIPTOR
NTAPI
WdfCmResourceListGetDescriptor (
    _In_ WDFCMRESLIST List,
    _In_ ULONG Index
    );

/* ======================================================================
 * Registry
 * ==================================================================== */
_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceOpenRegistryKey (
    _In_ WDFDEVICE Device,
    _In_ ULONG DeviceInstanceKeyType,
    _In_ ACCESS_MASK DesiredAccess,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES KeyAttributes,
    _Out_ WDFKEY *Key
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRegistryQueryULong (
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _Out_ PULONG Value
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRegistryAssignULong (
    _In_ WDFKEY Key,
    _In_ PCUNICODE_STRING ValueName,
    _In_ ULONG Value
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
NTAPI
WdfRegistryClose (
    _In_ WDFKEY Key
    );

/* ======================================================================
 * More queue and request methods
 * ==================================================================== */
_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfIoQueueRetrieveNextRequest (
    _In_ WDFQUEUE Queue,
    _Out_ WDFREQUEST *OutRequest
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfIoQueueStart (
    _In_ WDFQUEUE Queue
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
NTAPI
WdfIoQueueStopSynchronously (
    _In_ WDFQUEUE Queue
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
NTAPI
WdfIoQueuePurgeSynchronously (
    _In_ WDFQUEUE Queue
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestForwardToIoQueue (
    _In_ WDFREQUEST Request,
    _In_ WDFQUEUE DestinationQueue
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFQUEUE
NTAPI
WdfRequestGetIoQueue (
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestSetInformation (
    _In_ WDFREQUEST Request,
    _In_ ULONG_PTR Information
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfRequestIsCanceled (
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestStopAcknowledge (
    _In_ WDFREQUEST Request,
    _In_ BOOLEAN Requeue
    );

/* ======================================================================
 * More DPC, work-item and interrupt methods
 * ==================================================================== */
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
WDFOBJECT
NTAPI
WdfDpcGetParentObject (
    _In_ WDFDPC Dpc
    );

_When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Wait == __false, _IRQL_requires_max_(HIGH_LEVEL))
WDFAPI
BOOLEAN
NTAPI
WdfDpcCancel (
    _In_ WDFDPC Dpc,
    _In_ BOOLEAN Wait
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
NTAPI
WdfWorkItemFlush (
    _In_ WDFWORKITEM WorkItem
    );

/* On a DIRQL interrupt object the lock is the interrupt spin lock: the
 * caller runs at the device's DIRQL until WdfInterruptReleaseLock. */
_IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI
VOID
NTAPI
WdfInterruptAcquireLock (
    _In_ _Requires_lock_not_held_(_Curr_) _Acquires_lock_(_Curr_) WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DISPATCH_LEVEL + 1)
WDFAPI
VOID
NTAPI
WdfInterruptReleaseLock (
    _In_ _Requires_lock_held_(_Curr_) _Releases_lock_(_Curr_) WDFINTERRUPT Interrupt
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfInterruptSynchronize (
    _In_ WDFINTERRUPT Interrupt,
    _In_ PFN_WDF_INTERRUPT_SYNCHRONIZE Callback,
    _In_ WDFCONTEXT Context
    );

_IRQL_requires_max_(DIRQL)
WDFAPI
WDFDEVICE
NTAPI
WdfInterruptGetDevice (
    _In_ WDFINTERRUPT Interrupt
    );

/* ======================================================================
 * DMA enablers and transactions
 * ==================================================================== */
typedef struct _WDF_DMA_ENABLER_CONFIG {
    ULONG Size;
    WDF_DMA_PROFILE Profile;
    SIZE_T MaximumLength;
} WDF_DMA_ENABLER_CONFIG, *PWDF_DMA_ENABLER_CONFIG;

FORCEINLINE
VOID
WDF_DMA_ENABLER_CONFIG_INIT (
    _Out_ PWDF_DMA_ENABLER_CONFIG Config,
    _In_ WDF_DMA_PROFILE Profile,
    _In_ SIZE_T MaximumLength
    )
{
    RtlZeroMemory(Config, sizeof(WDF_DMA_ENABLER_CONFIG));
    Config->Size = sizeof(WDF_DMA_ENABLER_CONFIG);
    Config->Profile = Profile;
    Config->MaximumLength = MaximumLength;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDmaEnablerCreate (
    _In_ WDFDEVICE Device,
    _In_ PWDF_DMA_ENABLER_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDMAENABLER *DmaEnablerHandle
    );

_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
VOID
NTAPI
WdfDmaEnablerSetMaximumScatterGatherElements (
    _In_ WDFDMAENABLER DmaEnabler,
    _In_ SIZE_T MaximumFragments
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDmaTransactionCreate (
    _In_ WDFDMAENABLER DmaEnabler,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFDMATRANSACTION *DmaTransaction
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDmaTransactionInitializeUsingRequest (
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_ WDFREQUEST Request,
    _In_ PFN_WDF_PROGRAM_DMA EvtProgramDmaFunction,
    _In_ WDF_DMA_DIRECTION DmaDirection
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDmaTransactionExecute (
    _In_ WDFDMATRANSACTION DmaTransaction,
    _In_opt_ WDFCONTEXT Context
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfDmaTransactionDmaCompleted (
    _In_ WDFDMATRANSACTION DmaTransaction,
    _Out_ NTSTATUS *Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
SIZE_T
NTAPI
WdfDmaTransactionGetBytesTransferred (
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFREQUEST
NTAPI
WdfDmaTransactionGetRequest (
    _In_ WDFDMATRANSACTION DmaTransaction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDmaTransactionRelease (
    _In_ WDFDMATRANSACTION DmaTransaction
    );

/* ======================================================================
 * I/O targets, framework memory, request sending, idle power policy and
 * USB targets (wdfiotarget.h, wdfmemory.h, wdfrequest.h, wdfdevice.h,
 * wdfusb.h). IRQLs as the KMDF reference pages state them: the
 * synchronous USB methods wait, so they need PASSIVE_LEVEL; formatting
 * and sending a request is legal at up to DISPATCH_LEVEL.
 * ==================================================================== */
DECLARE_WDF_HANDLE(WDFUSBDEVICE);
DECLARE_WDF_HANDLE(WDFUSBINTERFACE);
DECLARE_WDF_HANDLE(WDFUSBPIPE);
typedef WDFMEMORY *PWDFMEMORY;
typedef LONG USBD_STATUS;

#define USBD_SUCCESS(Status)                ((USBD_STATUS)(Status) >= 0)
#define USBD_CLIENT_CONTRACT_VERSION_602    0x602
#define WDF_REL_TIMEOUT_IN_SEC(Time)        ((LONGLONG)(Time) * -10000000)
#define WDF_NO_SEND_OPTIONS                 NULL

typedef enum _WDF_IO_TARGET_SENT_IO_ACTION {
    WdfIoTargetSentIoUndefined = 0,
    WdfIoTargetCancelSentIo,
    WdfIoTargetWaitForSentIoToComplete,
    WdfIoTargetLeaveSentIoPending
} WDF_IO_TARGET_SENT_IO_ACTION;

typedef struct _WDFMEMORY_OFFSET {
    SIZE_T BufferOffset;
    SIZE_T BufferLength;
} WDFMEMORY_OFFSET, *PWDFMEMORY_OFFSET;

typedef enum _WDF_MEMORY_DESCRIPTOR_TYPE {
    WdfMemoryDescriptorTypeInvalid = 0,
    WdfMemoryDescriptorTypeBuffer,
    WdfMemoryDescriptorTypeMdl,
    WdfMemoryDescriptorTypeHandle
} WDF_MEMORY_DESCRIPTOR_TYPE;

typedef struct _WDF_MEMORY_DESCRIPTOR {
    WDF_MEMORY_DESCRIPTOR_TYPE Type;
    union {
        struct {
            PVOID Buffer;
            ULONG Length;
        } BufferType;
        struct {
            WDFMEMORY Memory;
            PWDFMEMORY_OFFSET Offsets;
        } HandleType;
    } u;
} WDF_MEMORY_DESCRIPTOR, *PWDF_MEMORY_DESCRIPTOR;

FORCEINLINE
VOID
WDF_MEMORY_DESCRIPTOR_INIT_BUFFER (
    _Out_ PWDF_MEMORY_DESCRIPTOR Descriptor,
    _In_ PVOID Buffer,
    _In_ ULONG BufferLength
    )
{
    RtlZeroMemory(Descriptor, sizeof(WDF_MEMORY_DESCRIPTOR));
    Descriptor->Type = WdfMemoryDescriptorTypeBuffer;
    Descriptor->u.BufferType.Buffer = Buffer;
    Descriptor->u.BufferType.Length = BufferLength;
}

typedef enum _WDF_REQUEST_SEND_OPTIONS_FLAGS {
    WDF_REQUEST_SEND_OPTION_TIMEOUT = 0x00000001,
    WDF_REQUEST_SEND_OPTION_SYNCHRONOUS = 0x00000002,
    WDF_REQUEST_SEND_OPTION_IGNORE_TARGET_STATE = 0x00000004,
    WDF_REQUEST_SEND_OPTION_SEND_AND_FORGET = 0x00000008
} WDF_REQUEST_SEND_OPTIONS_FLAGS;

typedef struct _WDF_REQUEST_SEND_OPTIONS {
    ULONG Size;
    ULONG Flags;
    LONGLONG Timeout;
} WDF_REQUEST_SEND_OPTIONS, *PWDF_REQUEST_SEND_OPTIONS;

FORCEINLINE
VOID
WDF_REQUEST_SEND_OPTIONS_INIT (
    _Out_ PWDF_REQUEST_SEND_OPTIONS Options,
    _In_ ULONG Flags
    )
{
    RtlZeroMemory(Options, sizeof(WDF_REQUEST_SEND_OPTIONS));
    Options->Size = sizeof(WDF_REQUEST_SEND_OPTIONS);
    Options->Flags = Flags;
}

FORCEINLINE
VOID
WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT (
    _Inout_ PWDF_REQUEST_SEND_OPTIONS Options,
    _In_ LONGLONG Timeout
    )
{
    Options->Flags |= WDF_REQUEST_SEND_OPTION_TIMEOUT;
    Options->Timeout = Timeout;
}

typedef enum _WDF_REQUEST_REUSE_FLAGS {
    WDF_REQUEST_REUSE_NO_FLAGS = 0x00000000,
    WDF_REQUEST_REUSE_SET_NEW_IRP = 0x00000001
} WDF_REQUEST_REUSE_FLAGS;

typedef struct _WDF_REQUEST_REUSE_PARAMS {
    ULONG Size;
    ULONG Flags;
    NTSTATUS Status;
    PVOID NewIrp;
} WDF_REQUEST_REUSE_PARAMS, *PWDF_REQUEST_REUSE_PARAMS;

FORCEINLINE
VOID
WDF_REQUEST_REUSE_PARAMS_INIT (
    _Out_ PWDF_REQUEST_REUSE_PARAMS Params,
    _In_ ULONG Flags,
    _In_ NTSTATUS Status
    )
{
    RtlZeroMemory(Params, sizeof(WDF_REQUEST_REUSE_PARAMS));
    Params->Size = sizeof(WDF_REQUEST_REUSE_PARAMS);
    Params->Flags = Flags;
    Params->Status = Status;
}

typedef enum _WDF_USB_REQUEST_TYPE {
    WdfUsbRequestTypeInvalid = 0,
    WdfUsbRequestTypeNoFormat,
    WdfUsbRequestTypeDeviceString,
    WdfUsbRequestTypeDeviceControlTransfer,
    WdfUsbRequestTypeDeviceUrb,
    WdfUsbRequestTypePipeWrite,
    WdfUsbRequestTypePipeRead,
    WdfUsbRequestTypePipeAbort,
    WdfUsbRequestTypePipeReset,
    WdfUsbRequestTypePipeUrb
} WDF_USB_REQUEST_TYPE;

typedef struct _WDF_USB_REQUEST_COMPLETION_PARAMS {
    USBD_STATUS UsbdStatus;
    WDF_USB_REQUEST_TYPE Type;
    union {
        struct {
            WDFMEMORY Buffer;
            SIZE_T Length;
            SIZE_T Offset;
        } PipeWrite;
        struct {
            WDFMEMORY Buffer;
            SIZE_T Length;
            SIZE_T Offset;
        } PipeRead;
    } Parameters;
} WDF_USB_REQUEST_COMPLETION_PARAMS, *PWDF_USB_REQUEST_COMPLETION_PARAMS;

/* the structure PWDF_REQUEST_COMPLETION_PARAMS points to */
struct _WDF_REQUEST_COMPLETION_PARAMS {
    ULONG Size;
    WDF_REQUEST_TYPE Type;
    IO_STATUS_BLOCK IoStatus;
    union {
        struct {
            PWDF_USB_REQUEST_COMPLETION_PARAMS Completion;
        } Usb;
    } Parameters;
};
typedef struct _WDF_REQUEST_COMPLETION_PARAMS WDF_REQUEST_COMPLETION_PARAMS;

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFIOTARGET
NTAPI
WdfDeviceGetIoTarget (
    _In_ WDFDEVICE Device
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfIoTargetStart (
    _In_ WDFIOTARGET IoTarget
    );

/* Leaving sent I/O pending does not wait: legal at DISPATCH_LEVEL. The
 * other actions cancel or wait for the sent requests: PASSIVE_LEVEL. */
_When_(Action == 3, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Action != 3, _IRQL_requires_max_(PASSIVE_LEVEL))
WDFAPI
VOID
NTAPI
WdfIoTargetStop (
    _In_ WDFIOTARGET IoTarget,
    _In_ WDF_IO_TARGET_SENT_IO_ACTION Action
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestCreate (
    _In_opt_ PWDF_OBJECT_ATTRIBUTES RequestAttributes,
    _In_opt_ WDFIOTARGET IoTarget,
    _Out_ WDFREQUEST *Request
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestReuse (
    _In_ WDFREQUEST Request,
    _In_ PWDF_REQUEST_REUSE_PARAMS ReuseParams
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfRequestSend (
    _In_ WDFREQUEST Request,
    _In_ WDFIOTARGET Target,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS Options
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestGetStatus (
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestFormatRequestUsingCurrentType (
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
ULONG_PTR
NTAPI
WdfRequestGetInformation (
    _In_ WDFREQUEST Request
    );

/* Paged pool may only be allocated at APC_LEVEL or below; the WDK spells
 * the test as a disjunction of the paged pool types. */
_Must_inspect_result_
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 256 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
WDFAPI
NTSTATUS
NTAPI
WdfMemoryCreate (
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _In_ POOL_TYPE PoolType,
    _In_opt_ ULONG PoolTag,
    _In_ SIZE_T BufferSize,
    _Out_ WDFMEMORY *Memory,
    _Out_opt_ PVOID *Buffer
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
PVOID
NTAPI
WdfMemoryGetBuffer (
    _In_ WDFMEMORY Memory,
    _Out_opt_ SIZE_T *BufferSize
    );

_Must_inspect_result_
_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfMemoryCopyToBuffer (
    _In_ WDFMEMORY SourceMemory,
    _In_ SIZE_T SourceOffset,
    _Out_writes_bytes_(NumBytesToCopyTo) PVOID Buffer,
    _In_ SIZE_T NumBytesToCopyTo
    );

/* idle power-down (selective suspend) and wake from S0 */
typedef enum _WDF_POWER_POLICY_S0_IDLE_CAPABILITIES {
    IdleCapsInvalid = 0,
    IdleCannotWakeFromS0,
    IdleCanWakeFromS0,
    IdleUsbSelectiveSuspend
} WDF_POWER_POLICY_S0_IDLE_CAPABILITIES;

typedef struct _WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS {
    ULONG Size;
    WDF_POWER_POLICY_S0_IDLE_CAPABILITIES IdleCaps;
    ULONG DxState;
    ULONG IdleTimeout;
    ULONG UserControlOfIdleSettings;
    WDF_TRI_STATE Enabled;
    WDF_TRI_STATE PowerUpIdleDeviceOnSystemWake;
} WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS, *PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS;

FORCEINLINE
VOID
WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS_INIT (
    _Out_ PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS Settings,
    _In_ WDF_POWER_POLICY_S0_IDLE_CAPABILITIES IdleCaps
    )
{
    RtlZeroMemory(Settings, sizeof(WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS));
    Settings->Size = sizeof(WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS);
    Settings->IdleCaps = IdleCaps;
    Settings->IdleTimeout = 0;
    Settings->UserControlOfIdleSettings = 2;
    Settings->Enabled = WdfUseDefault;
    Settings->PowerUpIdleDeviceOnSystemWake = WdfUseDefault;
}

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfDeviceAssignS0IdleSettings (
    _In_ WDFDEVICE Device,
    _In_ PWDF_DEVICE_POWER_POLICY_IDLE_SETTINGS Settings
    );

/* Waiting for D0 blocks: PASSIVE_LEVEL; not waiting: DISPATCH_LEVEL. */
_Must_inspect_result_
_When_(WaitForD0 == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(WaitForD0 != 0, _IRQL_requires_max_(PASSIVE_LEVEL))
WDFAPI
NTSTATUS
NTAPI
WdfDeviceStopIdle (
    _In_ WDFDEVICE Device,
    _In_ BOOLEAN WaitForD0
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceResumeIdle (
    _In_ WDFDEVICE Device
    );

typedef
_Function_class_(EVT_WDF_DEVICE_ARM_WAKE_FROM_S0)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS
NTAPI
EVT_WDF_DEVICE_ARM_WAKE_FROM_S0 (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_ARM_WAKE_FROM_S0 *PFN_WDF_DEVICE_ARM_WAKE_FROM_S0;

typedef
_Function_class_(EVT_WDF_DEVICE_DISARM_WAKE_FROM_S0)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID
NTAPI
EVT_WDF_DEVICE_DISARM_WAKE_FROM_S0 (
    _In_ WDFDEVICE Device
    );
typedef EVT_WDF_DEVICE_DISARM_WAKE_FROM_S0 *PFN_WDF_DEVICE_DISARM_WAKE_FROM_S0;

typedef struct _WDF_POWER_POLICY_EVENT_CALLBACKS {
    ULONG Size;
    PFN_WDF_DEVICE_ARM_WAKE_FROM_S0 EvtDeviceArmWakeFromS0;
    PFN_WDF_DEVICE_DISARM_WAKE_FROM_S0 EvtDeviceDisarmWakeFromS0;
} WDF_POWER_POLICY_EVENT_CALLBACKS, *PWDF_POWER_POLICY_EVENT_CALLBACKS;

FORCEINLINE
VOID
WDF_POWER_POLICY_EVENT_CALLBACKS_INIT (
    _Out_ PWDF_POWER_POLICY_EVENT_CALLBACKS Callbacks
    )
{
    RtlZeroMemory(Callbacks, sizeof(WDF_POWER_POLICY_EVENT_CALLBACKS));
    Callbacks->Size = sizeof(WDF_POWER_POLICY_EVENT_CALLBACKS);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfDeviceInitSetPowerPolicyEventCallbacks (
    _In_ PWDFDEVICE_INIT DeviceInit,
    _In_ PWDF_POWER_POLICY_EVENT_CALLBACKS PowerPolicyEventCallbacks
    );

/* USB: the device, its interfaces and pipes */
typedef enum _WDF_USB_PIPE_TYPE {
    WdfUsbPipeTypeInvalid = 0,
    WdfUsbPipeTypeControl,
    WdfUsbPipeTypeIsochronous,
    WdfUsbPipeTypeBulk,
    WdfUsbPipeTypeInterrupt
} WDF_USB_PIPE_TYPE;

typedef struct _WDF_USB_PIPE_INFORMATION {
    ULONG Size;
    ULONG MaximumPacketSize;
    UCHAR EndpointAddress;
    UCHAR Interval;
    UCHAR SettingIndex;
    WDF_USB_PIPE_TYPE PipeType;
    ULONG MaximumTransferSize;
} WDF_USB_PIPE_INFORMATION, *PWDF_USB_PIPE_INFORMATION;

FORCEINLINE
VOID
WDF_USB_PIPE_INFORMATION_INIT (
    _Out_ PWDF_USB_PIPE_INFORMATION Info
    )
{
    RtlZeroMemory(Info, sizeof(WDF_USB_PIPE_INFORMATION));
    Info->Size = sizeof(WDF_USB_PIPE_INFORMATION);
}

#define WDF_USB_DEVICE_TRAIT_SELF_POWERED        0x00000001
#define WDF_USB_DEVICE_TRAIT_REMOTE_WAKE_CAPABLE 0x00000002
#define WDF_USB_DEVICE_TRAIT_AT_HIGH_SPEED       0x00000004

typedef struct _WDF_USB_DEVICE_INFORMATION {
    ULONG Size;
    USHORT UsbdVersion;
    ULONG HcdPortCapabilities;
    ULONG Traits;
} WDF_USB_DEVICE_INFORMATION, *PWDF_USB_DEVICE_INFORMATION;

FORCEINLINE
VOID
WDF_USB_DEVICE_INFORMATION_INIT (
    _Out_ PWDF_USB_DEVICE_INFORMATION Info
    )
{
    RtlZeroMemory(Info, sizeof(WDF_USB_DEVICE_INFORMATION));
    Info->Size = sizeof(WDF_USB_DEVICE_INFORMATION);
}

typedef struct _WDF_USB_DEVICE_CREATE_CONFIG {
    ULONG Size;
    ULONG USBDClientContractVersion;
} WDF_USB_DEVICE_CREATE_CONFIG, *PWDF_USB_DEVICE_CREATE_CONFIG;

FORCEINLINE
VOID
WDF_USB_DEVICE_CREATE_CONFIG_INIT (
    _Out_ PWDF_USB_DEVICE_CREATE_CONFIG Config,
    _In_ ULONG USBDClientContractVersion
    )
{
    RtlZeroMemory(Config, sizeof(WDF_USB_DEVICE_CREATE_CONFIG));
    Config->Size = sizeof(WDF_USB_DEVICE_CREATE_CONFIG);
    Config->USBDClientContractVersion = USBDClientContractVersion;
}

typedef enum _WdfUsbTargetDeviceSelectConfigType {
    WdfUsbTargetDeviceSelectConfigTypeInvalid = 0,
    WdfUsbTargetDeviceSelectConfigTypeDeconfig = 1,
    WdfUsbTargetDeviceSelectConfigTypeSingleInterface = 2,
    WdfUsbTargetDeviceSelectConfigTypeMultiInterface = 3
} WdfUsbTargetDeviceSelectConfigType;

typedef struct _WDF_USB_DEVICE_SELECT_CONFIG_PARAMS {
    ULONG Size;
    WdfUsbTargetDeviceSelectConfigType Type;
    union {
        struct {
            UCHAR NumberConfiguredPipes;
            WDFUSBINTERFACE ConfiguredUsbInterface;
        } SingleInterface;
    } Types;
} WDF_USB_DEVICE_SELECT_CONFIG_PARAMS, *PWDF_USB_DEVICE_SELECT_CONFIG_PARAMS;

FORCEINLINE
VOID
WDF_USB_DEVICE_SELECT_CONFIG_PARAMS_INIT_SINGLE_INTERFACE (
    _Out_ PWDF_USB_DEVICE_SELECT_CONFIG_PARAMS Params
    )
{
    RtlZeroMemory(Params, sizeof(WDF_USB_DEVICE_SELECT_CONFIG_PARAMS));
    Params->Size = sizeof(WDF_USB_DEVICE_SELECT_CONFIG_PARAMS);
    Params->Type = WdfUsbTargetDeviceSelectConfigTypeSingleInterface;
}

typedef enum _WDF_USB_BMREQUEST_DIRECTION {
    BmRequestHostToDevice = 0,
    BmRequestDeviceToHost = 1
} WDF_USB_BMREQUEST_DIRECTION;

typedef enum _WDF_USB_BMREQUEST_RECIPIENT {
    BmRequestToDevice = 0,
    BmRequestToInterface = 1,
    BmRequestToEndpoint = 2,
    BmRequestToOther = 3
} WDF_USB_BMREQUEST_RECIPIENT;

typedef union _WDF_USB_CONTROL_SETUP_PACKET {
    struct {
        union {
            struct {
                UCHAR Recipient : 2;
                UCHAR Reserved : 3;
                UCHAR Type : 2;
                UCHAR Dir : 1;
            } Request;
            UCHAR Byte;
        } bm;
        UCHAR bRequest;
        union {
            struct {
                UCHAR LowByte;
                UCHAR HiByte;
            } Bytes;
            USHORT Value;
        } wValue;
        union {
            struct {
                UCHAR LowByte;
                UCHAR HiByte;
            } Bytes;
            USHORT Value;
        } wIndex;
        USHORT wLength;
    } Packet;
    struct {
        UCHAR Bytes[8];
    } Generic;
} WDF_USB_CONTROL_SETUP_PACKET, *PWDF_USB_CONTROL_SETUP_PACKET;

FORCEINLINE
VOID
WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR (
    _Out_ PWDF_USB_CONTROL_SETUP_PACKET Packet,
    _In_ WDF_USB_BMREQUEST_DIRECTION Direction,
    _In_ WDF_USB_BMREQUEST_RECIPIENT Recipient,
    _In_ UCHAR Request,
    _In_ USHORT Value,
    _In_ USHORT Index
    )
{
    RtlZeroMemory(Packet, sizeof(WDF_USB_CONTROL_SETUP_PACKET));
    Packet->Packet.bm.Request.Dir = (UCHAR)Direction;
    Packet->Packet.bm.Request.Type = 2; /* vendor */
    Packet->Packet.bm.Request.Recipient = (UCHAR)Recipient;
    Packet->Packet.bRequest = Request;
    Packet->Packet.wValue.Value = Value;
    Packet->Packet.wIndex.Value = Index;
}

typedef
_Function_class_(EVT_WDF_USB_READER_COMPLETION_ROUTINE)
_IRQL_requires_same_
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NTAPI
EVT_WDF_USB_READER_COMPLETION_ROUTINE (
    _In_ WDFUSBPIPE Pipe,
    _In_ WDFMEMORY Buffer,
    _In_ SIZE_T NumBytesTransferred,
    _In_ WDFCONTEXT Context
    );
typedef EVT_WDF_USB_READER_COMPLETION_ROUTINE *PFN_WDF_USB_READER_COMPLETION_ROUTINE;

typedef
_Function_class_(EVT_WDF_USB_READERS_FAILED)
_IRQL_requires_same_
_IRQL_requires_max_(PASSIVE_LEVEL)
BOOLEAN
NTAPI
EVT_WDF_USB_READERS_FAILED (
    _In_ WDFUSBPIPE Pipe,
    _In_ NTSTATUS Status,
    _In_ USBD_STATUS UsbdStatus
    );
typedef EVT_WDF_USB_READERS_FAILED *PFN_WDF_USB_READERS_FAILED;

typedef struct _WDF_USB_CONTINUOUS_READER_CONFIG {
    ULONG Size;
    SIZE_T TransferLength;
    SIZE_T HeaderLength;
    SIZE_T TrailerLength;
    UCHAR NumPendingReads;
    PWDF_OBJECT_ATTRIBUTES BufferAttributes;
    PFN_WDF_USB_READER_COMPLETION_ROUTINE EvtUsbTargetPipeReadComplete;
    WDFCONTEXT EvtUsbTargetPipeReadCompleteContext;
    PFN_WDF_USB_READERS_FAILED EvtUsbTargetPipeReadersFailed;
} WDF_USB_CONTINUOUS_READER_CONFIG, *PWDF_USB_CONTINUOUS_READER_CONFIG;

FORCEINLINE
VOID
WDF_USB_CONTINUOUS_READER_CONFIG_INIT (
    _Out_ PWDF_USB_CONTINUOUS_READER_CONFIG Config,
    _In_ PFN_WDF_USB_READER_COMPLETION_ROUTINE EvtUsbTargetPipeReadComplete,
    _In_ WDFCONTEXT EvtUsbTargetPipeReadCompleteContext,
    _In_ SIZE_T TransferLength
    )
{
    RtlZeroMemory(Config, sizeof(WDF_USB_CONTINUOUS_READER_CONFIG));
    Config->Size = sizeof(WDF_USB_CONTINUOUS_READER_CONFIG);
    Config->EvtUsbTargetPipeReadComplete = EvtUsbTargetPipeReadComplete;
    Config->EvtUsbTargetPipeReadCompleteContext = EvtUsbTargetPipeReadCompleteContext;
    Config->TransferLength = TransferLength;
}

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceCreateWithParameters (
    _In_ WDFDEVICE Device,
    _In_ PWDF_USB_DEVICE_CREATE_CONFIG Config,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFUSBDEVICE *UsbDevice
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceRetrieveInformation (
    _In_ WDFUSBDEVICE UsbDevice,
    _Out_ PWDF_USB_DEVICE_INFORMATION Information
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceSelectConfig (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES PipeAttributes,
    _Inout_ PWDF_USB_DEVICE_SELECT_CONFIG_PARAMS Params
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
UCHAR
NTAPI
WdfUsbInterfaceGetNumConfiguredPipes (
    _In_ WDFUSBINTERFACE UsbInterface
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFUSBPIPE
NTAPI
WdfUsbInterfaceGetConfiguredPipe (
    _In_ WDFUSBINTERFACE UsbInterface,
    _In_ UCHAR PipeIndex,
    _Out_opt_ PWDF_USB_PIPE_INFORMATION PipeInfo
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfUsbTargetPipeGetInformation (
    _In_ WDFUSBPIPE Pipe,
    _Out_ PWDF_USB_PIPE_INFORMATION PipeInformation
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfUsbTargetPipeIsInEndpoint (
    _In_ WDFUSBPIPE Pipe
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfUsbTargetPipeIsOutEndpoint (
    _In_ WDFUSBPIPE Pipe
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDF_USB_PIPE_TYPE
NTAPI
WdfUsbTargetPipeGetType (
    _In_ WDFUSBPIPE Pipe
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfUsbTargetPipeSetNoMaximumPacketSizeCheck (
    _In_ WDFUSBPIPE Pipe
    );

_IRQL_requires_max_(HIGH_LEVEL)
WDFAPI
WDFIOTARGET
NTAPI
WdfUsbTargetPipeGetIoTarget (
    _In_ WDFUSBPIPE Pipe
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeConfigContinuousReader (
    _In_ WDFUSBPIPE Pipe,
    _In_ PWDF_USB_CONTINUOUS_READER_CONFIG Config
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeFormatRequestForRead (
    _In_ WDFUSBPIPE Pipe,
    _In_ WDFREQUEST Request,
    _In_opt_ WDFMEMORY ReadMemory,
    _In_opt_ PWDFMEMORY_OFFSET ReadOffset
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeFormatRequestForWrite (
    _In_ WDFUSBPIPE Pipe,
    _In_ WDFREQUEST Request,
    _In_opt_ WDFMEMORY WriteMemory,
    _In_opt_ PWDFMEMORY_OFFSET WriteOffset
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeReadSynchronously (
    _In_ WDFUSBPIPE Pipe,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR MemoryDescriptor,
    _Out_opt_ PULONG BytesRead
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeAbortSynchronously (
    _In_ WDFUSBPIPE Pipe,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetPipeResetSynchronously (
    _In_ WDFUSBPIPE Pipe,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceSendControlTransferSynchronously (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _In_ PWDF_USB_CONTROL_SETUP_PACKET SetupPacket,
    _In_opt_ PWDF_MEMORY_DESCRIPTOR MemoryDescriptor,
    _Out_opt_ PULONG BytesTransferred
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceFormatRequestForControlTransfer (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_ WDFREQUEST Request,
    _In_ PWDF_USB_CONTROL_SETUP_PACKET SetupPacket,
    _In_opt_ WDFMEMORY TransferMemory,
    _In_opt_ PWDFMEMORY_OFFSET TransferOffset
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceResetPortSynchronously (
    _In_ WDFUSBDEVICE UsbDevice
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestRetrieveOutputMemory (
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY *Memory
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfRequestRetrieveInputMemory (
    _In_ WDFREQUEST Request,
    _Out_ WDFMEMORY *Memory
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
BOOLEAN
NTAPI
WdfRequestCancelSentRequest (
    _In_ WDFREQUEST Request
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
VOID
NTAPI
WdfRequestGetCompletionParams (
    _In_ WDFREQUEST Request,
    _Out_ PWDF_REQUEST_COMPLETION_PARAMS Params
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
WDFDEVICE
NTAPI
WdfIoTargetGetDevice (
    _In_ WDFIOTARGET IoTarget
    );

/* URBs (usb.h, usbdlib.h): the device descriptor request, built with the
 * UsbBuildGetDescriptorRequest macro and sent through the USB target. */
#define USB_DEVICE_DESCRIPTOR_TYPE                  0x01
#define URB_FUNCTION_GET_DESCRIPTOR_FROM_DEVICE     0x000B

typedef struct _USB_DEVICE_DESCRIPTOR {
    UCHAR bLength;
    UCHAR bDescriptorType;
    USHORT bcdUSB;
    UCHAR bDeviceClass;
    UCHAR bDeviceSubClass;
    UCHAR bDeviceProtocol;
    UCHAR bMaxPacketSize0;
    USHORT idVendor;
    USHORT idProduct;
    USHORT bcdDevice;
    UCHAR iManufacturer;
    UCHAR iProduct;
    UCHAR iSerialNumber;
    UCHAR bNumConfigurations;
} USB_DEVICE_DESCRIPTOR, *PUSB_DEVICE_DESCRIPTOR;

struct _URB_HEADER {
    USHORT Length;
    USHORT Function;
    USBD_STATUS Status;
    PVOID UsbdDeviceHandle;
    ULONG UsbdFlags;
};

struct _URB_CONTROL_DESCRIPTOR_REQUEST {
    struct _URB_HEADER Hdr;
    PVOID Reserved;
    ULONG Reserved0;
    ULONG TransferBufferLength;
    PVOID TransferBuffer;
    PVOID TransferBufferMDL;
    struct _URB *UrbLink;
    UCHAR Reserved1[16];
    USHORT Reserved2;
    UCHAR Index;
    UCHAR DescriptorType;
    USHORT LanguageId;
    USHORT Reserved3;
};

typedef struct _URB {
    union {
        struct _URB_HEADER UrbHeader;
        struct _URB_CONTROL_DESCRIPTOR_REQUEST UrbControlDescriptorRequest;
    };
} URB, *PURB;

#define UsbBuildGetDescriptorRequest(urb, length, descriptorType, descriptorIndex, \
                                     languageId, transferBuffer, transferBufferMDL, \
                                     transferBufferLength, link)                    \
    do {                                                                            \
        (urb)->UrbHeader.Function = URB_FUNCTION_GET_DESCRIPTOR_FROM_DEVICE;        \
        (urb)->UrbHeader.Length = (USHORT)(length);                                 \
        (urb)->UrbControlDescriptorRequest.TransferBufferLength = (transferBufferLength); \
        (urb)->UrbControlDescriptorRequest.TransferBufferMDL = (transferBufferMDL); \
        (urb)->UrbControlDescriptorRequest.TransferBuffer = (transferBuffer);       \
        (urb)->UrbControlDescriptorRequest.DescriptorType = (descriptorType);       \
        (urb)->UrbControlDescriptorRequest.Index = (descriptorIndex);               \
        (urb)->UrbControlDescriptorRequest.LanguageId = (languageId);               \
        (urb)->UrbControlDescriptorRequest.UrbLink = (link);                        \
    } while (0)

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceCreateUrb (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_opt_ PWDF_OBJECT_ATTRIBUTES Attributes,
    _Out_ WDFMEMORY *UrbMemory,
    _Out_opt_ PURB *Urb
    );

_Must_inspect_result_
_IRQL_requires_max_(PASSIVE_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceSendUrbSynchronously (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_opt_ WDFREQUEST Request,
    _In_opt_ PWDF_REQUEST_SEND_OPTIONS RequestOptions,
    _In_ PURB Urb
    );

_Must_inspect_result_
_IRQL_requires_max_(DISPATCH_LEVEL)
WDFAPI
NTSTATUS
NTAPI
WdfUsbTargetDeviceFormatRequestForUrb (
    _In_ WDFUSBDEVICE UsbDevice,
    _In_ WDFREQUEST Request,
    _In_ WDFMEMORY UrbMemory,
    _In_opt_ PWDFMEMORY_OFFSET UrbMemoryOffset
    );

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* _WDF_H_ */
