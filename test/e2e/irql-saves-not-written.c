// irql-saves-not-written (C28158): the location an _IRQL_saves_ annotation
// promises (the return value, or what a pointer parameter points to) never
// receives the IRQL. The caller will later "restore" garbage.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s

#include <ntddk.h>

// The saved value goes to a local; the caller's variable is never written.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireInto(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PKIRQL OldIrql) {
  KIRQL Local;
  KeAcquireSpinLock(Lock, &Local);
} // expected-warning {{'AcquireInto' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 1) [irql-saves-not-written]}}

// Returns a constant instead of the saved IRQL.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL AcquireReturningConstant(PKSPIN_LOCK Lock) {
  KIRQL Local;
  KeAcquireSpinLock(Lock, &Local);
  return DISPATCH_LEVEL; // expected-warning {{'AcquireReturningConstant' returns without saving the IRQL in its _IRQL_saves_ return value [irql-saves-not-written]}}
}

// A constant is not the IRQL the function was entered at.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireWritingConstant(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PKIRQL OldIrql) {
  KIRQL Local;
  KeAcquireSpinLock(Lock, &Local);
  *OldIrql = PASSIVE_LEVEL;
} // expected-warning {{'AcquireWritingConstant' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 1) [irql-saves-not-written]}}

// Negatives.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireIntoFixed(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PKIRQL OldIrql) {
  KeAcquireSpinLock(Lock, OldIrql);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireIntoViaLocal(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PKIRQL OldIrql) {
  KIRQL Local;
  KeAcquireSpinLock(Lock, &Local);
  *OldIrql = Local;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL AcquireReturning(PKSPIN_LOCK Lock) {
  return KeAcquireSpinLockRaiseToDpc(Lock);
}

// What irqlcheck cannot see gets the benefit of the doubt: the result of an
// unknown call, a field, or a location handed to an unknown routine.
KIRQL SomethingOpaque(VOID);
VOID OpaqueAcquire(PKSPIN_LOCK Lock, PKIRQL OldIrql);
typedef struct _EXT {
  KSPIN_LOCK Lock;
  KIRQL Saved;
} EXT, *PEXT;

_IRQL_saves_
KIRQL SavesOpaque(VOID) {
  return SomethingOpaque();
}

_IRQL_saves_
KIRQL SavesField(PEXT Ext) {
  return Ext->Saved;
}

VOID SavesThroughCall(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PKIRQL OldIrql) {
  OpaqueAcquire(Lock, OldIrql);
}

// The current IRQL is what _IRQL_saves_ means.
_IRQL_saves_
KIRQL SavesCurrent(VOID) {
  return KeGetCurrentIrql();
}

VOID SavesCurrentThroughPointer(_Out_ _IRQL_saves_ PKIRQL OldIrql) {
  *OldIrql = KeGetCurrentIrql();
}

// _IRQL_saves_ on a pointer to a lock-state structure is satisfied by a save
// into a field of it...
typedef struct _LOCK_STATE_LIKE {
  ULONG Flags;
  KIRQL OldIrql;
} LOCK_STATE_LIKE, *PLOCK_STATE_LIKE;

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireIntoState(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PLOCK_STATE_LIKE State) {
  KeAcquireSpinLock(Lock, &State->OldIrql);
}

// ... but not by leaving it untouched.
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AcquireNotIntoState(PKSPIN_LOCK Lock, _Out_ _IRQL_saves_ PLOCK_STATE_LIKE State) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  State->Flags = 0;
} // expected-warning {{'AcquireNotIntoState' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 1) [irql-saves-not-written]}}

// _IRQL_saves_ on a KIRQL passed by value: the annotation itself is wrong
// (irql-annotation-param-type), and the function is held to what it meant,
// its own variable receiving the IRQL. Written by a save: nothing more.
VOID SavesIntoItsCopy(_IRQL_saves_ KIRQL Old, PKSPIN_LOCK Lock) { // expected-warning {{_IRQL_saves_ on a parameter of type 'KIRQL', which cannot point to a KIRQL [irql-annotation-param-type]}}
  KeAcquireSpinLock(Lock, &Old);
}

// Never written on one path: the value passed in is not a saved IRQL.
VOID SavesIntoItsCopySometimes(_IRQL_saves_ KIRQL Old, PKSPIN_LOCK Lock, int N) { // expected-warning {{_IRQL_saves_ on a parameter of type 'KIRQL', which cannot point to a KIRQL [irql-annotation-param-type]}}
  if (N > 15) // expected-warning {{'SavesIntoItsCopySometimes' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 0) [irql-saves-not-written]}}
    KeRaiseIrql(KeGetCurrentIrql(), &Old);
}
