/*
 * isr.c -- Sxp: interrupts and completion. The interrupt routines (line
 * based and MSI-X) acknowledge the adapter, remember what it signalled and
 * queue the completion DPC. The DPC walks the completion ring under the
 * StartIo lock (it shares the tag table with HwStorStartIo) and takes the
 * interrupt lock only to consume what the interrupt routine left. The
 * watchdog timer (StorPortNotification RequestTimerCall) times requests
 * out; the idle timer (StorPortRequestTimer) asks for the event log.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "sxp.h"

/*
 * Lock wrappers, in the style of the Storport samples: the handle lives
 * with the caller.
 */
static VOID
SxpLockInterrupt(
    _In_ PSXP_ADAPTER Adapter,
    _Out_ PSTOR_LOCK_HANDLE Handle
    )
{
    StorPortAcquireSpinLock(Adapter, InterruptLock, NULL, Handle);
}

static VOID
SxpLockStartIo(
    _In_ PSXP_ADAPTER Adapter,
    _Out_ PSTOR_LOCK_HANDLE Handle
    )
{
    StorPortAcquireSpinLock(Adapter, StartIoLock, NULL, Handle);
}

static VOID
SxpUnlock(
    _In_ PSXP_ADAPTER Adapter,
    _Inout_ PSTOR_LOCK_HANDLE Handle
    )
{
    StorPortReleaseSpinLock(Adapter, Handle);
}

/*
 * Reads and acknowledges the interrupt status; queues the DPC when there
 * is work. DIRQL.
 */
static BOOLEAN
SxpServiceInterrupt(
    _In_ PSXP_ADAPTER Adapter
    )
{
    PSXP_REGISTERS regs = Adapter->Registers;
    ULONG pending;

    if (regs == NULL || Adapter->State == SxpStateStopped) {
        return FALSE;
    }
    pending = SxpRead(Adapter, &regs->InterruptStatus);
    if (pending == 0 || pending == 0xFFFFFFFF) {
        Adapter->Stats.SpuriousInterrupts++;
        return FALSE;
    }
    SxpWrite(Adapter, &regs->InterruptStatus, pending);
    Adapter->PendingInterrupts |= pending;
    Adapter->Stats.Interrupts++;

    if (pending & SXP_INT_FATAL) {
        Adapter->State = SxpStateFailed;
        SxpWrite(Adapter, &regs->InterruptMask, SXP_INT_ALL);
    }
    StorPortIssueDpc(Adapter, &Adapter->CompletionDpc, NULL, NULL);
    return TRUE;
}

BOOLEAN
SxpHwInterrupt(
    _In_ PVOID DeviceExtension
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    STOR_LOCK_HANDLE lock;
    BOOLEAN mine;

    if (adapter->MsiEnabled) {
        return FALSE;
    }
    /* Keep the DPC off the completion ring while we look at the status. */
    StorPortAcquireSpinLock(adapter, DpcLock, NULL, &lock); // BUG(irql): the DPC lock is taken at DISPATCH_LEVEL or below; this is the ISR at DIRQL expected-warning {{'StorPortAcquireSpinLock' called at the entry IRQL}}
    mine = SxpServiceInterrupt(adapter);
    StorPortReleaseSpinLock(adapter, &lock);
    return mine;
}

BOOLEAN
SxpHwMessageInterrupt(
    _In_ PVOID HwDeviceExtension,
    _In_ ULONG MessageId
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(HwDeviceExtension);

    UNREFERENCED_PARAMETER(MessageId);
    adapter->MsiEnabled = TRUE;
    return SxpServiceInterrupt(adapter);
}

static UCHAR
SxpSrbStatusOf(
    _In_ USHORT CompletionStatus
    )
{
    switch (CompletionStatus) {
    case SXP_CSTATUS_OK:
        return SRB_STATUS_SUCCESS;
    case SXP_CSTATUS_ABORTED:
        return SRB_STATUS_ABORTED;
    case SXP_CSTATUS_NO_TARGET:
        return SRB_STATUS_SELECTION_TIMEOUT;
    case SXP_CSTATUS_BUSY:
        return SRB_STATUS_BUSY;
    case SXP_CSTATUS_MEDIA_ERROR:
    default:
        return SRB_STATUS_ERROR;
    }
}

