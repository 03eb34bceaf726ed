/*
 * isr.c -- KdvDma: registers, the interrupt (service routine at DIRQL, its
 * DPC, enable and disable), the code that runs under the interrupt lock,
 * and the DMA engine: starting a transaction, programming the scatter/
 * gather list, completing it from the DPC.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "kmdfdev.h"

#define KDV_REGISTER(DevCtx, Offset) \
    ((volatile ULONG *)((DevCtx)->Registers + (Offset)))

_Use_decl_annotations_
ULONG
KdvReadRegister (
    PDEVICE_CONTEXT DevCtx,
    ULONG Offset
    )
{
    return *KDV_REGISTER(DevCtx, Offset);
}

_Use_decl_annotations_
VOID
KdvWriteRegister (
    PDEVICE_CONTEXT DevCtx,
    ULONG Offset,
    ULONG Value
    )
{
    *KDV_REGISTER(DevCtx, Offset) = Value;
}

/* ----------------------------------------------------------------------
 * Interrupt
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
BOOLEAN
KdvEvtInterruptIsr (
    WDFINTERRUPT Interrupt,
    ULONG MessageID
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfInterruptGetDevice(Interrupt));
    ULONG Status;

    UNREFERENCED_PARAMETER(MessageID);

    Status = KdvReadRegister(DevCtx, KDV_REG_INT_STATUS) & KDV_INT_ALL;
    if (Status == 0) {
        return FALSE;       /* a shared line: not ours */
    }

    // acknowledge, and leave the rest to the DPCs
    KdvWriteRegister(DevCtx, KDV_REG_INT_STATUS, Status);
    DevCtx->LatchedStatus |= Status;

    if (Status & (KDV_INT_DMA_DONE | KDV_INT_DMA_ERROR)) {
        WdfInterruptQueueDpcForIsr(Interrupt);
    }
    if (Status & KDV_INT_EVENT) {
        WdfDpcEnqueue(DevCtx->EventDpc);
    }
    return TRUE;
}

