// The same Wait=TRUE rule as KeSetEvent for the other routines whose Wait
// parameter means "a KeWaitForXxx call comes next": KePulseEvent,
// KeReleaseMutex and KeReleaseSemaphore (irql-set-event-wait). With
// Wait=FALSE, or with the wait right after, nothing is reported.
//
// RUN: %clang %mingw_ddk -fms-extensions -fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note -c %s -o %t.o

#include <ntddk.h>

KEVENT Ev;
KMUTEX Mu;
KSEMAPHORE Sem;

void PulseNoWait(void) {
  KePulseEvent(&Ev, 0, TRUE); // expected-warning-re {{'KePulseEvent' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine{{.*}} [irql-set-event-wait]}}
}

void MutexNoWait(void) {
  KeReleaseMutex(&Mu, TRUE); // expected-warning-re {{'KeReleaseMutex' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine{{.*}} [irql-set-event-wait]}}
}

void SemaphoreNoWait(void) {
  KeReleaseSemaphore(&Sem, 0, 1, TRUE); // expected-warning-re {{'KeReleaseSemaphore' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine{{.*}} [irql-set-event-wait]}}
}

void Fine(void) {
  KePulseEvent(&Ev, 0, FALSE);
  KeReleaseMutex(&Mu, FALSE);
  KeReleaseSemaphore(&Sem, 0, 1, FALSE);
  KeReleaseMutex(&Mu, TRUE);
  KeWaitForSingleObject(&Ev, Executive, KernelMode, FALSE, NULL);
  KeReleaseSemaphore(&Sem, 0, 1, TRUE);
  KeWaitForSingleObject(&Ev, Executive, KernelMode, FALSE, NULL);
}
