// irql-paged-raise (0xD1): a pageable function (#pragma alloc_text(PAGE, f),
// __declspec(code_seg("PAGE")), __attribute__((section("PAGE"))), or
// PAGED_CODE()) that raises the IRQL to DISPATCH_LEVEL or above itself (a
// spin lock, KeRaiseIrql, a helper that does) goes on running from a page
// that can be paged out. Reported at the first raise; PAGED_CODE_LOCKED()
// code, raises to APC_LEVEL and non-pageable code are fine.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %clang %mingw_ddk -fms-extensions -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:

#include <ntddk.h>

KSPIN_LOCK Lock;
KEVENT Done;

VOID PagedLock(VOID);
#pragma alloc_text(PAGE, PagedLock)
VOID PagedLock(VOID) {
  KIRQL Old;
  PAGED_CODE();
  KeAcquireSpinLock(&Lock, &Old); // expected-warning {{pageable function 'PagedLock' raises the IRQL to DISPATCH_LEVEL with 'KeAcquireSpinLockRaiseToDpc' and runs on from a page that can be paged out}}
  KeReleaseSpinLock(&Lock, Old);
  KeAcquireSpinLock(&Lock, &Old); // (the same function: reported once)
  KeReleaseSpinLock(&Lock, Old);
}
// MINGW: [[@LINE-5]]:3: warning: pageable function 'PagedLock' raises the IRQL to DISPATCH_LEVEL{{.*}}[irql-paged-raise]

__declspec(code_seg("PAGE")) VOID PagedRaise(VOID) {
  KIRQL Old;
  PAGED_CODE();
  KeRaiseIrql(DISPATCH_LEVEL, &Old); // expected-warning {{pageable function 'PagedRaise' raises the IRQL to DISPATCH_LEVEL with 'KfRaiseIrql'}}
  KeLowerIrql(Old);
}
// MINGW: [[@LINE-3]]:3: warning: pageable function 'PagedRaise'{{.*}}[irql-paged-raise]

__attribute__((section("PAGE"))) VOID PagedQueued(PKSPIN_LOCK Q) {
  KLOCK_QUEUE_HANDLE H;
  PAGED_CODE();
  KeAcquireInStackQueuedSpinLock(Q, &H); // expected-warning {{pageable function 'PagedQueued' raises the IRQL to DISPATCH_LEVEL with 'KeAcquireInStackQueuedSpinLock'}}
  KeReleaseInStackQueuedSpinLock(&H);
}
// MINGW: [[@LINE-3]]:3: warning: pageable function 'PagedQueued'{{.*}}[irql-paged-raise]

// PAGED_CODE() alone marks the function pageable too.
VOID MarkerOnly(VOID) {
  KIRQL Old;
  PAGED_CODE();
  Old = KeRaiseIrqlToDpcLevel(); // expected-warning {{pageable function 'MarkerOnly' raises the IRQL to DISPATCH_LEVEL with 'KeRaiseIrqlToDpcLevel'}}
  KeLowerIrql(Old);
}
// MINGW: [[@LINE-3]]:9: warning: pageable function 'MarkerOnly'{{.*}}[irql-paged-raise]

// Through a helper that takes the lock for its caller (its summary raises).
static VOID LockIt(PKIRQL Old) { KeAcquireSpinLock(&Lock, Old); }
static VOID UnlockIt(KIRQL Old) { KeReleaseSpinLock(&Lock, Old); }

VOID PagedViaHelper(VOID);
#pragma alloc_text(PAGE, PagedViaHelper)
VOID PagedViaHelper(VOID) {
  KIRQL Old;
  PAGED_CODE();
  LockIt(&Old); // expected-warning {{pageable function 'PagedViaHelper' raises the IRQL to DISPATCH_LEVEL with 'LockIt'}}
  UnlockIt(Old);
}
// MINGW: [[@LINE-3]]:3: warning: pageable function 'PagedViaHelper'{{.*}}[irql-paged-raise]

// Negative: raising to APC_LEVEL (a fast mutex, KeRaiseIrql(APC_LEVEL)) is
// fine for pageable code.
VOID PagedApc(PFAST_MUTEX M);
#pragma alloc_text(PAGE, PagedApc)
VOID PagedApc(PFAST_MUTEX M) {
  KIRQL Old;
  PAGED_CODE();
  KeRaiseIrql(APC_LEVEL, &Old);
  KeLowerIrql(Old);
  ExAcquireFastMutex(M);
  ExReleaseFastMutex(M);
}

// Negative: PAGED_CODE_LOCKED() says the section is locked while it runs.
VOID LockedSection(VOID);
#pragma alloc_text(PAGELK, LockedSection)
VOID LockedSection(VOID) {
  KIRQL Old;
  PAGED_CODE_LOCKED();
  KeAcquireSpinLock(&Lock, &Old);
  KeReleaseSpinLock(&Lock, Old);
}

// Negative: the same code outside a pageable section.
VOID Resident(VOID) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  KeReleaseSpinLock(&Lock, Old);
}

// A static pageable helper with one caller: its summary run's fixpoint is
// kept and taken over by its check run, which must see the states from
// before each call (the replay once changed them in place, and the raise
// went unreported).
static VOID PagedStatic(PULONG Count);
#pragma alloc_text(PAGE, PagedStatic)
static VOID PagedStatic(PULONG Count) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old); // expected-warning {{pageable function 'PagedStatic' raises the IRQL to DISPATCH_LEVEL}}
  (*Count)++;
  KeReleaseSpinLock(&Lock, Old);
}
// MINGW: [[@LINE-4]]:3: warning: pageable function 'PagedStatic'{{.*}}[irql-paged-raise]
VOID CountOnce(PULONG Count) { PagedStatic(Count); }