_Use_decl_annotations_
NTSTATUS
KdvEvtInterruptEnable (
    WDFINTERRUPT Interrupt,
    WDFDEVICE AssociatedDevice
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(AssociatedDevice);

    UNREFERENCED_PARAMETER(Interrupt);

    KdvWriteRegister(DevCtx, KDV_REG_INT_STATUS, KDV_INT_ALL);
    KdvWriteRegister(DevCtx, KDV_REG_INT_ENABLE, KDV_INT_ALL);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
KdvEvtInterruptDisable (
    WDFINTERRUPT Interrupt,
    WDFDEVICE AssociatedDevice
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(AssociatedDevice);

    UNREFERENCED_PARAMETER(Interrupt);

    KdvWriteRegister(DevCtx, KDV_REG_INT_ENABLE, 0);
    return STATUS_SUCCESS;
}

/* takes the status the ISR latched, under the interrupt lock */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
ULONG
KdvTakeLatchedStatus (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ ULONG Mask
    )
{
    ULONG Status;

    WdfInterruptAcquireLock(DevCtx->Interrupt);
    Status = DevCtx->LatchedStatus & Mask;
    DevCtx->LatchedStatus &= ~Mask;
    WdfInterruptReleaseLock(DevCtx->Interrupt);
    return Status;
}

_Use_decl_annotations_
VOID
KdvEvtInterruptDpc (
    WDFINTERRUPT Interrupt,
    WDFOBJECT AssociatedObject
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(AssociatedObject);
    WDFDMATRANSACTION Transaction;
    WDFREQUEST Request;
    NTSTATUS Status;
    SIZE_T Bytes;
    ULONG Latched;
    BOOLEAN Finished;

    UNREFERENCED_PARAMETER(Interrupt);

    Latched = KdvTakeLatchedStatus(DevCtx, KDV_INT_DMA_DONE | KDV_INT_DMA_ERROR);
    if (Latched == 0) {
        return;
    }

    KdvLockStats(DevCtx);
    DevCtx->Stats.Interrupts++;
    Transaction = DevCtx->ActiveTransaction;
    if (Latched & KDV_INT_DMA_ERROR) {
        DevCtx->Stats.DmaErrors++;
    }
    KdvUnlockStats(DevCtx);

    if (Transaction == NULL) {
        return;             /* cancelled meanwhile */
    }

    Request = WdfDmaTransactionGetRequest(Transaction);
    if (Latched & KDV_INT_DMA_ERROR) {
        Finished = TRUE;
        Status = STATUS_DEVICE_HARDWARE_ERROR;
    } else {
        //
        // FALSE: the framework programs the next fragment through
        // KdvEvtProgramDma, and the card interrupts again.
        //
        Finished = WdfDmaTransactionDmaCompleted(Transaction, &Status);
    }
    if (!Finished) {
        return;
    }

    //
    // The transfer is over: if the cancel routine runs now, it finds no
    // transaction and leaves the request to us.
    //
    Status = WdfRequestUnmarkCancelable(Request) == STATUS_CANCELLED ? STATUS_CANCELLED : Status;
    if (Status == STATUS_CANCELLED) {
        return;             /* KdvEvtRequestCancel completes it */
    }

    Bytes = WdfDmaTransactionGetBytesTransferred(Transaction);

    KdvLockStats(DevCtx);
    if (DevCtx->ActiveTransaction == Transaction) {
        DevCtx->ActiveTransaction = NULL;
        DevCtx->DmaInFlight = FALSE;
        DevCtx->WatchdogTicks = 0;
    }
    if (Transaction == DevCtx->ReadTransaction) {
        DevCtx->Stats.BytesRead += Bytes;
    } else {
        DevCtx->Stats.BytesWritten += Bytes;
    }
    KdvUnlockStats(DevCtx);

    WdfDmaTransactionRelease(Transaction);
    WdfRequestCompleteWithInformation(Request, Status, NT_SUCCESS(Status) ? Bytes : 0);
}

/* resets the DMA engine from inside the interrupt lock (work item) */
_Use_decl_annotations_
BOOLEAN
KdvEvtResetSynchronized (
    WDFINTERRUPT Interrupt,
    WDFCONTEXT Context
    )
{
    PDEVICE_CONTEXT DevCtx = (PDEVICE_CONTEXT)Context;

    UNREFERENCED_PARAMETER(Interrupt);

    KdvWriteRegister(DevCtx, KDV_REG_DMA_CONTROL, 0);
    KdvWriteRegister(DevCtx, KDV_REG_INT_STATUS, KDV_INT_ALL);
    DevCtx->LatchedStatus = 0;
    return TRUE;
}

_Use_decl_annotations_
VOID
KdvApplySettingsToHardware (
    PDEVICE_CONTEXT DevCtx,
    PKDV_SETTINGS Settings
    )
{
    //
    // The ISR reads the threshold back when it latches an event: write
    // both registers with the interrupt held off.
    //
    WdfInterruptAcquireLock(DevCtx->Interrupt);
    KdvWriteRegister(DevCtx, KDV_REG_THRESHOLD, Settings->Threshold);
    KdvWriteRegister(DevCtx, KDV_REG_SAMPLE_RATE, Settings->SampleRate);
    WdfInterruptReleaseLock(DevCtx->Interrupt);
}

/* ----------------------------------------------------------------------
 * DMA
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
BOOLEAN
KdvEvtProgramDma (
    WDFDMATRANSACTION Transaction,
    WDFDEVICE Device,
    WDFCONTEXT Context,
    WDF_DMA_DIRECTION Direction,
    PSCATTER_GATHER_LIST SgList
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);
    PSCATTER_GATHER_ELEMENT Element;
    ULONG Control;

    UNREFERENCED_PARAMETER(Transaction);
    UNREFERENCED_PARAMETER(Context);

    if (SgList->NumberOfElements == 0) {
        return FALSE;
    }

    //
    // The engine takes one fragment at a time; the DPC's call to
    // WdfDmaTransactionDmaCompleted brings the next one here.
    //
    Element = &SgList->Elements[0];
    Control = KDV_DMA_START;
    if (Direction == WdfDmaDirectionWriteToDevice) {
        Control |= KDV_DMA_TO_DEVICE;
    }

    WdfInterruptAcquireLock(DevCtx->Interrupt);
    KdvWriteRegister(DevCtx, KDV_REG_DMA_DESC_LOW, Element->Address.LowPart);
    KdvWriteRegister(DevCtx, KDV_REG_DMA_DESC_HIGH, (ULONG)Element->Address.HighPart);
    KdvWriteRegister(DevCtx, KDV_REG_DMA_LENGTH, Element->Length);
    KdvWriteRegister(DevCtx, KDV_REG_DMA_CONTROL, Control);
    WdfInterruptReleaseLock(DevCtx->Interrupt);
    return TRUE;
}

/*
 * Puts a read or write on the DMA engine. The card has one engine: a
 * second transfer while one is in flight fails with STATUS_DEVICE_BUSY.
 */
_Use_decl_annotations_
NTSTATUS
KdvStartDma (
    PDEVICE_CONTEXT DevCtx,
    WDFREQUEST Request,
    WDF_DMA_DIRECTION Direction
    )
{
    WDFDMATRANSACTION Transaction;
    NTSTATUS Status;

    Transaction = Direction == WdfDmaDirectionReadFromDevice ? DevCtx->ReadTransaction
                                                             : DevCtx->WriteTransaction;

    KdvLockStats(DevCtx);
    if (DevCtx->DmaInFlight) {
        return STATUS_DEVICE_BUSY; // BUG(irql): returns with the statistics spin lock still held expected-warning-re {{'KdvStartDma' {{.*}} [irql-exit-changed]}}
    }
    DevCtx->DmaInFlight = TRUE;
    DevCtx->ActiveTransaction = Transaction;
    DevCtx->WatchdogTicks = 0;
    KdvUnlockStats(DevCtx);

    Status = WdfDmaTransactionInitializeUsingRequest(Transaction, Request, KdvEvtProgramDma, Direction);
    if (NT_SUCCESS(Status)) {
        Status = WdfRequestMarkCancelableEx(Request, KdvEvtRequestCancel);
        if (NT_SUCCESS(Status)) {
            Status = WdfDmaTransactionExecute(Transaction, DevCtx);
            if (NT_SUCCESS(Status)) {
                return STATUS_SUCCESS;
            }
            (VOID)WdfRequestUnmarkCancelable(Request);
        }
        WdfDmaTransactionRelease(Transaction);
    }

    KdvLockStats(DevCtx);
    DevCtx->DmaInFlight = FALSE;
    DevCtx->ActiveTransaction = NULL;
    KdvUnlockStats(DevCtx);
    return Status;
}
