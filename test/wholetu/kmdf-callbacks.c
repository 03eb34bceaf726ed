// KMDF callbacks get their role from the configuration they are registered
// in: a field of WDF_IO_QUEUE_CONFIG (QueueConfig.EvtIoRead = F), or an
// argument of one of the FORCEINLINE initializers (WDF_TIMER_CONFIG_INIT,
// WDF_DPC_CONFIG_INIT, WDF_WORKITEM_CONFIG_INIT, WDF_INTERRUPT_CONFIG_INIT,
// WDF_DRIVER_CONFIG_INIT) whose parameter type is the role's PFN_ pointer.
// Nothing in this translation unit makes an object passive, so a queue's
// request handlers and a timer can be called at DISPATCH_LEVEL (promised,
// Roles.def): a PASSIVE_LEVEL-only call there is a bug. Work items and
// EvtDriverDeviceAdd run at PASSIVE_LEVEL; an ISR at DIRQL. The queue's
// object lock (WdfObjectAcquireLock) raises to DISPATCH_LEVEL.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <wdf.h>

static HANDLE Log;
static KSPIN_LOCK Lock;

// DUMP-DAG: contract EvtRead: max=DISPATCH_LEVEL same class=EVT_WDF_IO_QUEUE_IO_READ [registered with ->EvtIoRead;
static VOID EvtRead(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // expected-warning {{'EvtRead' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_READ), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// Declared through the role typedef and registered: the same.
EVT_WDF_IO_QUEUE_IO_WRITE EvtWrite;
VOID EvtWrite(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T Length) {
  ZwClose(Log); // expected-warning {{'EvtWrite' can be called at DISPATCH_LEVEL (its role EVT_WDF_IO_QUEUE_IO_WRITE)}}
}

// The queue is not passive, so its object lock is a spin lock:
// WdfObjectAcquireLock raises to DISPATCH_LEVEL until WdfObjectReleaseLock.
// DUMP-DAG: contract WdfObjectAcquireLock: max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves-global=WdfObjectLock:arg0 [object lock raises]
static VOID EvtInternal(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T O, SIZE_T I, ULONG Code) {
  WdfObjectAcquireLock(Queue);
  WdfRequestComplete(Request, STATUS_SUCCESS);
  WdfObjectReleaseLock(Queue);
  ZwClose(Log); // expected-warning {{'EvtInternal' can be called at DISPATCH_LEVEL}}
  WdfObjectAcquireLock(Queue);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  WdfObjectReleaseLock(Queue);
}

// Up to DISPATCH_LEVEL is fine in every request handler.
static VOID EvtIoctl(WDFQUEUE Queue, WDFREQUEST Request, SIZE_T O, SIZE_T I, ULONG Code) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  KeReleaseSpinLock(&Lock, Old);
  WdfRequestComplete(Request, STATUS_SUCCESS);
}

// DUMP-DAG: contract EvtTimer: max=DISPATCH_LEVEL same class=EVT_WDF_TIMER [registered with WDF_TIMER_CONFIG_INIT;
static VOID EvtTimer(WDFTIMER Timer) {
  ZwClose(Log); // expected-warning {{'EvtTimer' can be called at DISPATCH_LEVEL (its role EVT_WDF_TIMER)}}
}
// DUMP-DAG: contract EvtDpc: req=DISPATCH_LEVEL same class=EVT_WDF_DPC [registered with WDF_DPC_CONFIG_INIT;
static VOID EvtDpc(WDFDPC Dpc) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract EvtWork: max=PASSIVE_LEVEL same class=EVT_WDF_WORKITEM [registered with WDF_WORKITEM_CONFIG_INIT;
static VOID EvtWork(WDFWORKITEM Item) { ZwClose(Log); }
// DUMP-DAG: contract EvtIsr: min=3 max=DIRQL same class=EVT_WDF_INTERRUPT_ISR [registered with WDF_INTERRUPT_CONFIG_INIT;
static BOOLEAN EvtIsr(WDFINTERRUPT Interrupt, ULONG MessageId) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-warning {{called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
  return WdfInterruptQueueDpcForIsr(Interrupt);
}
// DUMP-DAG: contract EvtIntDpc: req=DISPATCH_LEVEL same class=EVT_WDF_INTERRUPT_DPC [registered with WDF_INTERRUPT_CONFIG_INIT;
static VOID EvtIntDpc(WDFINTERRUPT Interrupt, WDFOBJECT Object) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract EvtAdd: max=PASSIVE_LEVEL same class=EVT_WDF_DRIVER_DEVICE_ADD [registered with WDF_DRIVER_CONFIG_INIT;
static NTSTATUS EvtAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit) {
  ZwClose(Log);
  return STATUS_SUCCESS;
}

NTSTATUS CreateObjects(WDFDEVICE Device) {
  WDF_IO_QUEUE_CONFIG Config;
  WDF_TIMER_CONFIG TimerConfig;
  WDF_DPC_CONFIG DpcConfig;
  WDF_WORKITEM_CONFIG WorkConfig;
  WDF_INTERRUPT_CONFIG IntConfig;
  WDF_OBJECT_ATTRIBUTES Attributes;
  WDFTIMER Timer;
  WDFDPC Dpc;
  WDFWORKITEM Work;
  WDFINTERRUPT Interrupt;
  NTSTATUS Status;

  // The device was created elsewhere; nothing here makes anything passive.
  WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&Config, WdfIoQueueDispatchParallel);
  Config.EvtIoRead = EvtRead;
  Config.EvtIoWrite = EvtWrite;
  Config.EvtIoDeviceControl = EvtIoctl;
  Config.EvtIoInternalDeviceControl = EvtInternal;
  Status = WdfIoQueueCreate(Device, &Config, WDF_NO_OBJECT_ATTRIBUTES, NULL);
  if (!NT_SUCCESS(Status))
    return Status;
  WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
  Attributes.ParentObject = (WDFOBJECT)Device;
  WDF_TIMER_CONFIG_INIT(&TimerConfig, EvtTimer);
  Status = WdfTimerCreate(&TimerConfig, &Attributes, &Timer);
  WDF_DPC_CONFIG_INIT(&DpcConfig, EvtDpc);
  Status = WdfDpcCreate(&DpcConfig, &Attributes, &Dpc);
  WDF_WORKITEM_CONFIG_INIT(&WorkConfig, EvtWork);
  Status = WdfWorkItemCreate(&WorkConfig, &Attributes, &Work);
  WDF_INTERRUPT_CONFIG_INIT(&IntConfig, EvtIsr, EvtIntDpc);
  return WdfInterruptCreate(Device, &IntConfig, WDF_NO_OBJECT_ATTRIBUTES, &Interrupt);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  WDF_DRIVER_CONFIG Config;
  WDF_DRIVER_CONFIG_INIT(&Config, EvtAdd);
  return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config, WDF_NO_HANDLE);
}
