/*
 * flush.c -- MirrorFs: the shadow log.  Writes append to a non-paged buffer
 * under an in-stack queued spin lock; a periodic timer DPC queues a work item
 * that writes the buffer out at PASSIVE_LEVEL under the log resource.
 * IOCTL_MIR_FLUSH_NOW callers wait in a list with a cancel routine.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "mirrorfs.h"

static KDEFERRED_ROUTINE MirFlushDpc;
static IO_WORKITEM_ROUTINE MirFlushWorker;
static DRIVER_CANCEL MirFlushWaiterCancel;

static KSPIN_LOCK MirLogLock;
static KSPIN_LOCK MirWaiterLock;
static LIST_ENTRY MirWaiters;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, MirStopFlushTimer)
#pragma alloc_text(PAGE, MirFlushWorker)
#endif

_Use_decl_annotations_
BOOLEAN
MirAppendToLog (
    PMIR_DEVICE_EXTENSION Ext,
    const VOID *Data,
    ULONG Length
    )
{
    KLOCK_QUEUE_HANDLE LockHandle;
    BOOLEAN Appended = FALSE;

    KeAcquireInStackQueuedSpinLock(&MirLogLock, &LockHandle);
    if (Ext->LogUsed + Length <= MIR_LOG_BUFFER_SIZE) {
        RtlCopyMemory(Ext->LogBuffer + Ext->LogUsed, Data, Length);
        Ext->LogUsed += Length;
        KeClearEvent(&Ext->LogIdleEvent);
        Appended = TRUE;
    }
    KeReleaseInStackQueuedSpinLock(&LockHandle);
    return Appended;
}

/* waits until the flush worker has written everything out */
static
VOID
MirWaitForLogIdle (
    _In_ PMIR_DEVICE_EXTENSION Ext
    )
{
    KeWaitForSingleObject(&Ext->LogIdleEvent, Executive, KernelMode, FALSE, NULL);
}

/* final drain: resume parked writes, then wait for the log to empty */
static
VOID
MirDrainLog (
    _In_ PMIR_DEVICE_EXTENSION Ext
    )
{
    MirResumePendingWrites(Ext);
    MirWaitForLogIdle(Ext);
}

