/*
 * device.c -- UsbDaq: PnP and power. Creating the USB target device,
 * selecting the configuration and finding the three pipes at
 * prepare-hardware, setting up the continuous reader and selective
 * suspend, starting and stopping the interrupt pipe on D0 entry and exit,
 * arming the pod for remote wake, and the vendor-request helper that all
 * of them use.
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

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqSelectConfiguration (
    _In_ PDEVICE_CONTEXT DevCtx
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqFindPipes (
    _In_ PDEVICE_CONTEXT DevCtx
    );

static
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS
UdqSetPowerPolicy (
    _In_ PDEVICE_CONTEXT DevCtx
    );

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, UdqEvtDevicePrepareHardware)
#pragma alloc_text(PAGE, UdqEvtDeviceArmWakeFromS0)
#pragma alloc_text(PAGE, UdqEvtDeviceDisarmWakeFromS0)
#pragma alloc_text(PAGE, UdqSelectConfiguration)
#pragma alloc_text(PAGE, UdqFindPipes)
#pragma alloc_text(PAGE, UdqSetPowerPolicy)
#pragma alloc_text(PAGE, UdqSendVendorRequest)
#endif

/*
 * Sends one vendor request on the default control pipe and waits for it,
 * with a time-out so that a wedged pod cannot hang PnP.
 */
_Use_decl_annotations_
NTSTATUS
UdqSendVendorRequest (
    PDEVICE_CONTEXT DevCtx,
    WDF_USB_BMREQUEST_DIRECTION Direction,
    UCHAR Request,
    USHORT Value,
    PVOID Buffer,
    ULONG Length
    )
{
    WDF_USB_CONTROL_SETUP_PACKET Packet;
    WDF_REQUEST_SEND_OPTIONS Options;
    WDF_MEMORY_DESCRIPTOR Memory;
    ULONG Transferred = 0;
    NTSTATUS Status;

    PAGED_CODE();

    WDF_REQUEST_SEND_OPTIONS_INIT(&Options, WDF_REQUEST_SEND_OPTION_TIMEOUT);
    WDF_REQUEST_SEND_OPTIONS_SET_TIMEOUT(&Options, WDF_REL_TIMEOUT_IN_SEC(UDQ_CONTROL_TIMEOUT_SEC));

    WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR(&Packet, Direction, BmRequestToDevice,
                                             Request, Value, 0);

    if (Buffer != NULL && Length != 0) {
        WDF_MEMORY_DESCRIPTOR_INIT_BUFFER(&Memory, Buffer, Length);
        Status = WdfUsbTargetDeviceSendControlTransferSynchronously(DevCtx->UsbDevice,
                                                                    WDF_NO_HANDLE,
                                                                    &Options,
                                                                    &Packet,
                                                                    &Memory,
                                                                    &Transferred);
    } else {
        Status = WdfUsbTargetDeviceSendControlTransferSynchronously(DevCtx->UsbDevice,
                                                                    WDF_NO_HANDLE,
                                                                    &Options,
                                                                    &Packet,
                                                                    NULL,
                                                                    NULL);
    }

    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: vendor request 0x%x failed 0x%x\n", Request, Status));
    } else if (Direction == BmRequestDeviceToHost && Transferred != Length) {
        Status = STATUS_DEVICE_DATA_ERROR;
    }
    return Status;
}

