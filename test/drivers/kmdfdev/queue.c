/*
 * queue.c -- KdvDma: the default parallel queue (reads and writes go to
 * the DMA engine, IOCTLs are served or routed), the manual queue that parks
 * event waits until the card signals, cancellation of a transfer on the
 * DMA engine, and flushing the parked waits at self-managed I/O flush.
 *
 * Both queues inherit the device's execution level: their callbacks run at
 * up to DISPATCH_LEVEL.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "kmdfdev.h"

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, KdvQueueInitialize)
#pragma alloc_text(PAGE, KdvEvtDeviceSelfManagedIoFlush)
#endif

_Use_decl_annotations_
NTSTATUS
KdvQueueInitialize (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG QueueConfig;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchParallel);
    QueueConfig.EvtIoRead = KdvEvtIoRead;
    QueueConfig.EvtIoWrite = KdvEvtIoWrite;
    QueueConfig.EvtIoDeviceControl = KdvEvtIoDeviceControl;
    QueueConfig.EvtIoStop = KdvEvtIoStop;

    Status = WdfIoQueueCreate(Device,
                              &QueueConfig,
                              WDF_NO_OBJECT_ATTRIBUTES,
                              &DevCtx->DefaultQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: default queue 0x%x\n", Status));
        return Status;
    }

    //
    // Event waits sit in a manual queue: the framework cancels them for us
    // and calls KdvEvtEventCanceledOnQueue. Not power-managed, so that a
    // wait survives the card going to D3.
    //
    WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchManual);
    QueueConfig.PowerManaged = FALSE;
    QueueConfig.EvtIoCanceledOnQueue = KdvEvtEventCanceledOnQueue;

    Status = WdfIoQueueCreate(Device,
                              &QueueConfig,
                              WDF_NO_OBJECT_ATTRIBUTES,
                              &DevCtx->EventQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: event queue 0x%x\n", Status));
        return Status;
    }

    DevCtx->AcceptingEvents = TRUE;
    return STATUS_SUCCESS;
}

/* validates a transfer and hands it to the DMA engine */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
KdvStartTransfer (
    _In_ WDFQUEUE Queue,
    _In_ WDFREQUEST Request,
    _In_ SIZE_T Length,
    _In_ WDF_DMA_DIRECTION Direction
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS Status;

    if (Length == 0 || Length > KDV_MAX_TRANSFER_LENGTH) {
        WdfRequestComplete(Request, STATUS_INVALID_PARAMETER);
        return;
    }
    if (!DevCtx->HardwareStarted) {
        WdfRequestComplete(Request, STATUS_DEVICE_NOT_READY);
        return;
    }

    Status = KdvStartDma(DevCtx, Request, Direction);
    if (!NT_SUCCESS(Status)) {
        WdfRequestComplete(Request, Status);
    }
}

_Use_decl_annotations_
VOID
KdvEvtIoRead (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T Length
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));
    LARGE_INTEGER Interval;

    //
    // After a reset the card needs a few milliseconds of calibration
    // before its acquisition FIFO holds valid samples.
    //
    if ((KdvReadRegister(DevCtx, KDV_REG_STATUS) & KDV_STATUS_READY) == 0) {
        Interval.QuadPart = WDF_REL_TIMEOUT_IN_MS(KDV_RESET_POLL_MS);
        KeDelayExecutionThread(KernelMode, FALSE, &Interval); // BUG(irql): the default queue is not passive, EvtIoRead can run at DISPATCH_LEVEL and must not wait expected-warning-re {{'KdvEvtIoRead' can be called at DISPATCH_LEVEL{{.*}}'KeDelayExecutionThread'{{.*}} [irql-too-high]}}
    }

    KdvStartTransfer(Queue, Request, Length, WdfDmaDirectionReadFromDevice);
}

_Use_decl_annotations_
VOID
KdvEvtIoWrite (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T Length
    )
{
    KdvStartTransfer(Queue, Request, Length, WdfDmaDirectionWriteToDevice);
}

