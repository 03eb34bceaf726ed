/* The real mingw-w64 DDK headers: an unbounded wait at DISPATCH_LEVEL. */
#include <ntddk.h>

KEVENT PnpRemoved;

void PnpWaitForRemoval(void) {
  KIRQL OldIrql = KeRaiseIrqlToDpcLevel();
  KeWaitForSingleObject(&PnpRemoved, Executive, KernelMode, FALSE, NULL);
  KeLowerIrql(OldIrql);
}
