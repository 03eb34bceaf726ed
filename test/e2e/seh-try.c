// Calls inside __try/__except (structured exception handling, as drivers
// write around user buffers) are `invoke`s in the IR: they end their block.
// They are checked like any call: the normal successor sees the call's
// effect, the __except path the IRQL from before the call (it did not
// complete). Until now they were skipped, and a function whose only IRQL
// calls sat inside __try was taken for a quiet one.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s

#include <ntddk.h>

#define EXCEPTION_EXECUTE_HANDLER 1 /* excpt.h */

static KSPIN_LOCK Lock;
static ULONG Counter;
static PDEVICE_OBJECT Device;

// Positive: a PASSIVE_LEVEL routine under a spin lock taken inside __try.
NTSTATUS DeleteUnderLock(VOID) {
  KIRQL Old;
  __try {
    KeAcquireSpinLock(&Lock, &Old);
    IoDeleteDevice(Device); // expected-warning {{'IoDeleteDevice' called at DISPATCH_LEVEL}}
    KeReleaseSpinLock(&Lock, Old);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_UNSUCCESSFUL;
  }
  return STATUS_SUCCESS;
}

// Positive: a pageable routine that takes a spin lock inside __try.
NTSTATUS PagedCounter(PVOID Buffer);
#pragma alloc_text(PAGE, PagedCounter)
NTSTATUS PagedCounter(PVOID Buffer) {
  KIRQL Old;
  PAGED_CODE();
  __try {
    ProbeForRead(Buffer, sizeof(ULONG), sizeof(ULONG));
    KeAcquireSpinLock(&Lock, &Old); // expected-warning {{pageable function 'PagedCounter' raises the IRQL to DISPATCH_LEVEL}}
    Counter += *(ULONG *)Buffer;
    KeReleaseSpinLock(&Lock, Old);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_INVALID_PARAMETER;
  }
  return STATUS_SUCCESS;
}

// Negative: the user buffer is probed and copied inside __try at
// PASSIVE_LEVEL, the lock is taken after it; the __except path, left from
// ProbeForRead or from the copy, holds no lock.
NTSTATUS CopyThenCount(PVOID Buffer) {
  KIRQL Old;
  ULONG Value;
  __try {
    ProbeForRead(Buffer, sizeof(ULONG), sizeof(ULONG));
    Value = *(volatile ULONG *)Buffer;
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_INVALID_PARAMETER;
  }
  KeAcquireSpinLock(&Lock, &Old);
  Counter += Value;
  KeReleaseSpinLock(&Lock, Old);
  return STATUS_SUCCESS;
}

// Negative: the acquire itself is inside __try; its __except path is taken
// from before the acquire completed, so no lock is held there.
NTSTATUS LockInsideTry(VOID) {
  KIRQL Old;
  __try {
    KeAcquireSpinLock(&Lock, &Old);
    Counter++;
    KeReleaseSpinLock(&Lock, Old);
  } __except (EXCEPTION_EXECUTE_HANDLER) {
    return STATUS_UNSUCCESSFUL;
  }
  return STATUS_SUCCESS;
}
