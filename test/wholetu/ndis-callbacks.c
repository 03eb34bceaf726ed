// NDIS 6 handlers get their roles from the characteristics structures the
// driver registers (NDIS_MINIPORT_DRIVER_CHARACTERISTICS, ..._INTERRUPT_...,
// NDIS_PROTOCOL_DRIVER_CHARACTERISTICS, NDIS_TIMER_CHARACTERISTICS; by
// stores or by an initializer) and from a routine's parameter type
// (NdisQueueIoWorkItem's NDIS_IO_WORKITEM_ROUTINE). The data path, OID
// requests and timers can run at DISPATCH_LEVEL (promised); initialize,
// bind and work items run at PASSIVE_LEVEL; the ISR at DIRQL.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <ndis.h>

static HANDLE Log;
static NDIS_SPIN_LOCK Lock;

// DUMP-DAG: contract MpInitialize: req=PASSIVE_LEVEL same class=MINIPORT_INITIALIZE [registered with ->InitializeHandlerEx;
static NDIS_STATUS MpInitialize(NDIS_HANDLE Handle, NDIS_HANDLE Context,
                                PNDIS_MINIPORT_INIT_PARAMETERS Parameters) {
  ZwClose(Log);
  return 0;
}
// DUMP-DAG: contract MpOidRequest: max=DISPATCH_LEVEL same class=MINIPORT_OID_REQUEST [registered with ->OidRequestHandler;
static NDIS_STATUS MpOidRequest(NDIS_HANDLE Context, PNDIS_OID_REQUEST Request) {
  ZwClose(Log); // expected-warning {{'MpOidRequest' can be called at DISPATCH_LEVEL (its role MINIPORT_OID_REQUEST), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  return 0;
}
// Up to DISPATCH_LEVEL is fine on the send path.
static VOID MpSend(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists, NDIS_PORT_NUMBER Port, ULONG Flags) {
  NdisAcquireSpinLock(&Lock);
  NdisReleaseSpinLock(&Lock);
}
// DUMP-DAG: contract MpIsr: min=3 max=DIRQL same class=MINIPORT_ISR [registered with .InterruptHandler;
static BOOLEAN MpIsr(NDIS_HANDLE Context, PBOOLEAN QueueDpc, PULONG Targets) {
  NdisAcquireSpinLock(&Lock); // expected-warning {{called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  NdisReleaseSpinLock(&Lock);
  return TRUE;
}
// DUMP-DAG: contract MpTimer: max=DISPATCH_LEVEL same class=NDIS_TIMER_FUNCTION [registered with ->TimerFunction;
static VOID MpTimer(PVOID S1, PVOID Context, PVOID S2, PVOID S3) {
  ZwClose(Log); // expected-warning {{'MpTimer' can be called at DISPATCH_LEVEL (its role NDIS_TIMER_FUNCTION)}}
}
// DUMP-DAG: contract MpWork: req=PASSIVE_LEVEL same class=NDIS_IO_WORKITEM_FUNCTION [registered with NdisQueueIoWorkItem;
static VOID MpWork(PVOID Context, NDIS_HANDLE Item) { ZwClose(Log); }
// DUMP-DAG: contract PtBind: req=PASSIVE_LEVEL same class=PROTOCOL_BIND_ADAPTER_EX [registered with ->BindAdapterHandlerEx;
static NDIS_STATUS PtBind(NDIS_HANDLE Driver, NDIS_HANDLE Bind, PNDIS_BIND_PARAMETERS Parameters) {
  ZwClose(Log);
  return 0;
}
// DUMP-DAG: contract PtReceive: max=DISPATCH_LEVEL same class=PROTOCOL_RECEIVE_NET_BUFFER_LISTS [registered with ->ReceiveNetBufferListsHandler;
static VOID PtReceive(NDIS_HANDLE Binding, PNET_BUFFER_LIST Lists, NDIS_PORT_NUMBER Port, ULONG Count,
                      ULONG Flags) {
  ZwClose(Log); // expected-warning {{'PtReceive' can be called at DISPATCH_LEVEL (its role PROTOCOL_RECEIVE_NET_BUFFER_LISTS)}}
}

// A lightweight filter's status handler (NDIS_FILTER_DRIVER_CHARACTERISTICS).
// DUMP-DAG: contract FStatus: max=DISPATCH_LEVEL same class=FILTER_STATUS [registered with ->StatusHandler;
static VOID FStatus(NDIS_HANDLE Module, PNDIS_STATUS_INDICATION Indication) {
  ZwClose(Log); // expected-warning {{'FStatus' can be called at DISPATCH_LEVEL (its role FILTER_STATUS)}}
}
// DUMP-DAG: contract FNetPnp: req=PASSIVE_LEVEL same class=FILTER_NET_PNP_EVENT [registered with ->NetPnPEventHandler;
static NDIS_STATUS FNetPnp(NDIS_HANDLE Module, PNET_PNP_EVENT_NOTIFICATION Event) {
  ZwClose(Log);
  return 0;
}

NTSTATUS RegisterFilter(PDRIVER_OBJECT Driver) {
  NDIS_FILTER_DRIVER_CHARACTERISTICS Chars;
  NDIS_HANDLE Handle;
  NdisZeroMemory(&Chars, sizeof(Chars));
  Chars.StatusHandler = FStatus;
  Chars.NetPnPEventHandler = FNetPnp;
  return NdisFRegisterFilterDriver(Driver, NULL, &Chars, &Handle);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING RegistryPath) {
  NDIS_MINIPORT_DRIVER_CHARACTERISTICS Miniport;
  NDIS_PROTOCOL_DRIVER_CHARACTERISTICS Protocol = {0};
  NDIS_HANDLE MiniportHandle, ProtocolHandle;
  NdisZeroMemory(&Miniport, sizeof(Miniport));
  Miniport.InitializeHandlerEx = MpInitialize;
  Miniport.OidRequestHandler = MpOidRequest;
  Miniport.SendNetBufferListsHandler = MpSend;
  Protocol.BindAdapterHandlerEx = PtBind;
  Protocol.ReceiveNetBufferListsHandler = PtReceive;
  (void)NdisRegisterProtocolDriver(NULL, &Protocol, &ProtocolHandle);
  return NdisMRegisterMiniportDriver(Driver, RegistryPath, NULL, &Miniport, &MiniportHandle);
}

NDIS_STATUS StartAdapter(NDIS_HANDLE Adapter, NDIS_HANDLE Context) {
  NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS Interrupt = {{0}, MpIsr};
  NDIS_TIMER_CHARACTERISTICS Timer;
  NDIS_HANDLE InterruptHandle, TimerHandle, Item;
  NdisZeroMemory(&Timer, sizeof(Timer));
  Timer.TimerFunction = MpTimer;
  (void)NdisAllocateTimerObject(Adapter, &Timer, &TimerHandle);
  Item = NdisAllocateIoWorkItem(Adapter);
  NdisQueueIoWorkItem(Item, MpWork, Context);
  return NdisMRegisterInterruptEx(Adapter, Context, &Interrupt, &InterruptHandle);
}
