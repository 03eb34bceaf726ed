// irql-not-required (C28121): a routine that must run at exactly one IRQL
// (_IRQL_requires_) is called at another.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;

_IRQL_requires_(DISPATCH_LEVEL) // expected-note 2 {{requirement of 'DrainQueueAtDpc' comes from its annotation}}
VOID DrainQueueAtDpc(PVOID Queue);

// The ...AtDpcLevel spin-lock routines require DISPATCH_LEVEL exactly (the
// WDK header says _IRQL_requires_min_; the kernel model adds the exact level).
DRIVER_UNLOAD Unload; // expected-note 2 {{'Unload' runs at PASSIVE_LEVEL (its annotations or function class)}}
VOID Unload(PDRIVER_OBJECT DriverObject) {
  KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{'KeAcquireSpinLockAtDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
  // expected-note@*:* {{requirement of 'KeAcquireSpinLockAtDpcLevel' comes from the built-in kernel model}}
  KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{'KeReleaseSpinLockFromDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
  // expected-note@*:* {{requirement of 'KeReleaseSpinLockFromDpcLevel' comes from the built-in kernel model}}
}

// Too high for an exact requirement is the same check.
_IRQL_requires_(HIGH_LEVEL)
VOID UnderProfileLock(PVOID Queue) { // expected-note {{'UnderProfileLock' runs at HIGH_LEVEL (its annotations or function class)}}
  DrainQueueAtDpc(Queue); // expected-warning {{'DrainQueueAtDpc' must be called at exactly DISPATCH_LEVEL, but the IRQL here is HIGH_LEVEL [irql-not-required]}}
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID AtPassive(PVOID Queue) { // expected-note {{'AtPassive' runs at PASSIVE_LEVEL}}
  DrainQueueAtDpc(Queue); // expected-warning {{'DrainQueueAtDpc' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
}

// Negatives: at DISPATCH_LEVEL, from a DPC or under a spin lock.
KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KeAcquireSpinLockAtDpcLevel(&Lock);
  DrainQueueAtDpc(Context);
  KeReleaseSpinLockFromDpcLevel(&Lock);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID UnderLock(PVOID Queue) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  DrainQueueAtDpc(Queue);
  KeReleaseSpinLock(&Lock, OldIrql);
}

// Negative: an unannotated function may be entered at DISPATCH_LEVEL.
VOID Unannotated(PVOID Queue) {
  DrainQueueAtDpc(Queue);
}
