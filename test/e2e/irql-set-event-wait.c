// irql-set-event-wait (IrqlKeSetEvent): KeSetEvent(..., Wait=TRUE) returns at
// DISPATCH_LEVEL, holding the dispatcher lock, and must be followed at once
// by a KeWaitForXxx call (which releases it and returns at the IRQL from
// before). Reported when no path goes on to such a wait before any other
// call; in pageable code it is reported even then (irql-paged-raise). The
// maximum IRQL rules of KeSetEvent stay as they were.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s
// RUN: %clang %mingw_ddk -fms-extensions -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:

#include <ntddk.h>

KEVENT Ready, Reply;

// The documented pattern: signal, then wait at once.
_IRQL_requires_max_(PASSIVE_LEVEL)
NTSTATUS SignalAndWait(PLARGE_INTEGER Timeout) {
  NTSTATUS Status;
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE);
  Status = KeWaitForSingleObject(&Reply, Executive, KernelMode, FALSE, Timeout);
  return Status;
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalAndWaitMultiple(PVOID *Objects) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE);
  (VOID)KeWaitForMultipleObjects(2, Objects, WaitAll, Executive, KernelMode, FALSE, NULL, NULL);
}

// Another call comes first.
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalThenClear(VOID) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); // expected-warning {{'KeSetEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine: it returns at DISPATCH_LEVEL}}
  KeClearEvent(&Reply);
  (VOID)KeWaitForSingleObject(&Reply, Executive, KernelMode, FALSE, NULL);
}
// MINGW: [[@LINE-4]]:3: warning: 'KeSetEvent' is called with Wait=TRUE{{.*}}[irql-set-event-wait]

// No wait at all: the function returns at DISPATCH_LEVEL (reported once).
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalAndReturn(VOID) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); // expected-warning {{'KeSetEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine}}
}
// MINGW: [[@LINE-2]]:3: warning: 'KeSetEvent' is called with Wait=TRUE{{.*}}[irql-set-event-wait]

// Wait=FALSE needs no wait.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SignalOnly(VOID) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, FALSE);
  KeClearEvent(&Reply);
}

// The wait on one path is enough (the other path may never run).
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID WaitOnOnePath(BOOLEAN Sync) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE);
  if (Sync)
    (VOID)KeWaitForSingleObject(&Reply, Executive, KernelMode, FALSE, NULL);
}

// The maximum rule is unchanged: Wait=TRUE needs APC_LEVEL or below (one
// finding for the call, not a second one for the missing wait).
_IRQL_requires_(DISPATCH_LEVEL)
VOID SignalAtDispatch(VOID) {
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); // expected-warning {{'KeSetEvent' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]}}
}
// MINGW: [[@LINE-2]]:3: warning: 'KeSetEvent' called at DISPATCH_LEVEL{{.*}}[irql-too-high]

// In pageable code, even followed by its wait: the code between runs at
// DISPATCH_LEVEL from a page that can be paged out.
VOID PagedSignal(VOID);
#pragma alloc_text(PAGE, PagedSignal)
VOID PagedSignal(VOID) {
  PAGED_CODE();
  KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); // expected-warning {{pageable function 'PagedSignal' calls 'KeSetEvent' with Wait=TRUE: it returns at DISPATCH_LEVEL and runs on from a page that can be paged out until the wait (bug check 0xD1 if the page is not resident) [irql-paged-raise]}}
  (VOID)KeWaitForSingleObject(&Reply, Executive, KernelMode, FALSE, NULL);
}
// MINGW: [[@LINE-3]]:3: warning: pageable function 'PagedSignal' calls 'KeSetEvent' with Wait=TRUE{{.*}}[irql-paged-raise]

// A static helper that signals and returns: the wait its caller makes next
// is the one that follows. Every call of the helper must wait at once.
static VOID SignalReady(VOID) { KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); }

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID CallerWaits(VOID) {
  SignalReady();
  (VOID)KeWaitForSingleObject(&Reply, Executive, KernelMode, FALSE, NULL);
}

// One caller of this helper does something else first: reported in it.
static VOID SignalReply(VOID) { KeSetEvent(&Reply, IO_NO_INCREMENT, TRUE); } // expected-warning {{'KeSetEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine}}
// MINGW: [[@LINE-1]]:33: warning: 'KeSetEvent' is called with Wait=TRUE{{.*}}[irql-set-event-wait]

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID OneCallerWaits(VOID) {
  SignalReply();
  (VOID)KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID OneCallerClears(VOID) {
  SignalReply();
  KeClearEvent(&Ready);
  (VOID)KeWaitForSingleObject(&Ready, Executive, KernelMode, FALSE, NULL);
}

// A helper others can call (not static): its callers are not known.
VOID SignalExported(VOID) { KeSetEvent(&Ready, IO_NO_INCREMENT, TRUE); } // expected-warning {{'KeSetEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine}}
// MINGW: [[@LINE-1]]:29: warning: 'KeSetEvent' is called with Wait=TRUE{{.*}}[irql-set-event-wait]
