// The user's SAL annotations are recorded by position and go to the
// declarations written around them, as the kit's do
// (kit-annotations-by-position.c); the contracts and diagnostics are those
// the parser's attachment of an attribute gave until session 7. Placements
// where position alone would say more than the grammar: annotations in a
// struct's body are its fields' (ignored, even a bad value, and never the
// typedef's after the '}'), one in a function-pointer parameter's own
// parameter list is that inner parameter's (ignored, never the outer
// parameter's), a typedef with a calling convention keeps its parameters'
// annotations, and in C++ a class's member annotations stay the members'
// (methods get no contract, as before).
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -verify %s | FileCheck %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -x c++ \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -verify %s | FileCheck %s --check-prefixes=CHECK,CXX
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
typedef struct _IRP *PIRP;

typedef struct _OPS {
  _IRQL_requires_max_(99) void (*Callback)(void);
  void (*Saver)(_IRQL_saves_ PKIRQL Old);
  _IRQL_requires_max_(DISPATCH_LEVEL) int Field;
} OPS, *POPS;

_IRQL_requires_max_(APC_LEVEL)
void Register(int A, void (*Cb)(_IRQL_saves_ PKIRQL Old), _IRQL_restores_ KIRQL New);
// CHECK-LABEL: irqlcheck: contract Register: max=APC_LEVEL restores=arg2{{$}}

typedef _IRQL_requires_min_(DISPATCH_LEVEL)
void __stdcall MY_CANCEL(void *Dev, int Unused, _IRQL_uses_cancel_ PIRP Irp);
MY_CANCEL Cancel;
// CHECK-NEXT: irqlcheck: contract Cancel: min=DISPATCH_LEVEL cancel=arg2 class=MY_CANCEL [class MY_CANCEL]{{$}}

#ifdef __cplusplus
struct Device {
  _IRQL_requires_max_(APC_LEVEL) void Start(_IRQL_saves_ PKIRQL Old);
  int Count;
};
_IRQL_requires_(DISPATCH_LEVEL) void AfterClass(void);
// CXX-NEXT: irqlcheck: contract AfterClass: req=DISPATCH_LEVEL{{$}}
#endif
// CHECK-NOT: contract
