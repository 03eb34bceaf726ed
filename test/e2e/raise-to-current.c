// Two patterns that change nothing and must stay silent:
//  - KeRaiseIrql(KeGetCurrentIrql(), &Old) raises to the IRQL it already runs
//    at: no irql-raise-to-lower, no changed exit IRQL, and the later
//    KeLowerIrql(Old) restores exactly that.
//  - An _IRQL_saves_ parameter that points to a structure is satisfied by a
//    save into a field of it, or of a structure it points to
//    (KeAcquireSpinLock(&Dev->Lock, &Dev->Ext->OldIrql)).
//  - Likewise an _IRQL_restores_ parameter that points to a structure is
//    restored from a field of it (KeReleaseSpinLock(&Dev->Lock, Dev->OldIrql)),
//    at any depth (Dev->Ext->OldIrql), or from an in-stack queued spin lock's
//    handle there (&Dev->Handle, &Dev->Ext->Handle); both sides.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:

#include <ntddk.h>

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID RaiseToCurrent(VOID) {
  KIRQL Old;
  KeRaiseIrql(KeGetCurrentIrql(), &Old);
  KeLowerIrql(Old);
}

// Not even lowered again: the IRQL never changed.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
VOID RaiseToCurrentOnly(VOID) {
  KIRQL Old;
  KeRaiseIrql(KeGetCurrentIrql(), &Old);
  UNREFERENCED_PARAMETER(Old);
}

// Still at the entry IRQL after it: the rules of that IRQL hold.
_IRQL_requires_(DISPATCH_LEVEL)
VOID StillAtDispatch(HANDLE H) {
  KIRQL Old;
  KeRaiseIrql(KeGetCurrentIrql(), &Old);
  ZwClose(H); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeLowerIrql(Old);
}
// MINGW: [[@LINE-3]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL{{.*}}[irql-too-high]

typedef struct _EXT {
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
  KLOCK_QUEUE_HANDLE Handle;
} EXT, *PEXT;
typedef struct _DEV {
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
  PEXT Ext;
  EXT Inner;
  KLOCK_QUEUE_HANDLE Handle;
} DEV, *PDEV;

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireField(_Inout_ _IRQL_saves_ PDEV Dev) {
  KeAcquireSpinLock(&Dev->Lock, &Dev->OldIrql);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireNested(_Inout_ _IRQL_saves_ PDEV Dev) {
  KeAcquireSpinLock(&Dev->Inner.Lock, &Dev->Inner.OldIrql);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireThroughPointer(_Inout_ _IRQL_saves_ PDEV Dev) {
  KeAcquireSpinLock(&Dev->Ext->Lock, &Dev->Ext->OldIrql);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireThroughCopy(_Inout_ _IRQL_saves_ PDEV Dev) {
  PDEV D = Dev;
  KeAcquireSpinLock(&D->Lock, &D->OldIrql);
}

// Positive: the IRQL goes to a local, not to what the parameter points to.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireIntoLocal(_Inout_ _IRQL_saves_ PDEV Dev) {
  KIRQL Local;
  KeAcquireSpinLock(&Dev->Inner.Lock, &Local);
} // expected-warning {{'AcquireIntoLocal' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 0) [irql-saves-not-written]}}
// MINGW: [[@LINE-1]]:1: warning: 'AcquireIntoLocal' returns without saving{{.*}}[irql-saves-not-written]

// The matching release: restored from the field of the _IRQL_restores_
// structure, and its callers are back at their IRQL afterwards.
_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseField(_Inout_ _IRQL_restores_ PDEV Dev) {
  KeReleaseSpinLock(&Dev->Lock, Dev->OldIrql);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID LockedThenClose(PDEV Dev, HANDLE H) {
  AcquireField(Dev);
  ReleaseField(Dev);
  ZwClose(H);
}

// Positive: the IRQL restored is a local's, not the one the structure holds.
_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseFromLocal(_Inout_ _IRQL_restores_ PDEV Dev, KIRQL Other) {
  KeReleaseSpinLock(&Dev->Lock, Other);
} // expected-warning {{'ReleaseFromLocal' returns without restoring the IRQL passed in its _IRQL_restores_ parameter (argument 0) [irql-restores-not-restored]}}
// MINGW: [[@LINE-1]]:1: warning: 'ReleaseFromLocal' returns without restoring{{.*}}[irql-restores-not-restored]

// Any depth below the _IRQL_restores_ pointer: a field of a structure it
// points to in turn, an in-stack queued spin lock's handle in it or there.
_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseThroughPointer(_Inout_ _IRQL_restores_ PDEV Dev) {
  KeReleaseSpinLock(&Dev->Ext->Lock, Dev->Ext->OldIrql);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireHandle(_Inout_ _IRQL_saves_ PDEV Dev) {
  KeAcquireInStackQueuedSpinLock(&Dev->Lock, &Dev->Handle);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseHandle(_Inout_ _IRQL_restores_ PDEV Dev) {
  KeReleaseInStackQueuedSpinLock(&Dev->Handle);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireHandleThroughPointer(_Inout_ _IRQL_saves_ PDEV Dev) {
  KeAcquireInStackQueuedSpinLock(&Dev->Ext->Lock, &Dev->Ext->Handle);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseHandleThroughPointer(_Inout_ _IRQL_restores_ PDEV Dev) {
  KeReleaseInStackQueuedSpinLock(&Dev->Ext->Handle);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID NestedPairsThenClose(PDEV Dev, HANDLE H) {
  AcquireThroughPointer(Dev);
  ReleaseThroughPointer(Dev);
  ZwClose(H);
  AcquireHandle(Dev);
  ReleaseHandle(Dev);
  ZwClose(H);
  AcquireHandleThroughPointer(Dev);
  ReleaseHandleThroughPointer(Dev);
  ZwClose(H);
}

// Positive: until the release the caller is still at DISPATCH_LEVEL.
_IRQL_requires_(PASSIVE_LEVEL)
VOID NestedCloseUnderLock(PDEV Dev, HANDLE H) {
  AcquireHandleThroughPointer(Dev);
  ZwClose(H); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  ReleaseHandleThroughPointer(Dev);
}
// MINGW: [[@LINE-3]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL{{.*}}[irql-too-high]

// Positive: restored from what another parameter points to, at that depth.
_IRQL_requires_(DISPATCH_LEVEL)
VOID ReleaseFromOther(_Inout_ _IRQL_restores_ PDEV Dev, PDEV Other) {
  KeReleaseSpinLock(&Dev->Ext->Lock, Other->Ext->OldIrql);
} // expected-warning {{'ReleaseFromOther' returns without restoring the IRQL passed in its _IRQL_restores_ parameter (argument 0) [irql-restores-not-restored]}}
// MINGW: [[@LINE-1]]:1: warning: 'ReleaseFromOther' returns without restoring{{.*}}[irql-restores-not-restored]

