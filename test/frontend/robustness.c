// Malformed or oddly placed annotations give a clear diagnostic or nothing,
// never a crash, and never an error the compiler without the plugin would
// not give. Runs through code generation so that the IR pass sees the
// results too.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -emit-llvm-only -Wno-deprecated-non-prototype -verify %s
// RUN: %clang_cc1 -triple i686-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -emit-llvm-only -O2 -Wno-deprecated-non-prototype -verify %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only \
// RUN:   -Wno-deprecated-non-prototype -verify %s | FileCheck %s
//
// The contracts written into the IR read back when the pass runs on that IR
// alone (quoted conditions may contain "):").
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -emit-llvm -o %t.ll -w -Wno-deprecated-non-prototype %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -emit-llvm-only \
// RUN:   -x ir %t.ll 2>&1 | FileCheck %s --check-prefix=IR --allow-empty
// IR-NOT: bad irqlcheck.contract
//
// Without the plugin (and with the macros defined empty, as headers do) the
// same file compiles.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -emit-llvm-only \
// RUN:   -Wno-deprecated-non-prototype -DEMPTY_MACROS -verify=noplugin %s
// noplugin-no-diagnostics
#include "../Inputs/sal-object-like.h"

#ifdef EMPTY_MACROS
#define _IRQL_requires_max_(x)
#define _IRQL_requires_min_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(k, o)
#define _Function_class_(x)
#define _When_(c, a)
#define _At_(t, a)
#endif

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;

