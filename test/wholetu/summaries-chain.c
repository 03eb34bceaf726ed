// Unannotated helpers get summaries bottom-up: a PASSIVE-only call four
// functions deep is reported once, at the call made under the spin lock, with
// the chain in notes and the annotation the helper should carry. Recursion
// and mutual recursion terminate; calls guarded by KeGetCurrentIrql() impose
// nothing; nothing is reported inside the helpers themselves.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

static void Level4(HANDLE h) { ZwClose(h); } // expected-note {{'Level4' calls 'ZwClose' here}}
static void Level3(HANDLE h) { Level4(h); } // expected-note {{'Level3' calls 'Level4' here}}
static void Level2(HANDLE h) { Level3(h); } // expected-note {{'Level2' calls 'Level3' here}}
static void Level1(HANDLE h) { Level2(h); } // expected-note {{'Level1' calls 'Level2' here, at the IRQL it was entered at}} expected-note {{consider annotating 'Level1' with _IRQL_requires_max_(PASSIVE_LEVEL)}}

void ChainUnderLock(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Level1(h); // expected-warning {{'Level1' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

void ChainAfterRelease(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
  Level1(h);
}

static void Recursive(int n, HANDLE h) { if (n) Recursive(n - 1, h); else ZwClose(h); } // expected-note {{'Recursive' calls 'ZwClose' here}} expected-note {{consider annotating 'Recursive'}}
void RecursionUnderLock(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Recursive(3, h); // expected-warning {{'Recursive' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

static void MutualB(int n, HANDLE h);
static void MutualA(int n, HANDLE h) { if (n) MutualB(n - 1, h); else ZwClose(h); } // expected-note {{'MutualA' calls 'ZwClose' here}} expected-note {{consider annotating 'MutualA'}}
static void MutualB(int n, HANDLE h) { if (n) MutualA(n - 1, h); }
void MutualUnderLock(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  MutualA(3, h); // expected-warning {{'MutualA' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

static void Guarded(HANDLE h) { if (KeGetCurrentIrql() == PASSIVE_LEVEL) ZwClose(h); }
void GuardedUnderLock(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Guarded(h);
  KeReleaseSpinLock(Lock, Old);
}
