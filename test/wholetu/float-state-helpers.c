// Floating-point state saved and restored by helpers: a helper that saves
// the state, at the IRQL it was entered at, in a buffer its caller names (a
// parameter's field, a global) on every path is summarised fp-saves=...; one
// that restores it, fp-restores=... The caller matches the two like the
// kernel routines, so an IRQL change between the helper calls is reported at
// the restoring helper (irql-float-state-mismatch). A helper that saves on
// one path only, or after changing the IRQL, gets no such summary: nothing
// is guessed.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -triple i686-pc-windows-msvc %s

#include <ntddk.h>

KFLOATING_SAVE GlobalSave;
typedef struct _CTX {
  ULONG Count;
  KFLOATING_SAVE Fs;
} CTX, *PCTX;

static VOID SaveGlobal(VOID) { (VOID)KeSaveFloatingPointState(&GlobalSave); }
static VOID RestoreGlobal(VOID) { KeRestoreFloatingPointState(&GlobalSave); }
static VOID SaveCtx(PCTX C) { (VOID)KeSaveFloatingPointState(&C->Fs); }
static VOID RestoreCtx(PCTX C) { KeRestoreFloatingPointState(&C->Fs); }

_IRQL_requires_(PASSIVE_LEVEL)
VOID GlobalAcrossLock(PKSPIN_LOCK Lock) {
  KIRQL Old;
  SaveGlobal();
  KeAcquireSpinLock(Lock, &Old);
  RestoreGlobal(); // expected-warning {{'RestoreGlobal' restores the floating-point state at DISPATCH_LEVEL, but it was saved at PASSIVE_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID FieldAcrossLock(PKSPIN_LOCK Lock, PCTX C) {
  KIRQL Old;
  SaveCtx(C);
  KeAcquireSpinLock(Lock, &Old);
  RestoreCtx(C); // expected-warning {{'RestoreCtx' restores the floating-point state at DISPATCH_LEVEL, but it was saved at PASSIVE_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID FieldUnderLock(PKSPIN_LOCK Lock, PCTX C) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  SaveCtx(C);
  RestoreCtx(C);
  KeReleaseSpinLock(Lock, Old);
}

// Two levels of helpers: the summary of the outer one comes from the inner.
static VOID SaveCtxTwice(PCTX C) { SaveCtx(C); }

_IRQL_requires_(PASSIVE_LEVEL)
VOID NestedHelpers(PKSPIN_LOCK Lock, PCTX C) {
  KIRQL Old;
  SaveCtxTwice(C);
  KeAcquireSpinLock(Lock, &Old);
  KeRestoreFloatingPointState(&C->Fs); // expected-warning {{'KeRestoreFloatingPointState' restores the floating-point state at DISPATCH_LEVEL, but it was saved at PASSIVE_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

// Saves on one path only: no summary, no finding.
static VOID MaybeSave(PCTX C, BOOLEAN Use) {
  if (Use)
    (VOID)KeSaveFloatingPointState(&C->Fs);
}

// Raises before saving: the state is saved at DISPATCH_LEVEL, not at the
// helper's entry IRQL; not summarised.
static VOID SaveUnderLock(PKSPIN_LOCK Lock, PCTX C, PKIRQL Old) {
  KeAcquireSpinLock(Lock, Old);
  (VOID)KeSaveFloatingPointState(&C->Fs);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID NotSummarised(PKSPIN_LOCK Lock, PCTX C, BOOLEAN Use) {
  KIRQL Old;
  MaybeSave(C, Use);
  KeAcquireSpinLock(Lock, &Old);
  RestoreCtx(C);
  KeReleaseSpinLock(Lock, Old);
  SaveUnderLock(Lock, C, &Old);
  KeReleaseSpinLock(Lock, Old);
  RestoreCtx(C);
}
