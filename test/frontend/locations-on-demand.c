// Without -g the pass checks IR without line tables (emitting them costs
// about a tenth of a compile) and generates the IR again, with line tables,
// only when there is a finding to place. A clean translation unit pays for
// one code generation; one with a finding gets its exact line and column.
// With -g the real line tables are used and nothing is generated twice.
//
// RUN: %clang %mingw_ddk -O0 -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-report-regeneration 2>&1 | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: %clang %mingw_ddk -O2 -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-report-regeneration 2>&1 | FileCheck %s --check-prefix=CLEAN --allow-empty
// RUN: %clang %mingw_ddk -O0 -DFINDING -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-report-regeneration 2>&1 | FileCheck %s --check-prefix=FOUND
// RUN: %clang %mingw_ddk -O2 -DFINDING -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-report-regeneration 2>&1 | FileCheck %s --check-prefix=FOUND
// RUN: %clang %mingw_ddk -O0 -g -DFINDING -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-report-regeneration 2>&1 | FileCheck %s --check-prefix=WITHG
// A tentative definition (completed by Sema at the end of the unit) and a
// function used before its definition come out the same the second time.
// If the regeneration fails, the build goes on; findings name their function.
// RUN: %clang %mingw_ddk -O0 -DFINDING -c %s -o %t.o -fplugin=%irqlcheck \
// RUN:   -mllvm -irqlcheck-fail-regeneration 2>&1 | FileCheck %s --check-prefix=FAILED
// (%wdk_cc1: no -disable-free, no -clear-ast-before-backend.)
// RUN: %wdk_cc1 -DFINDING -emit-obj -o %t.o %s 2>&1 | FileCheck %s --check-prefix=CC1

#include <ntddk.h>

KSPIN_LOCK Lock;
int Tentative;

static void Close(HANDLE H);

void CloseUnderLock(HANDLE H) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  Tentative++;
#ifdef FINDING
  Close(H);
#endif
  KeReleaseSpinLock(&Lock, Old);
  Close(H);
}

static void Close(HANDLE H) {
  ZwClose(H);
}

// CLEAN-NOT: irqlcheck: regenerated
// CLEAN-NOT: warning
// FOUND: irqlcheck: regenerated the IR with line tables
// FOUND: locations-on-demand.c:37:3: warning: {{.*}}'Close'
// FOUND-NOT: irqlcheck: regenerated
// WITHG-NOT: irqlcheck: regenerated
// WITHG: locations-on-demand.c:37:3: warning: {{.*}}'Close'
// WITHG-NOT: irqlcheck: regenerated
// CC1: locations-on-demand.c:37:3: warning: {{.*}}'Close'
// FAILED: locations-on-demand.c:32:6: warning: {{.*}}'Close'
// FAILED: locations-on-demand.c:32:6: note: irqlcheck: these findings name only their function
// FAILED-NOT: note: irqlcheck: these findings
