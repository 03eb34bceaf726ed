// A call through a resolved function pointer is held to everything a direct
// call to the target is: its minimum, its pageable section, and what it does
// to the IRQL afterwards.
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %clang_cl /c /O2 -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify /Fo%t.obj -- %s

#include <ntddk.h>

typedef VOID WORKER(PVOID Context);

_IRQL_requires_min_(DISPATCH_LEVEL) // expected-note {{requirement of 'AtDpcOnly' comes from its annotation}}
static VOID AtDpcOnly(PVOID Context) { KeAcquireSpinLockAtDpcLevel((PKSPIN_LOCK)Context); KeReleaseSpinLockFromDpcLevel((PKSPIN_LOCK)Context); }

_IRQL_requires_(PASSIVE_LEVEL)
VOID TooLow(PVOID Context) { // expected-note {{'TooLow' runs at PASSIVE_LEVEL}}
  WORKER *Work = AtDpcOnly; // expected-note {{the pointer called there holds 'AtDpcOnly', stored here}}
  Work(Context); // expected-warning {{'AtDpcOnly' called at PASSIVE_LEVEL, but it requires exactly DISPATCH_LEVEL [irql-too-low]}}
}

__declspec(code_seg("PAGE")) static VOID PagedWork(PVOID Context) { UNREFERENCED_PARAMETER(Context); }

VOID PagedUnderLock(PKSPIN_LOCK Lock) {
  KIRQL Old;
  WORKER *Work = PagedWork; // expected-note {{the pointer called there holds 'PagedWork', stored here}}
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Work(Lock); // expected-warning {{pageable function 'PagedWork' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(Lock, Old);
}

_IRQL_raises_(DISPATCH_LEVEL)
VOID RaiseForWork(PVOID Context); // defined elsewhere

// (AfterRaise returns at DISPATCH_LEVEL itself, as it says.)
_IRQL_raises_(DISPATCH_LEVEL)
VOID AfterRaise(PVOID Context, HANDLE Handle) {
  WORKER *Work = RaiseForWork;
  Work(Context); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'RaiseForWork'}}
  ZwClose(Handle); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}} expected-note@* {{requirement of 'ZwClose' comes from}}
}
