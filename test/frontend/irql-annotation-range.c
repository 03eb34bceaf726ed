// irql-annotation-range: a function's own annotations contradict each other:
// a minimum above the maximum, an exact requirement outside [min, max], or
// _IRQL_raises_ to a level below the entry IRQL.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify %s

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2

_IRQL_requires_min_(DISPATCH_LEVEL) // expected-warning {{_IRQL_requires_min_(DISPATCH_LEVEL) is above _IRQL_requires_max_(APC_LEVEL): no IRQL satisfies both [irql-annotation-range]}}
_IRQL_requires_max_(APC_LEVEL)      // expected-note {{maximum given here}}
void MinAboveMax(void);

_IRQL_requires_(DISPATCH_LEVEL)     // expected-warning {{_IRQL_requires_(DISPATCH_LEVEL) is above _IRQL_requires_max_(PASSIVE_LEVEL) [irql-annotation-range]}}
_IRQL_requires_max_(PASSIVE_LEVEL)  // expected-note {{maximum given here}}
void RequiresAboveMax(void);

_IRQL_requires_(PASSIVE_LEVEL)      // expected-warning {{_IRQL_requires_(PASSIVE_LEVEL) is below _IRQL_requires_min_(APC_LEVEL) [irql-annotation-range]}}
_IRQL_requires_min_(APC_LEVEL)      // expected-note {{minimum given here}}
void RequiresBelowMin(void);

_IRQL_requires_min_(DISPATCH_LEVEL) // expected-note {{entry IRQL given here}}
_IRQL_raises_(APC_LEVEL)            // expected-warning {{_IRQL_raises_(APC_LEVEL) is below the IRQL the function is entered at (DISPATCH_LEVEL); use __drv_setsIRQL to lower [irql-annotation-range]}}
void RaisesBelowMin(void);

// Across redeclarations too.
__drv_minIRQL(DISPATCH_LEVEL) void Split(void); // expected-warning {{is above _IRQL_requires_max_(APC_LEVEL)}}
__drv_maxIRQL(APC_LEVEL) void Split(void);      // expected-note {{maximum given here}}

// Negative: consistent ranges, the WDK's DPC triple, raising from the
// minimum, and lowering with __drv_setsIRQL.
_IRQL_requires_min_(APC_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL) void Range(void);
_IRQL_requires_min_(DISPATCH_LEVEL) _IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL) void Exact(void);
_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) void Raise(void);
_IRQL_requires_(DISPATCH_LEVEL) _IRQL_raises_(DISPATCH_LEVEL) void RaiseToSame(void);
_IRQL_requires_min_(DISPATCH_LEVEL) __drv_setsIRQL(PASSIVE_LEVEL) void Lower(void);
