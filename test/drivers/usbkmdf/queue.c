/*
 * queue.c -- UsbDaq: the default sequential queue. Reads go to the bulk IN
 * pipe and writes to the bulk OUT pipe as asynchronous requests with a
 * completion routine; IOCTLs are served, parked in the manual trigger
 * queue, or routed to the passive control queue; internal IOCTLs pass
 * down to the USB hub unchanged.
 *
 * Both queues created here inherit the device's execution level: their
 * callbacks run at up to DISPATCH_LEVEL, and so do the completion routines
 * of the requests they send.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "usbdaq.h"

EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL UdqEvtIoInternalDeviceControl;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, UdqQueueInitialize)
#endif

_Use_decl_annotations_
NTSTATUS
UdqQueueInitialize (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG QueueConfig;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // Sequential: the pod takes one bulk transfer per direction at a
    // time, and the framework hands us the next request only when the
    // current one is completed (in its completion routine).
    //
    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoRead = UdqEvtIoRead;
    QueueConfig.EvtIoWrite = UdqEvtIoWrite;
    QueueConfig.EvtIoDeviceControl = UdqEvtIoDeviceControl;
    QueueConfig.EvtIoInternalDeviceControl = UdqEvtIoInternalDeviceControl;
    QueueConfig.EvtIoStop = UdqEvtIoStop;

    Status = WdfIoQueueCreate(Device,
                              &QueueConfig,
                              WDF_NO_OBJECT_ATTRIBUTES,
                              &DevCtx->DefaultQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: default queue 0x%x\n", Status));
        return Status;
    }

    //
    // Trigger waits sit in a manual queue until the interrupt pipe
    // reports a trigger. Not power-managed: a wait must survive selective
    // suspend, since the trigger is what wakes the pod.
    //
    WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchManual);
    QueueConfig.PowerManaged = FALSE;
    QueueConfig.EvtIoCanceledOnQueue = UdqEvtTriggerCanceledOnQueue;

    Status = WdfIoQueueCreate(Device,
                              &QueueConfig,
                              WDF_NO_OBJECT_ATTRIBUTES,
                              &DevCtx->TriggerQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: trigger queue 0x%x\n", Status));
    }
    return Status;
}

/* sends a request formatted for a pipe, or completes it if it cannot go */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
UdqSendToPipe (
    _In_ WDFREQUEST Request,
    _In_ WDFUSBPIPE Pipe,
    _In_ PFN_WDF_REQUEST_COMPLETION_ROUTINE CompletionRoutine,
    _In_ PDEVICE_CONTEXT DevCtx
    )
{
    NTSTATUS Status;

    WdfRequestSetCompletionRoutine(Request, CompletionRoutine, DevCtx);

    if (!WdfRequestSend(Request, WdfUsbTargetPipeGetIoTarget(Pipe), WDF_NO_SEND_OPTIONS)) {
        Status = WdfRequestGetStatus(Request);
        KdPrint(("UsbDaq: WdfRequestSend failed 0x%x\n", Status));
        WdfRequestComplete(Request, Status);
    }
}

/* validates a bulk transfer, formats it for its pipe and sends it */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
UdqStartTransfer (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T Length,
    _In_ BOOLEAN Read
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(WdfIoQueueGetDevice(Queue));
    WDFMEMORY Memory;
    NTSTATUS Status;

    if (Length == 0 || Length > UDQ_MAX_TRANSFER_SIZE) {
        WdfRequestComplete(Request, STATUS_INVALID_BUFFER_SIZE);
        return;
    }

    if (Read) {
        Status = WdfRequestRetrieveOutputMemory(Request, &Memory);
        if (NT_SUCCESS(Status)) {
            Status = WdfUsbTargetPipeFormatRequestForRead(DevCtx->BulkInPipe, Request,
                                                          Memory, NULL);
        }
    } else {
        Status = WdfRequestRetrieveInputMemory(Request, &Memory);
        if (NT_SUCCESS(Status)) {
            Status = WdfUsbTargetPipeFormatRequestForWrite(DevCtx->BulkOutPipe, Request,
                                                           Memory, NULL);
        }
    }
    if (!NT_SUCCESS(Status)) {
        WdfRequestComplete(Request, Status);
        return;
    }

    if (Read) {
        UdqSendToPipe(Request, DevCtx->BulkInPipe, UdqEvtReadComplete, DevCtx);
    } else {
        UdqSendToPipe(Request, DevCtx->BulkOutPipe, UdqEvtWriteComplete, DevCtx);
    }
}

_Use_decl_annotations_
VOID
UdqEvtIoRead (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T Length
    )
{
    UdqStartTransfer(Queue, Request, Length, TRUE);
}

_Use_decl_annotations_
VOID
UdqEvtIoWrite (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T Length
    )
{
    UdqStartTransfer(Queue, Request, Length, FALSE);
}

