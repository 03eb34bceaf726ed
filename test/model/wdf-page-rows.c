// KMDF rows read against their reference pages (issue 13, item 2): each row
// that changed is called where its page allows it (silent) and where its page
// forbids it (reported). Routines wdf.h declares carry the page's level in the
// header as well; the others are declared here without annotations, so the
// built-in model decides.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s

#include <wdf.h>

DECLARE_WDF_HANDLE(WDFSTRING);
VOID WdfStringGetUnicodeString(WDFSTRING String, PUNICODE_STRING UnicodeString);
VOID WdfFdoInitSetFilter(PWDFDEVICE_INIT DeviceInit);

// Pages "<= DISPATCH_LEVEL" (the rows said PASSIVE_LEVEL): fine at DISPATCH_LEVEL.
_IRQL_requires_(DISPATCH_LEVEL)
NTSTATUS AtDispatch(WDFDEVICE Device, PWDFDEVICE_INIT Init, PWDF_INTERRUPT_CONFIG Config, // expected-note {{'AtDispatch' runs at DISPATCH_LEVEL}}
                    WDFMEMORY Memory, WDFIOTARGET Target) {
  WDFINTERRUPT Interrupt;
  UCHAR Copy[4];
  WdfDeviceInitFree(Init);
  WdfMemoryGetBuffer(Memory, NULL);
  WdfMemoryCopyToBuffer(Memory, 0, Copy, sizeof(Copy));
  // WdfIoTargetStop: <= DISPATCH_LEVEL only when Action leaves sent I/O pending.
  WdfIoTargetStop(Target, WdfIoTargetLeaveSentIoPending);
  WdfIoTargetStop(Target, WdfIoTargetCancelSentIo); // expected-warning {{'WdfIoTargetStop' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  // expected-note@*:* {{requirement of 'WdfIoTargetStop' comes from its annotation}}
  WdfDeviceAssignS0IdleSettings(Device, NULL);
  return WdfInterruptCreate(Device, Config, WDF_NO_OBJECT_ATTRIBUTES, &Interrupt);
}

// Pages "PASSIVE_LEVEL" (the rows said <= DISPATCH_LEVEL).
_IRQL_requires_(DISPATCH_LEVEL)
VOID PassiveOnly(WDFSTRING String, PWDFDEVICE_INIT Init) { // expected-note 2 {{'PassiveOnly' runs at DISPATCH_LEVEL}}
  UNICODE_STRING Name;
  WdfStringGetUnicodeString(String, &Name); // expected-warning {{'WdfStringGetUnicodeString' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  // expected-note@*:* {{built-in kernel model}}
  WdfFdoInitSetFilter(Init); // expected-warning {{'WdfFdoInitSetFilter' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  // expected-note@*:* {{built-in kernel model}}
}

_IRQL_requires_max_(PASSIVE_LEVEL)
VOID AtPassive(WDFSTRING String, PWDFDEVICE_INIT Init) {
  UNICODE_STRING Name;
  WdfStringGetUnicodeString(String, &Name);
  WdfFdoInitSetFilter(Init);
}

// WdfWaitLockAcquire with a zero time-out: "must be called at IRQL < DISPATCH_LEVEL".
_IRQL_requires_(APC_LEVEL)
VOID TryLockAtApc(WDFWAITLOCK Lock) {
  LONGLONG Zero = 0;
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, &Zero)))
    WdfWaitLockRelease(Lock);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID TryLockAtDispatch(WDFWAITLOCK Lock) { // expected-note {{'TryLockAtDispatch' runs at DISPATCH_LEVEL}}
  LONGLONG Zero = 0;
  if (NT_SUCCESS(WdfWaitLockAcquire(Lock, &Zero))) // expected-warning {{'WdfWaitLockAcquire' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}}
    // expected-note@*:* {{requirement of 'WdfWaitLockAcquire' comes from}}
    WdfWaitLockRelease(Lock);
}

// Any level (WdfMemoryGetBuffer, WdfDpcCancel without waiting); <= DIRQL for
// the interrupt routines, so not at HIGH_LEVEL.
VOID AtHigh(WDFMEMORY Memory, WDFDPC Dpc, WDFINTERRUPT Interrupt) {
  KIRQL Old;
  KeRaiseIrql(HIGH_LEVEL, &Old); // expected-note 2 {{IRQL set to HIGH_LEVEL here}}
  WdfMemoryGetBuffer(Memory, NULL);
  WdfDpcCancel(Dpc, FALSE);
  WdfInterruptQueueDpcForIsr(Interrupt); // expected-warning {{'WdfInterruptQueueDpcForIsr' called at HIGH_LEVEL, but it requires IRQL <= DIRQL}}
  // expected-note@*:* {{requirement of 'WdfInterruptQueueDpcForIsr' comes from}}
  WdfInterruptGetDevice(Interrupt); // expected-warning {{'WdfInterruptGetDevice' called at HIGH_LEVEL, but it requires IRQL <= DIRQL}}
  // expected-note@*:* {{requirement of 'WdfInterruptGetDevice' comes from its annotation}}
  KeLowerIrql(Old);
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID CancelAtDispatch(WDFDPC Dpc) { // expected-note {{'CancelAtDispatch' runs at DISPATCH_LEVEL}}
  WdfDpcCancel(Dpc, FALSE);
  WdfDpcCancel(Dpc, TRUE); // expected-warning {{'WdfDpcCancel' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}}
  // expected-note@*:* {{requirement of 'WdfDpcCancel' comes from its annotation}}
}
