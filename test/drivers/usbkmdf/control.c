/*
 * control.c -- UsbDaq: the control queue. A sequential queue created with
 * WdfExecutionLevelPassive, so that its handler may use the synchronous
 * USB methods: vendor requests for the pod's settings and LED bar, and
 * pipe resets. Also reads the settings from the pod at start.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "usbdaq.h"

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqWriteSettings (
    _In_ PDEVICE_CONTEXT DevCtx,
    _In_ PUDQ_SETTINGS Settings
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqQueryDeviceDescriptor (
    _In_ PDEVICE_CONTEXT DevCtx,
    _Out_ PUSB_DEVICE_DESCRIPTOR Descriptor
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqResetBulkPipes (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, UdqControlQueueInitialize)
#pragma alloc_text(PAGE, UdqEvtControlIoDeviceControl)
#pragma alloc_text(PAGE, UdqReadSettingsFromDevice)
#pragma alloc_text(PAGE, UdqWriteSettings)
#pragma alloc_text(PAGE, UdqQueryDeviceDescriptor)
#endif

_Use_decl_annotations_
NTSTATUS
UdqControlQueueInitialize (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDF_OBJECT_ATTRIBUTES Attributes;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoDeviceControl = UdqEvtControlIoDeviceControl;

    //
    // Passive: the handler waits for vendor requests to complete.
    //
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ExecutionLevel = WdfExecutionLevelPassive;

    Status = WdfIoQueueCreate(Device, &QueueConfig, &Attributes, &DevCtx->ControlQueue);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: control queue 0x%x\n", Status));
    }
    return Status;
}

/*
 * Reads the pod's settings block. The staging buffer comes from paged
 * pool: this runs at PASSIVE_LEVEL only (prepare-hardware and the control
 * queue), and the block is never touched at DISPATCH_LEVEL.
 */
_Use_decl_annotations_
NTSTATUS
UdqReadSettingsFromDevice (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_OBJECT_ATTRIBUTES Attributes;
    PUDQ_SETTINGS Staging;
    WDFMEMORY Memory;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = DevCtx->Device;
    Status = WdfMemoryCreate(&Attributes, PagedPool, UDQ_POOL_TAG, sizeof(UDQ_SETTINGS),
                             &Memory, (PVOID *)&Staging);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = UdqSendVendorRequest(DevCtx, BmRequestDeviceToHost, UDQ_VENDOR_GET_SETTINGS,
                                  0, Staging, sizeof(UDQ_SETTINGS));
    if (NT_SUCCESS(Status)) {
        WdfWaitLockAcquire(DevCtx->SettingsLock, NULL);
        DevCtx->Settings = *Staging;
        WdfWaitLockRelease(DevCtx->SettingsLock);
    }

    WdfObjectDelete(Memory);
    return Status;
}

