// An internal (static, never address-taken) function with no entry IRQL of
// its own is checked at the union of the IRQLs its callers call it at. Here
// the PASSIVE-only call in Helper is made at DISPATCH_LEVEL on every path,
// either because Helper took a lock or because its only caller holds one;
// neither the summary nor Helper alone could tell. Nothing is reported twice:
// what a caller already hears about through the summary stays silent inside.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

static void Helper(PKSPIN_LOCK Inner, BOOLEAN Take, HANDLE h) {
  KIRQL Old;
  if (Take)
    KeAcquireSpinLock(Inner, &Old);
  ZwClose(h); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  if (Take)
    KeReleaseSpinLock(Inner, Old);
}

void OnlyCaller(PKSPIN_LOCK Outer, PKSPIN_LOCK Inner, HANDLE h) {
  KIRQL Old;
  KeAcquireSpinLock(Outer, &Old);
  Helper(Inner, TRUE, h);
  Helper(Inner, FALSE, h);
  KeReleaseSpinLock(Outer, Old);
}

// Called at PASSIVE_LEVEL only: the same shape is fine.
static void QuietHelper(PKSPIN_LOCK Inner, BOOLEAN Take, HANDLE h) {
  KIRQL Old;
  if (Take)
    KeAcquireSpinLock(Inner, &Old);
  if (!Take)
    ZwClose(h);
  if (Take)
    KeReleaseSpinLock(Inner, Old);
}
void PassiveCaller(PKSPIN_LOCK Inner, HANDLE h) { QuietHelper(Inner, FALSE, h); }

// Exported functions keep an unknown entry: callers in other files exist.
void Exported(PKSPIN_LOCK Inner, BOOLEAN Take, HANDLE h) {
  KIRQL Old;
  if (Take)
    KeAcquireSpinLock(Inner, &Old);
  ZwClose(h);
  if (Take)
    KeReleaseSpinLock(Inner, Old);
}
