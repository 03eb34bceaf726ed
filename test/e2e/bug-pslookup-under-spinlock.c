// Source-material bug 1: PsLookupProcessByProcessId (IRQL <= APC_LEVEL: it
// takes pageable locks and may touch paged pool) called while a spin lock is
// held, i.e. at DISPATCH_LEVEL. Under Driver Verifier this bug-checks with
// 0xC4; otherwise with 0xA/0xD1 when the page is out. Real mingw-w64
// headers: the contract comes from the kernel model.
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}        2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %{cc} -O2 -g 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %clang %mingw32_ddk -Wno-\#warnings -fplugin=%irqlcheck -fno-caret-diagnostics -O2 -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:

#include <ntifs.h>

typedef struct _TRACKED {
  LIST_ENTRY Link;
  HANDLE Pid;
  PEPROCESS Process;
} TRACKED, *PTRACKED;

KSPIN_LOCK TrackedLock;
LIST_ENTRY TrackedList;

// The bug: resolve every tracked PID while walking the list under its lock.
VOID RefreshTracked(VOID) {
  KIRQL OldIrql;
  PLIST_ENTRY Entry;
  KeAcquireSpinLock(&TrackedLock, &OldIrql);
  for (Entry = TrackedList.Flink; Entry != &TrackedList; Entry = Entry->Flink) {
    PTRACKED T = CONTAINING_RECORD(Entry, TRACKED, Link);
    if (T->Process == NULL)
      PsLookupProcessByProcessId(T->Pid, &T->Process);
  }
  KeReleaseSpinLock(&TrackedLock, OldIrql);
}
// CHECK: bug-pslookup-under-spinlock.c:[[#@LINE-4]]:7: warning: 'PsLookupProcessByProcessId' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]
// CHECK-NEXT: bug-pslookup-under-spinlock.c:[[#@LINE-9]]:3: note: IRQL set to DISPATCH_LEVEL here by '{{KeAcquireSpinLockRaiseToDpc|KfAcquireSpinLock}}'
// CHECK-NEXT: note: requirement of 'PsLookupProcessByProcessId' comes from the built-in kernel model

// The fix: look the process up first, then take the lock only to publish it.
VOID TrackPid(PTRACKED T) {
  KIRQL OldIrql;
  PEPROCESS Process;
  if (!NT_SUCCESS(PsLookupProcessByProcessId(T->Pid, &Process)))
    return;
  KeAcquireSpinLock(&TrackedLock, &OldIrql);
  if (T->Process == NULL) {
    T->Process = Process;
    Process = NULL;
  }
  KeReleaseSpinLock(&TrackedLock, OldIrql);
  if (Process != NULL)
    ObDereferenceObject(Process);
}
