/*
 * reader.c -- UsbDaq: the continuous reader on the interrupt pipe (its
 * completion routine parses the pod's event packets and completes the
 * parked trigger waits; its failure callback decides whether the
 * framework restarts it), the recovery work item that does the passive
 * follow-up work, and the event-state lock wrappers.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "usbdaq.h"

/* the pod's 8-byte interrupt packet */
typedef struct _UDQ_EVENT_PACKET {
    UCHAR Flags;
    UCHAR Channel;
    USHORT Level;
    ULONG Timestamp;
} UDQ_EVENT_PACKET, *PUDQ_EVENT_PACKET;

static
_IRQL_requires_(PASSIVE_LEVEL)
VOID
UdqLogAlarm (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ UCHAR Channel,
    _In_ USHORT Level
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqResetPipe (
    _In_ WDFUSBPIPE Pipe
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, UdqConfigureContinuousReader)
#pragma alloc_text(PAGE, UdqCreateRecoveryWorkItem)
#pragma alloc_text(PAGE, UdqLogAlarm)
#pragma alloc_text(PAGE, UdqResetPipe)
#endif

/* ----------------------------------------------------------------------
 * Lock wrappers
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
UdqLockState (
    PDEVICE_CONTEXT DevCtx
    )
{
    WdfSpinLockAcquire(DevCtx->StateLock);
}

_Use_decl_annotations_
VOID
UdqUnlockState (
    PDEVICE_CONTEXT DevCtx
    )
{
    WdfSpinLockRelease(DevCtx->StateLock);
}

/* ----------------------------------------------------------------------
 * Setup
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
NTSTATUS
UdqConfigureContinuousReader (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_USB_CONTINUOUS_READER_CONFIG ReaderConfig;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_USB_CONTINUOUS_READER_CONFIG_INIT(&ReaderConfig,
                                          UdqEvtInterruptReadComplete,
                                          DevCtx,
                                          UDQ_INTERRUPT_PACKET_SIZE);
    ReaderConfig.EvtUsbTargetPipeReadersFailed = UdqEvtInterruptReadersFailed;
    ReaderConfig.NumPendingReads = UDQ_NUM_PENDING_READS;

    Status = WdfUsbTargetPipeConfigContinuousReader(DevCtx->InterruptPipe, &ReaderConfig);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfUsbTargetPipeConfigContinuousReader failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
UdqCreateRecoveryWorkItem (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_WORKITEM_CONFIG WorkItemConfig;
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_WORKITEM_CONFIG_INIT(&WorkItemConfig, UdqEvtRecoveryWorkItem);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&Attributes, UDQ_WORKITEM_CONTEXT);
    Attributes.ParentObject = DevCtx->Device;

    Status = WdfWorkItemCreate(&WorkItemConfig, &Attributes, &DevCtx->RecoveryWorkItem);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfWorkItemCreate failed 0x%x\n", Status));
        return Status;
    }
    UdqGetWorkItemContext(DevCtx->RecoveryWorkItem)->Device = DevCtx->Device;
    return STATUS_SUCCESS;
}

/* ----------------------------------------------------------------------
 * Trigger waits
 * -------------------------------------------------------------------- */

/* completes the oldest parked trigger wait with the event; FALSE if none */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
UdqCompleteTriggerWait (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ PUDQ_TRIGGER_EVENT Event
    )
{
    PUDQ_TRIGGER_EVENT Out;
    WDFREQUEST Request;
    NTSTATUS Status;

    Status = WdfIoQueueRetrieveNextRequest(DevCtx->TriggerQueue, &Request);
    if (!NT_SUCCESS(Status)) {
        return FALSE;       /* nobody waits: the event only counts */
    }

    Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UDQ_TRIGGER_EVENT),
                                            (PVOID *)&Out, NULL);
    if (NT_SUCCESS(Status)) {
        *Out = *Event;
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(UDQ_TRIGGER_EVENT));
    } else {
        WdfRequestComplete(Request, Status);
    }
    return TRUE;
}

_Use_decl_annotations_
VOID
UdqFailTriggerWaits (
    PDEVICE_CONTEXT DevCtx,
    NTSTATUS Status
    )
{
    WDFREQUEST Request;

    while (NT_SUCCESS(WdfIoQueueRetrieveNextRequest(DevCtx->TriggerQueue, &Request))) {
        WdfRequestCompleteWithInformation(Request, Status, 0);
    }
}

