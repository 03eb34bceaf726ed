/* WDK-style headers; a bug of its own, and the shared header's. */
#include <ntifs.h>
#include <common.h>

typedef struct _QUEUE {
  KSPIN_LOCK Lock;
  HANDLE Files[4];
} QUEUE;

void QueueDrain(QUEUE *Queue) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Queue->Lock, &OldIrql);
  for (int I = 0; I < 4; ++I)
    ZwClose(Queue->Files[I]);
  KeReleaseSpinLock(&Queue->Lock, OldIrql);
  CloseAtDispatch(Queue->Files[0]);
}
