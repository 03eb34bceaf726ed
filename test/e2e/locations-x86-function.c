// On 32-bit x86 targets symbol names differ from IR names ("_F", "_F@16"
// for stdcall): diagnostics located at a function rather than an
// instruction (the "'F' runs at ..." notes, the pageable-function
// irql-paged-call warning) must still find the function's declaration.
//
// RUN: %wdk_cc1 -triple i686-pc-windows-msvc -emit-llvm-only -verify %s
// RUN: %clang %mingw32_ddk -Wno-\#warnings -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s

#include <ntddk.h>

_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{if 'CloseAnywhere' is never called above it, narrow this annotation}}
VOID CloseAnywhere(HANDLE Handle) {
  ZwClose(Handle); // expected-warning {{'CloseAnywhere' is annotated to be callable at DISPATCH_LEVEL, but calls PASSIVE_LEVEL-only 'ZwClose'}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
}
// CHECK: locations-x86-function.c:[[#@LINE-3]]:3: warning: 'CloseAnywhere' is annotated to be callable at DISPATCH_LEVEL
// CHECK-NEXT: locations-x86-function.c:[[#@LINE-6]]:1: note: if 'CloseAnywhere' is never called above it, narrow this annotation

// stdcall (NTAPI) callback: "_Dpc@16".
KDEFERRED_ROUTINE Dpc; // expected-note {{'Dpc' runs at DISPATCH_LEVEL}}
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  ZwClose(Context); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
}
// CHECK: locations-x86-function.c:[[#@LINE-3]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL
// CHECK-NEXT: locations-x86-function.c:[[#@LINE-6]]:19: note: 'Dpc' runs at DISPATCH_LEVEL
