// A function declared through a function typedef (KDEFERRED_ROUTINE MyDpc;)
// inherits the typedef's annotations; parameter annotations move by index,
// whatever the function calls its parameters. A typedef of a typedef inherits
// in turn, and the typedef is the function's class (its role).
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
typedef struct _IRP *PIRP;

typedef
_Function_class_(MY_CALLBACK)
_IRQL_requires_max_(APC_LEVEL)
_IRQL_requires_same_
void MY_CALLBACK(void *Context, _IRQL_saves_ PKIRQL Saved);
typedef MY_CALLBACK *PMY_CALLBACK;

// Parameters are renamed and the annotation is not repeated: still arg1.
MY_CALLBACK Callback;
void Callback(void *Ctx, PKIRQL Out) { *Out = 0; }
// CHECK-LABEL: contract Callback: max=APC_LEVEL same saves=arg1 class=MY_CALLBACK [class MY_CALLBACK]{{$}}

// The typedef's class name need not be given with _Function_class_.
typedef _IRQL_requires_(DISPATCH_LEVEL) void MY_PLAIN_TYPEDEF(void *Context);
MY_PLAIN_TYPEDEF PlainTypedef;
// CHECK-NEXT: contract PlainTypedef: req=DISPATCH_LEVEL class=MY_PLAIN_TYPEDEF [class MY_PLAIN_TYPEDEF]{{$}}

// A typedef of a typedef: both layers' annotations, the outer one's class.
typedef _IRQL_always_function_max_(DISPATCH_LEVEL) MY_CALLBACK MY_WRAPPED_CALLBACK;
MY_WRAPPED_CALLBACK Wrapped;
// CHECK-NEXT: contract Wrapped: max=APC_LEVEL same saves=arg1 fnmax=DISPATCH_LEVEL class=MY_CALLBACK [class MY_WRAPPED_CALLBACK]{{$}}

// A typedef with a calling convention and the parameter annotation on the
// third parameter (a DRIVER_CANCEL-like shape).
typedef _IRQL_requires_min_(DISPATCH_LEVEL)
void __stdcall MY_CANCEL(void *Dev, int Unused, _IRQL_uses_cancel_ PIRP Irp);
MY_CANCEL Cancel;
// CHECK-NEXT: contract Cancel: min=DISPATCH_LEVEL cancel=arg2 class=MY_CANCEL [class MY_CANCEL]{{$}}

// The function's own annotations beat the typedef's.
MY_CALLBACK Overridden;
_IRQL_requires_max_(DISPATCH_LEVEL) void Overridden(void *Ctx, PKIRQL Out);
// CHECK-NEXT: contract Overridden: max=DISPATCH_LEVEL same saves=arg1 class=MY_CALLBACK [class MY_CALLBACK]{{$}}

// Negative: a pointer typedef declares a variable, not a function.
PMY_CALLBACK CallbackPointer;
// A function with the same prototype but not declared through the typedef
// inherits nothing.
void NotThroughTypedef(void *Ctx, PKIRQL Out);
// CHECK-NOT: contract CallbackPointer
// CHECK-NOT: contract NotThroughTypedef
