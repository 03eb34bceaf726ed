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

// Negative: a major function next to the class is a dispatch type, not a
// second class (fastfat's spelling), whether it is a macro or an enumerator,
// and so is _Dispatch_type_.
#define IRP_MJ_CLOSE 0x02
enum { MY_MJ_READ = 0x03 };
_Function_class_(IRP_MJ_CLOSE) _Function_class_(DRIVER_DISPATCH) long FsdClose(void *D, void *I);
_Function_class_(DRIVER_DISPATCH) _Function_class_(IRP_MJ_CLEANUP) long FsdCleanup(void *D, void *I);
_Dispatch_type_(IRP_MJ_CLOSE) _Function_class_(DRIVER_DISPATCH) long Close2(void *D, void *I);
// An enumerator is a major only when spelled IRP_MJ_* (not a class name).
_Function_class_(MY_MJ_READ) _Function_class_(DRIVER_DISPATCH) long NotAMajor(void *D, void *I); // expected-warning {{'NotAMajor' is given a second function class 'DRIVER_DISPATCH' (already 'MY_MJ_READ')}} expected-note {{first function class given here}}
