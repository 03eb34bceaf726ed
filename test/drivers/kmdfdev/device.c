/*
 * device.c -- KdvDma: PnP and power. Mapping the register BAR and creating
 * the interrupt and the DMA enabler at prepare-hardware, resetting the card
 * on D0 entry, quiescing it on D0 exit, and starting and stopping the
 * watchdog with self-managed I/O.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "kmdfdev.h"

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvCreateInterrupt (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ PCM_PARTIAL_RESOURCE_DESCRIPTOR Raw,
    _In_ PCM_PARTIAL_RESOURCE_DESCRIPTOR Translated
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvCreateDma (
    _In_ PDEVICE_CONTEXT DevCtx
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
KdvResetHardware (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, KdvEvtDevicePrepareHardware)
#pragma alloc_text(PAGE, KdvEvtDeviceReleaseHardware)
#pragma alloc_text(PAGE, KdvEvtDeviceD0Exit)
#pragma alloc_text(PAGE, KdvEvtDeviceSelfManagedIoInit)
#pragma alloc_text(PAGE, KdvEvtDeviceSelfManagedIoSuspend)
#pragma alloc_text(PAGE, KdvCreateInterrupt)
#pragma alloc_text(PAGE, KdvCreateDma)
#pragma alloc_text(PAGE, KdvResetHardware)
#endif

_Use_decl_annotations_
static
NTSTATUS
KdvCreateInterrupt (
    PDEVICE_CONTEXT DevCtx,
    PCM_PARTIAL_RESOURCE_DESCRIPTOR Raw,
    PCM_PARTIAL_RESOURCE_DESCRIPTOR Translated
    )
{
    WDF_INTERRUPT_CONFIG InterruptConfig;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_INTERRUPT_CONFIG_INIT(&InterruptConfig, KdvEvtInterruptIsr, KdvEvtInterruptDpc);
    InterruptConfig.EvtInterruptEnable = KdvEvtInterruptEnable;
    InterruptConfig.EvtInterruptDisable = KdvEvtInterruptDisable;
    InterruptConfig.InterruptRaw = Raw;
    InterruptConfig.InterruptTranslated = Translated;

    Status = WdfInterruptCreate(DevCtx->Device,
                                &InterruptConfig,
                                WDF_NO_OBJECT_ATTRIBUTES,
                                &DevCtx->Interrupt);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfInterruptCreate failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
static
NTSTATUS
KdvCreateDma (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_DMA_ENABLER_CONFIG DmaConfig;
    NTSTATUS Status;

    PAGED_CODE();

    if (DevCtx->DmaEnabler != NULL) {
        return STATUS_SUCCESS;      /* restarted after a rebalance */
    }

    WDF_DMA_ENABLER_CONFIG_INIT(&DmaConfig,
                                WdfDmaProfileScatterGather64,
                                KDV_MAX_TRANSFER_LENGTH);
    Status = WdfDmaEnablerCreate(DevCtx->Device,
                                 &DmaConfig,
                                 WDF_NO_OBJECT_ATTRIBUTES,
                                 &DevCtx->DmaEnabler);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfDmaEnablerCreate failed 0x%x\n", Status));
        return Status;
    }
    WdfDmaEnablerSetMaximumScatterGatherElements(DevCtx->DmaEnabler, KDV_MAX_SG_ELEMENTS);

    //
    // One transaction per direction, reused for every request: the
    // default queue keeps at most one read and one write on the hardware.
    //
    Status = WdfDmaTransactionCreate(DevCtx->DmaEnabler,
                                     WDF_NO_OBJECT_ATTRIBUTES,
                                     &DevCtx->ReadTransaction);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    return WdfDmaTransactionCreate(DevCtx->DmaEnabler,
                                   WDF_NO_OBJECT_ATTRIBUTES,
                                   &DevCtx->WriteTransaction);
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDevicePrepareHardware (
    WDFDEVICE Device,
    WDFCMRESLIST ResourcesRaw,
    WDFCMRESLIST ResourcesTranslated
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);
    PCM_PARTIAL_RESOURCE_DESCRIPTOR Descriptor;
    PCM_PARTIAL_RESOURCE_DESCRIPTOR RawDescriptor;
    BOOLEAN FoundInterrupt = FALSE;
    NTSTATUS Status;
    ULONG Count;
    ULONG Index;

    PAGED_CODE();

    Count = WdfCmResourceListGetCount(ResourcesTranslated);
    for (Index = 0; Index < Count; Index++) {
        Descriptor = WdfCmResourceListGetDescriptor(ResourcesTranslated, Index);
        RawDescriptor = WdfCmResourceListGetDescriptor(ResourcesRaw, Index);
        if (Descriptor == NULL || RawDescriptor == NULL) {
            return STATUS_DEVICE_CONFIGURATION_ERROR;
        }

        switch (Descriptor->Type) {
        case CmResourceTypeMemory:
            if (DevCtx->Registers != NULL ||
                Descriptor->u.Memory.Length < KDV_REGISTER_SPACE) {
                break;
            }
            DevCtx->Registers = (PUCHAR)MmMapIoSpaceEx(Descriptor->u.Memory.Start,
                                                       Descriptor->u.Memory.Length,
                                                       PAGE_READWRITE | PAGE_NOCACHE);
            if (DevCtx->Registers == NULL) {
                return STATUS_INSUFFICIENT_RESOURCES;
            }
            DevCtx->RegistersLength = Descriptor->u.Memory.Length;
            break;

        case CmResourceTypeInterrupt:
            if (FoundInterrupt) {
                break;
            }
            Status = KdvCreateInterrupt(DevCtx, RawDescriptor, Descriptor);
            if (!NT_SUCCESS(Status)) {
                return Status;
            }
            FoundInterrupt = TRUE;
            break;

        default:
            break;
        }
    }

    if (DevCtx->Registers == NULL || !FoundInterrupt) {
        KdPrint(("KdvDma: missing resources (registers %p, interrupt %d)\n",
                 DevCtx->Registers, FoundInterrupt));
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }

    return KdvCreateDma(DevCtx);
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceReleaseHardware (
    WDFDEVICE Device,
    WDFCMRESLIST ResourcesTranslated
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(ResourcesTranslated);

    PAGED_CODE();

    if (DevCtx->Registers != NULL) {
        MmUnmapIoSpace(DevCtx->Registers, DevCtx->RegistersLength);
        DevCtx->Registers = NULL;
        DevCtx->RegistersLength = 0;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
static
NTSTATUS
KdvResetHardware (
    PDEVICE_CONTEXT DevCtx
    )
{
    LARGE_INTEGER Interval;
    ULONG Poll;

    PAGED_CODE();

    KdvWriteRegister(DevCtx, KDV_REG_INT_ENABLE, 0);
    KdvWriteRegister(DevCtx, KDV_REG_CONTROL, KDV_CONTROL_RESET);

    Interval.QuadPart = WDF_REL_TIMEOUT_IN_MS(KDV_RESET_POLL_MS);
    for (Poll = 0; Poll < KDV_RESET_POLL_COUNT; Poll++) {
        if (KdvReadRegister(DevCtx, KDV_REG_STATUS) & KDV_STATUS_READY) {
            return STATUS_SUCCESS;
        }
        KeDelayExecutionThread(KernelMode, FALSE, &Interval);
    }
    return STATUS_IO_TIMEOUT;
}

/* D0 entry is not pageable: the framework calls it on the way back from a
 * low-power state, possibly while paging is not available yet. */
_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceD0Entry (
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE PreviousState
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);
    KDV_SETTINGS Settings;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(PreviousState);

    KdPrint(("KdvDma: D0 entry from D%d\n", PreviousState - WdfPowerDeviceD0));

    Status = KdvResetHardware(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    KdvLockSettings(DevCtx);
    Settings = DevCtx->Settings;
    KdvUnlockSettings(DevCtx);

    KdvApplySettingsToHardware(DevCtx, &Settings);
    KdvWriteRegister(DevCtx, KDV_REG_CONTROL, KDV_CONTROL_RUN);
    DevCtx->HardwareStarted = TRUE;
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceD0Exit (
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE TargetState
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);

    PAGED_CODE();

    DevCtx->HardwareStarted = FALSE;
    KdvWriteRegister(DevCtx, KDV_REG_CONTROL, 0);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceSelfManagedIoInit (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    PAGED_CODE();

    WdfTimerStart(DevCtx->WatchdogTimer, WDF_REL_TIMEOUT_IN_MS(KDV_WATCHDOG_PERIOD_MS));
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceSelfManagedIoSuspend (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    PAGED_CODE();

    //
    // Wait for a running watchdog callback, and for a reset it may have
    // scheduled, so that neither touches the card after D0 exit.
    //
    WdfTimerStop(DevCtx->WatchdogTimer, TRUE);
    WdfWorkItemFlush(DevCtx->ResetWorkItem);
    WdfDpcCancel(DevCtx->EventDpc, TRUE);
    return STATUS_SUCCESS;
}

/* not pageable: it takes the statistics spin lock */
_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceSelfManagedIoRestart (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);

    KdvLockStats(DevCtx);
    DevCtx->WatchdogTicks = 0;
    KdvUnlockStats(DevCtx);

    WdfTimerStart(DevCtx->WatchdogTimer, WDF_REL_TIMEOUT_IN_MS(KDV_WATCHDOG_PERIOD_MS));
    return STATUS_SUCCESS;
}
