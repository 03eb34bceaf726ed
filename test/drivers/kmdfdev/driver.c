/*
 * driver.c -- KdvDma: driver entry, the framework driver object, and
 * device creation (PnP/power callbacks, I/O type, device interface, the
 * statistics and settings locks).
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

/* {6b3c5a0e-2f43-4c7d-9a51-0d7e3b1c8f26} */
static const GUID GUID_DEVINTERFACE_KDVDMA =
    { 0x6b3c5a0e, 0x2f43, 0x4c7d, { 0x9a, 0x51, 0x0d, 0x7e, 0x3b, 0x1c, 0x8f, 0x26 } };

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, KdvEvtDeviceAdd)
#pragma alloc_text(PAGE, KdvEvtDriverContextCleanup)
#pragma alloc_text(PAGE, KdvCreateDevice)
#endif

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    WDF_DRIVER_CONFIG Config;
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    KdPrint(("KdvDma: DriverEntry\n"));

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.EvtCleanupCallback = KdvEvtDriverContextCleanup;

    WDF_DRIVER_CONFIG_INIT(&Config, KdvEvtDeviceAdd);
    Config.DriverPoolTag = KDV_POOL_TAG;

    Status = WdfDriverCreate(DriverObject,
                             RegistryPath,
                             &Attributes,
                             &Config,
                             WDF_NO_HANDLE);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfDriverCreate failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
VOID
KdvEvtDriverContextCleanup (
    WDFOBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);

    PAGED_CODE();

    KdPrint(("KdvDma: driver unloading\n"));
}

_Use_decl_annotations_
NTSTATUS
KdvEvtDeviceAdd (
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    UNREFERENCED_PARAMETER(Driver);

    PAGED_CODE();

    return KdvCreateDevice(DeviceInit);
}

_Use_decl_annotations_
NTSTATUS
KdvCreateDevice (
    PWDFDEVICE_INIT DeviceInit
    )
{
    WDF_PNPPOWER_EVENT_CALLBACKS PnpPowerCallbacks;
    WDF_OBJECT_ATTRIBUTES Attributes;
    PDEVICE_CONTEXT DevCtx;
    WDFDEVICE Device;
    NTSTATUS Status;

    PAGED_CODE();

    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoDirect);

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&PnpPowerCallbacks);
    PnpPowerCallbacks.EvtDevicePrepareHardware = KdvEvtDevicePrepareHardware;
    PnpPowerCallbacks.EvtDeviceReleaseHardware = KdvEvtDeviceReleaseHardware;
    PnpPowerCallbacks.EvtDeviceD0Entry = KdvEvtDeviceD0Entry;
    PnpPowerCallbacks.EvtDeviceD0Exit = KdvEvtDeviceD0Exit;
    PnpPowerCallbacks.EvtDeviceSelfManagedIoInit = KdvEvtDeviceSelfManagedIoInit;
    PnpPowerCallbacks.EvtDeviceSelfManagedIoSuspend = KdvEvtDeviceSelfManagedIoSuspend;
    PnpPowerCallbacks.EvtDeviceSelfManagedIoRestart = KdvEvtDeviceSelfManagedIoRestart;
    PnpPowerCallbacks.EvtDeviceSelfManagedIoFlush = KdvEvtDeviceSelfManagedIoFlush;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &PnpPowerCallbacks);

    //
    // The device keeps the driver's execution level (DISPATCH_LEVEL) and
    // no synchronization scope: the default queue's handlers run in
    // parallel, at up to DISPATCH_LEVEL, and lock what they share.
    //
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&Attributes, DEVICE_CONTEXT);

    Status = WdfDeviceCreate(&DeviceInit, &Attributes, &Device);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfDeviceCreate failed 0x%x\n", Status));
        return Status;
    }

    DevCtx = KdvGetDeviceContext(Device);
    DevCtx->Device = Device;
    DevCtx->Settings.Threshold = 0x800;
    DevCtx->Settings.SampleRate = 48000;
    DevCtx->Settings.EventsBeforeAlarm = 16;

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = Device;
    Status = WdfSpinLockCreate(&Attributes, &DevCtx->StatsLock);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = Device;
    Status = WdfWaitLockCreate(&Attributes, &DevCtx->SettingsLock);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = WdfDeviceCreateDeviceInterface(Device, &GUID_DEVINTERFACE_KDVDMA, NULL);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: WdfDeviceCreateDeviceInterface failed 0x%x\n", Status));
        return Status;
    }

    Status = KdvQueueInitialize(Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = KdvSettingsInitialize(Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = KdvCreateDeferredObjects(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    //
    // Settings saved by an earlier session override the defaults; a
    // missing value is not an error.
    //
    Status = KdvLoadSettings(DevCtx);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("KdvDma: using default settings (0x%x)\n", Status));
        Status = STATUS_SUCCESS;
    }

    return Status;
}
