// Without -fms-extensions (clang for a mingw-w64 target, as mingw builds
// drivers) clang ignores #pragma alloc_text, but the driver's own build
// (MSVC, clang-cl) places the functions it names in the PAGE section. The
// plugin reads the pragma itself, so pageable code is checked the same in
// both builds; a pragma clang applies (-fms-extensions) is not read twice.
//
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-enable=irql-paged-code-missing \
// RUN:   -fno-caret-diagnostics -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang %mingw_ddk -fms-extensions -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-enable=irql-paged-code-missing -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
//
// The object is the same with and without the plugin.
// RUN: %clang %mingw_ddk -c %s -o %t.plain.o 2>/dev/null
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -c %s -o %t.with.o 2>/dev/null
// RUN: cmp %t.plain.o %t.with.o

#include <ntddk.h>

static KSPIN_LOCK Lock;
static LONG Count;

NTSTATUS Paged(void);
VOID PagedToo(void);
VOID InitOnly(void);
VOID NotNamed(void);
#pragma alloc_text(PAGE, Paged, PagedToo)
#pragma alloc_text(INIT, InitOnly)

// Positive: a spin lock in code the pragma makes pageable.
NTSTATUS Paged(void) {
  KIRQL Old;
  PAGED_CODE();
  // CHECK-DAG: alloc-text-without-ms-extensions.c:[[@LINE+1]]:3: warning: pageable function 'Paged' raises the IRQL to DISPATCH_LEVEL {{.*}}[irql-paged-raise]
  KeAcquireSpinLock(&Lock, &Old);
  Count++;
  KeReleaseSpinLock(&Lock, Old);
  return STATUS_SUCCESS;
}

// Positive: named by the pragma (after a comma), no PAGED_CODE().
// CHECK-DAG: alloc-text-without-ms-extensions.c:[[@LINE+1]]:6: warning: 'PagedToo' is in a pageable section but does not start with PAGED_CODE() {{.*}}[irql-paged-code-missing]
VOID PagedToo(void) {
  Count++;
}

// Negative: INIT is not pageable, and a function no pragma names is not
// either; a spin lock there is fine.
VOID InitOnly(void) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  KeReleaseSpinLock(&Lock, Old);
}
VOID NotNamed(void) {
  KIRQL Old;
  KeRaiseIrql(DISPATCH_LEVEL, &Old);
  InterlockedIncrement(&Count);
  KeLowerIrql(Old);
}
