// The KMDF template's Queue.c: queues created on a device passed in (made
// in another file), one WDF_IO_QUEUE_CONFIG reused for every queue, and one
// queue created WdfExecutionLevelPassive for the requests that touch the
// registry.
//  - A reused configuration: what was stored into it before a
//    WDF_IO_QUEUE_CONFIG_INIT* went to the queue created before, so the
//    passive queue's handler is passive and the others keep their level.
//  - A passive queue (or timer) says nothing about its device: the queues
//    that inherit from the device passed in are at DISPATCH_LEVEL, as in a
//    file that makes nothing passive. (DEVICE: the file also creates a
//    passive device; then the device passed in may be that one, and the
//    inheriting queues' level is not known here.)
//
// RUN: %wdk_cc1 -emit-llvm-only -verify=queue -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify=queue -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=device -verify-ignore-unexpected=note -DDEVICE %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s | FileCheck %s

#include <wdf.h>

// device-no-diagnostics

static HANDLE Log;

// CHECK-DAG: contract DefaultRead: max=DISPATCH_LEVEL same class=EVT_WDF_IO_QUEUE_IO_READ [registered with ->EvtIoRead; class EVT_WDF_IO_QUEUE_IO_READ]{{$}}
static VOID DefaultRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // queue-warning {{'DefaultRead' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_READ), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// CHECK-DAG: contract ManualCanceled: max=DISPATCH_LEVEL same class=EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE [registered with ->EvtIoCanceledOnQueue; class EVT_WDF_IO_QUEUE_IO_CANCELED_ON_QUEUE]{{$}}
static VOID ManualCanceled(WDFQUEUE Queue, WDFREQUEST Request) {
  WdfRequestComplete(Request, STATUS_CANCELLED);
}

// CHECK-DAG: contract SettingsIoctl: req=PASSIVE_LEVEL same class=EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL [registered with ->EvtIoDeviceControl; class EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL; execution level WdfExecutionLevelPassive]
static VOID SettingsIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T O, SIZE_T I, ULONG Code) {
  ZwClose(Log);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

NTSTATUS QueueInitialize(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG QueueConfig;
  WDF_OBJECT_ATTRIBUTES Attributes;
  NTSTATUS Status;

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchParallel);
  QueueConfig.EvtIoRead = DefaultRead;
  Status = WdfIoQueueCreate(Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchManual);
  QueueConfig.EvtIoCanceledOnQueue = ManualCanceled;
  Status = WdfIoQueueCreate(Device, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_IO_QUEUE_CONFIG_INIT(&QueueConfig, WdfIoQueueDispatchSequential);
  QueueConfig.EvtIoDeviceControl = SettingsIoctl;
  WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
  Attributes.ExecutionLevel = WdfExecutionLevelPassive;
  return WdfIoQueueCreate(Device, &QueueConfig, &Attributes, WDF_NO_HANDLE);
}

#ifdef DEVICE
NTSTATUS CreatePassiveDevice(PWDFDEVICE_INIT DeviceInit, WDFDEVICE *Device) {
  WDF_OBJECT_ATTRIBUTES DeviceAttributes;
  WDF_OBJECT_ATTRIBUTES_INIT(&DeviceAttributes);
  DeviceAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  return WdfDeviceCreate(&DeviceInit, &DeviceAttributes, Device);
}
#endif
