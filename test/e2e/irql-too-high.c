// irql-too-high (C28121): a routine is called at an IRQL above its maximum.
// The warning is at the call; the notes say where the IRQL was set and where
// the callee's requirement comes from.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=disabled -plugin-arg-irqlcheck disable=irql-too-high %s
// disabled-no-diagnostics

#include <ntifs.h>

KSPIN_LOCK Lock;

//===--- A spin lock is held: DISPATCH_LEVEL, then a PASSIVE-only routine --===//

void CloseUnderLock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  ZwClose(Handle); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  // expected-note@wdm.h:* {{requirement of 'ZwClose' comes from its annotation}}
  KeReleaseSpinLock(&Lock, OldIrql);
}

// Negative: the same call after the lock is released.
void CloseAfterUnlock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle);
}

// Negative: a DISPATCH-safe call under the lock.
void SignalUnderLock(PKEVENT Event) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeSetEvent(Event, 0, FALSE);
  KeReleaseSpinLock(&Lock, OldIrql);
}

//===--- A DPC (KDEFERRED_ROUTINE) waits: NULL timeout means forever ------===//

KDEFERRED_ROUTINE WaitingDpc; // expected-note {{'WaitingDpc' runs at DISPATCH_LEVEL (its annotations or function class)}}
void WaitingDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, NULL); // expected-warning {{'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]}}
  // expected-note@wdm.h:* {{requirement of 'KeWaitForSingleObject' comes from its annotation}}
}

// A non-zero relative timeout is a real wait too.
KDEFERRED_ROUTINE SleepingDpc; // expected-note {{'SleepingDpc' runs at DISPATCH_LEVEL}}
void SleepingDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  LARGE_INTEGER Timeout;
  Timeout.QuadPart = -10000;
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, &Timeout); // expected-warning {{'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]}}
  // expected-note@wdm.h:* {{requirement of 'KeWaitForSingleObject' comes from its annotation}}
}

// Negative: a zero timeout only polls, which DISPATCH_LEVEL allows.
KDEFERRED_ROUTINE PollingDpc;
void PollingDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  LARGE_INTEGER Zero;
  Zero.QuadPart = 0;
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, &Zero);
}

// Negative: the same wait in a worker thread at PASSIVE_LEVEL.
KSTART_ROUTINE WaitingThread;
void WaitingThread(PVOID Context) {
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, NULL);
}

//===--- The declared range: annotated up to DISPATCH, calls an APC-max API ===//
// The annotation promises DISPATCH_LEVEL can occur, so the call is a real
// contract violation (C28118) although PASSIVE_LEVEL callers would be fine.

_IRQL_requires_max_(DISPATCH_LEVEL) // expected-note {{if 'LookupAnywhere' is never called above it, narrow this annotation to _IRQL_requires_max_(APC_LEVEL); otherwise lower the IRQL before the call}}
NTSTATUS LookupAnywhere(HANDLE Pid, PEPROCESS *Process) {
  return PsLookupProcessByProcessId(Pid, Process); // expected-warning {{'LookupAnywhere' is annotated to be callable at DISPATCH_LEVEL, but calls 'PsLookupProcessByProcessId', which requires IRQL <= APC_LEVEL [irql-too-high]}}
  // expected-note@ntifs.h:* {{requirement of 'PsLookupProcessByProcessId' comes from its annotation}}
}

// Negative: annotated to the callee's own limit.
_IRQL_requires_max_(APC_LEVEL)
NTSTATUS LookupAtApc(HANDLE Pid, PEPROCESS *Process) {
  return PsLookupProcessByProcessId(Pid, Process);
}

// Negative: an unannotated function promises nothing; its callers decide.
NTSTATUS LookupUnannotated(HANDLE Pid, PEPROCESS *Process) {
  return PsLookupProcessByProcessId(Pid, Process);
}

// Negative: the annotated function narrows its own IRQL before the call.
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS LookupIfLowEnough(HANDLE Pid, PEPROCESS *Process) {
  if (KeGetCurrentIrql() <= APC_LEVEL)
    return PsLookupProcessByProcessId(Pid, Process);
  return STATUS_UNSUCCESSFUL;
}

//===--- _IRQL_always_function_min_ alone: the body runs at that level -----===//
// A function that never runs below level 5 is entered at 5 or above, not
// capped by the maximum implied for annotated functions (DISPATCH_LEVEL).
_IRQL_always_function_min_(5)
VOID AlwaysAboveFive(PRKEVENT Event) {
  KeSetEvent(Event, IO_NO_INCREMENT, FALSE); // expected-warning {{'KeSetEvent' called at the entry IRQL (5..HIGH_LEVEL), but it requires IRQL <= DISPATCH_LEVEL}}
  // expected-note@wdm.h:* {{requirement of 'KeSetEvent' comes from its annotation}}
}

// At DISPATCH_LEVEL and above, KeSetEvent without a wait is fine.
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID AlwaysAtDispatch(PRKEVENT Event) {
  KeSetEvent(Event, IO_NO_INCREMENT, FALSE);
}
