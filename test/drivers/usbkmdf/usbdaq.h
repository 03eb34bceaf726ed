/*
 * usbdaq.h -- private header of UsbDaq, a KMDF client driver for a USB
 * data-acquisition pod (in the style of the OSR FX2 learning kit): one
 * interface with a bulk IN pipe (sample blocks), a bulk OUT pipe (waveform
 * downloads) and an interrupt IN pipe (trigger and alarm events), plus
 * vendor control requests on the default control pipe for the pod's
 * settings and its LED bar.
 *
 * I/O flows through three queues: the default sequential queue (reads,
 * writes, IOCTLs) runs at the device's execution level (up to
 * DISPATCH_LEVEL) and sends the bulk transfers asynchronously; a manual
 * queue parks the "wait for trigger" IOCTLs until the continuous reader on
 * the interrupt pipe completes them; a sequential queue created with
 * WdfExecutionLevelPassive takes the control IOCTLs, which use the
 * synchronous USB methods.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef USBDAQ_H
#define USBDAQ_H

#include <ntddk.h>
#include <wdf.h>

#define UDQ_POOL_TAG                'qDdU'
#define UDQ_MAX_TRANSFER_SIZE       (64 * 1024)
#define UDQ_INTERRUPT_PACKET_SIZE   8
#define UDQ_CONTROL_TIMEOUT_SEC     2
#define UDQ_IDLE_TIMEOUT_MS         10000
#define UDQ_MAX_CONSECUTIVE_ERRORS  4
#define UDQ_NUM_PENDING_READS       2

#ifndef STATUS_DEVICE_DATA_ERROR
#define STATUS_DEVICE_DATA_ERROR            ((NTSTATUS)0xC000009CL)
#endif
#ifndef STATUS_DEVICE_CONFIGURATION_ERROR
#define STATUS_DEVICE_CONFIGURATION_ERROR   ((NTSTATUS)0xC0000182L)
#endif
#ifndef STATUS_NO_SUCH_DEVICE
#define STATUS_NO_SUCH_DEVICE               ((NTSTATUS)0xC000000EL)
#endif
#ifndef STATUS_DEVICE_REMOVED
#define STATUS_DEVICE_REMOVED               ((NTSTATUS)0xC00002B6L)
#endif
#ifndef STATUS_BUFFER_TOO_SMALL
#define STATUS_BUFFER_TOO_SMALL             ((NTSTATUS)0xC0000023L)
#endif
#ifndef STATUS_INVALID_BUFFER_SIZE
#define STATUS_INVALID_BUFFER_SIZE          ((NTSTATUS)0xC0000206L)
#endif

/* vendor requests on the default control pipe */
#define UDQ_VENDOR_GET_SETTINGS     0xD1
#define UDQ_VENDOR_SET_SETTINGS     0xD2
#define UDQ_VENDOR_SET_LEDS         0xD8
#define UDQ_VENDOR_ARM_TRIGGER      0xDA
#define UDQ_VENDOR_CLEAR_OVERRUN    0xDC
#define UDQ_VENDOR_REMOTE_WAKE      0xDE

/* the interrupt pipe's 8-byte event packet */
#define UDQ_EVENT_TRIGGER           0x01
#define UDQ_EVENT_OVERRUN           0x02
#define UDQ_EVENT_ALARM             0x04

/* user-mode interface */
#define IOCTL_UDQ_GET_CONFIG \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_UDQ_WAIT_TRIGGER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_UDQ_GET_SETTINGS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_UDQ_SET_SETTINGS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_UDQ_SET_LEDS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x904, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_UDQ_RESET_PIPES \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x905, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_UDQ_GET_STATISTICS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x906, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_UDQ_GET_DEVICE_DESCRIPTOR \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x907, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _UDQ_CONFIG_INFO {
    ULONG UsbdVersion;
    ULONG Traits;
    ULONG BulkInPacketSize;
    ULONG BulkOutPacketSize;
    ULONG InterruptInterval;
} UDQ_CONFIG_INFO, *PUDQ_CONFIG_INFO;

typedef struct _UDQ_SETTINGS {
    USHORT SampleRateHz;
    USHORT TriggerLevel;
    UCHAR Channels;
    UCHAR Gain;
    UCHAR Reserved[2];
} UDQ_SETTINGS, *PUDQ_SETTINGS;

typedef struct _UDQ_TRIGGER_EVENT {
    ULONG Sequence;
    UCHAR Flags;
    UCHAR Channel;
    USHORT Level;
} UDQ_TRIGGER_EVENT, *PUDQ_TRIGGER_EVENT;

typedef struct _UDQ_STATISTICS {
    ULONGLONG BytesRead;
    ULONGLONG BytesWritten;
    ULONG Triggers;
    ULONG Overruns;
    ULONG Alarms;
    ULONG TransferErrors;
    ULONG ReaderRestarts;
} UDQ_STATISTICS, *PUDQ_STATISTICS;

