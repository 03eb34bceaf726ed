// Roles by typedef name with mingw-w64's headers, which carry no SAL: the
// DMA callbacks (DRIVER_CONTROL for AllocateAdapterChannel,
// DRIVER_LIST_CONTROL for GetScatterGatherList) run at DISPATCH_LEVEL and
// are registered through calls through the DMA_OPERATIONS pointers, whose
// parameter types name the role; a message-signaled ISR
// (KMESSAGE_SERVICE_ROUTINE, stored in IO_CONNECT_INTERRUPT_PARAMETERS) runs
// at DIRQL; IO_TIMER_ROUTINE (IoInitializeTimer) at DISPATCH_LEVEL and a
// synchronize routine (KeSynchronizeExecution) at DIRQL. A process-notify
// routine (PsSetCreateProcessNotifyRoutine: PCREATE_PROCESS_NOTIFY_ROUTINE,
// a pointer typedef) runs at PASSIVE_LEVEL.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note \
// RUN:   -c -o %t.o %s
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -O2 -Xclang -verify \
// RUN:   -Xclang -verify-ignore-unexpected=note -c -o %t.o %s
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts \
// RUN:   -fsyntax-only %s | FileCheck %s --check-prefix=DUMP

#include <ntddk.h>

static HANDLE Log;
static KSPIN_LOCK Lock;

// DUMP-DAG: contract AdapterControl: req=DISPATCH_LEVEL same class=DRIVER_CONTROL [registered with ->AllocateAdapterChannel; role DRIVER_CONTROL]
static IO_ALLOCATION_ACTION NTAPI AdapterControl(PDEVICE_OBJECT Device, PIRP Irp, PVOID MapRegisters,
                                                 PVOID Context) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  return KeepObject;
}
// DUMP-DAG: contract ListControl: req=DISPATCH_LEVEL same class=DRIVER_LIST_CONTROL [registered with ->GetScatterGatherList; role DRIVER_LIST_CONTROL]
static VOID NTAPI ListControl(PDEVICE_OBJECT Device, PIRP Irp, PSCATTER_GATHER_LIST List,
                              PVOID Context) {
  KeAcquireSpinLockAtDpcLevel(&Lock); // exactly DISPATCH_LEVEL: fine
  KeReleaseSpinLockFromDpcLevel(&Lock);
}
// DUMP-DAG: contract MessageIsr: min=3 max=DIRQL same class=KMESSAGE_SERVICE_ROUTINE [registered with ->MessageServiceRoutine; role KMESSAGE_SERVICE_ROUTINE]
static BOOLEAN NTAPI MessageIsr(PKINTERRUPT Interrupt, PVOID Context, ULONG MessageId) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-warning {{called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
  return TRUE;
}
// DUMP-DAG: contract Tick: req=DISPATCH_LEVEL same class=IO_TIMER_ROUTINE
static VOID NTAPI Tick(PDEVICE_OBJECT Device, PVOID Context) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract Synchronized: min=3 max=DIRQL same class=KSYNCHRONIZE_ROUTINE
static BOOLEAN NTAPI Synchronized(PVOID Context) {
  KeStallExecutionProcessor(10); // fine at any IRQL
  return TRUE;
}

// DUMP-DAG: contract ProcessNotify: req=PASSIVE_LEVEL same class=PCREATE_PROCESS_NOTIFY_ROUTINE [registered with PsSetCreateProcessNotifyRoutine; role PCREATE_PROCESS_NOTIFY_ROUTINE]
static VOID NTAPI ProcessNotify(HANDLE Parent, HANDLE Process, BOOLEAN Create) {
  ZwClose(Log); // fine: PASSIVE_LEVEL
}

NTSTATUS Watch(void) { return PsSetCreateProcessNotifyRoutine(ProcessNotify, FALSE); }

NTSTATUS StartDevice(PDEVICE_OBJECT Device, PIRP Irp, PDMA_ADAPTER Dma, PKINTERRUPT Interrupt) {
  IO_CONNECT_INTERRUPT_PARAMETERS Params;
  RtlZeroMemory(&Params, sizeof(Params));
  Params.Version = CONNECT_MESSAGE_BASED;
  Params.MessageBased.MessageServiceRoutine = MessageIsr;
  (void)IoConnectInterruptEx(&Params);
  (void)IoInitializeTimer(Device, Tick, NULL);
  (void)KeSynchronizeExecution(Interrupt, Synchronized, NULL);
  (void)Dma->DmaOperations->GetScatterGatherList(Dma, Device, Irp->MdlAddress, NULL, 0, ListControl,
                                                 NULL, TRUE);
  return Dma->DmaOperations->AllocateAdapterChannel(Dma, Device, 1, AdapterControl, NULL);
}
