// KeSetEvent(..., Wait=TRUE) in a loop that waits only after it: every turn
// but the last calls KeSetEvent again while the first call's dispatcher lock
// is held, whatever the loop's exit path does. A loop whose every turn waits
// right after the KeSetEvent is correct.
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -O2 -emit-llvm-only -verify %s

#include <ntddk.h>

KEVENT Requests[4];
KEVENT Replies[4];
KEVENT Done;

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalAllThenWait(VOID) {
  ULONG i;
  for (i = 0; i < 4; i++)
    KeSetEvent(&Requests[i], IO_NO_INCREMENT, TRUE); // expected-warning {{'KeSetEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine}}
  KeWaitForSingleObject(&Done, Executive, KernelMode, FALSE, NULL);
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalEachAndWait(VOID) {
  ULONG i;
  for (i = 0; i < 4; i++) {
    KeSetEvent(&Requests[i], IO_NO_INCREMENT, TRUE);
    KeWaitForSingleObject(&Replies[i], Executive, KernelMode, FALSE, NULL);
  }
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SignalUntilAnswered(PLONG Answered) {
  for (;;) {
    KeSetEvent(&Requests[0], IO_NO_INCREMENT, TRUE);
    if (KeWaitForSingleObject(&Replies[0], Executive, KernelMode, FALSE, NULL) == STATUS_SUCCESS &&
        *Answered)
      break;
  }
}