_Use_decl_annotations_
VOID
KdvEvtIoDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PKDV_STATISTICS Stats;
    ULONG_PTR Information = 0;
    BOOLEAN Accepting;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_KDV_GET_STATISTICS:
        Status = WdfRequestRetrieveOutputBuffer(Request,
                                                sizeof(KDV_STATISTICS),
                                                (PVOID *)&Stats,
                                                NULL);
        if (!NT_SUCCESS(Status)) {
            break;
        }
        KdvLockStats(DevCtx);
        *Stats = DevCtx->Stats;
        KdvUnlockStats(DevCtx);
        Information = sizeof(KDV_STATISTICS);
        break;

    case IOCTL_KDV_WAIT_EVENT:
        //
        // The queue's lock orders this against the flush callback, which
        // stops accepting waits and purges the event queue.
        //
        WdfObjectAcquireLock(Queue);
        Accepting = DevCtx->AcceptingEvents;
        if (Accepting) {
            Status = WdfRequestForwardToIoQueue(Request, DevCtx->EventQueue);
        } else {
            Status = STATUS_DEVICE_NOT_READY;
        }
        WdfObjectReleaseLock(Queue);
        if (Accepting && NT_SUCCESS(Status)) {
            return;         /* the event queue owns it now */
        }
        break;

    case IOCTL_KDV_GET_SETTINGS:
    case IOCTL_KDV_SET_SETTINGS:
    case IOCTL_KDV_RESET_STATISTICS:
        //
        // Settings live in the registry: the settings queue is passive.
        //
        Status = WdfRequestForwardToIoQueue(Request, DevCtx->SettingsQueue);
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

_Use_decl_annotations_
VOID
KdvEvtIoStop (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    ULONG ActionFlags
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));

    //
    // The only requests the driver owns are on the DMA engine, and a
    // transfer ends within a watchdog period. On a suspend, let the
    // framework go on without waiting for it; on a purge, the DPC
    // completes it (or the cancel routine, if it is cancelled).
    //
    if (ActionFlags & WdfRequestStopActionSuspend) {
        WdfRequestStopAcknowledge(Request, FALSE);
    } else if (ActionFlags & WdfRequestStopActionPurge) {
        KdvLockStats(DevCtx);
        DevCtx->WatchdogTicks = 0;
        KdvUnlockStats(DevCtx);
    }
}

/*
 * The cancel routine of a transfer on the DMA engine (marked cancelable in
 * KdvStartDma). Stops the engine, gives the transaction back and completes
 * the request; the DPC sees that no transfer is in flight any more.
 */
_Use_decl_annotations_
VOID
KdvEvtRequestCancel (
    WDFREQUEST Request
    )
{
    PDEVICE_CONTEXT DevCtx;
    WDFDMATRANSACTION Transaction;

    DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(WdfRequestGetIoQueue(Request)));

    KdvLockStats(DevCtx);
    Transaction = DevCtx->ActiveTransaction;
    DevCtx->ActiveTransaction = NULL;
    DevCtx->DmaInFlight = FALSE;
    DevCtx->Stats.CancelledRequests++;
    KdvUnlockStats(DevCtx);

    KdvWriteRegister(DevCtx, KDV_REG_DMA_CONTROL, 0);
    if (Transaction != NULL) {
        WdfDmaTransactionRelease(Transaction);
    }
    WdfRequestComplete(Request, STATUS_CANCELLED);
}

_Use_decl_annotations_
VOID
KdvEvtEventCanceledOnQueue (
    WDFQUEUE Queue,
    WDFREQUEST Request
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));

    KdvLockStats(DevCtx);
    DevCtx->Stats.CancelledRequests++;
    KdvUnlockStats(DevCtx);

    WdfRequestComplete(Request, STATUS_CANCELLED);
}

/* completes every parked event wait with the card's event count */
_Use_decl_annotations_
VOID
KdvCompleteEventWaits (
    PDEVICE_CONTEXT DevCtx,
    ULONG EventCount
    )
{
    WDFREQUEST Request;
    PULONG Buffer;
    NTSTATUS Status;

    for (;;) {
        Status = WdfIoQueueRetrieveNextRequest(DevCtx->EventQueue, &Request);
        if (!NT_SUCCESS(Status)) {
            break;      /* STATUS_NO_MORE_ENTRIES */
        }

        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(ULONG), (PVOID *)&Buffer, NULL);
        if (NT_SUCCESS(Status)) {
            *Buffer = EventCount;
            WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(ULONG));
        } else {
            WdfRequestComplete(Request, Status);
        }
    }
}

/*
 * Self-managed I/O flush: the device is being removed. Fail the parked
 * event waits and refuse new ones.
 */
_Use_decl_annotations_
VOID
KdvEvtDeviceSelfManagedIoFlush (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    PAGED_CODE();

    WdfObjectAcquireLock(DevCtx->DefaultQueue); // BUG(irql): the default queue is not passive, so its object lock is a spin lock: this pageable routine raises to DISPATCH_LEVEL expected-warning-re {{pageable function 'KdvEvtDeviceSelfManagedIoFlush' raises the IRQL{{.*}} [irql-paged-raise]}}
    DevCtx->AcceptingEvents = FALSE;
    WdfIoQueuePurgeSynchronously(DevCtx->EventQueue); // BUG(irql): the default queue's object lock is a spin lock (the queue is not passive); purging synchronously waits at DISPATCH_LEVEL expected-warning-re {{'WdfIoQueuePurgeSynchronously' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
    WdfObjectReleaseLock(DevCtx->DefaultQueue);
}
