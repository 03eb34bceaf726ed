// include/irqlcheck.h: the IRQLCHECK_* spellings mean exactly what the SAL
// names mean with the plugin loaded, expand to nothing without it, and the
// header also makes the SAL names usable without any WDK header.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -I %srcroot/include \
// RUN:   -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s | FileCheck %s
// RUN: %clang %mingw_ddk -DMINGW -Wno-#warnings -fplugin=%irqlcheck -I %srcroot/include \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only -Xclang -verify %s | FileCheck %s
// Without the plugin: everything is empty, and the file compiles cleanly.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -I %srcroot/include -Wall -Wextra \
// RUN:   -fsyntax-only -verify %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -I %srcroot/include -E -P %s \
// RUN:   | FileCheck %s --check-prefix=EMPTY
// EMPTY-NOT: __attribute
// EMPTY-NOT: irql_
// expected-no-diagnostics

#ifdef MINGW
#include <ntddk.h> // defines some SAL names empty first
#endif
#include <irqlcheck.h>

#ifndef MINGW
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
#endif
#define MY_LEVEL (APC_LEVEL + 1)

IRQLCHECK_REQUIRES_MAX(MY_LEVEL) void Max(void);
// CHECK-LABEL: contract Max: max=DISPATCH_LEVEL{{$}}
IRQLCHECK_REQUIRES_MIN(APC_LEVEL) IRQLCHECK_REQUIRES(DISPATCH_LEVEL) void Req(void);
// CHECK-NEXT: contract Req: min=APC_LEVEL req=DISPATCH_LEVEL{{$}}
IRQLCHECK_RAISES(DISPATCH_LEVEL) IRQLCHECK_SAVES KIRQL Raise(void);
// CHECK-NEXT: contract Raise: raises=DISPATCH_LEVEL saves=ret{{$}}
IRQLCHECK_RAISES(NewIrql) KIRQL RaiseTo(KIRQL NewIrql);
// CHECK-NEXT: contract RaiseTo: raises=arg0{{$}}
IRQLCHECK_SETS(APC_LEVEL) IRQLCHECK_REQUIRES_SAME void SetsSame(void);
// CHECK-NEXT: contract SetsSame: sets=APC_LEVEL same{{$}}
void Params(IRQLCHECK_SAVES PKIRQL Old, IRQLCHECK_RESTORES KIRQL New, IRQLCHECK_USES_CANCEL void *Irp);
// CHECK-NEXT: contract Params: saves=arg0 restores=arg1 cancel=arg2{{$}}
IRQLCHECK_SAVES_GLOBAL(QueuedSpinLock, Lock) void Acquire(void *Lock);
// CHECK-NEXT: contract Acquire: saves-global=QueuedSpinLock:arg0{{$}}
IRQLCHECK_RESTORES_GLOBAL(QueuedSpinLock, Lock) void Release(void *Lock);
// CHECK-NEXT: contract Release: restores-global=QueuedSpinLock:arg0{{$}}
IRQLCHECK_ALWAYS_FUNCTION_MAX(DISPATCH_LEVEL) IRQLCHECK_ALWAYS_FUNCTION_MIN(APC_LEVEL) void Fn(void);
// CHECK-NEXT: contract Fn: fnmax=DISPATCH_LEVEL fnmin=APC_LEVEL{{$}}
IRQLCHECK_FUNCTION_CLASS(MY_ROLE) void Classy(void);
// CHECK-NEXT: contract Classy: class=MY_ROLE{{$}}
IRQLCHECK_WHEN(Wait == 1, IRQLCHECK_REQUIRES_MAX(APC_LEVEL)) IRQLCHECK_REQUIRES_MAX(DISPATCH_LEVEL)
long SetEvent(void *Event, long Increment, unsigned char Wait);
// CHECK-NEXT: contract SetEvent: max=DISPATCH_LEVEL if(arg2==1):max=APC_LEVEL{{$}}
IRQLCHECK_AT(*Old, IRQLCHECK_SAVES) void AtSaves(void *Lock, PKIRQL Old);
// CHECK-NEXT: contract AtSaves: saves=arg1{{$}}

// The SAL names work too, in any setting.
_IRQL_requires_max_(APC_LEVEL) _When_(Wait == 0, _IRQL_raises_(DISPATCH_LEVEL)) void Sal(int Wait);
// CHECK-NEXT: contract Sal: max=APC_LEVEL if(arg0==0):raises=DISPATCH_LEVEL{{$}}
_Function_class_(MY_ROLE) _At_(*Old, _IRQL_saves_) void SalAt(PKIRQL Old);
// CHECK-NEXT: contract SalAt: saves=arg0 class=MY_ROLE{{$}}
