// A function annotated on its entry but silent on its exit (no _IRQL_raises_,
// __drv_setsIRQL, _IRQL_requires_same_, _IRQL_requires_, _IRQL_saves_ or
// _IRQL_restores_) that returns at one constant level on every path: its
// callers continue at that level, as they do after an unannotated helper's
// (its summary). Microsoft's CodeQL test IrqlSetTooLow,
// CallFunctionThatLowersIRQL_fail5. Only a definite level on every path is
// taken, and an annotation on the exit wins over the body. Real mingw-w64
// headers.
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}        2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %{cc} -O2 -g 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <wdm.h>

// The callee's own findings (reported before this change too).
_IRQL_requires_min_(DISPATCH_LEVEL)
VOID LowerToPassive(void) {
  KeLowerIrql(PASSIVE_LEVEL);
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:3: warning: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-2]]:1: warning: 'LowerToPassive' returns at PASSIVE_LEVEL, not at the IRQL it was entered at [irql-exit-changed]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:3: note: IRQL set to PASSIVE_LEVEL here by 'KeLowerIrql'

// The caller: after the call the IRQL is PASSIVE_LEVEL, below its minimum
// (and it returns there, not at the IRQL it was entered at).
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID CallsLower(void) {
  LowerToPassive();
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:3: warning: 'LowerToPassive' lowers the IRQL to PASSIVE_LEVEL, below this function's minimum of DISPATCH_LEVEL [irql-function-min]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-2]]:1: warning: 'CallsLower' returns at PASSIVE_LEVEL, not at the IRQL it was entered at [irql-exit-changed]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:3: note: IRQL set to PASSIVE_LEVEL here by 'LowerToPassive'

// Negatives: the callees' exits are annotated (the annotation wins; the
// callee itself is reported), or not definite.
_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_same_
VOID LowerButSame(void) {
  KeLowerIrql(PASSIVE_LEVEL);
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:3: warning: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-2]]:1: warning: 'LowerButSame' returns at PASSIVE_LEVEL, not at the IRQL it was entered at [irql-exit-not-same]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:3: note: IRQL set to PASSIVE_LEVEL here by 'KeLowerIrql'

_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID CallsLowerButSame(void) {
  LowerButSame();
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID LowerButRequires(void) {
  KeLowerIrql(PASSIVE_LEVEL);
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:3: warning: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-2]]:1: warning: 'LowerButRequires' returns at PASSIVE_LEVEL but _IRQL_requires_(DISPATCH_LEVEL) means it must also return at that IRQL [irql-exit-requires]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:3: note: IRQL set to PASSIVE_LEVEL here by 'KeLowerIrql'

_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID CallsLowerButRequires(void) {
  LowerButRequires();
}

_IRQL_requires_min_(DISPATCH_LEVEL)
VOID MaybeLower(BOOLEAN Lower) {
  if (Lower)
    KeLowerIrql(PASSIVE_LEVEL);
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:5: warning: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-3]]:5: warning: 'MaybeLower' returns at PASSIVE_LEVEL, not at the IRQL it was entered at [irql-exit-changed]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:5: note: IRQL set to PASSIVE_LEVEL here by 'KeLowerIrql'

_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID CallsMaybeLower(BOOLEAN Lower) {
  MaybeLower(Lower);
}

// Raises and restores: returns at its entry IRQL, not at a constant.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID Balanced(void) {
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
  KeLowerIrql(Old);
}

_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID CallsBalanced(void) {
  Balanced();
}

// The level may come from a raise that saves nothing: the callee then
// returns at DISPATCH_LEVEL (reported in it), and so does its caller.
_IRQL_raises_(DISPATCH_LEVEL)
VOID RaiseToDpc(void) {
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
}

_IRQL_requires_max_(APC_LEVEL)
VOID EndsAtDpc(void) {
  RaiseToDpc();
}
// CHECK: entry-annotated-exit.c:[[#@LINE-1]]:1: warning: 'EndsAtDpc' returns at DISPATCH_LEVEL, not at the IRQL it was entered at [irql-exit-changed]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-3]]:3: note: IRQL set to DISPATCH_LEVEL here by 'RaiseToDpc'

_IRQL_always_function_max_(APC_LEVEL)
VOID CallsEndsAtDpc(void) {
  EndsAtDpc();
}
// CHECK: entry-annotated-exit.c:[[#@LINE-2]]:3: warning: 'EndsAtDpc' raises the IRQL to DISPATCH_LEVEL, above this function's limit of APC_LEVEL [irql-function-max]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-2]]:1: warning: 'CallsEndsAtDpc' returns at DISPATCH_LEVEL, not at the IRQL it was entered at [irql-exit-changed]
// CHECK-NEXT: entry-annotated-exit.c:[[#@LINE-4]]:3: note: IRQL set to DISPATCH_LEVEL here by 'EndsAtDpc'

// A lock taken and released: back at the entry IRQL.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID TakesLock(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
}

_IRQL_always_function_max_(PASSIVE_LEVEL)
VOID CallsTakesLock(PKSPIN_LOCK Lock) {
  TakesLock(Lock);
}
