/*
 * settings.c -- KdvDma: the card's settings (threshold, sample rate, alarm
 * count). They persist in the device's hardware key, so every routine here
 * runs at PASSIVE_LEVEL: the settings IOCTLs come through a sequential
 * queue created with WdfExecutionLevelPassive, and the settings themselves
 * sit behind a WDFWAITLOCK.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "kmdfdev.h"

static
_IRQL_requires_(PASSIVE_LEVEL)
BOOLEAN
KdvValidSettings (
    _In_ PKDV_SETTINGS Settings
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, KdvSettingsInitialize)
#pragma alloc_text(PAGE, KdvLoadSettings)
#pragma alloc_text(PAGE, KdvSaveSettings)
#pragma alloc_text(PAGE, KdvValidSettings)
#endif

static const UNICODE_STRING KdvThresholdName = RTL_CONSTANT_STRING(L"Threshold");
static const UNICODE_STRING KdvSampleRateName = RTL_CONSTANT_STRING(L"SampleRate");
static const UNICODE_STRING KdvAlarmName = RTL_CONSTANT_STRING(L"EventsBeforeAlarm");

_Use_decl_annotations_
NTSTATUS
KdvSettingsInitialize (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // Requests reach this queue only by WdfRequestForwardToIoQueue from
    // the default queue. Passive, so that the handler may open the
    // registry and wait for the settings lock.
    //
    WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoDeviceControl = KdvEvtSettingsIoDeviceControl;

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ExecutionLevel = WdfExecutionLevelPassive;

    Status = WdfIoQueueCreate(Device, &QueueConfig, &Attributes, &DevCtx->SettingsQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: settings queue 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
KdvLoadSettings (
    PDEVICE_CONTEXT DevCtx
    )
{
    KDV_SETTINGS Settings;
    WDFKEY Key;
    NTSTATUS Status;

    PAGED_CODE();

    Status = WdfDeviceOpenRegistryKey(DevCtx->Device,
                                      PLUGPLAY_REGKEY_DEVICE,
                                      KEY_READ,
                                      WDF_NO_OBJECT_ATTRIBUTES,
                                      &Key);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    KdvLockSettings(DevCtx);
    Settings = DevCtx->Settings;
    KdvUnlockSettings(DevCtx);

    Status = WdfRegistryQueryULong(Key, &KdvThresholdName, &Settings.Threshold);
    if (NT_SUCCESS(Status)) {
        Status = WdfRegistryQueryULong(Key, &KdvSampleRateName, &Settings.SampleRate);
    }
    if (NT_SUCCESS(Status)) {
        Status = WdfRegistryQueryULong(Key, &KdvAlarmName, &Settings.EventsBeforeAlarm);
    }
    WdfRegistryClose(Key);

    if (NT_SUCCESS(Status) && KdvValidSettings(&Settings)) {
        KdvLockSettings(DevCtx);
        DevCtx->Settings = Settings;
        KdvUnlockSettings(DevCtx);
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
KdvSaveSettings (
    PDEVICE_CONTEXT DevCtx
    )
{
    KDV_SETTINGS Settings;
    WDFKEY Key;
    NTSTATUS Status;

    PAGED_CODE();

    KdvLockSettings(DevCtx);
    Settings = DevCtx->Settings;
    DevCtx->SettingsDirty = FALSE;
    KdvUnlockSettings(DevCtx);

    Status = WdfDeviceOpenRegistryKey(DevCtx->Device,
                                      PLUGPLAY_REGKEY_DEVICE,
                                      KEY_WRITE,
                                      WDF_NO_OBJECT_ATTRIBUTES,
                                      &Key);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = WdfRegistryAssignULong(Key, &KdvThresholdName, Settings.Threshold);
    if (NT_SUCCESS(Status)) {
        Status = WdfRegistryAssignULong(Key, &KdvSampleRateName, Settings.SampleRate);
    }
    if (NT_SUCCESS(Status)) {
        Status = WdfRegistryAssignULong(Key, &KdvAlarmName, Settings.EventsBeforeAlarm);
    }
    WdfRegistryClose(Key);
    return Status;
}

_Use_decl_annotations_
static
BOOLEAN
KdvValidSettings (
    PKDV_SETTINGS Settings
    )
{
    PAGED_CODE();

    return Settings->Threshold != 0 &&
           Settings->Threshold < 0x10000 &&
           Settings->SampleRate >= 1000 &&
           Settings->SampleRate <= 192000 &&
           Settings->EventsBeforeAlarm != 0;
}

/*
 * The settings queue's handler: PASSIVE_LEVEL, one request at a time. Not
 * pageable: resetting the statistics takes their spin lock.
 */
_Use_decl_annotations_
VOID
KdvEvtSettingsIoDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    PDEVICE_CONTEXT DevCtx = KdvGetDeviceContext(WdfIoQueueGetDevice(Queue));
    PKDV_SETTINGS Buffer;
    KDV_SETTINGS NewSettings;
    ULONG_PTR Information = 0;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_KDV_GET_SETTINGS:
        Status = WdfRequestRetrieveOutputBuffer(Request,
                                                sizeof(KDV_SETTINGS),
                                                (PVOID *)&Buffer,
                                                NULL);
        if (NT_SUCCESS(Status)) {
            KdvLockSettings(DevCtx);
            *Buffer = DevCtx->Settings;
            KdvUnlockSettings(DevCtx);
            Information = sizeof(KDV_SETTINGS);
        }
        break;

    case IOCTL_KDV_SET_SETTINGS:
        Status = WdfRequestRetrieveInputBuffer(Request,
                                               sizeof(KDV_SETTINGS),
                                               (PVOID *)&Buffer,
                                               NULL);
        if (!NT_SUCCESS(Status)) {
            break;
        }
        NewSettings = *Buffer;
        if (!KdvValidSettings(&NewSettings)) {
            Status = STATUS_INVALID_PARAMETER;
            break;
        }

        //
        // The queue's lock (a passive lock: the queue is passive) keeps
        // the hardware and the registry in the same order as the settings.
        //
        WdfObjectAcquireLock(Queue);
        KdvLockSettings(DevCtx);
        DevCtx->Settings = NewSettings;
        DevCtx->SettingsDirty = TRUE;
        KdvUnlockSettings(DevCtx);

        if (DevCtx->HardwareStarted) {
            KdvApplySettingsToHardware(DevCtx, &NewSettings);
        }
        Status = KdvSaveSettings(DevCtx);
        WdfObjectReleaseLock(Queue);
        break;

    case IOCTL_KDV_RESET_STATISTICS:
        //
        // Resetting the counters re-arms the alarm from the settings.
        //
        WdfSpinLockAcquire(DevCtx->StatsLock);
        RtlZeroMemory(&DevCtx->Stats, sizeof(KDV_STATISTICS));
        WdfWaitLockAcquire(DevCtx->SettingsLock, NULL); // BUG(irql): a wait lock waits; under the statistics spin lock this runs at DISPATCH_LEVEL expected-warning-re {{'WdfWaitLockAcquire' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
        DevCtx->WatchdogTicks = -(LONG)DevCtx->Settings.EventsBeforeAlarm;
        WdfWaitLockRelease(DevCtx->SettingsLock);
        WdfSpinLockRelease(DevCtx->StatsLock);
        Status = STATUS_SUCCESS;
        break;

    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, Status, Information);
}
