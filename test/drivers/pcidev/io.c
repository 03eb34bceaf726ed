/*
 * io.c -- PciDev: read/write dispatch, StartIo, the command ring, completion
 * of finished slots from the DPC, and the watchdog timer.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "pcidev.h"

_Use_decl_annotations_
NTSTATUS
PciReadWrite (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG Length = (Stack->MajorFunction == IRP_MJ_READ) ? Stack->Parameters.Read.Length
                                                         : Stack->Parameters.Write.Length;

    if (!Ext->Started || Ext->Power != PciPowerOn) {
        Irp->IoStatus.Status = STATUS_DEVICE_NOT_READY;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_DEVICE_NOT_READY;
    }
    if (Length == 0 || (Length % 512) != 0) {
        Irp->IoStatus.Status = STATUS_INVALID_PARAMETER;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        return STATUS_INVALID_PARAMETER;
    }

    IoMarkIrpPending(Irp);
    IoStartPacket(DeviceObject, Irp, NULL, NULL);
    return STATUS_PENDING;
}

/* puts one request in the ring; FALSE if the ring is full */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
PciQueueSlot (
    _Inout_ PPCI_EXTENSION Ext,
    _In_ PIRP Irp
    )
{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    PPCI_SLOT Slot;
    KIRQL OldIrql;
    ULONG Next;

    KeAcquireSpinLock(&Ext->RingLock, &OldIrql);
    Next = (Ext->RingTail + 1) % PCI_RING_SLOTS;
    if (Next == Ext->RingHead) {
        return FALSE; // BUG(irql): the ring lock is still held on the ring-full return expected-warning-re {{'PciQueueSlot' {{.*}} [irql-exit-changed]}}
    }

    Slot = &Ext->Ring[Ext->RingTail];
    Slot->Irp = Irp;
    Slot->Write = (Stack->MajorFunction == IRP_MJ_WRITE);
    Slot->Length = Slot->Write ? Stack->Parameters.Write.Length : Stack->Parameters.Read.Length;
    Slot->Sector = (ULONG)((Slot->Write ? Stack->Parameters.Write.ByteOffset.QuadPart
                                        : Stack->Parameters.Read.ByteOffset.QuadPart) / 512);
    Ext->RingTail = Next;
    Ext->InFlight++;
    KeReleaseSpinLock(&Ext->RingLock, OldIrql);
    return TRUE;
}

_Use_decl_annotations_
VOID
PciStartIo (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;

    if (!PciQueueSlot(Ext, Irp)) {
        /* the DPC starts the next packet when a slot frees up */
        Irp->IoStatus.Status = STATUS_DEVICE_BUSY;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
        IoStartNextPacket(DeviceObject, FALSE);
        return;
    }

    if (!KeSynchronizeExecution(Ext->Interrupt, PciSyncRingDoorbell, Ext)) {
        PciResetController(Ext);
    }
}

/* completes what the controller finished; called from the DPC */
_Use_decl_annotations_
VOID
PciCompleteSlots (
    PPCI_EXTENSION Ext,
    ULONG Causes
    )
{
    ULONG HardwareHead = PciReadRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, RingHead));
    NTSTATUS Status = (Causes & PCI_CAUSE_ERROR) ? STATUS_UNSUCCESSFUL : STATUS_SUCCESS;
    LIST_ENTRY Done;

    InitializeListHead(&Done);

    KeAcquireSpinLockAtDpcLevel(&Ext->RingLock);
    while (Ext->RingHead != HardwareHead % PCI_RING_SLOTS && Ext->RingHead != Ext->RingTail) {
        PPCI_SLOT Slot = &Ext->Ring[Ext->RingHead];
        PIRP Irp = Slot->Irp;

        Slot->Irp = NULL;
        Irp->IoStatus.Status = Status;
        Irp->IoStatus.Information = NT_SUCCESS(Status) ? Slot->Length : 0;
        InsertTailList(&Done, &Irp->Tail.Overlay.ListEntry);
        Ext->RingHead = (Ext->RingHead + 1) % PCI_RING_SLOTS;
        Ext->InFlight--;
    }
    KeReleaseSpinLockFromDpcLevel(&Ext->RingLock);

    /* complete outside the lock */
    while (!IsListEmpty(&Done)) {
        PIRP Irp = CONTAINING_RECORD(RemoveHeadList(&Done), IRP, Tail.Overlay.ListEntry);
        IoCompleteRequest(Irp, IO_DISK_INCREMENT);
    }
}

_Use_decl_annotations_
VOID
PciFailAllSlots (
    PPCI_EXTENSION Ext,
    NTSTATUS Status
    )
{
    LIST_ENTRY Done;
    KIRQL OldIrql;

    InitializeListHead(&Done);

    KeAcquireSpinLock(&Ext->RingLock, &OldIrql);
    while (Ext->RingHead != Ext->RingTail) {
        PIRP Irp = Ext->Ring[Ext->RingHead].Irp;

        Ext->Ring[Ext->RingHead].Irp = NULL;
        InsertTailList(&Done, &Irp->Tail.Overlay.ListEntry);
        Ext->RingHead = (Ext->RingHead + 1) % PCI_RING_SLOTS;
    }
    Ext->InFlight = 0;
    KeReleaseSpinLock(&Ext->RingLock, OldIrql);

    while (!IsListEmpty(&Done)) {
        PIRP Irp = CONTAINING_RECORD(RemoveHeadList(&Done), IRP, Tail.Overlay.ListEntry);
        Irp->IoStatus.Status = Status;
        Irp->IoStatus.Information = 0;
        IoCompleteRequest(Irp, IO_NO_INCREMENT);
    }
}

/* once a second: reset a controller that stopped answering */
_Use_decl_annotations_
VOID
PciWatchdog (
    PDEVICE_OBJECT DeviceObject,
    PVOID Context
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Ext->InFlight == 0) {
        Ext->WatchdogTicks = 0;
        return;
    }
    if (InterlockedIncrement(&Ext->WatchdogTicks) < PCI_WATCHDOG_SECONDS) {
        return;
    }

    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_ERROR_LEVEL,
               "pcidev: no completion for %d s, resetting\n", PCI_WATCHDOG_SECONDS);
    KeSynchronizeExecution(Ext->Interrupt, PciSyncDisableInterrupts, Ext);
    PciResetController(Ext);
    PciFailAllSlots(Ext, STATUS_TIMEOUT);
    KeSynchronizeExecution(Ext->Interrupt, PciSyncEnableInterrupts, Ext);
    Ext->WatchdogTicks = 0;
}
