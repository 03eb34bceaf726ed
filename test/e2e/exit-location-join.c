// A function whose only exit is reached after a branch joins is judged and
// reported once, at its return statement, not at an earlier branch: the
// block holding the `ret` does more than load the return value, so it is
// not clang's shared return block.
// At -O2 clang gives the `ret` only the closing brace's location (see
// exit-location-block-scope.c); it is still one finding, at this function.
// RUN: %wdk_cc1 -emit-llvm-only -verify=expected,o0 %s
// RUN: %wdk_cc1 -O2 -emit-llvm-only -verify=expected,o2 %s

#include <ntddk.h>

ULONG Counter;

VOID LeaksAfterJoin(PKSPIN_LOCK Lock, BOOLEAN Flag) {
  KIRQL Old;
  if (Flag)
    Counter++;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  if (Flag)
    Counter--;
  Counter += 2;
  return; // o0-warning {{'LeaksAfterJoin' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
} // o2-warning {{'LeaksAfterJoin' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
