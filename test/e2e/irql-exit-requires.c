// irql-exit-requires (C28156): an _IRQL_requires_(L) function must also
// return at L (unless it is annotated to raise, set or restore the IRQL).
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;

_IRQL_requires_(APC_LEVEL)
VOID RaisesAndStays(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KfRaiseIrql'}}
} // expected-warning {{'RaisesAndStays' returns at DISPATCH_LEVEL but _IRQL_requires_(APC_LEVEL) means it must also return at that IRQL [irql-exit-requires]}}

// A DPC (KDEFERRED_ROUTINE: _IRQL_requires_(DISPATCH_LEVEL)) that returns
// with the IRQL still raised on one path.
KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KIRQL OldIrql;
  if (Context == NULL)
    return;
  KeRaiseIrql(HIGH_LEVEL, &OldIrql); // expected-note {{IRQL set to HIGH_LEVEL here by 'KfRaiseIrql'}}
  if (Arg1 != NULL)
    return; // expected-warning {{'Dpc' returns at HIGH_LEVEL but _IRQL_requires_(DISPATCH_LEVEL) means it must also return at that IRQL [irql-exit-requires]}}
  KeLowerIrql(OldIrql);
}

// Negatives.
_IRQL_requires_(DISPATCH_LEVEL)
VOID BalancedAtDpc(VOID) {
  KeAcquireSpinLockAtDpcLevel(&Lock);
  KeReleaseSpinLockFromDpcLevel(&Lock);
}

// Annotated to return elsewhere: _IRQL_raises_ replaces the exit rule.
_IRQL_requires_(APC_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL RaiseFromApc(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  return OldIrql;
}
