// FIXME: at -O1 and up, a `return;` inside a block that declares a local is
// not located in the IR at all: clang ends the local's lifetime on the way
// out and branches to the shared cleanup with no location, and the return
// statement's own location is dropped. irqlcheck then reports the exit at the
// closest located instruction on that path, the block's closing brace
// (line+1, column 3), while -O0 reports the `return` itself. The finding is
// the same; only its line differs. (Without the block-scoped local, -O2 is
// exact: see irql-exit-changed.c and bug-setirql-lowers-under-lock.c.)
// XFAIL: *
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s

#include <ntddk.h>

VOID RaiseOrLeave(KIRQL NewIrql) {
  if (NewIrql > PASSIVE_LEVEL) {
    KIRQL Ignored;
    KeRaiseIrql(NewIrql, &Ignored); // expected-note {{IRQL set to}}
    return; // expected-warning {{'RaiseOrLeave' returns at}}
  }
}
