// Every SAL IRQL annotation, modern and legacy spelling, means the same
// contract item whether nothing defines the function-like macros (the
// plugin's predefines alone give them a meaning; the object-like ones exist
// once something defines them, here sal-object-like.h) or the headers define
// them empty first: the real
// mingw-w64 DDK (<ntddk.h> -> <driverspecs.h>, <sal.h>) and the WDK-style
// headers in test/Inputs/wdk.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -DLEGACY \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
//
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -DHEADERS -Wno-#warnings \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only -Xclang -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -DHEADERS -DLEGACY -Wno-#warnings \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only -Xclang -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %wdk_cc1 -DHEADERS -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %wdk_cc1 -DHEADERS -DLEGACY -plugin-arg-irqlcheck dump-contracts -fsyntax-only \
// RUN:   -verify %s | FileCheck %s --implicit-check-not="contract Plain"
//
// Without the plugin nothing defines them: the same file does not compile.
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=NOPLUGIN
// NOPLUGIN: error:
//
// expected-no-diagnostics

#ifdef HEADERS
#include <ntddk.h>
#else
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
typedef struct _IRP *PIRP;
#endif
#include "../Inputs/sal-object-like.h"
typedef struct _LOCK *PLOCK;

#ifndef LEGACY
#define MAX_ _IRQL_requires_max_
#define MIN_ _IRQL_requires_min_
#define REQ_ _IRQL_requires_
#define RAISES_ _IRQL_raises_
#define SAME_ _IRQL_requires_same_
#define SAVES_ _IRQL_saves_
#define RESTORES_ _IRQL_restores_
#define SAVES_GLOBAL_ _IRQL_saves_global_
#define RESTORES_GLOBAL_ _IRQL_restores_global_
#define FNMAX_ _IRQL_always_function_max_
#define FNMIN_ _IRQL_always_function_min_
#define USES_CANCEL_ _IRQL_uses_cancel_
#define IS_CANCEL_ _IRQL_is_cancel_
#define CLASS_ _Function_class_
#define WHEN_ _When_
#else
#define MAX_ __drv_maxIRQL
#define MIN_ __drv_minIRQL
#define REQ_ __drv_requiresIRQL
#define RAISES_ __drv_raisesIRQL
#define SAME_ __drv_sameIRQL
#define SAVES_ __drv_savesIRQL
#define RESTORES_ __drv_restoresIRQL
#define SAVES_GLOBAL_ __drv_savesIRQLGlobal
#define RESTORES_GLOBAL_ __drv_restoresIRQLGlobal
#define FNMAX_ __drv_maxFunctionIRQL
#define FNMIN_ __drv_minFunctionIRQL
#define USES_CANCEL_ __drv_useCancelIRQL
#define IS_CANCEL_ __drv_isCancelIRQL
#define CLASS_ __drv_functionClass
#define WHEN_ __drv_when
#endif

MAX_(DISPATCH_LEVEL) void Max(void);
// CHECK: irqlcheck: contract Max: max=DISPATCH_LEVEL{{$}}
MIN_(APC_LEVEL) void Min(void);
// CHECK-NEXT: irqlcheck: contract Min: min=APC_LEVEL{{$}}
REQ_(DISPATCH_LEVEL) void Req(void);
// CHECK-NEXT: irqlcheck: contract Req: req=DISPATCH_LEVEL{{$}}
RAISES_(DISPATCH_LEVEL) void Raises(void);
// CHECK-NEXT: irqlcheck: contract Raises: raises=DISPATCH_LEVEL{{$}}
__drv_setsIRQL(APC_LEVEL) void Sets(void);
// CHECK-NEXT: irqlcheck: contract Sets: sets=APC_LEVEL{{$}}
SAME_ void Same(void);
// CHECK-NEXT: irqlcheck: contract Same: same{{$}}
SAVES_ KIRQL SavesRet(void);
// CHECK-NEXT: irqlcheck: contract SavesRet: saves=ret{{$}}
void SavesArg(int Unused, SAVES_ PKIRQL Old);
// CHECK-NEXT: irqlcheck: contract SavesArg: saves=arg1{{$}}
void Restores(RESTORES_ KIRQL Old);
// CHECK-NEXT: irqlcheck: contract Restores: restores=arg0{{$}}
SAVES_GLOBAL_(QueuedSpinLock, Lock) void SavesGlobal(PLOCK Lock);
// CHECK-NEXT: irqlcheck: contract SavesGlobal: saves-global=QueuedSpinLock:arg0{{$}}
RESTORES_GLOBAL_(QueuedSpinLock, Lock) void RestoresGlobal(int X, PLOCK Lock);
// CHECK-NEXT: irqlcheck: contract RestoresGlobal: restores-global=QueuedSpinLock:arg1{{$}}
FNMAX_(DISPATCH_LEVEL) void FnMax(void);
// CHECK-NEXT: irqlcheck: contract FnMax: fnmax=DISPATCH_LEVEL{{$}}
FNMIN_(APC_LEVEL) void FnMin(void);
// CHECK-NEXT: irqlcheck: contract FnMin: fnmin=APC_LEVEL{{$}}
void UsesCancel(void *Dev, USES_CANCEL_ PIRP Irp);
// CHECK-NEXT: irqlcheck: contract UsesCancel: cancel=arg1{{$}}
void IsCancel(void *Dev, IS_CANCEL_ PIRP Irp);
// CHECK-NEXT: irqlcheck: contract IsCancel: cancel=arg1{{$}}
CLASS_(MY_ROLE) void Class(void);
// CHECK-NEXT: irqlcheck: contract Class: class=MY_ROLE{{$}}
WHEN_(Wait == 1, MAX_(APC_LEVEL)) MAX_(DISPATCH_LEVEL) void When(void *E, int Wait);
// CHECK-NEXT: irqlcheck: contract When: max=DISPATCH_LEVEL if(arg1==1):max=APC_LEVEL{{$}}

// Several annotations on one function, printed in a fixed order.
SAVES_ RAISES_(DISPATCH_LEVEL) MAX_(DISPATCH_LEVEL) KIRQL Combined(PLOCK Lock);
// CHECK-NEXT: irqlcheck: contract Combined: max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret{{$}}

// Negative: a function without annotations has no contract line.
void Plain(void);