/* counts a failed transfer; after too many in a row, recover at PASSIVE_LEVEL */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
UdqNoteTransferResult (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ NTSTATUS Status,
    _In_ SIZE_T Bytes,
    _In_ BOOLEAN Read
    )
{
    BOOLEAN Recover = FALSE;

    UdqLockState(DevCtx);
    if (NT_SUCCESS(Status)) {
        DevCtx->ConsecutiveErrors = 0;
        if (Read) {
            DevCtx->Stats.BytesRead += Bytes;
        } else {
            DevCtx->Stats.BytesWritten += Bytes;
        }
    } else if (Status != STATUS_CANCELLED) {
        DevCtx->Stats.TransferErrors++;
        if (++DevCtx->ConsecutiveErrors >= UDQ_MAX_CONSECUTIVE_ERRORS) {
            DevCtx->ConsecutiveErrors = 0;
            Recover = TRUE;
        }
    }
    UdqUnlockState(DevCtx);

    if (Recover) {
        UdqQueueRecovery(DevCtx);
    }
}

_Use_decl_annotations_
VOID
UdqEvtReadComplete (
    WDFREQUEST Request,
    WDFIOTARGET Target,
    PWDF_REQUEST_COMPLETION_PARAMS Params,
    WDFCONTEXT Context
    )
{
    PDEVICE_CONTEXT DevCtx = (PDEVICE_CONTEXT)Context;
    PWDF_USB_REQUEST_COMPLETION_PARAMS UsbParams = Params->Parameters.Usb.Completion;
    NTSTATUS Status = Params->IoStatus.Status;
    SIZE_T Bytes = 0;

    UNREFERENCED_PARAMETER(Target);

    if (NT_SUCCESS(Status)) {
        Bytes = UsbParams->Parameters.PipeRead.Length;
    } else {
        KdPrint(("UsbDaq: bulk read failed 0x%x (USBD 0x%x)\n", Status, UsbParams->UsbdStatus));
    }

    UdqNoteTransferResult(DevCtx, Status, Bytes, TRUE);
    WdfRequestCompleteWithInformation(Request, Status, Bytes);
}

_Use_decl_annotations_
VOID
UdqEvtWriteComplete (
    WDFREQUEST Request,
    WDFIOTARGET Target,
    PWDF_REQUEST_COMPLETION_PARAMS Params,
    WDFCONTEXT Context
    )
{
    PDEVICE_CONTEXT DevCtx = (PDEVICE_CONTEXT)Context;
    PWDF_USB_REQUEST_COMPLETION_PARAMS UsbParams = Params->Parameters.Usb.Completion;
    NTSTATUS Status = Params->IoStatus.Status;
    WDF_OBJECT_ATTRIBUTES Attributes;
    WDFMEMORY Snapshot;
    PVOID SnapshotBuffer;
    SIZE_T Bytes = 0;

    if (NT_SUCCESS(Status)) {
        Bytes = UsbParams->Parameters.PipeWrite.Length;
    } else if (Status != STATUS_CANCELLED) {
        //
        // Keep a copy of the waveform the pod refused, for the diagnostics
        // log; it is parented to the device and freed with it.
        //
        WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
        Attributes.ParentObject = DevCtx->Device;
        if (NT_SUCCESS(WdfMemoryCreate(&Attributes, PagedPool, UDQ_POOL_TAG, // BUG(irql): paged pool allocated in a request completion routine, which runs at up to DISPATCH_LEVEL expected-warning-re {{'UdqEvtWriteComplete' can be called at DISPATCH_LEVEL{{.*}}'WdfMemoryCreate', which requires IRQL <= APC_LEVEL [irql-too-high]}}
                                       UsbParams->Parameters.PipeWrite.Length,
                                       &Snapshot, &SnapshotBuffer)) &&
            NT_SUCCESS(WdfMemoryCopyToBuffer(UsbParams->Parameters.PipeWrite.Buffer, 0,
                                             SnapshotBuffer,
                                             UsbParams->Parameters.PipeWrite.Length))) {
            KdPrint(("UsbDaq: kept the refused block (USBD 0x%x)\n", UsbParams->UsbdStatus));
        }

        //
        // A stalled OUT endpoint: stop sending to it until the recovery
        // work item has reset the pipe. Leaving the sent I/O pending does
        // not wait, so this is legal here.
        //
        if (UsbParams->UsbdStatus != 0) {
            WdfIoTargetStop(Target, WdfIoTargetLeaveSentIoPending);
        }
    }

    UdqNoteTransferResult(DevCtx, Status, Bytes, FALSE);
    WdfRequestCompleteWithInformation(Request, Status, Bytes);
}

