// irql-exit-not-same (C28166) for a level the function sets itself: an
// _IRQL_requires_same_ function calls an _IRQL_raises_(DISPATCH_LEVEL) callee
// that saves nothing (nothing is left to restore) and returns. It returns at
// DISPATCH_LEVEL whatever IRQL it was entered at, so _IRQL_requires_same_
// holds only if it is always entered at DISPATCH_LEVEL. (Microsoft's CodeQL
// test IrqlSetTooHigh, CallFunctionThatRaisesIRQL_fail6.) Real mingw-w64
// headers.
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}        2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
// RUN: %{cc} -O2 -g 2>&1 | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <wdm.h>

// Annotated to return at DISPATCH_LEVEL, and does: nothing to report.
_IRQL_raises_(DISPATCH_LEVEL)
VOID RaiseToDpc(void) {
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
}

_IRQL_requires_same_
VOID CallsRaise(void) {
  RaiseToDpc();
}
// CHECK: irql-exit-not-same-raised.c:[[#@LINE-1]]:1: warning: 'CallsRaise' returns at DISPATCH_LEVEL, not at the IRQL it was entered at [irql-exit-not-same]
// CHECK-NEXT: irql-exit-not-same-raised.c:[[#@LINE-3]]:3: note: IRQL set to DISPATCH_LEVEL here by 'RaiseToDpc'

// One path: reported at its return.
_IRQL_requires_same_
NTSTATUS RaisesOnErrorPath(BOOLEAN Fail) {
  if (Fail) {
    RaiseToDpc();
    return STATUS_UNSUCCESSFUL;
  }
  return STATUS_SUCCESS;
}
// CHECK: irql-exit-not-same-raised.c:[[#@LINE-4]]:5: warning: 'RaisesOnErrorPath' returns at DISPATCH_LEVEL, not at the IRQL it was entered at [irql-exit-not-same]
// CHECK-NEXT: irql-exit-not-same-raised.c:[[#@LINE-6]]:5: note: IRQL set to DISPATCH_LEVEL here by 'RaiseToDpc'

// Negatives. Always entered at DISPATCH_LEVEL: it returns where it came in.
_IRQL_requires_(DISPATCH_LEVEL) _IRQL_requires_same_
VOID CallsRaiseAtDpc(void) {
  RaiseToDpc();
}

_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_same_
VOID CallsRaiseAtDpcRange(void) {
  RaiseToDpc();
}

// A DPC (its role: _IRQL_requires_(DISPATCH_LEVEL), _IRQL_requires_same_).
KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC D, PVOID Context, PVOID Arg1, PVOID Arg2) {
  RaiseToDpc();
}

// Raises and restores.
_IRQL_requires_same_
VOID RaisesAndRestores(void) {
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
  KeLowerIrql(Old);
}

// The raising callee, then the IRQL from before it restored.
_IRQL_requires_same_
VOID CallsRaiseThenRestoresCurrent(void) {
  KIRQL Old = KeGetCurrentIrql();
  RaiseToDpc();
  KeLowerIrql(Old);
}

_IRQL_requires_same_
VOID CallsRaiseThenRestoresSaved(void) {
  KIRQL Old;
  KeRaiseIrql(APC_LEVEL, &Old);
  RaiseToDpc();
  KeLowerIrql(Old);
}

// Not _IRQL_requires_same_: an unannotated helper that raises is a lock
// wrapper of sorts, summarised for its callers (irql-exit-changed does not
// hold it to its entry IRQL).
static VOID RaiseHelper(void) {
  RaiseToDpc();
}

_IRQL_requires_same_
VOID CallsRaiseHelperThenRestores(void) {
  KIRQL Old = KeGetCurrentIrql();
  RaiseHelper();
  KeLowerIrql(Old);
}
