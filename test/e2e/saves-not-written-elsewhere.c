// An _IRQL_saves_ structure pointer whose function saves the IRQL somewhere
// else (a global) while handing the structure's spin lock to the acquire:
// the routine that saves the IRQL says where (its return value or one
// parameter), so the lock it is given does not receive it, and the caller's
// structure never holds the IRQL. A structure passed to a routine that
// declares no such place may still receive it, and is not reported.
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -O2 -emit-llvm-only -verify %s

#include <ntddk.h>

typedef struct _EXT { KSPIN_LOCK Lock; KIRQL LockIrql; } EXT, *PEXT;
KIRQL GlobalOld;

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID LockIntoGlobal(_Inout_ _IRQL_saves_ PEXT Ext) {
  KeAcquireSpinLock(&Ext->Lock, &GlobalOld);
} // expected-warning {{'LockIntoGlobal' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 0)}}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID LockIntoGlobalRaiseToDpc(_Inout_ _IRQL_saves_ PEXT Ext) {
  GlobalOld = KeAcquireSpinLockRaiseToDpc(&Ext->Lock);
} // expected-warning {{'LockIntoGlobalRaiseToDpc' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 0)}}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID LockIntoExtRaiseToDpc(_Inout_ _IRQL_saves_ PEXT Ext) {
  Ext->LockIrql = KeAcquireSpinLockRaiseToDpc(&Ext->Lock);
}

// An unannotated routine may store the IRQL through the pointer it gets.
VOID SaveSomewhere(PEXT Ext);
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID LockThroughUnknown(_Inout_ _IRQL_saves_ PEXT Ext) {
  KeAcquireSpinLock(&Ext->Lock, &GlobalOld);
  SaveSomewhere(Ext);
}
