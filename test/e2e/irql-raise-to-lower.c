// irql-raise-to-lower (C28141): KeRaiseIrql, or any _IRQL_raises_ routine,
// called at an IRQL above the one it raises to. Lowering with KeRaiseIrql is
// a fatal error (bug check 0x9 IRQL_NOT_GREATER_OR_EQUAL).
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;
FAST_MUTEX Mutex;

KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KIRQL OldIrql;
  KeRaiseIrql(APC_LEVEL, &OldIrql); // expected-warning {{'KfRaiseIrql' raises to APC_LEVEL but is called at DISPATCH_LEVEL: it would lower the IRQL (use KeLowerIrql with the saved value) [irql-raise-to-lower]}}
  KeLowerIrql(OldIrql);
}

VOID UnderLock(VOID) {
  KIRQL LockIrql, OldIrql;
  KeAcquireSpinLock(&Lock, &LockIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  KeRaiseIrql(PASSIVE_LEVEL, &OldIrql); // expected-warning {{'KfRaiseIrql' raises to PASSIVE_LEVEL but is called at DISPATCH_LEVEL}}
  KeLowerIrql(OldIrql);
  KeReleaseSpinLock(&Lock, LockIrql);
}

// A fast mutex raises to APC_LEVEL, so under a spin lock it would lower the
// IRQL; but its own max=APC_LEVEL already says that call is wrong. One bug,
// one finding: irql-too-high, not irql-raise-to-lower as well.
VOID FastMutexUnderLock(VOID) {
  KIRQL LockIrql;
  KeAcquireSpinLock(&Lock, &LockIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  ExAcquireFastMutex(&Mutex); // expected-warning {{'ExAcquireFastMutex' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ExAcquireFastMutex' comes from the built-in kernel model}}
  ExReleaseFastMutex(&Mutex);
  KeReleaseSpinLock(&Lock, LockIrql);
}

// Negatives: raising to the current level, or above it.
VOID RaiseToSame(VOID) {
  KIRQL LockIrql, OldIrql;
  KeAcquireSpinLock(&Lock, &LockIrql);
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
  KeReleaseSpinLock(&Lock, LockIrql);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID RaiseFromPassive(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(APC_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
}

VOID RaiseToHigh(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(HIGH_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
}

// Negative: an unannotated function may well be entered at PASSIVE_LEVEL.
VOID MaybeRaise(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(APC_LEVEL, &OldIrql);
  KeLowerIrql(OldIrql);
}
