/*
 * driver.c -- UsbDaq: driver entry, the framework driver object, and
 * device creation (PnP, power and power-policy callbacks, the device
 * interface, the event-state and settings locks, the queues).
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "usbdaq.h"

/* {0c4f93d2-7b1e-4a58-b6d0-52e9a1f3c874} */
static const GUID GUID_DEVINTERFACE_USBDAQ =
    { 0x0c4f93d2, 0x7b1e, 0x4a58, { 0xb6, 0xd0, 0x52, 0xe9, 0xa1, 0xf3, 0xc8, 0x74 } };

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqCreateDevice (
    _Inout_ PWDFDEVICE_INIT DeviceInit
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqCreateLocks (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, UdqEvtDeviceAdd)
#pragma alloc_text(PAGE, UdqEvtDriverContextCleanup)
#pragma alloc_text(PAGE, UdqCreateDevice)
#pragma alloc_text(PAGE, UdqCreateLocks)
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

    KdPrint(("UsbDaq: DriverEntry\n"));

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.EvtCleanupCallback = UdqEvtDriverContextCleanup;

    WDF_DRIVER_CONFIG_INIT(&Config, UdqEvtDeviceAdd);
    Config.DriverPoolTag = UDQ_POOL_TAG;

    Status = WdfDriverCreate(DriverObject,
                             RegistryPath,
                             &Attributes,
                             &Config,
                             WDF_NO_HANDLE);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfDriverCreate failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
VOID
UdqEvtDriverContextCleanup (
    WDFOBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);

    PAGED_CODE();

    KdPrint(("UsbDaq: driver unloading\n"));
}

_Use_decl_annotations_
NTSTATUS
UdqEvtDeviceAdd (
    WDFDRIVER Driver,
    PWDFDEVICE_INIT DeviceInit
    )
{
    UNREFERENCED_PARAMETER(Driver);

    PAGED_CODE();

    return UdqCreateDevice(DeviceInit);
}

_Use_decl_annotations_
static
NTSTATUS
UdqCreateLocks (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfSpinLockCreate(&Attributes, &DevCtx->StateLock);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfSpinLockCreate failed 0x%x\n", Status));
        return Status;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfWaitLockCreate(&Attributes, &DevCtx->SettingsLock);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfWaitLockCreate failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
static
NTSTATUS
UdqCreateDevice (
    PWDFDEVICE_INIT DeviceInit
    )
{
    WDF_PNPPOWER_EVENT_CALLBACKS PnpPowerCallbacks;
    WDF_POWER_POLICY_EVENT_CALLBACKS PowerPolicyCallbacks;
    WDF_OBJECT_ATTRIBUTES Attributes;
    PDEVICE_CONTEXT DevCtx;
    WDFDEVICE Device;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // Buffered I/O for the IOCTLs; reads and writes go straight to the
    // bulk pipes with the caller's buffer.
    //
    WdfDeviceInitSetIoType(DeviceInit, WdfDeviceIoDirect);

    WDF_PNPPOWER_EVENT_CALLBACKS_INIT(&PnpPowerCallbacks);
    PnpPowerCallbacks.EvtDevicePrepareHardware = UdqEvtDevicePrepareHardware;
    PnpPowerCallbacks.EvtDeviceD0Entry = UdqEvtDeviceD0Entry;
    PnpPowerCallbacks.EvtDeviceD0Exit = UdqEvtDeviceD0Exit;
    WdfDeviceInitSetPnpPowerEventCallbacks(DeviceInit, &PnpPowerCallbacks);

    //
    // The pod supports selective suspend: arm it for remote wake when it
    // idles out, so that a trigger wakes it.
    //
    WDF_POWER_POLICY_EVENT_CALLBACKS_INIT(&PowerPolicyCallbacks);
    PowerPolicyCallbacks.EvtDeviceArmWakeFromS0 = UdqEvtDeviceArmWakeFromS0;
    PowerPolicyCallbacks.EvtDeviceDisarmWakeFromS0 = UdqEvtDeviceDisarmWakeFromS0;
    WdfDeviceInitSetPowerPolicyEventCallbacks(DeviceInit, &PowerPolicyCallbacks);

    //
    // The device keeps the driver's execution level (DISPATCH_LEVEL): the
    // default queue's handlers may run in the completion path of an
    // earlier request, at DISPATCH_LEVEL.
    //
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&Attributes, DEVICE_CONTEXT);

    Status = WdfDeviceCreate(&DeviceInit, &Attributes, &Device);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfDeviceCreate failed 0x%x\n", Status));
        return Status;
    }

    DevCtx = UdqGetDeviceContext(Device);
    DevCtx->Device = Device;
    DevCtx->PipesStopped = TRUE;
    DevCtx->Settings.SampleRateHz = 1000;
    DevCtx->Settings.TriggerLevel = 0x200;
    DevCtx->Settings.Channels = 4;
    DevCtx->Settings.Gain = 1;

    Status = UdqCreateLocks(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = WdfDeviceCreateDeviceInterface(Device, &GUID_DEVINTERFACE_USBDAQ, NULL);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfDeviceCreateDeviceInterface failed 0x%x\n", Status));
        return Status;
    }

    Status = UdqQueueInitialize(Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = UdqControlQueueInitialize(Device);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    return UdqCreateRecoveryWorkItem(DevCtx);
}