_Use_decl_annotations_
static
NTSTATUS
UdqSelectConfiguration (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_USB_DEVICE_SELECT_CONFIG_PARAMS Params;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // The pod has one configuration with one interface; the framework
    // creates a pipe object for each of its endpoints.
    //
    WDF_USB_DEVICE_SELECT_CONFIG_PARAMS_INIT_SINGLE_INTERFACE(&Params);

    Status = WdfUsbTargetDeviceSelectConfig(DevCtx->UsbDevice,
                                            WDF_NO_OBJECT_ATTRIBUTES,
                                            &Params);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfUsbTargetDeviceSelectConfig failed 0x%x\n", Status));
        return Status;
    }

    DevCtx->UsbInterface = Params.Types.SingleInterface.ConfiguredUsbInterface;
    if (Params.Types.SingleInterface.NumberConfiguredPipes < 3) {
        KdPrint(("UsbDaq: the interface has %d pipes, 3 expected\n",
                 Params.Types.SingleInterface.NumberConfiguredPipes));
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
static
NTSTATUS
UdqFindPipes (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_USB_PIPE_INFORMATION PipeInfo;
    WDFUSBPIPE Pipe;
    UCHAR Count;
    UCHAR Index;

    PAGED_CODE();

    DevCtx->BulkInPipe = NULL;
    DevCtx->BulkOutPipe = NULL;
    DevCtx->InterruptPipe = NULL;

    Count = WdfUsbInterfaceGetNumConfiguredPipes(DevCtx->UsbInterface);
    for (Index = 0; Index < Count; Index++) {
        WDF_USB_PIPE_INFORMATION_INIT(&PipeInfo);
        Pipe = WdfUsbInterfaceGetConfiguredPipe(DevCtx->UsbInterface, Index, &PipeInfo);
        if (Pipe == NULL) {
            continue;
        }

        //
        // The bulk pipes carry transfers that are not multiples of the
        // packet size: the pod ends a block with a short packet.
        //
        WdfUsbTargetPipeSetNoMaximumPacketSizeCheck(Pipe);

        switch (PipeInfo.PipeType) {
        case WdfUsbPipeTypeInterrupt:
            if (WdfUsbTargetPipeIsInEndpoint(Pipe) && DevCtx->InterruptPipe == NULL) {
                DevCtx->InterruptPipe = Pipe;
                DevCtx->InterruptInterval = PipeInfo.Interval;
            }
            break;

        case WdfUsbPipeTypeBulk:
            if (WdfUsbTargetPipeIsInEndpoint(Pipe) && DevCtx->BulkInPipe == NULL) {
                DevCtx->BulkInPipe = Pipe;
                DevCtx->BulkInPacketSize = PipeInfo.MaximumPacketSize;
            } else if (WdfUsbTargetPipeIsOutEndpoint(Pipe) && DevCtx->BulkOutPipe == NULL) {
                DevCtx->BulkOutPipe = Pipe;
                DevCtx->BulkOutPacketSize = PipeInfo.MaximumPacketSize;
            }
            break;

        default:
            break;
        }
    }

    if (DevCtx->BulkInPipe == NULL || DevCtx->BulkOutPipe == NULL ||
        DevCtx->InterruptPipe == NULL) {
        KdPrint(("UsbDaq: missing pipes (in %p, out %p, interrupt %p)\n",
                 DevCtx->BulkInPipe, DevCtx->BulkOutPipe, DevCtx->InterruptPipe));
        return STATUS_DEVICE_CONFIGURATION_ERROR;
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
static
NTSTATUS
UdqSetPowerPolicy (
    PDEVICE_CONTEXT DevCtx
    )
{
    WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS IdleSettings;
    NTSTATUS Status;

    PAGED_CODE();

    //
    // Selective suspend only for a pod that can wake itself: otherwise a
    // trigger while suspended would be lost.
    //
    if ((DevCtx->UsbInfo.Traits & WDF_USB_DEVICE_TRAIT_REMOTE_WAKE_CAPABLE) == 0) {
        return STATUS_SUCCESS;
    }

    WDF_DEVICE_POWER_POLICY_IDLE_SETTINGS_INIT(&IdleSettings, IdleUsbSelectiveSuspend);
    IdleSettings.IdleTimeout = UDQ_IDLE_TIMEOUT_MS;

    Status = WdfDeviceAssignS0IdleSettings(DevCtx->Device, &IdleSettings);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: WdfDeviceAssignS0IdleSettings failed 0x%x\n", Status));
    }
    return Status;
}

_Use_decl_annotations_
NTSTATUS
UdqEvtDevicePrepareHardware (
    WDFDEVICE Device,
    WDFCMRESLIST ResourcesRaw,
    WDFCMRESLIST ResourcesTranslated
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    WDF_USB_DEVICE_CREATE_CONFIG CreateConfig;
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(ResourcesRaw);
    UNREFERENCED_PARAMETER(ResourcesTranslated);

    PAGED_CODE();

    //
    // The USB target survives a stop and restart (rebalance): create it
    // once.
    //
    if (DevCtx->UsbDevice == NULL) {
        WDF_USB_DEVICE_CREATE_CONFIG_INIT(&CreateConfig, USBD_CLIENT_CONTRACT_VERSION_602);

        Status = WdfUsbTargetDeviceCreateWithParameters(Device,
                                                        &CreateConfig,
                                                        WDF_NO_OBJECT_ATTRIBUTES,
                                                        &DevCtx->UsbDevice);
        if (!NT_SUCCESS(Status)) {
            KdPrint(("UsbDaq: WdfUsbTargetDeviceCreateWithParameters failed 0x%x\n", Status));
            return Status;
        }
    }

    WDF_USB_DEVICE_INFORMATION_INIT(&DevCtx->UsbInfo);
    Status = WdfUsbTargetDeviceRetrieveInformation(DevCtx->UsbDevice, &DevCtx->UsbInfo);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }
    KdPrint(("UsbDaq: USBD version 0x%x, traits 0x%x\n",
             DevCtx->UsbInfo.UsbdVersion, DevCtx->UsbInfo.Traits));

    Status = UdqSelectConfiguration(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = UdqFindPipes(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    //
    // The reader is configured once per configuration; D0 entry starts
    // it by starting the pipe's I/O target.
    //
    Status = UdqConfigureContinuousReader(DevCtx);
    if (!NT_SUCCESS(Status)) {
        return Status;
    }

    Status = UdqReadSettingsFromDevice(DevCtx);
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: keeping the default settings (0x%x)\n", Status));
    }

    return UdqSetPowerPolicy(DevCtx);
}

/* D0 entry is not pageable: it runs on the way back from selective
 * suspend, when the paging device may be asleep too. */
_Use_decl_annotations_
NTSTATUS
UdqEvtDeviceD0Entry (
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE PreviousState
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    NTSTATUS Status;

    UNREFERENCED_PARAMETER(PreviousState);

    KdPrint(("UsbDaq: D0 entry from D%d\n", PreviousState - WdfPowerDeviceD0));

    UdqLockState(DevCtx);
    DevCtx->ConsecutiveErrors = 0;
    DevCtx->OverrunPending = FALSE;
    DevCtx->PipesStopped = FALSE;
    UdqUnlockState(DevCtx);

    Status = WdfIoTargetStart(WdfUsbTargetPipeGetIoTarget(DevCtx->InterruptPipe));
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: cannot start the interrupt pipe 0x%x\n", Status));
        UdqLockState(DevCtx);
        DevCtx->PipesStopped = TRUE;
        UdqUnlockState(DevCtx);
    }
    return Status;
}

/* not pageable either: it takes the event-state spin lock */
_Use_decl_annotations_
NTSTATUS
UdqEvtDeviceD0Exit (
    WDFDEVICE Device,
    WDF_POWER_DEVICE_STATE TargetState
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);

    UNREFERENCED_PARAMETER(TargetState);

    KdPrint(("UsbDaq: D0 exit to D%d\n", TargetState - WdfPowerDeviceD0));

    UdqLockState(DevCtx);
    DevCtx->PipesStopped = TRUE;
    UdqUnlockState(DevCtx);

    //
    // Cancel the reader's pending reads and wait for them: the reader
    // completion must not run once the pod is in low power.
    //
    WdfIoTargetStop(WdfUsbTargetPipeGetIoTarget(DevCtx->InterruptPipe), WdfIoTargetCancelSentIo);
    WdfWorkItemFlush(DevCtx->RecoveryWorkItem);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
NTSTATUS
UdqEvtDeviceArmWakeFromS0 (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    UCHAR Enable = 1;

    PAGED_CODE();

    //
    // The pod signals remote wake only for a trigger, not for the sample
    // stream: tell it so before it suspends.
    //
    return UdqSendVendorRequest(DevCtx, BmRequestHostToDevice, UDQ_VENDOR_REMOTE_WAKE,
                                1, &Enable, sizeof(Enable));
}

_Use_decl_annotations_
VOID
UdqEvtDeviceDisarmWakeFromS0 (
    WDFDEVICE Device
    )
{
    PDEVICE_CONTEXT DevCtx = UdqGetDeviceContext(Device);
    UCHAR Enable = 0;
    NTSTATUS Status;

    PAGED_CODE();

    Status = UdqSendVendorRequest(DevCtx, BmRequestHostToDevice, UDQ_VENDOR_REMOTE_WAKE,
                                  0, &Enable, sizeof(Enable));
    if (!NT_SUCCESS(Status)) {
        KdPrint(("UsbDaq: disarming remote wake failed 0x%x\n", Status));
    }
}