_Use_decl_annotations_
static
NTSTATUS
UdqWriteSettings (
    PDEVICE_CONTEXT DevCtx,
    PUDQ_SETTINGS Settings
    )
{
    UDQ_SETTINGS Copy;
    NTSTATUS Status;

    PAGED_CODE();

    if (Settings->Channels == 0 || Settings->Channels > 8 || Settings->SampleRateHz == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    //
    // The wait lock orders concurrent writers (the control queue is
    // sequential, but prepare-hardware reads the settings too) and keeps
    // the mirror in step with the pod.
    //
    Copy = *Settings;
    WdfWaitLockAcquire(DevCtx->SettingsLock, NULL);
    Status = UdqSendVendorRequest(DevCtx, BmRequestHostToDevice, UDQ_VENDOR_SET_SETTINGS,
                                  0, &Copy, sizeof(Copy));
    if (NT_SUCCESS(Status)) {
        DevCtx->Settings = *Settings;
    }
    WdfWaitLockRelease(DevCtx->SettingsLock);
    return Status;
}

/*
 * Reads the device descriptor with a URB of our own: the framework's cached
 * copy is from start-up, and the pod's firmware updater changes bcdDevice
 * in place. The URB memory is the framework's, parented to the USB target.
 */
_Use_decl_annotations_
static
NTSTATUS
UdqQueryDeviceDescriptor (
    PDEVICE_CONTEXT DevCtx,
    PUSB_DEVICE_DESCRIPTOR Descriptor
    )
{
    WDF_REQUEST_SEND_OPTIONS Options;
    WDF_OBJECT_ATTRIBUTES Attributes;
    WDFMEMORY UrbMemory;
    PURB Urb;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = DevCtx->UsbDevice;
    Status = WdfUsbTargetDeviceCreateUrb(DevCtx->UsbDevice, &Attributes, &UrbMemory, &Urb);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    RtlZeroMemory(Descriptor, sizeof(USB_DEVICE_DESCRIPTOR));
    UsbBuildGetDescriptorRequest(Urb,
                                 (USHORT)sizeof(struct _URB_CONTROL_DESCRIPTOR_REQUEST),
                                 USB_DEVICE_DESCRIPTOR_TYPE,
                                 0,
                                 0,
                                 Descriptor,
                                 NULL,
                                 sizeof(USB_DEVICE_DESCRIPTOR),
                                 NULL);

    WDF_REQUEST_SEND_OPTIONS_INIT(&Options, WDF_REQUEST_SEND_OPTION_TIMEOUT);
    WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(&Options, WDF_REL_TIMEOUT_IN_SEC(UDQ_CONTROL_TIMEOUT_SEC));

    Status = WdfUsbTargetDeviceSendUrbSynchronously(DevCtx->UsbDevice, WDF_NO_HANDLE,
                                                    &Options, Urb);
    if (NT_SUCCESS(Status) && !USBD_SUCCESS(Urb->UrbHeader.Status)) {
        KdPrint(("UsbDaq: descriptor URB failed, USBD 0x%x\n", Urb->UrbHeader.Status));
        Status = STATUS_DEVICE_DATA_ERROR;
    }
    if (NT_SUCCESS(Status) &&
        Urb->UrbControlDescriptorRequest.TransferBufferLength < sizeof(USB_DEVICE_DESCRIPTOR)) {
        Status = STATUS_DEVICE_DATA_ERROR;
    }

    WdfObjectDelete(UrbMemory);
    return Status;
}

/*
 * Resets both bulk pipes after the caller saw a stall. The event-state
 * lock keeps D0 exit from marking the pipes stopped halfway through.
 */
_Use_decl_annotations_
static
NTSTATUS
UdqResetBulkPipes (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDFIOTARGET InTarget = WdfUsbTargetPipeGetIoTarget(DevCtx->BulkInPipe);
    WDFIOTARGET OutTarget = WdfUsbTargetPipeGetIoTarget(DevCtx->BulkOutPipe);
    BOOLEAN Stopped;
    NTSTATUS Status;

    UdqLockState(DevCtx);
    Stopped = DevCtx->PipesStopped;
    if (!Stopped) {
        WdfIoTargetStop(InTarget, WdfIoTargetCancelSentIo); // BUG(irql): cancelling the sent I/O waits for it, and the event-state spin lock is held expected-warning-re {{'WdfIoTargetStop' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
        WdfIoTargetStop(OutTarget, WdfIoTargetLeaveSentIoPending);
        DevCtx->ConsecutiveErrors = 0;
    }
    UdqUnlockState(DevCtx);

    if (Stopped) {
        return STATUS_DEVICE_NOT_READY;
    }

    Status = WdfUsbTargetPipeResetSynchronously(DevCtx->BulkInPipe, WDF_NO_HANDLE, NULL);
    if (NT_SUCCESS(Status)) {
        Status = WdfUsbTargetPipeResetSynchronously(DevCtx->BulkOutPipe, WDF_NO_HANDLE, NULL);
    }

    (VOID)WdfIoTargetStart(InTarget);
    (VOID)WdfIoTargetStart(OutTarget);
    return Status;
}

_Use_decl_annotations_
VOID
UdqEvtControlIoDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    WDFDEVICE Device = WdfIoQueueGetDevice(Queue);
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    PUDQ_SETTINGS Settings;
    PUSB_DEVICE_DESCRIPTOR Descriptor;
    PUCHAR Leds;
    ULONG_PTR Information = 0;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    PAGED_CODE();

    //
    // Every request here talks to the pod: bring it out of selective
    // suspend and wait for D0, which this passive queue may do.
    //
    Status = WdfDeviceStopIdle(Device, TRUE);
    if (!NT_SUCCESS(Status)) {
        WdfRequestComplete(Request, Status);
        return;
    }

    switch (IoControlCode) {
    case IOCTL_UDQ_GET_SETTINGS:
        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(UDQ_SETTINGS),
                                                (PVOID *)&Settings, NULL);
        if (!NT_SUCCESS(Status)) {
            break;
        }
        Status = UdqReadSettingsFromDevice(DevCtx);
        if (NT_SUCCESS(Status)) {
            WdfWaitLockAcquire(DevCtx->SettingsLock, NULL);
            *Settings = DevCtx->Settings;
            WdfWaitLockRelease(DevCtx->SettingsLock);
            Information = sizeof(UDQ_SETTINGS);
        }
        break;

    case IOCTL_UDQ_SET_SETTINGS:
        Status = WdfRequestRetrieveInputBuffer(Request, sizeof(UDQ_SETTINGS),
                                               (PVOID *)&Settings, NULL);
        if (NT_SUCCESS(Status)) {
            Status = UdqWriteSettings(DevCtx, Settings);
        }
        break;

    case IOCTL_UDQ_SET_LEDS:
        Status = WdfRequestRetrieveInputBuffer(Request, sizeof(UCHAR), (PVOID *)&Leds, NULL);
        if (NT_SUCCESS(Status)) {
            Status = UdqSendVendorRequest(DevCtx, BmRequestHostToDevice, UDQ_VENDOR_SET_LEDS,
                                          *Leds, NULL, 0);
        }
        break;

    case IOCTL_UDQ_RESET_PIPES:
        Status = UdqResetBulkPipes(DevCtx);
        break;

    case IOCTL_UDQ_GET_DEVICE_DESCRIPTOR:
        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(USB_DEVICE_DESCRIPTOR),
                                                (PVOID *)&Descriptor, NULL);
        if (NT_SUCCESS(Status)) {
            Status = UdqQueryDeviceDescriptor(DevCtx, Descriptor);
        }
        if (NT_SUCCESS(Status)) {
            Information = sizeof(USB_DEVICE_DESCRIPTOR);
        }
        break;

    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfDeviceResumeIdle(Device);
    WdfRequestCompleteWithInformation(Request, Status, Information);
}
