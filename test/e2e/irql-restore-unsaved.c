// irql-restore-unsaved (SDV IrqlKeRaiseLower): the IRQL is lowered or
// restored to a value no raise saved: a constant, or a saved value whose
// raise was already undone. KeLowerIrql to anything but the value the
// matching raise saved is a fatal error.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;

VOID LowerToConstant(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KfRaiseIrql'}}
  KeLowerIrql(PASSIVE_LEVEL); // expected-warning {{'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]}}
}

VOID ReleaseToConstant(VOID) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  KeReleaseSpinLock(&Lock, PASSIVE_LEVEL); // expected-warning {{'KeReleaseSpinLock' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]}}
}

// A lower with no raise before it: a DPC must not drop below DISPATCH_LEVEL.
KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KeLowerIrql(PASSIVE_LEVEL); // expected-warning {{'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]}}
  KeRaiseIrql(DISPATCH_LEVEL, &(KIRQL){0}); // (back up, for the exit check)
}

// Restoring the same saved value twice: the second one undoes nothing.
VOID ReleaseTwice(VOID) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-note {{the IRQL was saved here}}
  KeReleaseSpinLock(&Lock, OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql); // expected-warning {{'KeReleaseSpinLock' restores an IRQL whose raise was already undone [irql-restore-unsaved]}}
}

// Negatives: each lower restores what its raise saved.
VOID Balanced(VOID) {
  KIRQL OldIrql, LockIrql;
  KeRaiseIrql(APC_LEVEL, &OldIrql);
  KeAcquireSpinLock(&Lock, &LockIrql);
  KeReleaseSpinLock(&Lock, LockIrql);
  KeLowerIrql(OldIrql);
}

// The saved value may travel through other variables.
VOID ThroughCopies(VOID) {
  KIRQL OldIrql, Copy;
  OldIrql = KeRaiseIrqlToDpcLevel();
  Copy = OldIrql;
  KeLowerIrql(Copy);
}

// Lowering to the value passed in by an annotated caller is its business.
VOID LowerToParameter(_IRQL_restores_ KIRQL Irql) {
  KeLowerIrql(Irql);
}
