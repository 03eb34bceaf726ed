// Functions that never change the IRQL are checked in one pass over their
// calls (QuietFunctions.cpp), with exactly the findings, notes and summaries
// of the full analysis. The cases where the two could differ: which call a
// summary names when the first of the lowest ones is in a branch, and a call
// the full analysis never reaches (a branch its constants rule out). Each
// quiet helper sits next to one that just fails to qualify (it takes a lock).
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

// The first PASSIVE-only call is in a branch: the summary names it.
static void BranchFirst(HANDLE a, HANDLE b, int c) { // expected-note {{consider annotating 'BranchFirst' with _IRQL_requires_max_(PASSIVE_LEVEL)}}
  if (c)
    ZwClose(a); // expected-note {{'BranchFirst' calls 'ZwClose' here, at the IRQL it was entered at}}
  ZwClose(b);
}

// The first one is reached on every path (quiet: one pass).
static void CertainFirst(HANDLE a, HANDLE b, int c) { // expected-note {{consider annotating 'CertainFirst' with _IRQL_requires_max_(PASSIVE_LEVEL)}}
  ZwClose(b); // expected-note {{'CertainFirst' calls 'ZwClose' here, at the IRQL it was entered at}}
  if (c)
    ZwClose(a);
}

// The same, but it takes a lock of its own: the full analysis.
static void CertainFirstLocked(PKSPIN_LOCK Lock, HANDLE a, HANDLE b, int c) { // expected-note {{consider annotating 'CertainFirstLocked' with _IRQL_requires_max_(PASSIVE_LEVEL)}}
  KIRQL Old;
  ZwClose(b); // expected-note {{'CertainFirstLocked' calls 'ZwClose' here, at the IRQL it was entered at}}
  if (c)
    ZwClose(a);
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
}

// A branch whose constant rules it out: the call in it imposes nothing.
static void DeadBranch(HANDLE h) {
  int Never = 0;
  if (Never)
    ZwClose(h);
}

static void DeadBranchLocked(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  int Never = 0;
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
  if (Never)
    ZwClose(h);
}

void UnderLock(PKSPIN_LOCK Lock, PKSPIN_LOCK Other, HANDLE a, HANDLE b, int c) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note 3 {{IRQL set to DISPATCH_LEVEL here}}
  BranchFirst(a, b, c);          // expected-warning {{'BranchFirst' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  CertainFirst(a, b, c);         // expected-warning {{'CertainFirst' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  CertainFirstLocked(Other, a, b, c); // expected-warning {{'CertainFirstLocked' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  DeadBranch(a);
  DeadBranchLocked(Other, a);
  KeReleaseSpinLock(Lock, Old);
}
