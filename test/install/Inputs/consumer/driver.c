/* A driver with one IRQL bug: ZwClose (PASSIVE_LEVEL only) under a spin lock. */
#include <ntifs.h>

KSPIN_LOCK Lock;

void CloseUnderLock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  ZwClose(Handle);
  KeReleaseSpinLock(&Lock, OldIrql);
}

void CloseAfterUnlock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle);
}