/*
 * Consumes the completion ring. The caller holds the StartIo lock.
 * Returns how many requests completed.
 */
ULONG
SxpDrainCompletions(
    _In_ PSXP_ADAPTER Adapter
    )
{
    PSXP_SHARED shared = Adapter->Shared;
    ULONG completed = 0;

    while (completed < SXP_RING_DEPTH) {
        PSXP_COMPLETION entry = &shared->Completion[Adapter->CompletionHead];
        PSCSI_REQUEST_BLOCK srb;
        PSXP_SRB_EXTENSION ext;

        if (entry->Phase != Adapter->CompletionPhase) {
            break;
        }
        if (entry->Tag < SXP_RING_DEPTH) {
            srb = Adapter->Outstanding[entry->Tag];
            Adapter->Outstanding[entry->Tag] = NULL;
            if (srb != NULL) {
                Adapter->OutstandingCount--;
                ext = SxpSrbExtension(srb);
                if (entry->Residual != 0 && entry->Residual < srb->DataTransferLength) {
                    srb->DataTransferLength -= entry->Residual;
                }
                if (ext->Internal) {
                    ext->Internal = FALSE;
                }
                SxpCompleteSrb(Adapter, srb, SxpSrbStatusOf(entry->Status));
            }
        }
        Adapter->CompletionHead++;
        if (Adapter->CompletionHead == SXP_RING_DEPTH) {
            Adapter->CompletionHead = 0;
            Adapter->CompletionPhase ^= 1;
        }
        completed++;
    }
    if (completed != 0) {
        SxpWrite(Adapter, &Adapter->Registers->CompletionDoorbell, Adapter->CompletionHead);
    }
    return completed;
}

/*
 * Copies the adapter's event ring into the adapter extension (the worker
 * saves it at PASSIVE_LEVEL). DIRQL: the interrupt lock is held.
 */
static VOID
SxpSnapshotEvents(
    _In_ PSXP_ADAPTER Adapter
    )
{
    ULONG head = SxpRead(Adapter, &Adapter->Registers->EventLogHead);
    ULONG tail = SxpRead(Adapter, &Adapter->Registers->EventLogTail);
    ULONG count = 0;

    while (head != tail && count < SXP_EVENT_LOG_ENTRIES) {
        Adapter->LastEvents[count] = Adapter->Shared->EventLog[head % SXP_EVENT_LOG_ENTRIES];
        head = (head + 1) % SXP_EVENT_LOG_ENTRIES;
        count++;
    }
    SxpWrite(Adapter, &Adapter->Registers->EventLogHead, head);
    Adapter->LastEventCount = count;
}

/*
 * Makes room to keep more events than the fixed array holds.
 */
static PSXP_EVENT
SxpGrowEventBuffer(
    _In_ PSXP_ADAPTER Adapter,
    _In_ ULONG Count
    )
{
    PVOID buffer = NULL;

    if (StorPortAllocatePool(Adapter, Count * sizeof(SXP_EVENT), SXP_POOL_TAG, &buffer) !=
        STOR_STATUS_SUCCESS) {
        return NULL;
    }
    return (PSXP_EVENT)buffer;
}

VOID
SxpCompletionDpc(
    _In_ PSTOR_DPC Dpc,
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID SystemArgument1,
    _In_opt_ PVOID SystemArgument2
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(HwDeviceExtension);
    STOR_LOCK_HANDLE interruptLock;
    STOR_LOCK_HANDLE startIoLock;
    ULONG pending;
    ULONG completed;
    PSXP_EVENT overflow = NULL;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(SystemArgument1);
    UNREFERENCED_PARAMETER(SystemArgument2);

    /* Take what the interrupt routine left for us. */
    SxpLockInterrupt(adapter, &interruptLock);
    pending = adapter->PendingInterrupts;
    adapter->PendingInterrupts = 0;
    if (pending & SXP_INT_EVENT) {
        SxpSnapshotEvents(adapter);
        if (adapter->LastEventCount == SXP_EVENT_LOG_ENTRIES) {
            overflow = SxpGrowEventBuffer(adapter, 2 * SXP_EVENT_LOG_ENTRIES); // BUG(irql): the interrupt lock is held (DIRQL); the helper allocates pool, DISPATCH_LEVEL or below expected-warning {{'SxpGrowEventBuffer' called at DIRQL}}
        }
    }
    SxpUnlock(adapter, &interruptLock);

    if (overflow != NULL) {
        StorPortFreePool(adapter, overflow);
    }

    SxpLockStartIo(adapter, &startIoLock);
    if (pending & SXP_INT_FATAL) {
        SxpFailOutstanding(adapter, SRB_STATUS_ERROR);
        completed = 0;
    } else {
        completed = SxpDrainCompletions(adapter);
    }
    SxpUnlock(adapter, &startIoLock);

    if (completed != 0) {
        StorPortNotification(NextRequest, adapter);
    }
    if (pending & SXP_INT_EVENT) {
        SxpRecordEvent(adapter, pending, 0);
        SxpQueueEventWork(adapter);
    }
}

