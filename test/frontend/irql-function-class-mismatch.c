// irql-function-class-mismatch (C28268): a function declared through a
// function typedef is given a different class with _Function_class_.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify %s

typedef _Function_class_(MY_DPC) void MY_DPC(void *Context);
typedef void MY_WORKER(void *Context);

MY_DPC Dpc; // expected-note {{declared through the typedef here}}
_Function_class_(MY_WORKER) void Dpc(void *Context) {} // expected-warning {{function class 'MY_WORKER' differs from 'MY_DPC', the class of the typedef 'MY_DPC' that declares 'Dpc' [irql-function-class-mismatch]}}

// A typedef without _Function_class_ is its own class.
MY_WORKER Worker; // expected-note {{declared through the typedef here}}
__drv_functionClass(MY_DPC) void Worker(void *Context); // expected-warning {{function class 'MY_DPC' differs from 'MY_WORKER', the class of the typedef 'MY_WORKER'}}

// Negative: the class matches the typedef (by its _Function_class_ or its
// name), or the function is not declared through a typedef.
MY_DPC GoodDpc;
_Function_class_(MY_DPC) void GoodDpc(void *Context) {}
MY_WORKER GoodWorker;
_Function_class_(MY_WORKER) void GoodWorker(void *Context);
_Function_class_(MY_DPC) void NoTypedef(void *Context);

// Negative: a dispatch type next to the typedef is not a class (fastfat).
typedef _Function_class_(DRIVER_DISPATCH) long DRIVER_DISPATCH(void *D, void *I);
#define IRP_MJ_READ 0x03
DRIVER_DISPATCH FsdRead;
_Function_class_(IRP_MJ_READ) _Function_class_(DRIVER_DISPATCH) long FsdRead(void *D, void *I) { return 0; }
_Dispatch_type_(IRP_MJ_WRITE) DRIVER_DISPATCH FsdWrite;
