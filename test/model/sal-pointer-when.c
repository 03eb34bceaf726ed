// _When_ conditions on a pointer parameter, as KMDF writes them on
// WdfWaitLockAcquire: _When_(Timeout == NULL, ...) (wait forever) and
// _When_(Timeout != NULL && *Timeout == 0, ...) / (... && *Timeout != 0, ...).
// Microsoft's page: "If the Timeout pointer is NULL, or if the time-out value is
// not zero, WdfWaitLockAcquire must be called at IRQL = PASSIVE_LEVEL"; with a
// zero time-out, at IRQL < DISPATCH_LEVEL. Before, the three conditions were
// opaque, so the header's items never held and the call without a time-out was
// allowed up to the model's APC_LEVEL. A pointer against NULL is argN==0 and a
// test of what it points to is *argN==K (which also says it is not NULL).
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// The same calls with WdfWaitLockAcquire declared without annotations (the
// real mingw-w64 headers, MODEL_ONLY): the row decides, "max=APC_LEVEL
// if(arg1:timeout-nonzero):max=PASSIVE_LEVEL", with the same findings.
// RUN: %clang %mingw_ddk -DMODEL_ONLY -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -DMODEL_ONLY -fplugin=%irqlcheck -Xclang -verify -O2 -c %s -o %t.o
// RUN: %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck dump-contracts %s 2>&1 \
// RUN:   | FileCheck %s
// CHECK: contract WdfWaitLockAcquire: max=APC_LEVEL if(arg1==0):max=PASSIVE_LEVEL if(*arg1==0):max=APC_LEVEL if(*arg1!=0):max=PASSIVE_LEVEL
// CHECK: contract Probe: if(arg0==0):max=PASSIVE_LEVEL if(arg0!=0):max=APC_LEVEL if(*arg0==5):max=PASSIVE_LEVEL

#ifdef MODEL_ONLY
#include <ntddk.h>
typedef struct WDFWAITLOCK__ *WDFWAITLOCK;
NTSTATUS WdfWaitLockAcquire(WDFWAITLOCK Lock, PLONGLONG Timeout);
VOID WdfWaitLockRelease(WDFWAITLOCK Lock);
#else
#include <wdf.h>
#endif

_IRQL_requires_(APC_LEVEL)
VOID ForeverAtApc(WDFWAITLOCK Lock) { // expected-note {{'ForeverAtApc' runs at APC_LEVEL}}
  WdfWaitLockAcquire(Lock, NULL); // expected-warning {{'WdfWaitLockAcquire' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note@*:* {{requirement of 'WdfWaitLockAcquire' comes from}}
  WdfWaitLockRelease(Lock);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID ForeverAtPassive(WDFWAITLOCK Lock) {
  WdfWaitLockAcquire(Lock, NULL);
  WdfWaitLockRelease(Lock);
}

_IRQL_requires_(APC_LEVEL)
VOID TimedAtApc(WDFWAITLOCK Lock) { // expected-note {{'TimedAtApc' runs at APC_LEVEL}}
  LONGLONG Timeout = -10 * 1000 * 1000;
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, &Timeout))) // expected-warning {{'WdfWaitLockAcquire' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note@*:* {{requirement of 'WdfWaitLockAcquire' comes from}}
    WdfWaitLockRelease(Lock);
}

_IRQL_requires_(APC_LEVEL)
VOID TryAtApc(WDFWAITLOCK Lock) {
  LONGLONG Zero = 0;
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, &Zero)))
    WdfWaitLockRelease(Lock);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID TryAtDispatch(WDFWAITLOCK Lock) { // expected-note {{'TryAtDispatch' runs at DISPATCH_LEVEL}}
  LONGLONG Zero = 0;
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, &Zero))) // expected-warning {{'WdfWaitLockAcquire' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note@*:* {{requirement of 'WdfWaitLockAcquire' comes from}}
    WdfWaitLockRelease(Lock);
}

// A time-out this function does not know: only the unconditional APC_LEVEL.
_IRQL_requires_(APC_LEVEL)
VOID UnknownAtApc(WDFWAITLOCK Lock, PLONGLONG Timeout) {
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, Timeout)))
    WdfWaitLockRelease(Lock);
}

#ifndef MODEL_ONLY
// The same spellings on a driver's own routine.
_When_(Buffer == NULL, _IRQL_requires_max_(PASSIVE_LEVEL))
_When_(Buffer != NULL, _IRQL_requires_max_(APC_LEVEL))
_When_(Buffer != NULL && *Buffer == 5, _IRQL_requires_max_(PASSIVE_LEVEL)) // expected-note {{requirement of 'Probe' comes from its annotation}}
VOID Probe(PULONG Buffer);

VOID CallsProbe(VOID) {
  KIRQL Old;
  ULONG Five = 5, Six = 6;
  KeRaiseIrql(APC_LEVEL, &Old); // expected-note {{IRQL set to APC_LEVEL here}}
  Probe(&Six);
  Probe(&Five); // expected-warning {{'Probe' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  KeLowerIrql(Old);
}
#endif
