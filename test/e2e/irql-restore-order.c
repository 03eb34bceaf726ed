// irql-restore-order (SDV SpinLock): saved IRQLs restored out of stack order.
// Releasing the outer lock first drops the IRQL to the caller's level while
// the inner lock is still held: the inner lock is then held at PASSIVE_LEVEL
// (a deadlock waiting to happen), and its release raises the IRQL again.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s
// As an error (by name, and by its SDV alias):
// RUN: not %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck error=irql-restore-order %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR
// RUN: not %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck error=SpinLock %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR
// ERR-COUNT-4: error: {{.*}}[irql-restore-order]
// ERR-NOT: error:

#include <ntddk.h>

KSPIN_LOCK Outer, Inner;

VOID OuterFirst(VOID) {
  KIRQL OuterIrql, InnerIrql;
  KeAcquireSpinLock(&Outer, &OuterIrql); // expected-note {{the IRQL being restored was saved here}}
  KeAcquireSpinLock(&Inner, &InnerIrql); // expected-note {{this later raise has not been undone yet}}
  KeReleaseSpinLock(&Outer, OuterIrql); // expected-warning {{'KeReleaseSpinLock' restores the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' while the later raise by 'KeAcquireSpinLockRaiseToDpc' is still in effect: release locks in the reverse order of acquiring them [irql-restore-order]}}
  KeReleaseSpinLock(&Inner, InnerIrql);
}

// Raise/lower pairs interleaved the same way.
VOID RaiseLowerInterleaved(VOID) {
  KIRQL First, Second;
  KeRaiseIrql(APC_LEVEL, &First); // expected-note {{the IRQL being restored was saved here}}
  KeAcquireSpinLock(&Inner, &Second); // expected-note {{this later raise has not been undone yet}}
  KeLowerIrql(First); // expected-warning {{'KeLowerIrql' restores the IRQL saved by 'KfRaiseIrql' while the later raise by 'KeAcquireSpinLockRaiseToDpc' is still in effect}}
  KeReleaseSpinLock(&Inner, Second);
}

// Negatives: inner released first, and a second pair after the first.
VOID InnerFirst(VOID) {
  KIRQL OuterIrql, InnerIrql;
  KeAcquireSpinLock(&Outer, &OuterIrql);
  KeAcquireSpinLock(&Inner, &InnerIrql);
  KeReleaseSpinLock(&Inner, InnerIrql);
  KeReleaseSpinLock(&Outer, OuterIrql);
}

VOID InnerFromDpcLevel(VOID) {
  KIRQL OuterIrql;
  KeAcquireSpinLock(&Outer, &OuterIrql);
  KeAcquireSpinLockAtDpcLevel(&Inner);
  KeReleaseSpinLockFromDpcLevel(&Inner);
  KeReleaseSpinLock(&Outer, OuterIrql);
}

VOID OneAfterTheOther(VOID) {
  KIRQL Irql;
  KeAcquireSpinLock(&Outer, &Irql);
  KeReleaseSpinLock(&Outer, Irql);
  KeAcquireSpinLock(&Inner, &Irql);
  KeReleaseSpinLock(&Inner, Irql);
}

// One bug, one finding: after the out-of-order release the analysis goes on
// as if the order had been right, so the second release (which requires
// DISPATCH_LEVEL) and the return of a function annotated to keep the IRQL
// are not reported again.
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID OuterFirstAnnotated(VOID) {
  KIRQL OuterIrql, InnerIrql;
  KeAcquireSpinLock(&Outer, &OuterIrql); // expected-note {{the IRQL being restored was saved here}}
  KeAcquireSpinLock(&Inner, &InnerIrql); // expected-note {{this later raise has not been undone yet}}
  KeReleaseSpinLock(&Outer, OuterIrql); // expected-warning {{'KeReleaseSpinLock' restores the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' while the later raise}}
  KeReleaseSpinLock(&Inner, InnerIrql);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID RaiseLowerInterleavedAnnotated(VOID) {
  KIRQL First, Second;
  KeRaiseIrql(APC_LEVEL, &First); // expected-note {{the IRQL being restored was saved here}}
  KeAcquireSpinLock(&Inner, &Second); // expected-note {{this later raise has not been undone yet}}
  KeLowerIrql(First); // expected-warning {{'KeLowerIrql' restores the IRQL saved by 'KfRaiseIrql' while the later raise by 'KeAcquireSpinLockRaiseToDpc' is still in effect}}
  KeReleaseSpinLock(&Inner, Second);
}