static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
MirCompleteFlushWaiters (
    _In_ NTSTATUS Status
    )
{
    LIST_ENTRY Done;
    KIRQL OldIrql;

    InitializeListHead(&Done);

    KeAcquireSpinLock(&MirWaiterLock, &OldIrql);
    while (!IsListEmpty(&MirWaiters)) {
        PLIST_ENTRY Entry = RemoveHeadList(&MirWaiters);
        PIRP Irp = CONTAINING_RECORD(Entry, IRP, Tail.Overlay.ListEntry);

        if (IoSetCancelRoutine(Irp, NULL) == NULL) {
            /* the cancel routine owns it and will complete it */
            InitializeListHead(&Irp->Tail.Overlay.ListEntry);
            continue;
        }
        InsertTailList(&Done, Entry);
    }
    KeReleaseSpinLock(&MirWaiterLock, OldIrql);

    while (!IsListEmpty(&Done)) {
        PIRP Irp = CONTAINING_RECORD(RemoveHeadList(&Done), IRP, Tail.Overlay.ListEntry);
        Irp->IoStatus.Status = Status;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
}

_Use_decl_annotations_
static
VOID
MirFlushWaiterCancel (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    IoReleaseCancelSpinLock(Irp->CancelIrql);

    KeAcquireSpinLock(&MirWaiterLock, &OldIrql);
    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&MirWaiterLock, OldIrql);

    Irp->IoStatus.Status = STATUS_CANCELLED;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

/* IOCTL_MIR_FLUSH_NOW: park the caller until the next flush completes */
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS
MirQueueFlushWaiter (
    _Inout_ PMIR_DEVICE_EXTENSION Ext,
    _Inout_ PIRP Irp
    )
{
    KIRQL OldIrql;

    KeAcquireSpinLock(&MirWaiterLock, &OldIrql);
    IoSetCancelRoutine(Irp, MirFlushWaiterCancel);
    if (Irp->Cancel && IoSetCancelRoutine(Irp, NULL) != NULL) {
        KeReleaseSpinLock(&MirWaiterLock, OldIrql);
        Irp->IoStatus.Status = STATUS_CANCELLED;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_CANCELLED;
    }
    IoMarkIrpPending(Irp);
    InsertTailList(&MirWaiters, &Irp->Tail.Overlay.ListEntry);
    KeReleaseSpinLock(&MirWaiterLock, OldIrql);

    if (InterlockedExchange(&Ext->FlushQueued, 1) == 0) {
        IoQueueWorkItem(Ext->FlushWorkItem, MirFlushWorker, DelayedWorkQueue, Ext);
    }
    return STATUS_PENDING;
}

_Use_decl_annotations_
static
VOID
MirFlushWorker (
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)Context;
    KLOCK_QUEUE_HANDLE LockHandle;
    IO_STATUS_BLOCK IoStatus;
    PUCHAR Snapshot;
    ULONG Length;
    NTSTATUS Status = STATUS_SUCCESS;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(DeviceObject);

    Snapshot = (PUCHAR)ExAllocatePool2(POOL_FLAG_PAGED, MIR_LOG_BUFFER_SIZE, MIR_LOG_TAG);
    if (Snapshot != NULL) {
        PUCHAR Staging = (PUCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED, MIR_LOG_BUFFER_SIZE, MIR_LOG_TAG);

        Length = 0;
        if (Staging != NULL) {
            KeAcquireInStackQueuedSpinLock(&MirLogLock, &LockHandle); // BUG(irql): a routine that takes a spin lock cannot be pageable (Driver Verifier pages pageable code out at the raise) expected-warning-re {{pageable function 'MirFlushWorker' raises the IRQL{{.*}} [irql-paged-raise]}}
            Length = Ext->LogUsed;
            RtlCopyMemory(Staging, Ext->LogBuffer, Length);
            Ext->LogUsed = 0;
            KeReleaseInStackQueuedSpinLock(&LockHandle);

            RtlCopyMemory(Snapshot, Staging, Length);
            ExFreePoolWithTag(Staging, MIR_LOG_TAG);
        }

        if (Length != 0 && Ext->LogHandle != NULL) {
            KeEnterCriticalRegion();
            ExAcquireResourceExclusiveLite(&Ext->LogResource, TRUE);
            Status = ZwWriteFile(Ext->LogHandle, NULL, NULL, NULL, &IoStatus,
                                 Snapshot, Length, NULL, NULL);
            ExReleaseResourceLite(&Ext->LogResource);
            KeLeaveCriticalRegion();
        }
        ExFreePoolWithTag(Snapshot, MIR_LOG_TAG);
    } else {
        Status = STATUS_INSUFFICIENT_RESOURCES;
    }

    KeSetEvent(&Ext->LogIdleEvent, IO_NO_INCREMENT, FALSE);
    MirResumePendingWrites(Ext);
    MirCompleteFlushWaiters(Status);
    InterlockedExchange(&Ext->FlushQueued, 0);
}

_Use_decl_annotations_
static
VOID
MirFlushDpc (
    PKDPC Dpc,
    PVOID DeferredContext,
    PVOID SystemArgument1,
    PVOID SystemArgument2
    )
{
    PMIR_DEVICE_EXTENSION Ext = (PMIR_DEVICE_EXTENSION)DeferredContext;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    if (Ext->Detaching) {
        /* last tick before detach: make sure nothing is left behind */
        MirDrainLog(Ext); // BUG(irql): a timer DPC runs at DISPATCH_LEVEL; MirDrainLog reaches KeWaitForSingleObject two helpers down expected-warning-re {{'MirDrainLog' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
        return;
    }

    if (Ext->LogUsed != 0 && InterlockedExchange(&Ext->FlushQueued, 1) == 0) {
        IoQueueWorkItem(Ext->FlushWorkItem, MirFlushWorker, DelayedWorkQueue, Ext);
    }
}

_Use_decl_annotations_
VOID
MirStartFlushTimer (
    PMIR_DEVICE_EXTENSION Ext
    )
{
    LARGE_INTEGER DueTime;

    if (MirWaiters.Flink == NULL) {
        /* first volume: the driver-wide log and waiter locks */
        KeInitializeSpinLock(&MirLogLock);
        KeInitializeSpinLock(&MirWaiterLock);
        InitializeListHead(&MirWaiters);
    }

    KeInitializeTimer(&Ext->FlushTimer);
    KeInitializeDpc(&Ext->FlushDpc, MirFlushDpc, Ext);
    DueTime.QuadPart = -10000LL * MIR_FLUSH_PERIOD_MS;
    KeSetTimerEx(&Ext->FlushTimer, DueTime, MIR_FLUSH_PERIOD_MS, &Ext->FlushDpc);
}

_Use_decl_annotations_
VOID
MirStopFlushTimer (
    PMIR_DEVICE_EXTENSION Ext
    )
{
    PAGED_CODE();

    KeCancelTimer(&Ext->FlushTimer);
    KeFlushQueuedDpcs();
    MirDrainLog(Ext);
    MirCompleteFlushWaiters(STATUS_CANCELLED);
}
