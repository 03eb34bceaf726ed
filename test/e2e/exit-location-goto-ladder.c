// An error path that leaves through a goto ladder to the one `out: return
// Status;` of the function: the leak is judged by the edge it arrives on
// (the other paths released the lock) and reported at that return
// statement, where the function returns, not at the last statement of the
// error path. A clang shared return block (several return statements) keeps
// reporting at the return statement of each path (exit-location-join.c,
// irql-exit-changed.c).
// RUN: %wdk_cc1 -emit-llvm-only -verify=expected,o0 %s
// RUN: %wdk_cc1 -O2 -emit-llvm-only -verify=expected,o2 %s

#include <ntddk.h>

typedef struct _DEV { KSPIN_LOCK Lock; LIST_ENTRY Items; ULONG Count; } DEV, *PDEV;
typedef struct _ITEM { LIST_ENTRY Link; ULONG Id; } ITEM, *PITEM;

_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS AddLeaks(PDEV Dev, ULONG Id) {
  NTSTATUS Status = STATUS_SUCCESS;
  KIRQL Old;
  PITEM It = ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(ITEM), 'mtI1');
  if (!It) {
    Status = STATUS_INSUFFICIENT_RESOURCES;
    goto out;
  }
  It->Id = Id;
  KeAcquireSpinLock(&Dev->Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  if (Dev->Count >= 128) {
    Status = STATUS_UNSUCCESSFUL;
    goto free_item; // the lock is still held
  }
  InsertTailList(&Dev->Items, &It->Link);
  Dev->Count++;
  KeReleaseSpinLock(&Dev->Lock, Old);
  goto out;
free_item:
  ExFreePoolWithTag(It, 'mtI1');
out:
  return Status; // expected-warning {{'AddLeaks' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
}

// The same ladder with the lock released before the error path leaves.
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS AddReleases(PDEV Dev, PITEM It) {
  NTSTATUS Status = STATUS_UNSUCCESSFUL;
  KIRQL Old;
  if (!It)
    goto out;
  KeAcquireSpinLock(&Dev->Lock, &Old);
  if (Dev->Count < 128) {
    InsertTailList(&Dev->Items, &It->Link);
    Dev->Count++;
    Status = STATUS_SUCCESS;
  }
  KeReleaseSpinLock(&Dev->Lock, Old);
  if (!NT_SUCCESS(Status))
    goto free_item;
  goto out;
free_item:
  ExFreePoolWithTag(It, 'mtI1');
out:
  return Status;
}

// A void function: `out: return;` is the return statement too. At -O2 clang
// merges it into its shared return block, whose `ret` is at the closing
// brace like any other: the finding stays on the path's own last branch.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID TouchLeaks(PDEV Dev, BOOLEAN Skip) {
  KIRQL Old;
  if (Skip)
    goto out;
  KeAcquireSpinLock(&Dev->Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Dev->Count++;
  if (Dev->Count > 4)
    goto out; // o2-warning {{'TouchLeaks' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  KeReleaseSpinLock(&Dev->Lock, Old);
out:
  return; // o0-warning {{'TouchLeaks' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
}