typedef struct _DEVICE_CONTEXT {
    WDFDEVICE Device;

    /* USB, set up in EvtDevicePrepareHardware */
    WDFUSBDEVICE UsbDevice;
    WDFUSBINTERFACE UsbInterface;
    WDFUSBPIPE BulkInPipe;
    WDFUSBPIPE BulkOutPipe;
    WDFUSBPIPE InterruptPipe;
    WDF_USB_DEVICE_INFORMATION UsbInfo;
    ULONG BulkInPacketSize;
    ULONG BulkOutPacketSize;
    ULONG InterruptInterval;

    /* queues */
    WDFQUEUE DefaultQueue;      /* sequential, device level */
    WDFQUEUE TriggerQueue;      /* manual: IOCTL_UDQ_WAIT_TRIGGER */
    WDFQUEUE ControlQueue;      /* sequential, passive */

    /* event state: WDFSPINLOCK, touched by the reader completion */
    WDFSPINLOCK StateLock;
    UDQ_STATISTICS Stats;
    ULONG EventSequence;
    ULONG ConsecutiveErrors;
    BOOLEAN OverrunPending;
    BOOLEAN PipesStopped;

    /* settings, mirrored from the pod: PASSIVE_LEVEL only */
    WDFWAITLOCK SettingsLock;
    UDQ_SETTINGS Settings;

    /* passive follow-up of the reader completion */
    WDFWORKITEM RecoveryWorkItem;
    LONG RecoveryQueued;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(DEVICE_CONTEXT, UdqGetDeviceContext)

/* the context of a bulk request the driver sends on the caller's behalf */
typedef struct _UDQ_WORKITEM_CONTEXT {
    WDFDEVICE Device;
} UDQ_WORKITEM_CONTEXT, *PUDQ_WORKITEM_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(UDQ_WORKITEM_CONTEXT, UdqGetWorkItemContext)

/* driver.c */
DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD UdqEvtDeviceAdd;
EVT_WDF_OBJECT_CONTEXT_CLEANUP UdqEvtDriverContextCleanup;

/* device.c */
EVT_WDF_DEVICE_PREPARE_HARDWARE UdqEvtDevicePrepareHardware;
EVT_WDF_DEVICE_D0_ENTRY UdqEvtDeviceD0Entry;
EVT_WDF_DEVICE_D0_EXIT UdqEvtDeviceD0Exit;
EVT_WDF_DEVICE_ARM_WAKE_FROM_S0 UdqEvtDeviceArmWakeFromS0;
EVT_WDF_DEVICE_DISARM_WAKE_FROM_S0 UdqEvtDeviceDisarmWakeFromS0;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqSendVendorRequest (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ WDF_USB_BMREQUEST_DIRECTION Direction,
    _In_ UCHAR Request,
    _In_ USHORT Value,
    _Inout_opt_ PVOID Buffer,
    _In_ ULONG Length
    );

/* queue.c */
EVT_WDF_IO_QUEUE_IO_READ UdqEvtIoRead;
EVT_WDF_IO_QUEUE_IO_WRITE UdqEvtIoWrite;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL UdqEvtIoDeviceControl;
EVT_WDF_IO_QUEUE_IO_STOP UdqEvtIoStop;
EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE UdqEvtTriggerCanceledOnQueue;
EVT_WDF_REQUEST_COMPLETION_ROUTINE UdqEvtReadComplete;
EVT_WDF_REQUEST_COMPLETION_ROUTINE UdqEvtWriteComplete;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqQueueInitialize (
    _In_ WDFDEVICE Device
    );

/* reader.c: the continuous reader, the work item, the lock wrappers */
EVT_WDF_USB_READER_COMPLETION_ROUTINE UdqEvtInterruptReadComplete;
EVT_WDF_USB_READERS_FAILED UdqEvtInterruptReadersFailed;
EVT_WDF_WORKITEM UdqEvtRecoveryWorkItem;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqConfigureContinuousReader (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqCreateRecoveryWorkItem (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
UdqQueueRecovery (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
UdqFailTriggerWaits (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ NTSTATUS Status
    );

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_global_(UdqStateLock, DevCtx)
_Acquires_lock_(DevCtx->StateLock)
VOID
UdqLockState (
    _In_ PDEVICE_CONTEXT DevCtx
    );

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_restores_global_(UdqStateLock, DevCtx)
_Releases_lock_(DevCtx->StateLock)
VOID
UdqUnlockState (
    _In_ PDEVICE_CONTEXT DevCtx
    );

/* control.c: the passive control queue */
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL UdqEvtControlIoDeviceControl;

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqControlQueueInitialize (
    _In_ WDFDEVICE Device
    );

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqReadSettingsFromDevice (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#endif /* USBDAQ_H */
