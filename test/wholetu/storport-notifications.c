// Storport routines that register a callback: StorPortInitializeDpc
// (HW_DPC_ROUTINE, DISPATCH_LEVEL), StorPortEnablePassiveInitialization
// (PASSIVE_LEVEL), StorPortRequestTimer (HW_TIMER_EX, DISPATCH_LEVEL) and
// StorPortQueueWorkItem (HW_WORKITEM, PASSIVE_LEVEL) by their parameter
// types; StorPortNotification by its notification type, a constant:
// RequestTimerCall's HW_TIMER, InitializeDpc's HW_DPC_ROUTINE and
// EnablePassiveInitialization's routine. A routine given to another
// notification, or to one whose type is not a constant, gets no role.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <storport.h>

static HANDLE Log;
static STOR_DPC Dpc1, Dpc2;
static PVOID Timer, Worker;

// DUMP-DAG: contract Timer1: req=DISPATCH_LEVEL same class=HW_TIMER [registered with StorPortNotification(RequestTimerCall);
static VOID Timer1(PVOID Ext) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract DpcByNotification: req=DISPATCH_LEVEL same class=HW_DPC_ROUTINE [registered with StorPortNotification(InitializeDpc);
static VOID DpcByNotification(PSTOR_DPC Dpc, PVOID Ext, PVOID A1, PVOID A2) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract PassiveByNotification: req=PASSIVE_LEVEL same class=HW_PASSIVE_INITIALIZE_ROUTINE [registered with StorPortNotification(EnablePassiveInitialization);
static BOOLEAN PassiveByNotification(PVOID Ext) {
  ZwClose(Log);
  return TRUE;
}
// DUMP-DAG: contract DpcRoutine: req=DISPATCH_LEVEL same class=HW_DPC_ROUTINE [registered with StorPortInitializeDpc;
static VOID DpcRoutine(PSTOR_DPC Dpc, PVOID Ext, PVOID A1, PVOID A2) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract PassiveInit: req=PASSIVE_LEVEL same class=HW_PASSIVE_INITIALIZE_ROUTINE [registered with StorPortEnablePassiveInitialization;
static BOOLEAN PassiveInit(PVOID Ext) {
  ZwClose(Log);
  return TRUE;
}
// DUMP-DAG: contract TimerEx: req=DISPATCH_LEVEL same class=HW_TIMER_EX [registered with StorPortRequestTimer;
static VOID TimerEx(PVOID Ext, PVOID Context) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
}
// DUMP-DAG: contract WorkItem: req=PASSIVE_LEVEL same class=HW_WORKITEM [registered with StorPortQueueWorkItem;
static VOID WorkItem(PVOID Ext, PVOID Context, PVOID Item) {
  ZwClose(Log);
}
// Passed to a notification that takes no callback, or to one whose type
// is not a constant: no role.
// DUMP-NOT: contract NotATimer:
// DUMP-NOT: contract MaybeTimer:
static VOID NotATimer(PVOID Ext) { ZwClose(Log); }
static VOID MaybeTimer(PVOID Ext) { ZwClose(Log); }

BOOLEAN Setup(PVOID Ext, SCSI_NOTIFICATION_TYPE Type) {
  BOOLEAN Enabled = FALSE;
  StorPortNotification(RequestTimerCall, Ext, Timer1, 1000);
  StorPortNotification(InitializeDpc, Ext, &Dpc1, DpcByNotification);
  StorPortNotification(EnablePassiveInitialization, Ext, PassiveByNotification, &Enabled);
  StorPortInitializeDpc(Ext, &Dpc2, DpcRoutine);
  StorPortEnablePassiveInitialization(Ext, PassiveInit);
  StorPortRequestTimer(Ext, Timer, TimerEx, NULL, 1000, 0);
  StorPortQueueWorkItem(Ext, WorkItem, Worker, NULL);
  StorPortNotification(NextRequest, Ext, NotATimer);
  StorPortNotification(Type, Ext, MaybeTimer, 1000);
  return Enabled;
}
