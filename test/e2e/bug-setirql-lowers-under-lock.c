// Source-material bug 2: to call an APC_LEVEL API while holding a spin lock,
// the code drops the IRQL to a constant (KeLowerIrql(PASSIVE_LEVEL)), calls
// the API and raises again. The spin lock is then held at PASSIVE_LEVEL:
// the thread can be preempted or page-fault while owning it, and another
// thread on the same processor spins on it forever. Real mingw-w64 headers
// (KeLowerIrql and KfRaiseIrql are inline functions there).
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}        2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %{cc} -O2 -g 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <ntifs.h>

KSPIN_LOCK ProcessLock;

// Inline form: the lower to a constant is reported once (the re-raise and the
// release that follow are not reported again).
NTSTATUS LookupUnderLock(HANDLE Pid, PEPROCESS *Process) {
  KIRQL OldIrql, Ignored;
  NTSTATUS Status;
  KeAcquireSpinLock(&ProcessLock, &OldIrql);
  KeLowerIrql(PASSIVE_LEVEL); /* "SetIrql(PASSIVE_LEVEL)" */
  Status = PsLookupProcessByProcessId(Pid, Process);
  KeRaiseIrql(DISPATCH_LEVEL, &Ignored); /* "SetIrql(DISPATCH_LEVEL)" */
  KeReleaseSpinLock(&ProcessLock, OldIrql);
  return Status;
}
// CHECK: bug-setirql-lowers-under-lock.c:[[#@LINE-6]]:3: warning: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: bug-setirql-lowers-under-lock.c:[[#@LINE-8]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'

// The helper form, as in the source material: SetIrql() raises or lowers to
// whatever it is asked. Unannotated, it changes its caller's IRQL (reported
// in the helper); the caller's API call is still seen as made under the lock.
VOID SetIrql(KIRQL NewIrql) {
  KIRQL Current = KeGetCurrentIrql(), Ignored;
  if (NewIrql > Current) {
    KeRaiseIrql(NewIrql, &Ignored);
    return;
  }
  if (NewIrql < Current)
    KeLowerIrql(NewIrql);
}
// CHECK: bug-setirql-lowers-under-lock.c:[[#@LINE-5]]:5: warning: 'SetIrql' returns at PASSIVE_LEVEL..HIGH_LEVEL, not at the IRQL it was entered at {{.*}}[irql-exit-changed]

NTSTATUS LookupUnderLockHelper(HANDLE Pid, PEPROCESS *Process) {
  KIRQL OldIrql;
  NTSTATUS Status;
  KeAcquireSpinLock(&ProcessLock, &OldIrql);
  SetIrql(PASSIVE_LEVEL);
  Status = PsLookupProcessByProcessId(Pid, Process);
  SetIrql(DISPATCH_LEVEL);
  KeReleaseSpinLock(&ProcessLock, OldIrql);
  return Status;
}
// CHECK: bug-setirql-lowers-under-lock.c:[[#@LINE-5]]:12: warning: 'PsLookupProcessByProcessId' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]

// The fix: no IRQL games; do the lookup outside the lock.
NTSTATUS LookupThenLock(HANDLE Pid, PEPROCESS *Process, PLIST_ENTRY List) {
  KIRQL OldIrql;
  NTSTATUS Status = PsLookupProcessByProcessId(Pid, Process);
  KeAcquireSpinLock(&ProcessLock, &OldIrql);
  if (!IsListEmpty(List))
    RemoveHeadList(List);
  KeReleaseSpinLock(&ProcessLock, OldIrql);
  return Status;
}
