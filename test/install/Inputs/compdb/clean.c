/* IRQL-correct: the same call after the lock is released. */
#include <ntifs.h>

KSPIN_LOCK Lock;

void CloseAfterUnlock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle);
}
