// A level named by a macro whose body is one number: decimal (the WDK's
// form, which the evaluator takes without building an expression), octal,
// hexadecimal, suffixed, and a macro redefined after the annotation. Each
// must give the value C gives it, at the annotation.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --match-full-lines

#define DECIMAL_LEVEL 2
#define OCTAL_LEVEL 010
#define HEX_LEVEL 0x9
#define SUFFIXED_LEVEL 1u
#define ZERO_LEVEL 0
#define SPACED_LEVEL    7
#define NESTED_LEVEL DECIMAL_LEVEL
#define MOVING_LEVEL 1

_IRQL_requires_max_(DECIMAL_LEVEL) void Decimal(void);
// CHECK:      irqlcheck: contract Decimal: max=DISPATCH_LEVEL
_IRQL_requires_max_(OCTAL_LEVEL) void Octal(void);
// CHECK-NEXT: irqlcheck: contract Octal: max=8
_IRQL_requires_max_(HEX_LEVEL) void Hex(void);
// CHECK-NEXT: irqlcheck: contract Hex: max=9
_IRQL_requires_max_(SUFFIXED_LEVEL) void Suffixed(void);
// CHECK-NEXT: irqlcheck: contract Suffixed: max=APC_LEVEL
_IRQL_requires_max_(ZERO_LEVEL) void Zero(void);
// CHECK-NEXT: irqlcheck: contract Zero: max=PASSIVE_LEVEL
_IRQL_requires_max_( SPACED_LEVEL ) void Spaced(void);
// CHECK-NEXT: irqlcheck: contract Spaced: max=7
_IRQL_requires_max_(NESTED_LEVEL) void Nested(void);
// CHECK-NEXT: irqlcheck: contract Nested: max=DISPATCH_LEVEL
_IRQL_requires_max_(MOVING_LEVEL) void Moving(void);
// CHECK-NEXT: irqlcheck: contract Moving: max=APC_LEVEL

#undef MOVING_LEVEL
#define MOVING_LEVEL 2

// Not a level: a number too large for an IRQL is still reported.
#define HUGE_LEVEL 1000000000
_IRQL_requires_max_(HUGE_LEVEL) void Huge(void); // expected-warning {{1000000000 is not a legal IRQL}}
// CHECK-NOT: contract Huge
