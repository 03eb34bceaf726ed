/* WDK-style headers; clean code of its own, and the shared header's bug.
   With CHECK_WAIT defined (/D on the clang-cl command line) a second bug. */
#include <ntifs.h>
#include <common.h>

KSPIN_LOCK PowerLock;
KEVENT PowerEvent;

void PowerDown(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&PowerLock, &OldIrql);
  KeSetEvent(&PowerEvent, 0, FALSE);
  KeReleaseSpinLock(&PowerLock, OldIrql);
#ifdef CHECK_WAIT
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeWaitForSingleObject(&PowerEvent, Executive, KernelMode, FALSE, NULL);
  KeLowerIrql(OldIrql);
#endif
  CloseAtDispatch(Handle);
}
