// SAL's annotation constants __true and __false (KMDF writes
// _When_(Wait == __true, _IRQL_requires_max_(PASSIVE_LEVEL)) on WdfTimerStop)
// are 1 and 0 in a _When_ condition: the header's condition holds for
// Wait = TRUE and the call at DISPATCH_LEVEL is reported; with Wait = FALSE it
// is allowed there. Found by test/model/Inputs/reach_rows.py on the WDK-style
// headers (before, the condition was opaque and never held).
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s

#include <wdf.h>

static KSPIN_LOCK Lock;

VOID StopWaiting(WDFTIMER Timer) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  WdfTimerStop(Timer, TRUE); // expected-warning {{'WdfTimerStop' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note@*:* {{requirement of 'WdfTimerStop' comes from its annotation}}
  KeReleaseSpinLock(&Lock, Old);
}

VOID StopNoWait(WDFTIMER Timer) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  WdfTimerStop(Timer, FALSE);
  KeReleaseSpinLock(&Lock, Old);
}

// An annotation whose condition compares with __false: only Flag == 0 is held
// to PASSIVE_LEVEL.
_When_(Flag == __false, _IRQL_requires_max_(PASSIVE_LEVEL)) // expected-note {{requirement of 'Helper' comes from its annotation}}
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID Helper(BOOLEAN Flag);

VOID CallsHelper(VOID) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Helper(TRUE);
  Helper(FALSE); // expected-warning {{'Helper' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} 
  KeReleaseSpinLock(&Lock, Old);
}
