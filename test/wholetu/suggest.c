// -fplugin-arg-irqlcheck-suggest prints every function of the translation
// unit with its inferred contract as ready-to-paste SAL.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-suggest -c %s -o %t.o 2>/dev/null | FileCheck %s
// CHECK-DAG: irqlcheck: suggest NeedsPassive: _IRQL_requires_max_(PASSIVE_LEVEL) _IRQL_requires_same_
// CHECK-DAG: irqlcheck: suggest NeedsDispatch: _IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_same_
// CHECK-DAG: irqlcheck: suggest Anywhere: _IRQL_requires_same_
// CHECK-DAG: irqlcheck: suggest TakesLock: _IRQL_requires_max_(DISPATCH_LEVEL) __drv_setsIRQL(DISPATCH_LEVEL) _IRQL_saves_
// CHECK-DAG: irqlcheck: suggest Annotated: _IRQL_requires_max_(APC_LEVEL) _IRQL_requires_same_ (as annotated)
// An entry-only annotation with an exit level taken from the body is not "as annotated".
// CHECK-DAG: irqlcheck: suggest EntryOnly: _IRQL_requires_min_(DISPATCH_LEVEL) __drv_setsIRQL(PASSIVE_LEVEL){{$}}
// CHECK-NOT: suggest KeGetCurrentIrql

#include <ntddk.h>
void NeedsPassive(HANDLE h) { ZwClose(h); }
void NeedsDispatch(PKSPIN_LOCK l) { KeAcquireSpinLockAtDpcLevel(l); KeReleaseSpinLockFromDpcLevel(l); }
int Anywhere(int x) { return x + 1; }
KIRQL TakesLock(PKSPIN_LOCK l) { KIRQL o; KeAcquireSpinLock(l, &o); return o; }
_IRQL_requires_max_(APC_LEVEL) void Annotated(void) {}
_IRQL_requires_min_(DISPATCH_LEVEL) void EntryOnly(void) { KeLowerIrql(PASSIVE_LEVEL); }
