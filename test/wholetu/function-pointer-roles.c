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
