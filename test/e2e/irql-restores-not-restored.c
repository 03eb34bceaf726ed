// irql-restores-not-restored (C28157): a function with an _IRQL_restores_
// parameter returns without setting the IRQL to that parameter's value. Its
// caller believes the lock's IRQL was given back; it was not.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

// Releases the lock but stays at DISPATCH_LEVEL.
_IRQL_requires_(DISPATCH_LEVEL)
VOID UnlockWrong(PKSPIN_LOCK Lock, _IRQL_restores_ KIRQL OldIrql) {
  KeReleaseSpinLockFromDpcLevel(Lock);
} // expected-warning {{'UnlockWrong' returns without restoring the IRQL passed in its _IRQL_restores_ parameter (argument 1) [irql-restores-not-restored]}}

// Restores on one path only.
_IRQL_requires_(DISPATCH_LEVEL)
VOID UnlockUnlessEmpty(PKSPIN_LOCK Lock, _IRQL_restores_ KIRQL OldIrql, PLIST_ENTRY List) {
  if (IsListEmpty(List))
    return; // expected-warning {{'UnlockUnlessEmpty' returns without restoring the IRQL passed in its _IRQL_restores_ parameter (argument 1) [irql-restores-not-restored]}}
  KeReleaseSpinLock(Lock, OldIrql);
}

// Negatives: restored through KeReleaseSpinLock or KeLowerIrql.
_IRQL_requires_(DISPATCH_LEVEL)
VOID Unlock(PKSPIN_LOCK Lock, _IRQL_restores_ KIRQL OldIrql) {
  KeReleaseSpinLock(Lock, OldIrql);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID UnlockByHand(PKSPIN_LOCK Lock, _IRQL_restores_ KIRQL OldIrql) {
  KeReleaseSpinLockFromDpcLevel(Lock);
  KeLowerIrql(OldIrql);
}

// Legacy spelling, restored on both paths.
__drv_requiresIRQL(DISPATCH_LEVEL)
VOID UnlockEither(PKSPIN_LOCK Lock, __drv_restoresIRQL KIRQL OldIrql, BOOLEAN Fast) {
  if (Fast) {
    KeReleaseSpinLock(Lock, OldIrql);
    return;
  }
  KeReleaseSpinLockFromDpcLevel(Lock);
  KeLowerIrql(OldIrql);
}
