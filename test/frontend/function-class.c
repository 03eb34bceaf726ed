// _Function_class_(NAME) gives a function the annotations of the typedef
// NAME, as declaring it through the typedef does. Precedence: the function's
// own annotations, then the class typedef, then the built-in role table (the
// entry IRQL of the kernel's callback roles), then the kernel model.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;

typedef _IRQL_requires_max_(APC_LEVEL) _IRQL_saves_ KIRQL MY_ROLE(void *Context);

_Function_class_(MY_ROLE) KIRQL ByClass(void *Context);
// CHECK-LABEL: contract ByClass: max=APC_LEVEL saves=ret class=MY_ROLE [class MY_ROLE]{{$}}
__drv_functionClass(MY_ROLE) KIRQL ByLegacyClass(void *Context);
// CHECK-NEXT: contract ByLegacyClass: max=APC_LEVEL saves=ret class=MY_ROLE [class MY_ROLE]{{$}}

// Explicit beats the class.
_Function_class_(MY_ROLE) _IRQL_requires_max_(PASSIVE_LEVEL) KIRQL Explicit(void *Context);
// CHECK-NEXT: contract Explicit: max=PASSIVE_LEVEL saves=ret class=MY_ROLE [class MY_ROLE]{{$}}

// The class may be given on the definition only.
_Function_class_(MY_ROLE) KIRQL OnDefinition(void *Context) { return 0; }
// CHECK-NEXT: contract OnDefinition: max=APC_LEVEL saves=ret class=MY_ROLE [class MY_ROLE]{{$}}

// A class with no typedef of that name is just a name.
_Function_class_(NO_SUCH_TYPEDEF) void UnknownClass(void);
// CHECK-NEXT: contract UnknownClass: class=NO_SUCH_TYPEDEF{{$}}

// A kernel callback role whose typedef says nothing about the IRQL (as in
// mingw-w64): the role table gives the entry IRQL.
typedef void KDEFERRED_ROUTINE(void *Dpc, void *Ctx, void *A1, void *A2);
_Function_class_(KDEFERRED_ROUTINE) void Dpc(void *Dpc, void *Ctx, void *A1, void *A2);
// CHECK-NEXT: contract Dpc: req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE [role KDEFERRED_ROUTINE]{{$}}
KDEFERRED_ROUTINE DpcThroughTypedef;
// CHECK-NEXT: contract DpcThroughTypedef: req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE [role KDEFERRED_ROUTINE]{{$}}
// A role typedef that states an entry IRQL keeps it.
typedef _IRQL_requires_max_(DISPATCH_LEVEL) long DRIVER_DISPATCH(void *Dev, void *Irp);
DRIVER_DISPATCH Dispatch;
// CHECK-NEXT: contract Dispatch: max=DISPATCH_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; role DRIVER_DISPATCH]{{$}}
// The function's own annotation beats the role.
_IRQL_requires_max_(PASSIVE_LEVEL) KDEFERRED_ROUTINE WrongButExplicit;
// CHECK-NEXT: contract WrongButExplicit: max=PASSIVE_LEVEL same class=KDEFERRED_ROUTINE [role KDEFERRED_ROUTINE]{{$}}

// DriverEntry is a DRIVER_INITIALIZE even when declared without the typedef.
long DriverEntry(void *DriverObject, void *RegistryPath) { return 0; }
// CHECK-NEXT: contract DriverEntry: req=PASSIVE_LEVEL same class=DRIVER_INITIALIZE [role DRIVER_INITIALIZE]{{$}}

// The kernel model comes last: an explicit annotation on a routine it knows
// replaces the model's item of the same kind; the rest is still added.
_IRQL_requires_max_(APC_LEVEL) void ZwClose(void *Handle);
// CHECK-NEXT: contract ZwClose: max=APC_LEVEL{{$}}
void KeReleaseSpinLock(void *Lock, _IRQL_restores_ KIRQL NewIrql);
// CHECK-NEXT: contract KeReleaseSpinLock: {{.*}}restores=arg1{{.*}} [model]{{$}}

// Negative: a function with neither annotations nor a class has no contract.
void Plain(void *Context);
// CHECK-NOT: contract Plain
