/* The example driver's request queue. It once closed a handle while holding
   the queue's spin lock (DISPATCH_LEVEL; ZwClose needs PASSIVE_LEVEL). The
   tests in ../test keep that bug fixed. */
#include <ntddk.h>

typedef struct _QUEUE {
  KSPIN_LOCK Lock;
  HANDLE Pending;
  ULONG Count;
} QUEUE, *PQUEUE;

_IRQL_requires_(PASSIVE_LEVEL)
void QueueFlush(PQUEUE Queue) {
  KIRQL OldIrql;
  HANDLE Handle;
  KeAcquireSpinLock(&Queue->Lock, &OldIrql);
  Handle = Queue->Pending;
  Queue->Pending = NULL;
  Queue->Count = 0;
  KeReleaseSpinLock(&Queue->Lock, OldIrql);
  if (Handle != NULL)
    ZwClose(Handle); /* fixed: after the release, at PASSIVE_LEVEL */
}

KDEFERRED_ROUTINE QueueTimerDpc;

void QueueTimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  PQUEUE Queue = (PQUEUE)Context;
  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(Arg1);
  UNREFERENCED_PARAMETER(Arg2);
  KeAcquireSpinLockAtDpcLevel(&Queue->Lock);
  Queue->Count++;
  KeReleaseSpinLockFromDpcLevel(&Queue->Lock);
}
