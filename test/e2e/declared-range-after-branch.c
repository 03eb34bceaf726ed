// A branch on KeGetCurrentIrql() splits the declared entry range into
// states (PASSIVE_LEVEL on one side, APC..DISPATCH on the other). After the
// join they still cover the whole promised range together, so the
// PASSIVE-only call below is reported, as it is without the `if`.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s

#include <ntddk.h>

_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{if 'CloseTwice' is never called above it, narrow this annotation to _IRQL_requires_max_(PASSIVE_LEVEL)}}
VOID CloseTwice(HANDLE Handle) {
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    ZwClose(Handle); // fine: narrowed to PASSIVE_LEVEL
  ZwClose(Handle); // expected-warning {{'CloseTwice' is annotated to be callable at DISPATCH_LEVEL, but calls PASSIVE_LEVEL-only 'ZwClose'}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
}
