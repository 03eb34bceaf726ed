// irql-exit-not-same (C28166): an _IRQL_requires_same_ function returns at
// another IRQL than it was entered at. Reported at the return statement of
// the path that leaks the raise (the closing brace when there is none).
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

KSPIN_LOCK Lock;
FAST_MUTEX Mutex;

_IRQL_requires_same_
VOID LeaksLock(VOID) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
} // expected-warning {{'LeaksLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path) [irql-exit-not-same]}}

// A dispatch routine (DRIVER_DISPATCH: _IRQL_requires_same_) that leaves a
// fast mutex held on its error path. (The WDK's DRIVER_DISPATCH allows
// DISPATCH_LEVEL; a routine that takes a fast mutex narrows that.)
_IRQL_requires_max_(APC_LEVEL) DRIVER_DISPATCH DispatchCreate;
NTSTATUS DispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  ExAcquireFastMutex(&Mutex); // expected-note {{IRQL set to APC_LEVEL here by 'ExAcquireFastMutex'}}
  if (Irp->Tail.Overlay.CurrentStackLocation == NULL)
    return STATUS_INVALID_PARAMETER; // expected-warning {{'DispatchCreate' returns at APC_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'ExAcquireFastMutex' is never restored on this path) [irql-exit-not-same]}}
  ExReleaseFastMutex(&Mutex);
  return STATUS_SUCCESS;
}

// Negatives: balanced on every path.
_IRQL_requires_same_
VOID Balanced(BOOLEAN Fail) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  if (Fail) {
    KeReleaseSpinLock(&Lock, OldIrql);
    return;
  }
  KeReleaseSpinLock(&Lock, OldIrql);
}

_IRQL_requires_max_(APC_LEVEL) DRIVER_DISPATCH DispatchClose;
NTSTATUS DispatchClose(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  ExAcquireFastMutex(&Mutex);
  if (Irp->Tail.Overlay.CurrentStackLocation == NULL) {
    ExReleaseFastMutex(&Mutex);
    return STATUS_INVALID_PARAMETER;
  }
  ExReleaseFastMutex(&Mutex);
  return STATUS_SUCCESS;
}
