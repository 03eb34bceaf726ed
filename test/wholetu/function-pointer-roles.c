// Calls through a pointer of a role type get that role's contract; other
// indirect calls are not guessed.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

typedef struct {
  PIO_WORKITEM_ROUTINE Work;
  PKDEFERRED_ROUTINE Dpc;
  void (*Plain)(void);
} CALLBACKS;

void WorkUnderLock(CALLBACKS *Cb, PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Cb->Work(NULL, NULL); // expected-warning {{IO_WORKITEM_ROUTINE through a pointer)' must be called at exactly PASSIVE_LEVEL, but the IRQL here is DISPATCH_LEVEL}} expected-note {{function class (built-in role table)}}
  Cb->Plain();          // unknown target: no guess
  KeReleaseSpinLock(Lock, Old);
}

void DpcUnderLock(CALLBACKS *Cb, PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Cb->Dpc(NULL, NULL, NULL, NULL); // a DPC routine at DISPATCH_LEVEL: fine
  KeReleaseSpinLock(Lock, Old);
}

// A helper that only calls through a role-typed pointer gets that role's
// requirement as its summary: the caller that holds a lock is told, with the
// chain, at its own call.
static void RunWork(CALLBACKS *Cb) { // expected-note {{consider annotating 'RunWork' with _IRQL_requires_max_(PASSIVE_LEVEL)}}
  Cb->Work(NULL, NULL); // expected-note {{'RunWork' calls '(IO_WORKITEM_ROUTINE through a pointer)' here, at the IRQL it was entered at}}
}

void HelperUnderLock(CALLBACKS *Cb, PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  RunWork(Cb); // expected-warning {{'RunWork' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

void HelperAtPassive(CALLBACKS *Cb) {
  RunWork(Cb); // at PASSIVE_LEVEL: fine
}
