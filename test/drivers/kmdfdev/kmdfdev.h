/*
 * kmdfdev.h -- private header of KdvDma, a KMDF function driver for a PCI
 * bus-master acquisition card: one memory BAR of registers, a line-based
 * interrupt, scatter/gather DMA in both directions, an "event" IOCTL that
 * waits for the card to signal, and a settings IOCTL that persists the
 * card's configuration in the device's hardware key.
 *
 * I/O flows through three queues: the default parallel queue (reads,
 * writes, IOCTLs) runs at the device's execution level (DISPATCH_LEVEL);
 * a manual queue parks the event-wait requests until the interrupt DPC
 * completes them; a sequential queue created with WdfExecutionLevelPassive
 * takes the settings IOCTLs, which touch the registry.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef KMDFDEV_H
#define KMDFDEV_H

#include <ntddk.h>
#include <wdf.h>

#define KDV_POOL_TAG                'DvdK'
#define KDV_MAX_TRANSFER_LENGTH     (1024 * 1024)
#define KDV_MAX_SG_ELEMENTS         64
#define KDV_WATCHDOG_PERIOD_MS      500
#define KDV_WATCHDOG_LIMIT          6
#define KDV_RESET_POLL_MS           10
#define KDV_RESET_POLL_COUNT        50

#ifndef STATUS_IO_TIMEOUT
#define STATUS_IO_TIMEOUT                   ((NTSTATUS)0xC00000B5L)
#endif
#ifndef STATUS_DEVICE_CONFIGURATION_ERROR
#define STATUS_DEVICE_CONFIGURATION_ERROR   ((NTSTATUS)0xC0000182L)
#endif
#ifndef STATUS_DEVICE_HARDWARE_ERROR
#define STATUS_DEVICE_HARDWARE_ERROR        ((NTSTATUS)0xC0000483L)
#endif

/* register offsets in BAR 0 */
#define KDV_REG_CONTROL             0x00
#define KDV_REG_STATUS              0x04
#define KDV_REG_INT_ENABLE          0x08
#define KDV_REG_INT_STATUS          0x0C
#define KDV_REG_DMA_DESC_LOW        0x10
#define KDV_REG_DMA_DESC_HIGH       0x14
#define KDV_REG_DMA_LENGTH          0x18
#define KDV_REG_DMA_CONTROL         0x1C
#define KDV_REG_THRESHOLD           0x20
#define KDV_REG_SAMPLE_RATE         0x24
#define KDV_REG_EVENT_COUNT         0x28
#define KDV_REGISTER_SPACE          0x100

#define KDV_CONTROL_RESET           0x80000000
#define KDV_CONTROL_RUN             0x00000001
#define KDV_STATUS_READY            0x00000001
#define KDV_STATUS_DMA_BUSY         0x00000002
#define KDV_STATUS_FAULT            0x80000000
#define KDV_INT_DMA_DONE            0x00000001
#define KDV_INT_DMA_ERROR           0x00000002
#define KDV_INT_EVENT               0x00000004
#define KDV_INT_ALL                 (KDV_INT_DMA_DONE | KDV_INT_DMA_ERROR | KDV_INT_EVENT)
#define KDV_DMA_START               0x00000001
#define KDV_DMA_TO_DEVICE           0x00000002

/* user-mode interface */
#define IOCTL_KDV_GET_STATISTICS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x800, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_KDV_WAIT_EVENT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_KDV_GET_SETTINGS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_KDV_SET_SETTINGS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x803, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_KDV_RESET_STATISTICS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x804, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef struct _KDV_STATISTICS {
    ULONGLONG BytesRead;
    ULONGLONG BytesWritten;
    ULONG Interrupts;
    ULONG Events;
    ULONG DmaErrors;
    ULONG WatchdogResets;
    ULONG CancelledRequests;
} KDV_STATISTICS, *PKDV_STATISTICS;

typedef struct _KDV_SETTINGS {
    ULONG Threshold;
    ULONG SampleRate;
    ULONG EventsBeforeAlarm;
} KDV_SETTINGS, *PKDV_SETTINGS;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;

    /* hardware, mapped in EvtDevicePrepareHardware */
    PUCHAR Registers;
    SIZE_T RegistersLength;
    WDFINTERRUPT Interrupt;
    WDFDMAENABLER DmaEnabler;
    WDFDMATRANSACTION ReadTransaction;
    WDFDMATRANSACTION WriteTransaction;

    /* interrupt status latched by the ISR for the DPC (interrupt lock) */
    ULONG LatchedStatus;

    /* queues */
    WDFQUEUE DefaultQueue;
    WDFQUEUE EventQueue;        /* manual: IOCTL_KDV_WAIT_EVENT */
    WDFQUEUE SettingsQueue;     /* sequential, passive */
    BOOLEAN AcceptingEvents;    /* under the default queue's object lock */

    /* statistics: WDFSPINLOCK, touched from the DPC and the queues */
    WDFSPINLOCK StatsLock;
    KDV_STATISTICS Stats;

    /* settings: WDFWAITLOCK, touched at PASSIVE_LEVEL only */
    WDFWAITLOCK SettingsLock;
    KDV_SETTINGS Settings;
    BOOLEAN SettingsDirty;

    /* watchdog: ticks since the last DMA progress, under StatsLock */
    WDFTIMER WatchdogTimer;
    LONG WatchdogTicks;
    BOOLEAN DmaInFlight;
    WDFDMATRANSACTION ActiveTransaction;
    WDFDPC EventDpc;
    WDFWORKITEM ResetWorkItem;
    LONG ResetPending;
    BOOLEAN HardwareStarted;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, KdvGetDeviceContext)

