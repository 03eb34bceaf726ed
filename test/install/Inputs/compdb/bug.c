/* One IRQL bug: ZwClose (PASSIVE_LEVEL only) under a spin lock. */
#include <ntifs.h>

KSPIN_LOCK Lock;

void CloseUnderLock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  ZwClose(Handle);
  KeReleaseSpinLock(&Lock, OldIrql);
}
