// -fplugin-arg-irqlcheck-sarif=PATH writes a SARIF 2.1.0 log that validates
// against the specification's constraints and carries every finding with its
// location, its notes as related locations and call chains as code flows.
// RUN: rm -f %t.sarif
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.sarif -c %s -o %t.o 2>%t.err
// RUN: /usr/bin/python3 %S/Inputs/check_sarif.py %t.sarif %S/Inputs/sarif-2.1.0-subset.schema.json | FileCheck %s
// A compile without findings still writes a valid (empty) log.
// RUN: %clang %mingw_ddk -DCLEAN -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.clean.sarif -c %s -o %t.o
// RUN: /usr/bin/python3 %S/Inputs/check_sarif.py %t.clean.sarif %S/Inputs/sarif-2.1.0-subset.schema.json | FileCheck %s --check-prefix=CLEAN
// -fsyntax-only (no IR pass) still writes the front end's findings.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.fe.sarif -fsyntax-only %s 2>/dev/null
// RUN: /usr/bin/python3 %S/Inputs/check_sarif.py %t.fe.sarif %S/Inputs/sarif-2.1.0-subset.schema.json | FileCheck %s --check-prefix=FRONTEND

// CHECK: rules {{[0-9]+}}
// CHECK-DAG: rule irql-too-high C28121
// CHECK-DAG: rule irql-exit-changed C28167 enabled
// Style rules off by default say so in their rule's defaultConfiguration.
// CHECK-DAG: rule irql-paged-code-missing C28170 disabled
// CHECK-DAG: rule irql-paged-code-outside C28172 disabled
// CHECK-DAG: rule irql-paged-code-twice C28171 enabled
// CHECK-DAG: result irql-annotation-value warning sarif.c:34:1 related=0 flow=0
// CHECK-DAG: result irql-too-high warning sarif.c:42:3 related=4 flow=3
// CHECK-DAG: result irql-exit-changed warning sarif.c:50:5 related=1 flow=0
// CHECK: valid
// CLEAN: rules
// CLEAN-NOT: result
// CLEAN: valid
// FRONTEND: result irql-annotation-value
// FRONTEND-NOT: irql-too-high
// FRONTEND: valid

#include <ntddk.h>
#ifndef CLEAN
_IRQL_requires_max_(99) void BadValue(void);

static void Inner(HANDLE h) { ZwClose(h); }
static void Outer(HANDLE h) { Inner(h); }

void ChainUnderLock(PKSPIN_LOCK Lock, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Outer(h);
  KeReleaseSpinLock(Lock, Old);
}

NTSTATUS LeakOnError(PKSPIN_LOCK Lock, int Fail) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  if (Fail)
    return STATUS_UNSUCCESSFUL;
  KeReleaseSpinLock(Lock, Old);
  return STATUS_SUCCESS;
}
#endif
