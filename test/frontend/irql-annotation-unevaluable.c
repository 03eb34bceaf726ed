// irql-annotation-unevaluable (C28153): an annotation's value cannot be
// evaluated to a constant (an unknown name, an empty value, division by zero,
// garbage), or a *_global_ annotation names no parameter.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts -verify %s | FileCheck %s

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL;

_IRQL_requires_max_(UNKNOWN_LEVEL) void UnknownName(void); // expected-warning {{the value of _IRQL_requires_max_ ('UNKNOWN_LEVEL') cannot be evaluated to a constant: 'UNKNOWN_LEVEL' is not a constant [irql-annotation-unevaluable]}}
_IRQL_requires_max_() void Empty(void); // expected-warning {{the value of _IRQL_requires_max_ ('') cannot be evaluated to a constant: empty value}}
_IRQL_requires_max_(APC_LEVEL / 0) void DivByZero(void); // expected-warning {{cannot be evaluated to a constant: division by zero}}
_IRQL_requires_min_(APC_LEVEL DISPATCH_LEVEL) void TwoValues(void); // expected-warning {{the value of _IRQL_requires_min_ ('APC_LEVEL DISPATCH_LEVEL') cannot be evaluated to a constant: unexpected 'DISPATCH_LEVEL'}}
_IRQL_requires_(sizeof(int)) void Sizeof(void); // expected-warning {{'sizeof' is not a constant}}
_IRQL_requires_max_(1 << 70) void Shift(void); // expected-warning {{shift out of range}}
_IRQL_raises_(NotAParameter) KIRQL RaisesUnknown(KIRQL NewIrql); // expected-warning {{the value of _IRQL_raises_ ('NotAParameter') cannot be evaluated}}
_IRQL_saves_global_(QueuedSpinLock, NoSuchParam) void GlobalUnknown(void *Lock); // expected-warning {{_IRQL_saves_global_ names 'NoSuchParam', which is not a parameter of this function [irql-annotation-unevaluable]}}

// Negative: a level defined after the annotation, a parameter as the raised
// level (KfRaiseIrql), and an object parameter of a *_global_ annotation.
_IRQL_requires_max_(LATER) void DefinedLater(void);
_IRQL_raises_(NewIrql) KIRQL RaisesParam(KIRQL NewIrql);
_IRQL_restores_global_(QueuedSpinLock, Lock) void GlobalParam(void *Lock);
#define LATER DISPATCH_LEVEL
// CHECK: contract DefinedLater: max=DISPATCH_LEVEL{{$}}
// CHECK: contract RaisesParam: raises=arg0{{$}}
// CHECK: contract GlobalParam: restores-global=QueuedSpinLock:arg0{{$}}