/* the context of the WDFDPC and the WDFWORKITEM: their device */
typedef struct _KDV_DEFERRED_CONTEXT {
    WDFDEVICE Device;
} KDV_DEFERRED_CONTEXT, *PKDV_DEFERRED_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(KDV_DEFERRED_CONTEXT, KdvGetDeferredContext)

/* driver.c */
DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD KdvEvtDeviceAdd;
EVT_WDF_OBJECT_CONTEXT_CLEANUP KdvEvtDriverContextCleanup;

/* device.c */
EVT_WDF_DEVICE_PREPARE_HARDWARE KdvEvtDevicePrepareHardware;
EVT_WDF_DEVICE_RELEASE_HARDWARE KdvEvtDeviceReleaseHardware;
EVT_WDF_DEVICE_D0_ENTRY KdvEvtDeviceD0Entry;
EVT_WDF_DEVICE_D0_EXIT KdvEvtDeviceD0Exit;
EVT_WDF_DEVICE_SELF_MANAGED_IO_INIT KdvEvtDeviceSelfManagedIoInit;
EVT_WDF_DEVICE_SELF_MANAGED_IO_SUSPEND KdvEvtDeviceSelfManagedIoSuspend;
EVT_WDF_DEVICE_SELF_MANAGED_IO_RESTART KdvEvtDeviceSelfManagedIoRestart;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvCreateDevice (
    _Inout_ PWDFDEVICE_INIT DeviceInit
    );

/* queue.c */
EVT_WDF_IO_QUEUE_IO_READ KdvEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE KdvEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KdvEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_STOP KdvEvtIoStop;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE KdvEvtEventCanceledOnQueue;
EVT_WDF_REQUEST_CANCEL KdvEvtRequestCancel;
EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH KdvEvtDeviceSelfManagedIoFlush;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvQueueInitialize (
    _In_ WDFDEVICE Device
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
KdvCompleteEventWaits (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ ULONG EventCount
    );

/* settings.c */
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL KdvEvtSettingsIoDeviceControl;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvSettingsInitialize (
    _In_ WDFDEVICE Device
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvLoadSettings (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvSaveSettings (
    _In_ PDEVICE_CONTEXT DevCtx
    );

/* isr.c */
EVT_WDF_INTERRUPT_ISR KdvEvtInterruptIsr;
EVT_WDF_INTERRUPT_DPC KdvEvtInterruptDpc;
EVT_WDF_INTERRUPT_ENABLE KdvEvtInterruptEnable;
EVT_WDF_INTERRUPT_DISABLE KdvEvtInterruptDisable;
EVT_WDF_INTERRUPT_SYNCHRONIZE KdvEvtResetSynchronized;
EVT_WDF_PROGRAM_DMA KdvEvtProgramDma;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
KdvStartDma (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ WDFREQUEST Request,
    _In_ WDF_DMA_DIRECTION Direction
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
KdvApplySettingsToHardware (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ PKDV_SETTINGS Settings
    );

/* registers: callable at any IRQL up to the device's DIRQL */
_IRQL_requires_max_(HIGH_LEVEL)
ULONG
KdvReadRegister (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ ULONG Offset
    );

_IRQL_requires_max_(HIGH_LEVEL)
VOID
KdvWriteRegister (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ ULONG Offset,
    _In_ ULONG Value
    );

/* sync.c: the timer, the DPC, the work item, and the lock wrappers */
EVT_WDF_TIMER KdvEvtWatchdogTimer;
EVT_WDF_DPC KdvEvtEventDpc;
EVT_WDF_WORKITEM KdvEvtResetWorkItem;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvCreateDeferredObjects (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_global_(KdvStatsLock, DevCtx)
_Acquires_lock_(DevCtx->StatsLock)
VOID
KdvLockStats (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(KdvStatsLock, DevCtx)
_Releases_lock_(DevCtx->StatsLock)
VOID
KdvUnlockStats (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_(PASSIVE_LEVEL)
_Acquires_lock_(DevCtx->SettingsLock)
VOID
KdvLockSettings (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_Releases_lock_(DevCtx->SettingsLock)
VOID
KdvUnlockSettings (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
KdvScheduleReset (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#endif /* KMDFDEV_H */
