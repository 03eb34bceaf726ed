// FIXME (false negative): a branch on KeGetCurrentIrql() splits the declared
// entry range into states (PASSIVE_LEVEL on one side, APC..DISPATCH on the
// other). A call after the join is then reported only if *every* state
// breaks the rule, so the PASSIVE-only call below goes unreported although
// the annotation promises that DISPATCH_LEVEL occurs, and the state holding
// it is feasible by that promise alone (no unknown condition involved).
// Without the `if` line the same call is reported (irql-too-high.c,
// LookupAnywhere). Same with the mingw-w64 headers.
// XFAIL: *
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s

#include <ntddk.h>

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseTwice(HANDLE Handle) { // expected-note {{'CloseTwice' is annotated to run at up to DISPATCH_LEVEL}}
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    ZwClose(Handle); // fine: narrowed to PASSIVE_LEVEL
  ZwClose(Handle); // expected-warning {{'ZwClose' called at}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
}
