// A project that defines the SAL macros empty itself (in a non-system
// header or in the .c file) still gets their meaning back, and the plugin's
// predefines cause no -Wmacro-redefined (or any other) warning, even at
// -Weverything: a clean build stays clean.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang --target=x86_64-pc-windows-msvc -I %t -Weverything -fsyntax-only \
// RUN:   %t/main.c 2> %t/without
// RUN: %clang --target=x86_64-pc-windows-msvc -I %t -Weverything -fsyntax-only \
// RUN:   -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts=all %t/main.c 2> %t/with \
// RUN:   | FileCheck %s
// RUN: diff %t/without %t/with
// RUN: %clang --target=x86_64-pc-windows-msvc -I %t -Wall -Wunused-macros -fsyntax-only \
// RUN:   -fplugin=%irqlcheck -DUNDEF_REDEFINE %t/main.c -Xclang -verify
//
// CHECK: contract InHeader: max=DISPATCH_LEVEL{{$}}
// CHECK-NEXT: contract AfterHeader: min=APC_LEVEL same{{$}}
// CHECK-NEXT: contract AfterLocalDefine: if(arg0==1):max=APC_LEVEL{{$}}

//--- compat.h
// A project's own stand-in for the WDK's annotations.
#ifndef COMPAT_H
#define COMPAT_H
#define _IRQL_requires_max_(x)
#define _IRQL_requires_min_(x)
#define _IRQL_requires_same_
#define __drv_maxIRQL(x)
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
_IRQL_requires_max_(DISPATCH_LEVEL) void InHeader(void);
#endif

//--- main.c
// expected-no-diagnostics
#include "compat.h"
_IRQL_requires_min_(APC_LEVEL) _IRQL_requires_same_ void AfterHeader(void);
#ifdef UNDEF_REDEFINE
#undef _IRQL_requires_max_
#define _IRQL_requires_max_(x) /* again */
#endif
#define _When_(c, a)
_When_(Wait == 1, __drv_maxIRQL(APC_LEVEL)) void AfterLocalDefine(int Wait);
