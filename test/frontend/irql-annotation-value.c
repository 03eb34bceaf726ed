// irql-annotation-value (C28151): an annotation's value is not a legal IRQL
// on the target. The bad annotation is dropped; the rest of the contract stays.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts -verify %s | FileCheck %s

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define HIGH_LEVEL 15

_IRQL_requires_max_(16) void AboveHigh(void); // expected-warning {{16 is not a legal IRQL (_IRQL_requires_max_); levels on this target are 0 to 15 (HIGH_LEVEL) [irql-annotation-value]}}
_IRQL_requires_min_(APC_LEVEL - 2) void Negative(void); // expected-warning {{-1 is not a legal IRQL (_IRQL_requires_min_)}}
_IRQL_raises_(HIGH_LEVEL + 1) void RaisesTooHigh(void); // expected-warning {{16 is not a legal IRQL (_IRQL_raises_)}}
__drv_requiresIRQL(255) void Legacy(void); // expected-warning {{255 is not a legal IRQL (_IRQL_requires_)}}
_When_(Wait == 1, _IRQL_requires_max_(99)) void InWhen(int Wait); // expected-warning {{99 is not a legal IRQL}}
typedef _IRQL_always_function_max_(40) void BAD_TYPEDEF(void); // expected-warning {{40 is not a legal IRQL (_IRQL_always_function_max_)}}
// The bad item is dropped, the good one kept.
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_requires_min_(20) void Mixed(void); // expected-warning {{20 is not a legal IRQL (_IRQL_requires_min_)}}
// CHECK: contract Mixed: max=DISPATCH_LEVEL{{$}}

// Negative: every level from PASSIVE_LEVEL to HIGH_LEVEL is legal.
_IRQL_requires_max_(0) void Zero(void);
_IRQL_requires_max_(HIGH_LEVEL) void High(void);
_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_max_(HIGH_LEVEL) void Range(void);
// CHECK: contract Zero: max=PASSIVE_LEVEL{{$}}
// CHECK: contract High: max=HIGH_LEVEL{{$}}
// CHECK: contract Range: min=DISPATCH_LEVEL max=HIGH_LEVEL{{$}}
