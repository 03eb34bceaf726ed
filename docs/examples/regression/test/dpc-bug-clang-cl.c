// The same with clang-cl (its messages are file(line,col)). clang-cl and
// mingw-w64's headers do not mix, so this runs with WDK-style headers only.
// REQUIRES: irqlcheck-headers-wdk
// RUN: %irqlcheck_cl /c /Fo%t.obj -- %s 2>&1 | FileCheck %s
#include <ntddk.h>

void CloseUnderLock(PKSPIN_LOCK Lock, HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(Lock, &OldIrql);
  ZwClose(Handle);
  KeReleaseSpinLock(Lock, OldIrql);
}
// CHECK: dpc-bug-clang-cl.c([[@LINE-3]],3): warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
