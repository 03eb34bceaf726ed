// Precision: correct code in the shapes that make other IRQL checkers cry
// wolf. Every function here is right; irqlcheck must stay silent on all of
// them, at -O0 and -O2, with and without debug info.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O1 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -triple i686-pc-windows-msvc %s
// expected-no-diagnostics
//
// The same code against the real mingw-w64 headers (contracts from the kernel
// model; inline KeGetCurrentIrql/KfRaiseIrql/KeLowerIrql): any irqlcheck
// warning fails the compile.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Werror=backend-plugin -c %s -o %t.o
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Werror=backend-plugin -O2 -g -c %s -o %t.o
// RUN: %clang %mingw32_ddk -fplugin=%irqlcheck -Werror=backend-plugin -O2 -c %s -o %t.o

#include <ntifs.h>

KSPIN_LOCK Lock, Lock2;
FAST_MUTEX Mutex;

//===--- Conditional locking on the same condition ------------------------===//

// `Locked` a parameter.
VOID CloseMaybeLocked(HANDLE Handle, PLIST_ENTRY List, BOOLEAN Locked) {
  KIRQL OldIrql;
  if (Locked)
    KeAcquireSpinLock(&Lock, &OldIrql);
  RemoveHeadList(List);
  if (Locked)
    KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle); // at the caller's IRQL on both paths
}

// `Locked` a local computed from something unknown.
BOOLEAN NeedLock(PLIST_ENTRY List);
VOID CloseMaybeLockedLocal(HANDLE Handle, PLIST_ENTRY List) {
  KIRQL OldIrql;
  BOOLEAN Locked = NeedLock(List);
  if (Locked)
    KeAcquireSpinLock(&Lock, &OldIrql);
  RemoveHeadList(List);
  if (Locked)
    KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle);
}

// The same, annotated: the exit check must not see a leaked lock either.
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
VOID CloseMaybeLockedAnnotated(HANDLE Handle, PLIST_ENTRY List, ULONG Flags) {
  KIRQL OldIrql;
  if (Flags & 1)
    KeAcquireSpinLock(&Lock, &OldIrql);
  RemoveHeadList(List);
  if (Flags & 1)
    KeReleaseSpinLock(&Lock, OldIrql);
  ZwClose(Handle);
}

//===--- Try-locks ----------------------------------------------------------===//

KDEFERRED_ROUTINE TryLockDpc;
VOID TryLockDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  if (KeTryToAcquireSpinLockAtDpcLevel(&Lock)) {
    RemoveHeadList((PLIST_ENTRY)Context);
    KeReleaseSpinLockFromDpcLevel(&Lock);
  }
}

// A try-acquire that raises: the IRQL changes only if it succeeded.
_IRQL_requires_max_(APC_LEVEL)
_IRQL_requires_same_
NTSTATUS TryFastMutex(HANDLE Pid, PEPROCESS *Process) {
  NTSTATUS Status;
  if (!ExTryToAcquireFastMutex(&Mutex))
    return STATUS_UNSUCCESSFUL; // not acquired: nothing to release
  Status = PsLookupProcessByProcessId(Pid, Process);
  ExReleaseFastMutex(&Mutex);
  return Status;
}

_IRQL_requires_max_(APC_LEVEL)
VOID TryFastMutexInIf(VOID) {
  if (ExTryToAcquireFastMutex(&Mutex)) {
    ExReleaseFastMutex(&Mutex);
  }
}

//===--- Loops that lock and unlock per iteration ----------------------------===//

VOID DrainAll(PLIST_ENTRY List, HANDLE *Handles, ULONG Count) {
  for (ULONG I = 0; I < Count; I++) {
    KIRQL OldIrql;
    KeAcquireSpinLock(&Lock, &OldIrql);
    RemoveHeadList(List);
    KeReleaseSpinLock(&Lock, OldIrql);
    ZwClose(Handles[I]);
  }
}

VOID DrainUntilEmpty(PLIST_ENTRY List) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  while (!IsListEmpty(List)) {
    RemoveHeadList(List);
    KeReleaseSpinLock(&Lock, OldIrql);
    KeAcquireSpinLock(&Lock, &OldIrql);
  }
  KeReleaseSpinLock(&Lock, OldIrql);
}

//===--- Nested locks released in order -------------------------------------===//

VOID Nested(PLIST_ENTRY A, PLIST_ENTRY B) {
  KIRQL Outer, Inner;
  KeAcquireSpinLock(&Lock, &Outer);
  KeAcquireSpinLock(&Lock2, &Inner);
  RemoveHeadList(A);
  KeReleaseSpinLock(&Lock2, Inner);
  RemoveHeadList(B);
  KeReleaseSpinLock(&Lock, Outer);
}

