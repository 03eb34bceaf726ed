// irql-function-class-multiple (C28177): a function is given more than one
// function class, on one declaration or across several.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify %s

_Function_class_(ROLE_A) _Function_class_(ROLE_B) void TwoOnOne(void); // expected-warning {{'TwoOnOne' is given a second function class 'ROLE_B' (already 'ROLE_A') [irql-function-class-multiple]}} expected-note {{first function class given here}}

__drv_functionClass(ROLE_A) void Across(void); // expected-note {{first function class given here}}
void Across(void);
_Function_class_(ROLE_C) void Across(void) {} // expected-warning {{'Across' is given a second function class 'ROLE_C' (already 'ROLE_A')}}

// Negative: the same class repeated, in either spelling.
_Function_class_(ROLE_A) void Repeated(void);
__drv_functionClass(ROLE_A) void Repeated(void);
_Function_class_(ROLE_A) void Repeated(void) {}