/*
 * Clears what the interrupt routine noted, synchronized with it (the
 * watchdog resets the adapter's state after a fatal error).
 */
static BOOLEAN
SxpClearPendingSynchronized(
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID Context
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(HwDeviceExtension);

    UNREFERENCED_PARAMETER(Context);
    adapter->PendingInterrupts = 0;
    SxpWrite(adapter, &adapter->Registers->InterruptMask, SXP_INT_ALL);
    return TRUE;
}

/*
 * Times out the requests the adapter has held too long; resets the
 * adapter if it stopped answering. Walks the tag table under the StartIo
 * lock.
 */
static ULONG
SxpExpireRequests(
    _In_ PSXP_ADAPTER Adapter
    )
{
    ULONG tag;
    ULONG expired = 0;

    for (tag = 0; tag < SXP_RING_DEPTH; tag++) {
        PSCSI_REQUEST_BLOCK srb = Adapter->Outstanding[tag];
        if (srb == NULL) {
            continue;
        }
        if (Adapter->Tick - SxpSrbExtension(srb)->StartTick > SXP_COMMAND_TIMEOUT_TICKS) {
            Adapter->Outstanding[tag] = NULL;
            Adapter->OutstandingCount--;
            Adapter->Stats.Timeouts++;
            SxpCompleteSrb(Adapter, srb, SRB_STATUS_TIMEOUT);
            expired++;
        }
    }
    return expired;
}

VOID
SxpHwTimer(
    _In_ PVOID DeviceExtension
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    STOR_LOCK_HANDLE lock;
    ULONG status;

    adapter->Tick++;

    SxpLockInterrupt(adapter, &lock);
    status = SxpRead(adapter, &adapter->Registers->Status);
    if (status == 0xFFFFFFFF) {
        /* Surprise removal: the adapter is gone, stop the watchdog. */
        adapter->State = SxpStateFailed;
        return; // BUG(irql): returns with the interrupt lock held expected-warning {{'SxpHwTimer' returns at DIRQL}}
    }
    SxpUnlock(adapter, &lock);

    SxpLockStartIo(adapter, &lock);
    if (status & SXP_STATUS_FATAL) {
        StorPortSynchronizeAccess(adapter, SxpClearPendingSynchronized, NULL);
        SxpFailOutstanding(adapter, SRB_STATUS_ERROR);
    } else if (SxpExpireRequests(adapter) != 0) {
        StorPortNotification(NextRequest, adapter);
    }
    SxpUnlock(adapter, &lock);

    if (adapter->IdleTimer != NULL && adapter->OutstandingCount == 0) {
        StorPortRequestTimer(adapter, adapter->IdleTimer, SxpIdleTimerCallback, NULL,
                             SXP_IDLE_USEC, 0);
    }
    StorPortNotification(RequestTimerCall, adapter, SxpHwTimer, SXP_WATCHDOG_USEC);
}

/*
 * The adapter has been idle: ask the worker to fetch the firmware log.
 */
VOID
SxpIdleTimerCallback(
    _In_ PVOID DeviceExtension,
    _In_opt_ PVOID Context
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);

    UNREFERENCED_PARAMETER(Context);
    if (adapter->OutstandingCount == 0 && adapter->State == SxpStateRunning) {
        SxpQueueEventWork(adapter);
    }
}
