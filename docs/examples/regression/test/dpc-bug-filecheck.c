// Style (b), FileCheck: the warning and its chain of notes, on stderr and in
// the SARIF log (%irqlcheck_sarif writes %t.sarif).
// RUN: %irqlcheck_cc %irqlcheck_sarif -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %irqlcheck_sarif_text %t.sarif | FileCheck %s --check-prefix=SARIF
#include <ntddk.h>

static void CloseIt(HANDLE Handle) {
  ZwClose(Handle);
}

void CloseUnderLock(PKSPIN_LOCK Lock, HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(Lock, &OldIrql);
  CloseIt(Handle);
  KeReleaseSpinLock(Lock, OldIrql);
}

// CHECK: dpc-bug-filecheck.c:[[@LINE-4]]:3: warning: 'CloseIt' called at DISPATCH_LEVEL, {{.*}}[irql-too-high]
// CHECK: dpc-bug-filecheck.c:[[@LINE-6]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
// CHECK: dpc-bug-filecheck.c:[[@LINE-12]]:3: note: 'CloseIt' calls 'ZwClose' here
// CHECK-NOT: [irql-
// SARIF: irql-too-high warning dpc-bug-filecheck.c:[[@LINE-8]]:3: 'CloseIt' called at DISPATCH_LEVEL
// SARIF-NEXT: note dpc-bug-filecheck.c:[[@LINE-10]]:3: IRQL set to DISPATCH_LEVEL here
// SARIF-NEXT: note dpc-bug-filecheck.c:[[@LINE-16]]:3: 'CloseIt' calls 'ZwClose' here
// SARIF-NOT: irql-
