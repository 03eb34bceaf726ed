/*
 * isr.c -- PciDev: the interrupt service routine, its DPC, and the routines
 * that run synchronized with the interrupt (KeSynchronizeExecution callbacks
 * and sections under the interrupt spin lock), all at device IRQL.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// Today's plugin still reports correct code here (see docs/precision.md);
// delete this XFAIL when the file passes.
// expected-no-diagnostics
#include "pcidev.h"

#define PCI_REGISTER(Ext, Offset) \
    ((volatile ULONG *)((PUCHAR)(Ext)->Registers + (Offset)))

_Use_decl_annotations_
VOID
PciWriteRegister (
    PPCI_EXTENSION Ext,
    ULONG Offset,
    ULONG Value
    )
{
    *PCI_REGISTER(Ext, Offset) = Value;
}

_Use_decl_annotations_
ULONG
PciReadRegister (
    PPCI_EXTENSION Ext,
    ULONG Offset
    )
{
    return *PCI_REGISTER(Ext, Offset);
}

_Use_decl_annotations_
BOOLEAN
PciInterruptService (
    PKINTERRUPT Interrupt,
    PVOID ServiceContext
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)ServiceContext;
    ULONG Causes;

    UNREFERENCED_PARAMETER(Interrupt);

    Causes = PciReadRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, InterruptCause));
    if (Causes == 0) {
        /* a shared line: not ours */
        return FALSE;
    }
    if (Causes == 0xFFFFFFFF) {
        /* the device is gone (surprise removal) */
        Ext->SpuriousInterrupts++;
        return FALSE;
    }

    /* acknowledge, remember, and leave the rest to the DPC */
    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, InterruptCause), Causes);
    Ext->PendingCauses |= Causes;

    if (Causes & PCI_CAUSE_ERROR) {
        DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_WARNING_LEVEL,
                   "pcidev: controller error, causes %08x\n", Causes);
    }

    IoRequestDpc(Ext->Self, Ext->Self->CurrentIrp, NULL);
    return TRUE;
}

/* called under the interrupt spin lock */
static
_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_requires_max_(DIRQL)
ULONG
PciSwapPendingCauses (
    _Inout_ PPCI_EXTENSION Ext
    )
{
    ULONG Causes = Ext->PendingCauses;

    Ext->PendingCauses = 0;
    return Causes;
}

_Use_decl_annotations_
ULONG
PciTakePendingCauses (
    PPCI_EXTENSION Ext
    )
{
    KIRQL OldIrql;
    ULONG Causes;

    OldIrql = KeAcquireInterruptSpinLock(Ext->Interrupt);
    Causes = PciSwapPendingCauses(Ext);
    KeReleaseInterruptSpinLock(Ext->Interrupt, OldIrql);
    return Causes;
}

_Use_decl_annotations_
VOID
PciDpcForIsr (
    PKDPC Dpc,
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;
    ULONG Causes;

    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Irp);
    UNREFERENCED_PARAMETER(Context);

    Causes = PciTakePendingCauses(Ext);
    if (Causes == 0) {
        return;
    }

    Ext->WatchdogTicks = 0;
    PciCompleteSlots(Ext, Causes);
    IoStartNextPacket(DeviceObject, TRUE);
}

_Use_decl_annotations_
BOOLEAN
PciSyncEnableInterrupts (
    PVOID SynchronizeContext
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)SynchronizeContext;

    Ext->PendingCauses = 0;
    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, InterruptCause), 0xFFFFFFFF);
    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, InterruptMask),
                     PCI_CAUSE_COMPLETION | PCI_CAUSE_ERROR);
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
PciSyncDisableInterrupts (
    PVOID SynchronizeContext
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)SynchronizeContext;

    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, InterruptMask), 0);
    if (Ext->PendingCauses != 0) {
        /* anything the ISR saw still needs its DPC */
        KeInsertQueueDpc(&Ext->Self->Dpc, NULL, NULL);
    }
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
PciSyncRingDoorbell (
    PVOID SynchronizeContext
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)SynchronizeContext;

    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, RingTail), Ext->RingTail);
    PciWriteRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, Doorbell), 1);
    KeStallExecutionProcessor(1);
    return (PciReadRegister(Ext, FIELD_OFFSET(PCI_REGISTERS, Status)) & PCI_STATUS_ERROR) == 0;
}

/* a controller reset must not be interrupted by anything but IPIs and the clock */
_Use_decl_annotations_
VOID
PciResetController (
    PPCI_EXTENSION Ext
    )
{
    KIRQL OldIrql;
    ULONG Spins;

    KeRaiseIrql(SYNCH_LEVEL, &OldIrql);

    *PCI_REGISTER(Ext, FIELD_OFFSET(PCI_REGISTERS, Control)) = PCI_CONTROL_RESET;
    for (Spins = 0; Spins < 100; Spins++) {
        KeStallExecutionProcessor(10);
        if (*PCI_REGISTER(Ext, FIELD_OFFSET(PCI_REGISTERS, Status)) & PCI_STATUS_READY) {
            break;
        }
    }
    *PCI_REGISTER(Ext, FIELD_OFFSET(PCI_REGISTERS, Control)) = PCI_CONTROL_ENABLE;

    KeLowerIrql(OldIrql);
    Ext->Resets++;
}