// Values that are not values.
_IRQL_requires_max_() void EmptyValue(void); // expected-warning {{('') cannot be evaluated to a constant: empty value}}
_IRQL_requires_max_(@ $ #) void Garbage(void); // expected-warning {{cannot be evaluated to a constant: unexpected character '@'}}
_IRQL_requires_max_(1 / 0) void DivZero(void); // expected-warning {{division by zero}}
_IRQL_requires_max_(1 % 0) void ModZero(void); // expected-warning {{division by zero}}
// Unbalanced parentheses make the macro argument run on to the next ')', as
// they do without the plugin (and for _When_ that is an arity error either
// way); the value is then garbage.
_IRQL_requires_max_((2) void Unbalanced(void); // expected-warning {{cannot be evaluated to a constant: unexpected character ';'}}
) void Unbalanced(void);
_IRQL_requires_max_(99999999999999999999999) void Huge(void); // expected-warning {{is not a number}}
_IRQL_requires_max_(0x7fffffffffffffff + 1) void Overflow(void); // expected-warning {{is not a legal IRQL}}
_IRQL_requires_max_(-0x7fffffffffffffff - 1) void Min64(void); // expected-warning {{is not a legal IRQL}}
_IRQL_requires_max_("2") void String(void); // expected-warning {{unexpected character '"'}}
_IRQL_requires_max_(1 ? 2) void BadTernary(void); // expected-warning {{expected ':'}}
_IRQL_requires_max_(Recursive) void SelfReference(void); // expected-warning {{'Recursive' is not a constant}}
#define Recursive Recursive
_IRQL_requires_max_(Deep0) void DeepMacro(void); // expected-warning {{cannot be evaluated}}
#define Deep0 Deep1
#define Deep1 Deep0 + 1
_IRQL_saves_global_(, ) void EmptyGlobal(void *Lock); // expected-warning {{names '', which is not a parameter}}
_Function_class_() void EmptyClass(void);
_Function_class_(1 + 2) void NumberClass(void); // expected-warning {{_Function_class_ ('1 + 2') does not name a function class [irql-annotation-unevaluable]}}
_IRQL_saves_global_(Queued SpinLock, Lock) void TwoWordSlot(void *Lock); // expected-warning {{_IRQL_saves_global_ ('Queued SpinLock') does not name a kind of IRQL slot}}

// _When_ conditions that make no sense are kept as text, never evaluated.
_When_(, _IRQL_requires_max_(APC_LEVEL)) void EmptyCondition(int X);
_When_((X == ), _IRQL_requires_max_(APC_LEVEL)) void HalfCondition(int X);
_When_(X == 1, ) void EmptyAnnotation(int X);
_When_(X == 1, _When_(X == 2, _IRQL_requires_max_(APC_LEVEL))) void NestedWhen(int X);
_When_(")((", _IRQL_requires_max_(APC_LEVEL)) void ParensInString(int X);
_When_((X) ? (1) : 0, _IRQL_requires_max_(APC_LEVEL)) void ColonInCondition(int X);
_At_(, _IRQL_saves_) KIRQL EmptyAtTarget(void);
_At_(*NoSuchParam, _IRQL_saves_) KIRQL AtUnknownTarget(PKIRQL P);
// CHECK-DAG: contract EmptyCondition: if(""):max=APC_LEVEL{{$}}
// CHECK-DAG: contract NestedWhen: if("(X==1)&&(X==2)"):max=APC_LEVEL{{$}}
// CHECK-DAG: contract HalfCondition: if("X=="):max=APC_LEVEL{{$}}
// CHECK-DAG: contract ParensInString: if("()(()"):max=APC_LEVEL{{$}}
// CHECK-DAG: contract ColonInCondition: if("(X)?(1):0"):max=APC_LEVEL{{$}}
// CHECK-DAG: contract EmptyAtTarget: saves=ret{{$}}
// CHECK-DAG: contract AtUnknownTarget: saves=ret{{$}}

// CHECK-NOT: contract EmptyClass
// CHECK-NOT: contract NumberClass
// CHECK-NOT: contract TwoWordSlot
// CHECK-NOT: contract EmptyAnnotation

// Annotations on things that are not functions, parameters or function
// typedefs are ignored, silently.
_IRQL_requires_max_(DISPATCH_LEVEL) int Variable;
_IRQL_requires_max_(99) int BadValueOnVariable;
struct Record {
  _IRQL_requires_max_(DISPATCH_LEVEL) int Field;
  _IRQL_saves_ KIRQL SavedIrql;
  void (*Callback)(_IRQL_restores_ KIRQL NewIrql);
  _IRQL_requires_max_(DISPATCH_LEVEL) void (*Annotated)(void);
};
_IRQL_requires_max_(DISPATCH_LEVEL) typedef int IntTypedef;
void (*_IRQL_requires_max_(DISPATCH_LEVEL) FunctionPointer)(void);
void Body(void) {
  _IRQL_requires_max_(DISPATCH_LEVEL) int Local = 0;
  _IRQL_saves_ KIRQL Saved = 0;
  (void)Local;
  (void)Saved;
}

// K&R definitions.
void KnR(A, B) int A; PKIRQL B; { (void)A; (void)B; }
_IRQL_requires_max_(DISPATCH_LEVEL) void KnRAnnotated(A) int A; { (void)A; }
// CHECK-DAG: contract KnRAnnotated: max=DISPATCH_LEVEL{{$}}

// Weird but legal positions: after the declarator, between specifiers.
void Trailing(void) _IRQL_requires_max_(APC_LEVEL);
void _IRQL_requires_max_(APC_LEVEL) Between(void);
static _IRQL_requires_max_(APC_LEVEL) inline void StaticInline(void) {}
// CHECK-DAG: contract Trailing: max=APC_LEVEL{{$}}
// CHECK-DAG: contract Between: max=APC_LEVEL{{$}}
// CHECK-DAG: contract StaticInline: max=APC_LEVEL{{$}}

// Annotated and used in code that the pass analyses.
_IRQL_requires_max_(garbage here) void CalledBad(void); // expected-warning {{cannot be evaluated}}
void Caller(void) {
  CalledBad(); EmptyCondition(1); NestedWhen(2); StaticInline(); ColonInCondition(1);
  ParensInString(0); HalfCondition(1);
}
