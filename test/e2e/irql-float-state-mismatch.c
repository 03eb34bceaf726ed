// irql-float-state-mismatch (C28111): KeRestoreFloatingPointState runs at
// another IRQL than the KeSaveFloatingPointState that filled its buffer. The
// save is tracked with its buffer and the IRQL it ran at, through branches,
// loops and helpers that save or restore the state for their caller.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -triple i686-pc-windows-msvc %s
// The mingw-w64 headers declare the two routines for x86 only:
// RUN: %clang %mingw32_ddk -Wno-#warnings -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:
// Without the check:
// RUN: %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck disable=irql-float-state-mismatch %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=OFF --allow-empty
// OFF-NOT: [irql-float-state-mismatch]

#include <ntddk.h>

// Saved at APC_LEVEL, restored after lowering back to PASSIVE_LEVEL.
_IRQL_requires_(PASSIVE_LEVEL)
VOID LowerBetween(VOID) {
  KIRQL Old;
  KFLOATING_SAVE Fs;
  KeRaiseIrql(APC_LEVEL, &Old);
  if (NT_SUCCESS(KeSaveFloatingPointState(&Fs))) { // expected-note {{the floating-point state was saved here, at APC_LEVEL}}
    KeLowerIrql(Old);
    KeRestoreFloatingPointState(&Fs); // expected-warning {{'KeRestoreFloatingPointState' restores the floating-point state at PASSIVE_LEVEL, but it was saved at APC_LEVEL: save and restore must run at the same IRQL [irql-float-state-mismatch]}}
    return;
  }
  KeLowerIrql(Old);
}
// MINGW: [[@LINE-5]]:5: warning: 'KeRestoreFloatingPointState' restores the floating-point state at PASSIVE_LEVEL, but it was saved at APC_LEVEL{{.*}}[irql-float-state-mismatch]

// Raised again before the restore: the same IRQL.
_IRQL_requires_(PASSIVE_LEVEL)
VOID RaiseAgain(VOID) {
  KIRQL Old;
  KFLOATING_SAVE Fs;
  KeRaiseIrql(APC_LEVEL, &Old);
  if (NT_SUCCESS(KeSaveFloatingPointState(&Fs))) {
    KeLowerIrql(Old);
    KeRaiseIrql(APC_LEVEL, &Old);
    KeRestoreFloatingPointState(&Fs);
  }
  KeLowerIrql(Old);
}

// The lowering happens in a helper (its summary: it restores its argument).
static VOID LowerTo(KIRQL Old) { KeLowerIrql(Old); }

_IRQL_requires_(PASSIVE_LEVEL)
VOID LowerInHelper(VOID) {
  KIRQL Old;
  KFLOATING_SAVE Fs;
  NTSTATUS Status;
  KeRaiseIrql(APC_LEVEL, &Old);
  Status = KeSaveFloatingPointState(&Fs);
  LowerTo(Old);
  if (NT_SUCCESS(Status))
    KeRestoreFloatingPointState(&Fs); // expected-warning {{restores the floating-point state at PASSIVE_LEVEL, but it was saved at APC_LEVEL}}
}
// MINGW: [[@LINE-2]]:5: warning: {{.*}}[irql-float-state-mismatch]

// Save and restore in helpers; the IRQL changes in the caller between them.
static VOID SaveFp(PKFLOATING_SAVE Fs) { (VOID)KeSaveFloatingPointState(Fs); }
static VOID RestoreFp(PKFLOATING_SAVE Fs) { KeRestoreFloatingPointState(Fs); }

_IRQL_requires_(PASSIVE_LEVEL)
VOID AcrossHelpers(PKSPIN_LOCK Lock) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  SaveFp(&Fs);
  KeAcquireSpinLock(Lock, &Old);
  RestoreFp(&Fs); // expected-warning {{'RestoreFp' restores the floating-point state at DISPATCH_LEVEL, but it was saved at PASSIVE_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}
// MINGW: [[@LINE-3]]:3: warning: 'RestoreFp' restores{{.*}}[irql-float-state-mismatch]

_IRQL_requires_(PASSIVE_LEVEL)
VOID AcrossHelpersSameLevel(PKSPIN_LOCK Lock) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  SaveFp(&Fs);
  RestoreFp(&Fs);
  KeReleaseSpinLock(Lock, Old);
}

