// MSVC-style #pragma warning silences exactly the checks whose C28xxx number
// it names, with MSVC's scoping: suppress = next line of code, disable = to
// the end of the file or the matching pop.
// RUN: %wdk_cc1 -emit-llvm-only -verify %s

#include <ntddk.h>

_IRQL_requires_max_(PASSIVE_LEVEL) void PassiveOnly(void); // expected-note 3 {{requirement of 'PassiveOnly' comes from its annotation}}

void SuppressNextLineOnly(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
#pragma warning(suppress: 28121)
  PassiveOnly();
  PassiveOnly(); // expected-warning {{'PassiveOnly' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

#pragma warning(push)
#pragma warning(disable: 28121)
void DisabledInsidePushPop(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  PassiveOnly();
  KeReleaseSpinLock(Lock, Old);
}
#pragma warning(pop)

void AfterPop(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  PassiveOnly(); // expected-warning {{'PassiveOnly' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

// Another number silences nothing of C28121...
#pragma warning(disable: 28167)
void OtherNumber(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  PassiveOnly(); // expected-warning {{'PassiveOnly' called at DISPATCH_LEVEL}}
}  // ...but the leaked lock (C28167) is now silent.

#pragma warning(default: 28167)
void DefaultRestores(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
} // expected-warning {{'DefaultRestores' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
