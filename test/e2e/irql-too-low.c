// irql-too-low (C28120): a routine is called at an IRQL below its minimum.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;

// A minimum with no maximum implies _IRQL_requires_max_(DISPATCH_LEVEL).
_IRQL_requires_min_(DISPATCH_LEVEL) // expected-note 2 {{requirement of 'TouchQueueAtDpc' comes from its annotation}}
VOID TouchQueueAtDpc(PVOID Queue);

_IRQL_requires_min_(APC_LEVEL) // expected-note {{requirement of 'NeedsApcsMasked' comes from its annotation}}
VOID NeedsApcsMasked(VOID);

// An unload routine runs at PASSIVE_LEVEL.
DRIVER_UNLOAD Unload; // expected-note {{'Unload' runs at PASSIVE_LEVEL (its annotations or function class)}}
VOID Unload(PDRIVER_OBJECT DriverObject) {
  TouchQueueAtDpc(DriverObject); // expected-warning {{'TouchQueueAtDpc' called at PASSIVE_LEVEL, but it requires exactly DISPATCH_LEVEL [irql-too-low]}}
}

// After the lock is released the IRQL is back to the caller's.
_IRQL_requires_(PASSIVE_LEVEL)
VOID AfterRelease(PVOID Queue) { // expected-note {{'AfterRelease' runs at PASSIVE_LEVEL}}
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  TouchQueueAtDpc(Queue);
  KeReleaseSpinLock(&Lock, OldIrql); // expected-note {{IRQL set to PASSIVE_LEVEL here by 'KeReleaseSpinLock'}}
  TouchQueueAtDpc(Queue); // expected-warning {{'TouchQueueAtDpc' called at PASSIVE_LEVEL, but it requires exactly DISPATCH_LEVEL [irql-too-low]}}
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID ApcNotMasked(VOID) { // expected-note {{'ApcNotMasked' runs at PASSIVE_LEVEL (its annotations or function class)}}
  NeedsApcsMasked(); // expected-warning {{'NeedsApcsMasked' called at PASSIVE_LEVEL, but it requires APC_LEVEL..DISPATCH_LEVEL [irql-too-low]}}
}

// Negatives.
VOID UnderLock(PVOID Queue) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  TouchQueueAtDpc(Queue);
  KeReleaseSpinLock(&Lock, OldIrql);
}

KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  TouchQueueAtDpc(Context);
  NeedsApcsMasked();
}

FAST_MUTEX Mutex;
_IRQL_requires_max_(APC_LEVEL)
VOID UnderFastMutex(VOID) {
  ExAcquireFastMutex(&Mutex);
  NeedsApcsMasked();
  ExReleaseFastMutex(&Mutex);
}

// Unannotated: the entry IRQL is unknown, so nothing is certain.
VOID Unknown(PVOID Queue) {
  TouchQueueAtDpc(Queue);
}