// A restore inside a loop, under a lock the loop takes: every iteration
// restores at DISPATCH_LEVEL what was saved at the entry IRQL.
_IRQL_requires_max_(APC_LEVEL)
VOID RestoreInLoop(PKSPIN_LOCK Lock, ULONG N) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  ULONG I;
  if (!NT_SUCCESS(KeSaveFloatingPointState(&Fs)))
    return;
  for (I = 0; I < N; I++) {
    KeAcquireSpinLock(Lock, &Old);
    if (I + 1 == N)
      KeRestoreFloatingPointState(&Fs); // expected-warning {{restores the floating-point state at DISPATCH_LEVEL, but it was saved at the entry IRQL (PASSIVE_LEVEL..APC_LEVEL)}}
    KeReleaseSpinLock(Lock, Old);
  }
}
// MINGW: [[@LINE-4]]:7: warning: {{.*}}[irql-float-state-mismatch]

// Two buffers: each restore is matched with its own save.
_IRQL_requires_(PASSIVE_LEVEL)
VOID TwoBuffers(PKSPIN_LOCK Lock) {
  KFLOATING_SAVE Outer, Inner;
  KIRQL Old;
  (VOID)KeSaveFloatingPointState(&Outer);
  KeAcquireSpinLock(Lock, &Old);
  (VOID)KeSaveFloatingPointState(&Inner);
  KeRestoreFloatingPointState(&Inner);
  KeReleaseSpinLock(Lock, Old);
  KeRestoreFloatingPointState(&Outer);
}

// Unannotated: the entry IRQL is not promised, and the spin lock could have
// been taken at DISPATCH_LEVEL already (the same IRQL): not certainly wrong.
VOID NotCertain(PKSPIN_LOCK Lock) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  (VOID)KeSaveFloatingPointState(&Fs);
  KeAcquireSpinLock(Lock, &Old);
  KeRestoreFloatingPointState(&Fs);
  KeReleaseSpinLock(Lock, Old);
}

// A save in one branch, the IRQL changed only in the other: no path restores
// at another IRQL than its save.
_IRQL_requires_(PASSIVE_LEVEL)
VOID BranchesAgree(PKSPIN_LOCK Lock, BOOLEAN Locked) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  if (Locked) {
    KeAcquireSpinLock(Lock, &Old);
    (VOID)KeSaveFloatingPointState(&Fs);
    KeRestoreFloatingPointState(&Fs);
    KeReleaseSpinLock(Lock, Old);
  } else {
    (VOID)KeSaveFloatingPointState(&Fs);
    KeRestoreFloatingPointState(&Fs);
  }
}

// A loop that restores at its top what the previous turn saved at its end:
// the first turn has no save (it says nothing either way), every later turn
// restores at APC_LEVEL a state saved at PASSIVE_LEVEL.
_IRQL_requires_(PASSIVE_LEVEL)
VOID SavedAtTheEndOfTheTurn(ULONG N) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  KeRaiseIrql(APC_LEVEL, &Old);
  while (N--) {
    KeRestoreFloatingPointState(&Fs); // expected-warning {{restores the floating-point state at APC_LEVEL, but it was saved at PASSIVE_LEVEL}}
    KeLowerIrql(Old);
    (VOID)KeSaveFloatingPointState(&Fs);
    KeRaiseIrql(APC_LEVEL, &Old);
  }
  KeLowerIrql(Old);
}
// MINGW: [[@LINE-7]]:5: warning: {{.*}}[irql-float-state-mismatch]

// The same loop saving where it restores: every turn agrees.
_IRQL_requires_(PASSIVE_LEVEL)
VOID SavedAtTheSameIrqlEachTurn(ULONG N) {
  KFLOATING_SAVE Fs;
  KIRQL Old;
  KeRaiseIrql(APC_LEVEL, &Old);
  while (N--) {
    KeRestoreFloatingPointState(&Fs);
    KeLowerIrql(Old);
    KeRaiseIrql(APC_LEVEL, &Old);
    (VOID)KeSaveFloatingPointState(&Fs);
  }
  KeLowerIrql(Old);
}

// A floating-point state saved below an _IRQL_saves_ structure is not the
// saved IRQL the annotation promises (irql-saves-not-written, as a saved
// IRQL there would satisfy it: test/e2e/raise-to-current.c).
typedef struct _FP_EXT { KFLOATING_SAVE Fp; } FP_EXT, *PFP_EXT;
typedef struct _FP_DEV { PFP_EXT Ext; KFLOATING_SAVE Fp; KIRQL OldIrql; } FP_DEV, *PFP_DEV;
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SaveFloatOnly(_Inout_ _IRQL_saves_ PFP_DEV Dev) {
  (VOID)KeSaveFloatingPointState(&Dev->Ext->Fp);
  (VOID)KeSaveFloatingPointState(&Dev->Fp);
} // expected-warning {{'SaveFloatOnly' returns without saving the IRQL in its _IRQL_saves_ parameter (argument 0) [irql-saves-not-written]}}
// MINGW: [[@LINE-1]]:1: warning: 'SaveFloatOnly' returns without saving{{.*}}[irql-saves-not-written]