//===--- In-stack queued spin locks -----------------------------------------===//

VOID Queued(HANDLE Handle, PLIST_ENTRY List) {
  KLOCK_QUEUE_HANDLE LockHandle;
  KeAcquireInStackQueuedSpinLock(&Lock, &LockHandle);
  RemoveHeadList(List);
  KeReleaseInStackQueuedSpinLock(&LockHandle);
  ZwClose(Handle);
}

VOID QueuedNested(PLIST_ENTRY List) {
  KLOCK_QUEUE_HANDLE H1, H2;
  KeAcquireInStackQueuedSpinLock(&Lock, &H1);
  KeAcquireInStackQueuedSpinLock(&Lock2, &H2);
  RemoveHeadList(List);
  KeReleaseInStackQueuedSpinLock(&H2);
  KeReleaseInStackQueuedSpinLock(&H1);
}

//===--- A fast mutex with APC_LEVEL work inside -----------------------------===//

_IRQL_requires_max_(APC_LEVEL)
NTSTATUS LookupUnderMutex(HANDLE Pid, PEPROCESS *Process, PKEVENT Event) {
  NTSTATUS Status;
  ExAcquireFastMutex(&Mutex);
  Status = PsLookupProcessByProcessId(Pid, Process);
  KeSetEvent(Event, 0, TRUE); // Wait=TRUE requires <= APC_LEVEL
  KeWaitForSingleObject(Event, Executive, KernelMode, FALSE, NULL); // and a wait at once
  ExReleaseFastMutex(&Mutex);
  return Status;
}

//===--- Correctly annotated lock wrappers, defined and used ------------------===//

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
KIRQL MyLock(PKSPIN_LOCK SpinLock) {
  KIRQL OldIrql;
  KeAcquireSpinLock(SpinLock, &OldIrql);
  return OldIrql;
}

_IRQL_requires_(DISPATCH_LEVEL)
VOID MyUnlock(PKSPIN_LOCK SpinLock, _IRQL_restores_ KIRQL OldIrql) {
  KeReleaseSpinLock(SpinLock, OldIrql);
}

VOID UseWrappers(HANDLE Handle, PLIST_ENTRY List) {
  KIRQL OldIrql = MyLock(&Lock);
  RemoveHeadList(List);
  MyUnlock(&Lock, OldIrql);
  ZwClose(Handle);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID UseWrappersAnnotated(HANDLE Handle, PLIST_ENTRY List) {
  KIRQL OldIrql = MyLock(&Lock);
  RemoveHeadList(List);
  MyUnlock(&Lock, OldIrql);
  ZwClose(Handle);
}

//===--- Narrowing on KeGetCurrentIrql() --------------------------------------===//

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseIfPassive(HANDLE Handle) {
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    ZwClose(Handle);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseUnlessRaised(HANDLE Handle) {
  if (KeGetCurrentIrql() > PASSIVE_LEVEL)
    return;
  ZwClose(Handle);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseIfPassiveSaved(HANDLE Handle) {
  KIRQL Irql = KeGetCurrentIrql();
  if (Irql == PASSIVE_LEVEL)
    ZwClose(Handle);
}

// In a DPC the branch can never be taken.
KDEFERRED_ROUTINE NarrowDpc;
VOID NarrowDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    ZwClose((HANDLE)Context);
}

//===--- The saved IRQL in a device-extension field ----------------------------===//

typedef struct _DEVICE_EXTENSION {
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
  LIST_ENTRY Queue;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

VOID QueueInExtension(PDEVICE_EXTENSION Ext, HANDLE Handle) {
  KeAcquireSpinLock(&Ext->Lock, &Ext->OldIrql);
  RemoveHeadList(&Ext->Queue);
  KeReleaseSpinLock(&Ext->Lock, Ext->OldIrql);
  ZwClose(Handle);
}

DRIVER_DISPATCH DispatchWithExtension;
NTSTATUS DispatchWithExtension(PDEVICE_OBJECT DeviceObject, PIRP Irp) {
  PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)DeviceObject->DeviceExtension;
  KeAcquireSpinLock(&Ext->Lock, &Ext->OldIrql);
  RemoveHeadList(&Ext->Queue);
  KeReleaseSpinLock(&Ext->Lock, Ext->OldIrql);
  return STATUS_SUCCESS;
}

//===--- Raise and lower with the saved value ----------------------------------===//

VOID RaiseLower(HANDLE Handle) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeStallExecutionProcessor(10);
  KeLowerIrql(OldIrql);
  ZwClose(Handle);
}

// A DPC that polls (zero timeout) is fine at DISPATCH_LEVEL.
KDEFERRED_ROUTINE PollDpc;
VOID PollDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  LARGE_INTEGER Zero = {0};
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, &Zero);
}