/* ----------------------------------------------------------------------
 * The continuous reader
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
UdqQueueRecovery (
    PDEVICE_CONTEXT DevCtx
    )
{
    //
    // One recovery at a time: the work item clears the flag when it is
    // done.
    //
    if (InterlockedExchange(&DevCtx->RecoveryQueued, 1) == 0) {
        WdfWorkItemEnqueue(DevCtx->RecoveryWorkItem);
    }
}

/*
 * Called by the framework for each event packet, at up to DISPATCH_LEVEL
 * and possibly on two processors at once (two reads are pending).
 */
_Use_decl_annotations_
VOID
UdqEvtInterruptReadComplete (
    WDFUSBPIPE Pipe,
    WDFMEMORY Buffer,
    SIZE_T NumBytesTransferred,
    WDFCONTEXT Context
    )
{
    PDEVICE_CONTEXT DevCtx = (PDEVICE_CONTEXT)Context;
    WDF_USB_CONTROL_SETUP_PACKET Packet;
    PUDQ_EVENT_PACKET Event;
    UDQ_TRIGGER_EVENT Trigger;
    BOOLEAN Recover = FALSE;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(Pipe);

    if (NumBytesTransferred < sizeof(UDQ_EVENT_PACKET)) {
        KdPrint(("UsbDaq: short event packet (%d bytes)\n", (int)NumBytesTransferred));
        return;
    }
    Event = (PUDQ_EVENT_PACKET)WdfMemoryGetBuffer(Buffer, NULL);

    UdqLockState(DevCtx);
    if (DevCtx->PipesStopped) {
        UdqUnlockState(DevCtx);
        return;             /* a late read racing D0 exit */
    }
    if (Event->Flags & UDQ_EVENT_TRIGGER) {
        DevCtx->Stats.Triggers++;
        Trigger.Sequence = ++DevCtx->EventSequence;
    }
    if (Event->Flags & UDQ_EVENT_OVERRUN) {
        DevCtx->Stats.Overruns++;
        if (!DevCtx->OverrunPending) {
            DevCtx->OverrunPending = TRUE;
            Recover = TRUE;
        }
    }
    if (Event->Flags & UDQ_EVENT_ALARM) {
        DevCtx->Stats.Alarms++;
    }
    UdqUnlockState(DevCtx);

    if (Event->Flags & UDQ_EVENT_TRIGGER) {
        Trigger.Flags = Event->Flags;
        Trigger.Channel = Event->Channel;
        Trigger.Level = Event->Level;
        if (!UdqCompleteTriggerWait(DevCtx, &Trigger)) {
            //
            // Nobody was waiting: re-arm the trigger on the pod so that
            // the next edge is reported too.
            //
            WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR(&Packet, BmRequestHostToDevice,
                                                     BmRequestToDevice,
                                                     UDQ_VENDOR_ARM_TRIGGER, 1, 0);
            Status = WdfUsbTargetDeviceSendControlTransferSynchronously(DevCtx->UsbDevice, // BUG(irql): a synchronous control transfer waits, and the reader completion runs at up to DISPATCH_LEVEL expected-warning-re {{'UdqEvtInterruptReadComplete' can be called at DISPATCH_LEVEL (its role EVT_WDF_USB_READER_COMPLETION_ROUTINE){{.*}}'WdfUsbTargetDeviceSendControlTransferSynchronously' [irql-too-high]}}
                                                                        WDF_NO_HANDLE, NULL,
                                                                        &Packet, NULL, NULL);
            if (!NT_SUCCESS(Status)) {
                KdPrint(("UsbDaq: re-arming the trigger failed 0x%x\n", Status));
            }
        }
    }

    if (Event->Flags & UDQ_EVENT_ALARM) {
        UdqLogAlarm(DevCtx, Event->Channel, Event->Level); // BUG(irql): the alarm logger is pageable and waits on the settings lock, and the reader completion runs at up to DISPATCH_LEVEL expected-warning-re {{'UdqLogAlarm' must be called at exactly PASSIVE_LEVEL{{.*}} [irql-not-required]}}
    }

    if (Recover) {
        UdqQueueRecovery(DevCtx);
    }
}

/*
 * The reader hit an error: the framework has cancelled the pending reads.
 * TRUE asks it to reset the pipe and restart the reader. Must not stop or
 * start the pipe's target itself. Not pageable, although it runs at
 * PASSIVE_LEVEL: it takes the event-state spin lock.
 */
