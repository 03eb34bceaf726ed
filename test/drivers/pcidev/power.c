/*
 * power.c -- PciDev: power IRPs.  IRP_MJ_POWER can arrive at DISPATCH_LEVEL,
 * so everything here stays non-paged and never waits.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "pcidev.h"

static IO_COMPLETION_ROUTINE PciPowerUpCompletion;

_Use_decl_annotations_
static
NTSTATUS
PciPowerUpCompletion (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)Context;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (Irp->PendingReturned) {
        IoMarkIrpPending(Irp);
    }
    if (NT_SUCCESS(Irp->IoStatus.Status) && Ext->Started) {
        KeSynchronizeExecution(Ext->Interrupt, PciSyncEnableInterrupts, Ext);
        Ext->Power = PciPowerOn;
    }
    PoStartNextPowerIrp(Irp);
    return STATUS_CONTINUE_COMPLETION;
}

/* quiesces the controller before a transition to a sleeping state */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
PciPowerDown (
    _Inout_ PPCI_EXTENSION Ext
    )
{
    KIRQL OldIrql;
    BOOLEAN Idle;

    KeAcquireSpinLock(&Ext->RingLock, &OldIrql);
    Ext->Power = PciPowerSuspending;
    Idle = (Ext->InFlight == 0);
    KeReleaseSpinLock(&Ext->RingLock, OldIrql);

    if (!Idle) {
        PciFailAllSlots(Ext, STATUS_CANCELLED);
    }
    if (Ext->Started) {
        KeSynchronizeExecution(Ext->Interrupt, PciSyncDisableInterrupts, Ext);
    }
    Ext->Power = PciPowerOff;
}

_Use_decl_annotations_
NTSTATUS
PciDispatchPower (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp
    )
{
    PPCI_EXTENSION Ext = (PPCI_EXTENSION)DeviceObject->DeviceExtension;
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);

    if (Stack->MinorFunction == IRP_MN_SET_POWER) {
        /* Parameters.Power.State is not modelled by the test headers:
           Argument2 carries the device state the power manager asks for */
        ULONG_PTR TargetState = (ULONG_PTR)Stack->Parameters.Others.Argument2;

        if (TargetState == 1 /* PowerDeviceD0 */) {
            IoCopyCurrentIrpStackLocationToNext(Irp);
            IoSetCompletionRoutine(Irp, PciPowerUpCompletion, Ext, TRUE, TRUE, TRUE);
            IoMarkIrpPending(Irp);
            PoCallDriver(Ext->LowerDevice, Irp);
            return STATUS_PENDING;
        }
        PciPowerDown(Ext);
    }

    PoStartNextPowerIrp(Irp);
    IoSkipCurrentIrpStackLocation(Irp);
    return PoCallDriver(Ext->LowerDevice, Irp);
}
