// Without -g the plugin asks CodeGen for line tables, so that findings have
// a line and column, and drops them once the check is done: the IR that
// goes on to the optimizer and the backend carries none, as without the
// plugin. Line tables the user asked for (-g, or -Rpass, which asks for the
// same kind) stay.
//
// RUN: %clang %mingw_ddk -O0 -S -emit-llvm %s -o %t.ll -fplugin=%irqlcheck 2> %t.err
// RUN: FileCheck %s --check-prefix=DIAG < %t.err
// RUN: FileCheck %s --check-prefix=PLAIN --implicit-check-not='!dbg' --implicit-check-not=DISubprogram --implicit-check-not=DILocation < %t.ll
// RUN: %clang %mingw_ddk -w -O2 -S -emit-llvm %s -o - -fplugin=%irqlcheck \
// RUN:   | FileCheck %s --check-prefix=PLAIN --implicit-check-not='!dbg' --implicit-check-not=DISubprogram --implicit-check-not=DILocation
// RUN: %clang %mingw_ddk -w -O0 -g -S -emit-llvm %s -o - -fplugin=%irqlcheck | FileCheck %s --check-prefix=KEPT
// RUN: %clang %mingw_ddk -w -O0 -Rpass=nothing -S -emit-llvm %s -o - -fplugin=%irqlcheck | FileCheck %s --check-prefix=KEPT

#include <ntddk.h>

KSPIN_LOCK Lock;

void CloseUnderLock(HANDLE H) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  ZwClose(H);
  KeReleaseSpinLock(&Lock, Old);
}

// DIAG: line-tables-dropped.c:22:3: warning: 'ZwClose' called at DISPATCH_LEVEL
// PLAIN: define {{.*}}@CloseUnderLock
// KEPT: call {{.*}}@ZwClose{{.*}}, !dbg

// No line tables: no location on any instruction and no subprogram. (Not "no
// compile unit": clang 22 emits one, with emissionKind NoDebug, even without -g.)