_Use_decl_annotations_
VOID
UdqEvtIoDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    WDFDEVICE Device = WdfIoQueueGetDevice(Queue);
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    PUDQ_CONFIG_INFO Config;
    PUDQ_STATISTICS Stats;
    ULONG_PTR Information = 0;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_UDQ_GET_CONFIG:
        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UDQ_CONFIG_INFO),
                                                (PVOID *)&Config, NULL);
        if (!NT_SUCCESS(Status)) {
            break;
        }
        Config->UsbdVersion = DevCtx->UsbInfo.UsbdVersion;
        Config->Traits = DevCtx->UsbInfo.Traits;
        Config->BulkInPacketSize = DevCtx->BulkInPacketSize;
        Config->BulkOutPacketSize = DevCtx->BulkOutPacketSize;
        Config->InterruptInterval = DevCtx->InterruptInterval;
        Information = sizeof(UDQ_CONFIG_INFO);
        break;

    case IOCTL_UDQ_GET_STATISTICS:
        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UDQ_STATISTICS),
                                                (PVOID *)&Stats, NULL);
        if (!NT_SUCCESS(Status)) {
            break;
        }
        UdqLockState(DevCtx);
        *Stats = DevCtx->Stats;
        UdqUnlockState(DevCtx);
        Information = sizeof(UDQ_STATISTICS);
        break;

    case IOCTL_UDQ_WAIT_TRIGGER:
        if (OutputBufferLength < sizeof(UDQ_TRIGGER_EVENT)) {
            Status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        //
        // Parked until the reader completion sees a trigger; the manual
        // queue cancels it if the caller gives up.
        //
        Status = WdfRequestForwardToIoQueue(Request, DevCtx->TriggerQueue);
        if (NT_SUCCESS(Status)) {
            return;
        }
        break;

    case IOCTL_UDQ_SET_LEDS:
        //
        // The LED bar is a vendor request: the pod must be in D0 before
        // the control queue sends it.
        //
        Status = WdfDeviceStopIdle(Device, TRUE); // BUG(irql): waiting for D0 blocks, and the default queue's handler runs at up to DISPATCH_LEVEL expected-warning-re {{'UdqEvtIoDeviceControl' can be called at DISPATCH_LEVEL{{.*}}'WdfDeviceStopIdle' [irql-too-high]}}
        if (!NT_SUCCESS(Status)) {
            break;
        }
        Status = WdfRequestForwardToIoQueue(Request, DevCtx->ControlQueue);
        WdfDeviceResumeIdle(Device);
        if (NT_SUCCESS(Status)) {
            return;
        }
        break;

    case IOCTL_UDQ_GET_SETTINGS:
    case IOCTL_UDQ_SET_SETTINGS:
    case IOCTL_UDQ_RESET_PIPES:
    case IOCTL_UDQ_GET_DEVICE_DESCRIPTOR:
        //
        // Synchronous vendor requests and pipe resets: the control queue
        // is passive.
        //
        Status = WdfRequestForwardToIoQueue(Request, DevCtx->ControlQueue);
        if (NT_SUCCESS(Status)) {
            return;
        }
        break;

    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, Status, Information);
}

/* internal IOCTLs from a filter above: the USB hub below answers them */
_Use_decl_annotations_
VOID
UdqEvtIoInternalDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    WDF_REQUEST_SEND_OPTIONS Options;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);
    UNREFERENCED_PARAMETER(IoControlCode);

    WdfRequestFormatRequestUsingCurrentType(Request);
    WDF_REQUEST_SEND_OPTIONS_INIT(&Options, WDF_REQUEST_SEND_OPTION_SEND_AND_FORGET);

    if (!WdfRequestSend(Request, WdfDeviceGetIoTarget(WdfIoQueueGetDevice(Queue)), &Options)) {
        Status = WdfRequestGetStatus(Request);
        WdfRequestComplete(Request, Status);
    }
}

/*
 * The queue is stopping (power down, removal) while a bulk transfer the
 * driver sent is in flight: cancel it on a purge, let it finish on a
 * suspend (it ends within the pipe's time-out).
 */
_Use_decl_annotations_
VOID
UdqEvtIoStop (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    ULONG ActionFlags
    )
{
    UNREFERENCED_PARAMETER(Queue);

    if (ActionFlags & WdfRequestStopActionSuspend) {
        WdfRequestStopAcknowledge(Request, FALSE);
    } else if (ActionFlags & WdfRequestStopActionPurge) {
        (VOID)WdfRequestCancelSentRequest(Request);
    }
}

_Use_decl_annotations_
VOID
UdqEvtTriggerCanceledOnQueue (
    WDFQUEUE Queue,
    WDFREQUEST Request
    )
{
    UNREFERENCED_PARAMETER(Queue);

    WdfRequestCompleteWithInformation(Request, STATUS_CANCELLED, 0);
}
