// Style (a), -verify: a DPC runs at DISPATCH_LEVEL, so these calls must keep
// warning. Notes (where the IRQL came from) are not matched here.
// RUN: %irqlcheck_cc -Xclang -verify -Xclang -verify-ignore-unexpected=note -c %s -o %t.o
#include <ntddk.h>

KDEFERRED_ROUTINE CloseInDpc;

void CloseInDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(Arg1);
  UNREFERENCED_PARAMETER(Arg2);
  // The whole stable part of the message: callee, IRQLs, check name.
  ZwClose((HANDLE)Context); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
}

void CloseUnderLock(PKSPIN_LOCK Lock, HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(Lock, &OldIrql);
  // By check name alone: survives any rewording of the message ({{...}} is a regex).
  ZwClose(Handle); // expected-warning-re {{{{.*}}[irql-too-high]}}
  KeReleaseSpinLock(Lock, OldIrql);
}

// The fixed version, which must stay clean: nothing is expected here, so any
// diagnostic fails the test.
void CloseAfterUnlock(PKSPIN_LOCK Lock, HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(Lock, &OldIrql);
  KeReleaseSpinLock(Lock, OldIrql);
  ZwClose(Handle);
}
