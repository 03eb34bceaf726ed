// A KMDF queue's request handlers run at PASSIVE_LEVEL when the queue was
// created with ExecutionLevel = WdfExecutionLevelPassive in its
// WDF_OBJECT_ATTRIBUTES, or inherits it (no attributes, or
// WdfExecutionLevelInheritFromParent) from a device created passive in the
// same translation unit; a timer's callback when the timer's own attributes
// say so. Then a PASSIVE_LEVEL-only call in them is fine. A queue created
// WdfExecutionLevelDispatch keeps the role's DISPATCH_LEVEL. A queue whose
// device this translation unit does not show, in a translation unit that
// makes some object passive, may be either: only a bound, so no finding.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <wdf.h>

typedef struct _DEVICE_CONTEXT {
  WDFDEVICE Device;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

static HANDLE Log;
static DEVICE_CONTEXT Globals;

// A passive queue's object lock is no spin lock: WdfObjectAcquireLock keeps
// what the WDK declares (callable at DISPATCH_LEVEL, no IRQL effect).
// DUMP-DAG: contract WdfObjectAcquireLock: max=DISPATCH_LEVEL{{$}}
// DUMP-DAG: contract PassiveRead: req=PASSIVE_LEVEL same class=EVT_WDF_IO_QUEUE_IO_READ [registered with ->EvtIoRead; class EVT_WDF_IO_QUEUE_IO_READ; execution level WdfExecutionLevelPassive]
static VOID PassiveRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  WdfObjectAcquireLock(Queue);
  ZwClose(Log);
  WdfObjectReleaseLock(Queue);
}

// Inherits from the passive device (created into a field, queue created
// from that field).
// DUMP-DAG: contract InheritedIoctl: req=PASSIVE_LEVEL same class=EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL InheritedIoctl;
VOID InheritedIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T O, SIZE_T I, ULONG Code) {
  ZwClose(Log);
}

// DUMP-DAG: contract DispatchWrite: max=DISPATCH_LEVEL same class=EVT_WDF_IO_QUEUE_IO_WRITE [registered with ->EvtIoWrite; class EVT_WDF_IO_QUEUE_IO_WRITE]
static VOID DispatchWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // expected-warning {{'DispatchWrite' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_WRITE), but calls PASSIVE_LEVEL-only 'ZwClose'}}
}

// DUMP-DAG: contract UnknownDefault: same class=EVT_WDF_IO_QUEUE_IO_DEFAULT [registered with ->EvtIoDefault; class EVT_WDF_IO_QUEUE_IO_DEFAULT; execution level not known here]
static VOID UnknownDefault(WDFQUEUE Queue, WDFREQUEST Request) {
  KSPIN_LOCK Lock;
  KIRQL Old;
  ZwClose(Log);
  KeInitializeSpinLock(&Lock);
  KeAcquireSpinLock(&Lock, &Old);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
}

// DUMP-DAG: contract PassiveTimer: req=PASSIVE_LEVEL same class=EVT_WDF_TIMER [registered with WDF_TIMER_CONFIG_INIT; class EVT_WDF_TIMER; execution level WdfExecutionLevelPassive]
static VOID PassiveTimer(WDFTIMER Timer) { ZwClose(Log); }

// Registered in two queues, one passive, one at DISPATCH_LEVEL: may be
// either, so a bound.
// DUMP-DAG: contract TwoQueues: same class=EVT_WDF_IO_QUEUE_IO_STOP [registered with ->EvtIoStop; class EVT_WDF_IO_QUEUE_IO_STOP; execution level not known here]
static VOID TwoQueues(WDFQUEUE Queue, WDFREQUEST Request, ULONG Flags) { ZwClose(Log); }

// An interrupt configured for passive-level handling: its ISR runs at
// PASSIVE_LEVEL (with the interrupt's wait lock held).
// DUMP-DAG: contract PassiveIsr: req=PASSIVE_LEVEL same class=EVT_WDF_INTERRUPT_ISR [registered with WDF_INTERRUPT_CONFIG_INIT; class EVT_WDF_INTERRUPT_ISR; role EVT_WDF_INTERRUPT_ISR; interrupt with PassiveHandling]
static BOOLEAN PassiveIsr(WDFINTERRUPT Interrupt, ULONG MessageId) {
  ZwClose(Log);
  return TRUE;
}

NTSTATUS CreateInterrupt(WDFDEVICE Device) {
  WDF_INTERRUPT_CONFIG Config;
  WDFINTERRUPT Interrupt;
  WDF_INTERRUPT_CONFIG_INIT(&Config, PassiveIsr, NULL);
  Config.PassiveHandling = TRUE;
  return WdfInterruptCreate(Device, &Config, WDF_NO_OBJECT_ATTRIBUTES, &Interrupt);
}

NTSTATUS AddDevice(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  WDF_OBJECT_ATTRIBUTES DeviceAttributes, QueueAttributes, DispatchAttributes, TimerAttributes;
  WDF_IO_QUEUE_CONFIG Passive, Inherit, Dispatch;
  WDF_TIMER_CONFIG TimerConfig;
  WDFTIMER Timer;
  NTSTATUS Status;

  WDF_OBJECT_ATTRIBUTES_INIT(&DeviceAttributes);
  DeviceAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  Status = WdfDeviceCreate(&DeviceInit, &DeviceAttributes, &Globals.Device);
  if (!NT_SUCCESS(Status))
    return Status;

  WDF_IO_QUEUE_CONFIG_INIT(&Passive, WdfIoQueueDispatchSequential);
  Passive.EvtIoRead = PassiveRead;
  Passive.EvtIoStop = TwoQueues;
  WDF_OBJECT_ATTRIBUTES_INIT(&QueueAttributes);
  QueueAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  Status = WdfIoQueueCreate(Globals.Device, &Passive, &QueueAttributes, NULL);

  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&Inherit, WdfIoQueueDispatchParallel);
  Inherit.EvtIoDeviceControl = InheritedIoctl;
  Status = WdfIoQueueCreate(Globals.Device, &Inherit, WDF_NO_OBJECT_ATTRIBUTES, NULL);

  WDF_IO_QUEUE_CONFIG_INIT(&Dispatch, WdfIoQueueDispatchParallel);
  Dispatch.EvtIoWrite = DispatchWrite;
  Dispatch.EvtIoStop = TwoQueues;
  WDF_OBJECT_ATTRIBUTES_INIT(&DispatchAttributes);
  DispatchAttributes.ExecutionLevel = WdfExecutionLevelDispatch;
  Status = WdfIoQueueCreate(Globals.Device, &Dispatch, &DispatchAttributes, NULL);

  WDF_TIMER_CONFIG_INIT(&TimerConfig, PassiveTimer);
  WDF_OBJECT_ATTRIBUTES_INIT(&TimerAttributes);
  TimerAttributes.ExecutionLevel = WdfExecutionLevelPassive;
  TimerAttributes.ParentObject = (WDFOBJECT)Globals.Device;
  return WdfTimerCreate(&TimerConfig, &TimerAttributes, &Timer);
}

// A device this translation unit did not create.
NTSTATUS CreateOtherQueue(WDFDEVICE Other) {
  WDF_IO_QUEUE_CONFIG Config;
  WDF_IO_QUEUE_CONFIG_INIT(&Config, WdfIoQueueDispatchParallel);
  Config.EvtIoDefault = UnknownDefault;
  return WdfIoQueueCreate(Other, &Config, WDF_NO_OBJECT_ATTRIBUTES, NULL);
}
