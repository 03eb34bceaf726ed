// KMDF attributes that this translation unit fills in through a pointer, or
// that a creation takes through a pointer, may be passive: a helper that
// sets Attributes->ExecutionLevel = WdfExecutionLevelPassive for its
// caller, and a creation helper that takes PWDF_OBJECT_ATTRIBUTES from its
// caller. The objects created with them, and the queues that inherit from
// them, have no settled level here: their request handlers get only the
// role's bound (no finding for a PASSIVE_LEVEL-only call, which is right
// when the level is passive). Attributes whose own ExecutionLevel this
// translation unit sets keep it: a queue created WdfExecutionLevelDispatch
// is still checked at DISPATCH_LEVEL.
//
// Each way is compiled on its own (FILLS, CREATES): either alone must keep
// the handlers quiet.
// RUN: %wdk_cc1 -emit-llvm-only -verify=both -verify-ignore-unexpected=note -DFILLS %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify=both -verify-ignore-unexpected=note -DFILLS %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=both,creates -verify-ignore-unexpected=note -DCREATES %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify=both,creates -verify-ignore-unexpected=note -DCREATES %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts -DFILLS -DCREATES %s \
// RUN:   | FileCheck %s

#include <wdf.h>

static HANDLE Log;
static struct { WDFDEVICE Device; } Globals;

// FILLS: the device is made passive by InitPassiveAttributes; the default
// queue inherits it. (Without FILLS the device is not passive.)
// CHECK-DAG: contract InheritedRead: same class=EVT_WDF_IO_QUEUE_IO_READ [class EVT_WDF_IO_QUEUE_IO_READ; execution level not known here]
EVT_WDF_IO_QUEUE_IO_READ InheritedRead;
VOID InheritedRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // creates-warning {{'InheritedRead' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_READ), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// CREATES: created by CreateIoctlQueue with its caller's attributes.
// CHECK-DAG: contract CallerAttributesIoctl: same class=EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL [class EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL; execution level not known here]
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL CallerAttributesIoctl;
VOID CallerAttributesIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T O, SIZE_T I, ULONG Code) {
  ZwClose(Log);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// A queue whose own attributes say WdfExecutionLevelDispatch.
// CHECK-DAG: contract DispatchWrite: max=DISPATCH_LEVEL same class=EVT_WDF_IO_QUEUE_IO_WRITE [class EVT_WDF_IO_QUEUE_IO_WRITE]{{$}}
EVT_WDF_IO_QUEUE_IO_WRITE DispatchWrite;
VOID DispatchWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // both-warning {{'DispatchWrite' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_WRITE), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

static VOID InitPassiveAttributes(PWDF_OBJECT_ATTRIBUTES Attributes) {
  WDF_OBJECT_ATTRIBUTES_INIT(Attributes);
#ifdef FILLS
  Attributes->ExecutionLevel = WdfExecutionLevelPassive;
#endif
}

static NTSTATUS CreateIoctlQueue(PWDF_OBJECT_ATTRIBUTES Attributes) {
  WDF_IO_QUEUE_CONFIG Ioctl;
  WDF_IO_QUEUE_CONFIG_INIT(&Ioctl, WdfIoQueueDispatchSequential);
  Ioctl.EvtIoDeviceControl = CallerAttributesIoctl;
  return WdfIoQueueCreate(Globals.Device, &Ioctl, Attributes, WDF_NO_HANDLE);
}

NTSTATUS AddDevice(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_OBJECT_ATTRIBUTES DeviceAttributes, QueueAttributes, DispatchAttributes;
  WDF_IO_QUEUE_CONFIG Default, Write;
  NTSTATUS Status;

  InitPassiveAttributes(&DeviceAttributes);
  Status = WdfDeviceCreate(&DeviceInit, &DeviceAttributes, &Globals.Device);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&Default, WdfIoQueueDispatchParallel);
  Default.EvtIoRead = InheritedRead;
  Status = WdfIoQueueCreate(Globals.Device, &Default, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_OBJECT_ATTRIBUTES_INIT(&QueueAttributes);
#ifdef CREATES
  QueueAttributes.ExecutionLevel = WdfExecutionLevelPassive;
#endif
  Status = CreateIoctlQueue(&QueueAttributes);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_IO_QUEUE_CONFIG_INIT(&Write, WdfIoQueueDispatchParallel);
  Write.EvtIoWrite = DispatchWrite;
  WDF_OBJECT_ATTRIBUTES_INIT(&DispatchAttributes);
  DispatchAttributes.ExecutionLevel = WdfExecutionLevelDispatch;
  return WdfIoQueueCreate(Globals.Device, &Write, &DispatchAttributes, WDF_NO_HANDLE);
}
