// A function's annotations are collected from all its declarations and its
// definition (the header says one thing, the .c file another). Repeating the
// same annotation is fine; contradicting it is irql-annotation-conflict
// (check-annotation-conflict.c).
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s | FileCheck %s
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;

// Header declaration, then a definition that adds more.
_IRQL_requires_max_(DISPATCH_LEVEL) void Merged(PKIRQL Old);
_IRQL_requires_same_ void Merged(PKIRQL Old);
void Merged(_IRQL_saves_ PKIRQL Old) { *Old = 0; }
// CHECK-LABEL: contract Merged: max=DISPATCH_LEVEL same saves=arg0{{$}}

// The same annotation on every declaration: one item.
_IRQL_requires_max_(APC_LEVEL) void Repeated(void);
_IRQL_requires_max_(APC_LEVEL) void Repeated(void);
__drv_maxIRQL(1) void Repeated(void) {}
// CHECK-NEXT: contract Repeated: max=APC_LEVEL{{$}}

// Annotated only on a later redeclaration (the "used" dump lists it because
// the first declaration is in the main file).
void LateAnnotation(void);
void Caller(void) { LateAnnotation(); }
_IRQL_requires_max_(APC_LEVEL) void LateAnnotation(void);
// CHECK-NEXT: contract LateAnnotation: max=APC_LEVEL{{$}}

// Declared through a typedef, then defined with an extra annotation.
typedef _IRQL_requires_max_(DISPATCH_LEVEL) void MY_ROUTINE(void *Context);
MY_ROUTINE Routine;
_IRQL_always_function_max_(DISPATCH_LEVEL) void Routine(void *Context) {}
// CHECK-NEXT: contract Routine: max=DISPATCH_LEVEL fnmax=DISPATCH_LEVEL class=MY_ROUTINE [class MY_ROUTINE]{{$}}

// Negative: unannotated declarations of an unannotated function.
void Plain(void);
void Plain(void) {}
// CHECK-NOT: contract Plain
// CHECK-NOT: contract Caller