_Use_decl_annotations_
BOOLEAN
UdqEvtInterruptReadersFailed (
    WDFUSBPIPE Pipe,
    NTSTATUS Status,
    USBD_STATUS UsbdStatus
    )
{
    PDEVICE_CONTEXT DevCtx;
    BOOLEAN Removed;
    NTSTATUS ClearStatus;

    UNREFERENCED_PARAMETER(UsbdStatus);

    DevCtx = UdqGetDeviceContext(WdfIoTargetGetDevice(WdfUsbTargetPipeGetIoTarget(Pipe)));

    KdPrint(("UsbDaq: interrupt reader failed 0x%x (USBD 0x%x)\n", Status, UsbdStatus));

    Removed = Status == STATUS_NO_SUCH_DEVICE || Status == STATUS_DEVICE_REMOVED;

    UdqLockState(DevCtx);
    DevCtx->Stats.ReaderRestarts += Removed ? 0 : 1;
    DevCtx->OverrunPending = FALSE;
    UdqUnlockState(DevCtx);

    if (Removed) {
        UdqFailTriggerWaits(DevCtx, STATUS_NO_SUCH_DEVICE);
        return FALSE;
    }

    //
    // Passive here: the overrun flag can be cleared in place before the
    // framework restarts the reader.
    //
    ClearStatus = UdqSendVendorRequest(DevCtx, BmRequestHostToDevice,
                                       UDQ_VENDOR_CLEAR_OVERRUN, 0, NULL, 0);
    if (!NT_SUCCESS(ClearStatus)) {
        KdPrint(("UsbDaq: clearing the overrun failed 0x%x\n", ClearStatus));
    }
    return TRUE;
}

/* ----------------------------------------------------------------------
 * Recovery at PASSIVE_LEVEL
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
static
VOID
UdqLogAlarm (
    PDEVICE_CONTEXT DevCtx,
    UCHAR Channel,
    USHORT Level
    )
{
    USHORT TriggerLevel;

    UNREFERENCED_PARAMETER(Channel);
    UNREFERENCED_PARAMETER(Level);

    PAGED_CODE();

    WdfWaitLockAcquire(DevCtx->SettingsLock, NULL);
    TriggerLevel = DevCtx->Settings.TriggerLevel;
    WdfWaitLockRelease(DevCtx->SettingsLock);
    UNREFERENCED_PARAMETER(TriggerLevel);

    KdPrint(("UsbDaq: alarm on channel %d: level 0x%x, trigger 0x%x\n",
             Channel, Level, TriggerLevel));
}

_Use_decl_annotations_
static
NTSTATUS
UdqResetPipe (
    WDFUSBPIPE Pipe
    )
{
    WDFIOTARGET Target = WdfUsbTargetPipeGetIoTarget(Pipe);
    NTSTATUS Status;

    PAGED_CODE();

    //
    // Stop the target (cancelling what was sent), clear the endpoint's
    // halt, and let requests flow again.
    //
    WdfIoTargetStop(Target, WdfIoTargetCancelSentIo);
    Status = WdfUsbTargetPipeResetSynchronously(Pipe, WDF_NO_HANDLE, NULL);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: pipe reset failed 0x%x\n", Status));
    }
    return WdfIoTargetStart(Target);
}

/* not pageable either: it takes the event-state spin lock */
_Use_decl_annotations_
VOID
UdqEvtRecoveryWorkItem (
    WDFWORKITEM WorkItem
    )
{
    WDFDEVICE Device = UdqGetWorkItemContext(WorkItem)->Device;
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    BOOLEAN Overrun;
    NTSTATUS Status;

    UdqLockState(DevCtx);
    Overrun = DevCtx->OverrunPending;
    DevCtx->OverrunPending = FALSE;
    UdqUnlockState(DevCtx);

    //
    // Keep the pod in D0 while the pipes are reset: waiting is fine in a
    // work item.
    //
    Status = WdfDeviceStopIdle(Device, TRUE);
    if (NT_SUCCESS(Status)) {
        if (Overrun) {
            Status = UdqSendVendorRequest(DevCtx, BmRequestHostToDevice,
                                          UDQ_VENDOR_CLEAR_OVERRUN, 0, NULL, 0);
            KdPrint(("UsbDaq: overrun cleared 0x%x\n", Status));
        }
        (VOID)UdqResetPipe(DevCtx->BulkInPipe);
        (VOID)UdqResetPipe(DevCtx->BulkOutPipe);
        WdfDeviceResumeIdle(Device);
    }

    InterlockedExchange(&DevCtx->RecoveryQueued, 0);
}
