// irql-annotation-conflict: two declarations of one function give the same
// annotation different values. The first declaration's value is kept.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts -verify %s | FileCheck %s
#include "../Inputs/sal-object-like.h"

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;

_IRQL_requires_max_(DISPATCH_LEVEL) void Max(void); // expected-note {{earlier annotation is here}}
_IRQL_requires_max_(APC_LEVEL) void Max(void); // expected-warning {{redeclaration gives max=APC_LEVEL but an earlier declaration gives DISPATCH_LEVEL [irql-annotation-conflict]}}
// CHECK: contract Max: max=DISPATCH_LEVEL{{$}}

_IRQL_raises_(DISPATCH_LEVEL) void Raises(void); // expected-note {{earlier annotation is here}}
void Raises(void);
__drv_raisesIRQL(APC_LEVEL) void Raises(void) {} // expected-warning {{redeclaration gives raises=APC_LEVEL but an earlier declaration gives DISPATCH_LEVEL}}

void Saves(int A, _IRQL_saves_ PKIRQL B, PKIRQL C); // expected-note {{earlier annotation is here}}
void Saves(int A, PKIRQL B, _IRQL_saves_ PKIRQL C); // expected-warning {{redeclaration gives saves=arg2 but an earlier declaration gives arg1 [irql-annotation-conflict]}}

// Negative: the same value spelled differently, annotations that add to
// each other, and different _When_ conditions.
_IRQL_requires_max_(DISPATCH_LEVEL) void Same(void);
__drv_maxIRQL(2) void Same(void);
_IRQL_requires_max_(APC_LEVEL + 1) void Same(void) {}
_IRQL_requires_max_(DISPATCH_LEVEL) void Adds(void);
_IRQL_requires_min_(APC_LEVEL) void Adds(void);
_When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL)) void Cond(int Wait);
_When_(Wait == 0, _IRQL_requires_max_(DISPATCH_LEVEL)) void Cond(int Wait);
// CHECK: contract Same: max=DISPATCH_LEVEL{{$}}
// CHECK: contract Adds: min=APC_LEVEL max=DISPATCH_LEVEL{{$}}
// CHECK: contract Cond: if(arg0==1):max=APC_LEVEL if(arg0==0):max=DISPATCH_LEVEL{{$}}

_IRQL_saves_global_(QueuedSpinLock, Lock) void Global(void *Lock); // expected-note {{earlier annotation is here}}
_IRQL_saves_global_(OtherSlot, Lock) void Global(void *Lock); // expected-warning {{redeclaration gives saves-global=OtherSlot:arg0 but an earlier declaration gives QueuedSpinLock:arg0}}

// Two values on one declaration are named as such, not as a redeclaration.
_IRQL_requires_max_(APC_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL) void TwoOnOne(void); // expected-warning {{conflicting annotations on one declaration: max=DISPATCH_LEVEL after max=APC_LEVEL}} expected-note {{earlier annotation is here}}
