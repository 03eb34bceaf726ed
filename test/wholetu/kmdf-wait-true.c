// WdfTimerStop and WdfDpcCancel wait for a running callback when Wait is
// TRUE, which is allowed at PASSIVE_LEVEL only; the WDK says so with
// _When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL)). A timer
// callback (DISPATCH_LEVEL) that stops its own timer with Wait = TRUE is the
// classic KMDF deadlock; with Wait = FALSE it is fine, and so is Wait = TRUE
// from a PASSIVE_LEVEL callback.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s

#include <wdf.h>

typedef struct _TIMER_CONTEXT {
  WDFTIMER Timer;
  WDFDPC Dpc;
  LONG Ticks;
} TIMER_CONTEXT;

static TIMER_CONTEXT Globals;

EVT_WDF_TIMER PollTimer;
VOID PollTimer(WDFTIMER Timer) {
  if (++Globals.Ticks > 10) {
    WdfTimerStop(Timer, FALSE);
    WdfDpcCancel(Globals.Dpc, FALSE);
  }
  if (Globals.Ticks > 20)
    WdfTimerStop(Timer, TRUE); // expected-warning {{'PollTimer' can be called at DISPATCH_LEVEL (its role EVT_WDF_TIMER), but calls PASSIVE_LEVEL-only 'WdfTimerStop'}}
}

EVT_WDF_DPC CompletionDpc;
VOID CompletionDpc(WDFDPC Dpc) {
  WdfDpcCancel(Dpc, TRUE); // expected-warning {{'WdfDpcCancel' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
}

EVT_WDF_WORKITEM StopWorkItem;
VOID StopWorkItem(WDFWORKITEM WorkItem) {
  WdfTimerStop(Globals.Timer, TRUE);
  WdfDpcCancel(Globals.Dpc, TRUE);
}
