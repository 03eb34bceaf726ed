// The plugin's attributes can be written directly, in every attribute
// syntax clang has: GNU, C23/C++11 (scoped irqlcheck:: or not) and
// __declspec. Values may be numbers, macros, enumerators, expressions or the
// strings the SAL macros produce. __has_attribute sees them only with the
// plugin loaded.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -std=c2x -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s | FileCheck %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -std=c2x -fsyntax-only \
// RUN:   -DNO_PLUGIN -verify=noplugin %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -std=c2x -load %irqlcheck \
// RUN:   -fsyntax-only -DARITY -verify %s
// noplugin-no-diagnostics

#if defined(NO_PLUGIN) == __has_attribute(irql_requires_max)
#error "__has_attribute(irql_requires_max) should be 1 exactly when the plugin is loaded"
#endif
#if !defined(NO_PLUGIN)
#if !__has_c_attribute(irqlcheck::irql_requires_max) || !__has_declspec_attribute(irql_saves)
#error "the scoped and __declspec spellings should be known"
#endif

#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
enum { E_APC = 1 };

void Gnu(void) __attribute__((irql_requires_max(DISPATCH_LEVEL)));
// CHECK: contract Gnu: max=DISPATCH_LEVEL{{$}}
__attribute__((irql_requires_min(E_APC), irql_requires_same)) void GnuList(void);
// CHECK-NEXT: contract GnuList: min=APC_LEVEL same{{$}}
[[irqlcheck::irql_requires(DISPATCH_LEVEL)]] void Scoped(void);
// CHECK-NEXT: contract Scoped: req=DISPATCH_LEVEL{{$}}
[[irql_raises(E_APC + 1)]] void Unscoped(void);
// CHECK-NEXT: contract Unscoped: raises=DISPATCH_LEVEL{{$}}
__declspec(irql_always_function_max(2)) void Declspec(void);
// CHECK-NEXT: contract Declspec: fnmax=DISPATCH_LEVEL{{$}}
void Params(__attribute__((irql_saves)) PKIRQL Old, [[irqlcheck::irql_restores]] KIRQL New);
// CHECK-NEXT: contract Params: saves=arg0 restores=arg1{{$}}
__attribute__((irql_requires_max("2"), irql_function_class("MY_ROLE"))) void Strings(void);
// CHECK-NEXT: contract Strings: max=DISPATCH_LEVEL class=MY_ROLE{{$}}
__attribute__((irql_saves_global("QueuedSpinLock", "Lock"))) void Global(void *Lock);
// CHECK-NEXT: contract Global: saves-global=QueuedSpinLock:arg0{{$}}
#ifndef ARITY
// expected-no-diagnostics
#endif

// A wrong argument count is a warning, as the unknown attribute is without
// the plugin (attribute-argument-count.c has the details).
#ifdef ARITY
__attribute__((irql_requires_max)) void NoArgument(void); // expected-warning {{'irql_requires_max' takes 1 argument(s), not 0}}
__attribute__((irql_requires_same(1))) void ExtraArgument(void); // expected-warning {{'irql_requires_same' takes 0 argument(s), not 1}}
#endif
#endif
