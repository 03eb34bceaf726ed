// A KMDF continuous reader's callbacks get their roles from the
// WDF_USB_CONTINUOUS_READER_CONFIG they are stored in, without a
// _Function_class_ declaration: EvtUsbTargetPipeReadComplete
// (EVT_WDF_USB_READER_COMPLETION_ROUTINE, passed to
// WDF_USB_CONTINUOUS_READER_CONFIG_INIT) runs at up to DISPATCH_LEVEL,
// EvtUsbTargetPipeReadersFailed (EVT_WDF_USB_READERS_FAILED, stored into the
// field) at PASSIVE_LEVEL. A synchronous control transfer is a bug in the
// first and fine in the second; a routine that needs DISPATCH_LEVEL is a bug
// in the second.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s | FileCheck %s
#include <ntddk.h>
#include <wdf.h>

static WDFUSBDEVICE UsbDevice;
static KSPIN_LOCK Lock;

static NTSTATUS Rearm(void) {
  WDF_USB_CONTROL_SETUP_PACKET Packet;
  WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR(&Packet, BmRequestHostToDevice, BmRequestToDevice,
                                           0xDA, 1, 0);
  return WdfUsbTargetDeviceSendControlTransferSynchronously(UsbDevice, WDF_NO_HANDLE, NULL,
                                                            &Packet, NULL, NULL);
}

static VOID ReadComplete(WDFUSBPIPE Pipe, WDFMEMORY Buffer, SIZE_T Bytes, WDFCONTEXT Context) {
  WDF_USB_CONTROL_SETUP_PACKET Packet;
  (void)Pipe; (void)Buffer; (void)Bytes; (void)Context;
  WDF_USB_CONTROL_SETUP_PACKET_INIT_VENDOR(&Packet, BmRequestHostToDevice, BmRequestToDevice,
                                           0xDA, 1, 0);
  (void)WdfUsbTargetDeviceSendControlTransferSynchronously(UsbDevice, WDF_NO_HANDLE, NULL, // expected-warning {{'ReadComplete' can be called at DISPATCH_LEVEL (its role EVT_WDF_USB_READER_COMPLETION_ROUTINE), but calls PASSIVE_LEVEL-only 'WdfUsbTargetDeviceSendControlTransferSynchronously'}}
                                                           &Packet, NULL, NULL);
}

static BOOLEAN ReadersFailed(WDFUSBPIPE Pipe, NTSTATUS Status, USBD_STATUS UsbdStatus) {
  (void)Pipe; (void)Status; (void)UsbdStatus;
  KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{'KeAcquireSpinLockAtDpcLevel'}}
  KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{'KeReleaseSpinLockFromDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL}}
  return NT_SUCCESS(Rearm());
}

NTSTATUS Configure(WDFUSBPIPE Pipe, WDFCONTEXT Context) {
  WDF_USB_CONTINUOUS_READER_CONFIG Config;
  WDF_USB_CONTINUOUS_READER_CONFIG_INIT(&Config, ReadComplete, Context, 8);
  Config.EvtUsbTargetPipeReadersFailed = ReadersFailed;
  return WdfUsbTargetPipeConfigContinuousReader(Pipe, &Config);
}

// CHECK-DAG: contract ReadComplete: max=DISPATCH_LEVEL same class=EVT_WDF_USB_READER_COMPLETION_ROUTINE [registered with WDF_USB_CONTINUOUS_READER_CONFIG_INIT;
// CHECK-DAG: contract ReadersFailed: max=PASSIVE_LEVEL same class=EVT_WDF_USB_READERS_FAILED [registered with ->EvtUsbTargetPipeReadersFailed;
