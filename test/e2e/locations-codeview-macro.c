// FIXME: with CodeView debug info (clang-cl /Z7, or -g for an MSVC target)
// the IR has line numbers but no columns, and ClangDiagSink looks for the
// callee's name (or, for a call spelled through a macro, the longest written
// prefix of it) on the line to find the column. Two calls of the same routine
// on one line cannot be told apart that way: the note lands on the first
// (column 3) instead of the second (column 74). One call per line is right.
// XFAIL: *
//
// RUN: %clang_cl /c /clang:-fplugin=%irqlcheck -I %inputs/wdk /clang:-fno-caret-diagnostics \
// RUN:   /Z7 /Fo%t.obj -- %s 2>&1 | FileCheck %s

#include <ntddk.h>

KSPIN_LOCK Lock;

VOID TwoOnALine(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); KeReleaseSpinLock(&Lock, OldIrql); KeAcquireSpinLock(&Lock, &OldIrql); ZwClose(Handle);
  // CHECK: locations-codeview-macro.c([[#@LINE-1]],110): warning: 'ZwClose' called at DISPATCH_LEVEL
  // CHECK-NEXT: locations-codeview-macro.c([[#@LINE-2]],74): note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  KeReleaseSpinLock(&Lock, OldIrql);
}
