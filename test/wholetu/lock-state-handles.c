// _IRQL_saves_/_IRQL_restores_ on a pointer to a structure that holds the
// KIRQL (NDIS's PLOCK_STATE_EX) or on a handle (KMDF's WDFSPINLOCK): the
// pointee is the save slot. The annotations are valid (no
// irql-annotation-param-type), a balanced acquire/release is silent and the
// IRQL afterwards is the caller's again, a PASSIVE_LEVEL-only call under the
// lock and a lock left held on a return are reported.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -triple i686-pc-windows-msvc %s

#include <ndis.h>
#include <wdf.h>

typedef struct _FILTER_CONTEXT {
  PNDIS_RW_LOCK_EX TableLock;
  WDFSPINLOCK QueueLock;
  ULONG Entries;
} FILTER_CONTEXT, *PFILTER_CONTEXT;

VOID ReadTable(PFILTER_CONTEXT Ctx, HANDLE Log) {
  LOCK_STATE_EX State;
  NdisAcquireRWLockRead(Ctx->TableLock, &State, 0);
  Ctx->Entries++;
  NdisReleaseRWLock(Ctx->TableLock, &State);
  ZwClose(Log); // back at the caller's IRQL
}

VOID ReadTableAndLog(PFILTER_CONTEXT Ctx, HANDLE Log) {
  LOCK_STATE_EX State;
  NdisAcquireRWLockWrite(Ctx->TableLock, &State, 0); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'NdisAcquireRWLockWrite'}}
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
  NdisReleaseRWLock(Ctx->TableLock, &State);
}

VOID CountQueued(PFILTER_CONTEXT Ctx, HANDLE Log) {
  WdfSpinLockAcquire(Ctx->QueueLock);
  Ctx->Entries--;
  WdfSpinLockRelease(Ctx->QueueLock);
  ZwClose(Log);
}

NTSTATUS TakeQueued(PFILTER_CONTEXT Ctx) {
  WdfSpinLockAcquire(Ctx->QueueLock); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'WdfSpinLockAcquire'}}
  if (Ctx->Entries == 0)
    return STATUS_NO_MORE_ENTRIES; // expected-warning {{'TakeQueued' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'WdfSpinLockAcquire' is never restored on this path) [irql-exit-changed]}}
  Ctx->Entries--;
  WdfSpinLockRelease(Ctx->QueueLock);
  return STATUS_SUCCESS;
}
