// irql-exit-changed (C28167): a function without IRQL annotations returns
// with the IRQL changed on some path: typically a lock left held on an error
// path. Reported at the return statement of that path.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s
//
// The exact line and column of the return statement, with and without -g:
// RUN: %wdk_cc1 -emit-llvm-only -fno-caret-diagnostics %s 2>&1 | FileCheck %s
// RUN: %wdk_cc1 -emit-llvm-only -fno-caret-diagnostics -debug-info-kind=limited -O2 %s 2>&1 | FileCheck %s

#include <ntddk.h>

typedef struct _DEVICE_CONTEXT {
  KSPIN_LOCK Lock;
  LIST_ENTRY Queue;
  ULONG Count;
} DEVICE_CONTEXT, *PDEVICE_CONTEXT;

NTSTATUS Validate(PDEVICE_CONTEXT Ctx);

NTSTATUS Enqueue(PDEVICE_CONTEXT Ctx, PLIST_ENTRY Entry) {
  KIRQL OldIrql;
  NTSTATUS Status;
  KeAcquireSpinLock(&Ctx->Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  Status = Validate(Ctx);
  if (!NT_SUCCESS(Status))
    return Status; // expected-warning {{'Enqueue' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path) [irql-exit-changed]}}
  InsertTailList(&Ctx->Queue, Entry);
  Ctx->Count++;
  KeReleaseSpinLock(&Ctx->Lock, OldIrql);
  return STATUS_SUCCESS;
}
// CHECK: irql-exit-changed.c:29:5: warning: 'Enqueue' returns at DISPATCH_LEVEL, {{.*}} [irql-exit-changed]
// CHECK: irql-exit-changed.c:26:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'

// A raise with no lower at all.
VOID RaiseOnly(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(HIGH_LEVEL, &OldIrql); // expected-note {{IRQL set to HIGH_LEVEL here by 'KfRaiseIrql'}}
} // expected-warning {{'RaiseOnly' returns at HIGH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KfRaiseIrql' is never restored on this path) [irql-exit-changed]}}
// CHECK: irql-exit-changed.c:42:1: warning: 'RaiseOnly' returns at HIGH_LEVEL

// A void function: at -O1 and up clang routes every return through one
// cleanup block (lifetime markers), which must not hide the leaking path.
VOID Dequeue(PDEVICE_CONTEXT Ctx) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Ctx->Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  if (IsListEmpty(&Ctx->Queue))
    return; // expected-warning {{'Dequeue' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path) [irql-exit-changed]}}
  RemoveHeadList(&Ctx->Queue);
  Ctx->Count--;
  KeReleaseSpinLock(&Ctx->Lock, OldIrql);
}
// CHECK: irql-exit-changed.c:[[#@LINE-5]]:5: warning: 'Dequeue' returns at DISPATCH_LEVEL

// Negatives: the error path releases too; and a function that releases on
// every path through a single exit.
NTSTATUS EnqueueFixed(PDEVICE_CONTEXT Ctx, PLIST_ENTRY Entry) {
  KIRQL OldIrql;
  NTSTATUS Status;
  KeAcquireSpinLock(&Ctx->Lock, &OldIrql);
  Status = Validate(Ctx);
  if (!NT_SUCCESS(Status)) {
    KeReleaseSpinLock(&Ctx->Lock, OldIrql);
    return Status;
  }
  InsertTailList(&Ctx->Queue, Entry);
  KeReleaseSpinLock(&Ctx->Lock, OldIrql);
  return STATUS_SUCCESS;
}

NTSTATUS EnqueueGoto(PDEVICE_CONTEXT Ctx, PLIST_ENTRY Entry) {
  KIRQL OldIrql;
  NTSTATUS Status;
  KeAcquireSpinLock(&Ctx->Lock, &OldIrql);
  Status = Validate(Ctx);
  if (!NT_SUCCESS(Status))
    goto out;
  InsertTailList(&Ctx->Queue, Entry);
out:
  KeReleaseSpinLock(&Ctx->Lock, OldIrql);
  return Status;
}
// CHECK-NOT: warning
