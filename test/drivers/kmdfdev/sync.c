/*
 * sync.c -- KdvDma: the lock wrappers (statistics spin lock, settings wait
 * lock), the watchdog WDFTIMER, the WDFDPC that completes event waits, and
 * the WDFWORKITEM that resets a hung DMA engine at PASSIVE_LEVEL.
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

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, KdvCreateDeferredObjects)
#pragma alloc_text(PAGE, KdvLockSettings)
#pragma alloc_text(PAGE, KdvEvtResetWorkItem)
#endif

/* ----------------------------------------------------------------------
 * Lock wrappers
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
KdvLockStats (
    PDEVICE_CONTEXT DevCtx
    )
{
    WdfSpinLockAcquire(DevCtx->StatsLock);
}

_Use_decl_annotations_
VOID
KdvUnlockStats (
    PDEVICE_CONTEXT DevCtx
    )
{
    WdfSpinLockRelease(DevCtx->StatsLock);
}

_Use_decl_annotations_
VOID
KdvLockSettings (
    PDEVICE_CONTEXT DevCtx
    )
{
    PAGED_CODE();

    (VOID)WdfWaitLockAcquire(DevCtx->SettingsLock, NULL);
}

_Use_decl_annotations_
VOID
KdvUnlockSettings (
    PDEVICE_CONTEXT DevCtx
    )
{
    WdfWaitLockRelease(DevCtx->SettingsLock);
}

/* ----------------------------------------------------------------------
 * Creation
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
NTSTATUS
KdvCreateDeferredObjects (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_TIMER_CONFIG TimerConfig;
    WDF_DPC_CONFIG DpcConfig;
    WDF_WORKITEM_CONFIG WorkItemConfig;
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // The watchdog: periodic, started at self-managed I/O init. Its
    // callback is a DPC (the timer keeps the device's level).
    //
    WDF_TIMER_CONFIG_INIT_PERIODIC(&TimerConfig, KdvEvtWatchdogTimer, KDV_WATCHDOG_PERIOD_MS);
    TimerConfig.AutomaticSerialization = FALSE;
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfTimerCreate(&TimerConfig, &Attributes, &DevCtx->WatchdogTimer);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfTimerCreate failed 0x%x\n", Status));
        return Status;
    }

    WDF_DPC_CONFIG_INIT(&DpcConfig, KdvEvtEventDpc);
    DpcConfig.AutomaticSerialization = FALSE;
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(&Attributes, KDV_DEFERRED_CONTEXT);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfDpcCreate(&DpcConfig, &Attributes, &DevCtx->EventDpc);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    KdvGetDeferredContext(DevCtx->EventDpc)->Device = DevCtx->Device;

    WDF_WORKITEM_CONFIG_INIT(&WorkItemConfig, KdvEvtResetWorkItem);
    WorkItemConfig.AutomaticSerialization = FALSE;
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(&Attributes, KDV_DEFERRED_CONTEXT);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfWorkItemCreate(&WorkItemConfig, &Attributes, &DevCtx->ResetWorkItem);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    KdvGetDeferredContext(DevCtx->ResetWorkItem)->Device = DevCtx->Device;
    return STATUS_SUCCESS;
}

/* ----------------------------------------------------------------------
 * Watchdog
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
KdvScheduleReset (
    PDEVICE_CONTEXT DevCtx
    )
{
    if (InterlockedExchange(&DevCtx->ResetPending, 1) == 0) {
        WdfWorkItemEnqueue(DevCtx->ResetWorkItem);
    }
}

_Use_decl_annotations_
VOID
KdvEvtWatchdogTimer (
    WDFTIMER Timer
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfTimerGetParentObject(Timer));
    BOOLEAN Hung = FALSE;

    KdvLockStats(DevCtx);
    if (DevCtx->DmaInFlight) {
        if (++DevCtx->WatchdogTicks >= KDV_WATCHDOG_LIMIT) {
            DevCtx->WatchdogTicks = 0;
            DevCtx->Stats.WatchdogResets++;
            Hung = TRUE;
        }
    }
    KdvUnlockStats(DevCtx);

    if (Hung || (KdvReadRegister(DevCtx, KDV_REG_STATUS) & KDV_STATUS_FAULT)) {
        KdvScheduleReset(DevCtx);
    }
}

/* ----------------------------------------------------------------------
 * Event DPC and reset work item
 * -------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
KdvEvtEventDpc (
    WDFDPC Dpc
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(KdvGetDeferredContext(Dpc)->Device);
    ULONG Events;

    Events = KdvReadRegister(DevCtx, KDV_REG_EVENT_COUNT);

    KdvLockStats(DevCtx);
    DevCtx->Stats.Events = Events;
    KdvUnlockStats(DevCtx);

    KdvCompleteEventWaits(DevCtx, Events);
}

/*
 * Resets a hung DMA engine: fails the transfer on it, resets the engine
 * under the interrupt lock, and writes back settings changed meanwhile.
 */
_Use_decl_annotations_
VOID
KdvEvtResetWorkItem (
    WDFWORKITEM WorkItem
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(KdvGetDeferredContext(WorkItem)->Device);
    BOOLEAN Dirty;

    PAGED_CODE();

    (VOID)WdfInterruptSynchronize(DevCtx->Interrupt, KdvEvtResetSynchronized, DevCtx);

    //
    // Settings changes wait behind the settings queue's lock (a passive
    // lock: that queue is passive), like the settings IOCTLs.
    //
    WdfObjectAcquireLock(DevCtx->SettingsQueue);
    KdvLockSettings(DevCtx);
    Dirty = DevCtx->SettingsDirty;
    KdvUnlockSettings(DevCtx);
    if (Dirty) {
        (VOID)KdvSaveSettings(DevCtx);
    }
    WdfObjectReleaseLock(DevCtx->SettingsQueue);

    InterlockedExchange(&DevCtx->ResetPending, 0);
}
