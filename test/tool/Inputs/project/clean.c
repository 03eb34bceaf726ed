/* The real mingw-w64 DDK headers; nothing to report. */
#include <ntddk.h>

KSPIN_LOCK CleanLock;
LONG Count;

void CleanCount(void) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&CleanLock, &OldIrql);
  Count++;
  KeReleaseSpinLock(&CleanLock, OldIrql);
}
