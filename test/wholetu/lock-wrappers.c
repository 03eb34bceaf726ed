// Lock wrappers: helpers that take a spin lock and leave the IRQL raised, the
// previous IRQL saved where their caller can name it (a field of a structure
// it passes, *OldIrql, a global), and helpers that release it from there.
// Callers pair them exactly like KeAcquireSpinLock/KeReleaseSpinLock: the
// balanced caller is silent, a return between them and a PASSIVE_LEVEL-only
// call between them are reported. A wrapper is reported itself only when its
// paths disagree.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -debug-info-kind=limited %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -triple i686-pc-windows-msvc %s
// What irqlcheck inferred for each wrapper:
// RUN: %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck suggest %s 2>/dev/null | FileCheck %s --check-prefix=SUGGEST
// Against the mingw-w64 headers (inline KeAcquireSpinLock/KeReleaseSpinLock):
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MINGW --implicit-check-not=warning:

#include <ntddk.h>

typedef struct _DEVICE_EXTENSION {
  KSPIN_LOCK Lock;
  KIRQL OldIrql;
  LIST_ENTRY Queue;
  ULONG Count;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

//===--- Saved in a field of the structure the caller passes ----------------===//

static VOID LockDevice(PDEVICE_EXTENSION Ext) {
  KeAcquireSpinLock(&Ext->Lock, &Ext->OldIrql);
}
static VOID UnlockDevice(PDEVICE_EXTENSION Ext) {
  KeReleaseSpinLock(&Ext->Lock, Ext->OldIrql);
}
// SUGGEST-DAG: suggest LockDevice: _IRQL_requires_max_(DISPATCH_LEVEL) __drv_setsIRQL(DISPATCH_LEVEL) _IRQL_saves_ /* in what parameter 1 points to, at byte 8 */
// SUGGEST-DAG: suggest UnlockDevice: {{.*}}_IRQL_requires_max_(DISPATCH_LEVEL) _IRQL_restores_ /* in what parameter 1 points to, at byte 8 */

// Balanced: silent, and the IRQL after the release is the caller's again.
VOID QueueWork(PDEVICE_EXTENSION Ext, PLIST_ENTRY Entry, HANDLE Handle) {
  LockDevice(Ext);
  InsertTailList(&Ext->Queue, Entry);
  Ext->Count++;
  UnlockDevice(Ext);
  ZwClose(Handle);
}

// Released on every path, by several returns.
NTSTATUS DequeueWork(PDEVICE_EXTENSION Ext, PLIST_ENTRY *Out) {
  LockDevice(Ext);
  if (IsListEmpty(&Ext->Queue)) {
    UnlockDevice(Ext);
    return STATUS_NO_MORE_ENTRIES;
  }
  *Out = RemoveHeadList(&Ext->Queue);
  UnlockDevice(Ext);
  return STATUS_SUCCESS;
}

// BUG: returns between the acquire and the release wrapper.
NTSTATUS DequeueLeak(PDEVICE_EXTENSION Ext, PLIST_ENTRY *Out) {
  LockDevice(Ext); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'LockDevice'}}
  if (IsListEmpty(&Ext->Queue))
    return STATUS_NO_MORE_ENTRIES; // expected-warning {{'DequeueLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'LockDevice' is never restored on this path) [irql-exit-changed]}}
  *Out = RemoveHeadList(&Ext->Queue);
  UnlockDevice(Ext);
  return STATUS_SUCCESS;
}
// MINGW: lock-wrappers.c:[[#@LINE-5]]:5: warning: 'DequeueLeak' returns at DISPATCH_LEVEL{{.*}}'LockDevice'{{.*}}[irql-exit-changed]

// BUG: a PASSIVE_LEVEL-only call between them.
VOID CloseUnderWrapper(PDEVICE_EXTENSION Ext, HANDLE Handle) {
  LockDevice(Ext); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'LockDevice'}}
  ZwClose(Handle); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  // expected-note@*:* {{requirement of 'ZwClose' comes from}}
  UnlockDevice(Ext);
}
// MINGW: lock-wrappers.c:[[#@LINE-4]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL{{.*}}[irql-too-high]

//===--- Saved through an out parameter, and in a global ------------------===//

KSPIN_LOCK TableLock;
KIRQL TableIrql;

static VOID LockTable(PKIRQL OldIrql) { KeAcquireSpinLock(&TableLock, OldIrql); }
static VOID UnlockTable(KIRQL OldIrql) { KeReleaseSpinLock(&TableLock, OldIrql); }
static VOID LockTableGlobal(VOID) { KeAcquireSpinLock(&TableLock, &TableIrql); }
static VOID UnlockTableGlobal(VOID) { KeReleaseSpinLock(&TableLock, TableIrql); }
// SUGGEST-DAG: suggest LockTableGlobal: _IRQL_requires_max_(DISPATCH_LEVEL) __drv_setsIRQL(DISPATCH_LEVEL) _IRQL_saves_ /* in global 'TableIrql' */
// SUGGEST-DAG: suggest UnlockTableGlobal: {{.*}}_IRQL_restores_ /* in global 'TableIrql' */
// SUGGEST-DAG: suggest LockTable: _IRQL_requires_max_(DISPATCH_LEVEL) __drv_setsIRQL(DISPATCH_LEVEL) _IRQL_saves_ /* on parameter 1 */

VOID TouchTable(HANDLE Handle) {
  KIRQL Irql;
  LockTable(&Irql);
  UnlockTable(Irql);
  LockTableGlobal();
  UnlockTableGlobal();
  ZwClose(Handle);
}

VOID TableLeak(BOOLEAN Fail) {
  LockTableGlobal(); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'LockTableGlobal'}}
  if (Fail)
    return; // expected-warning {{'TableLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'LockTableGlobal' is never restored on this path)}}
  UnlockTableGlobal();
}
// MINGW: lock-wrappers.c:[[#@LINE-3]]:5: warning: 'TableLeak' returns at DISPATCH_LEVEL{{.*}}[irql-exit-changed]

//===--- A wrapper whose paths disagree is reported itself ----------------===//

static VOID LockIfIdle(PDEVICE_EXTENSION Ext) {
  if (Ext->Count == 0)
    return;
  KeAcquireSpinLock(&Ext->Lock, &Ext->OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
} // expected-warning {{'LockIfIdle' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
// MINGW: lock-wrappers.c:[[#@LINE-1]]:1: warning: 'LockIfIdle' returns at DISPATCH_LEVEL{{.*}}[irql-exit-changed]

VOID UseLockIfIdle(PDEVICE_EXTENSION Ext) {
  LockIfIdle(Ext);
}

//===--- Saved in a lock object's slot: queued spin locks, fast mutexes -----===//

typedef struct _QUEUE {
  KSPIN_LOCK Lock;
  KLOCK_QUEUE_HANDLE Handle;
  ULONG Depth;
} QUEUE, *PQUEUE;

FAST_MUTEX ConfigMutex;

static VOID LockQueue(PQUEUE Q) { KeAcquireInStackQueuedSpinLock(&Q->Lock, &Q->Handle); }
static VOID UnlockQueue(PQUEUE Q) { KeReleaseInStackQueuedSpinLock(&Q->Handle); }
static VOID LockConfig(VOID) { ExAcquireFastMutex(&ConfigMutex); }
static VOID UnlockConfig(VOID) { ExReleaseFastMutex(&ConfigMutex); }

VOID Enqueue(PQUEUE Q, HANDLE Handle) {
  LockQueue(Q);
  Q->Depth++;
  UnlockQueue(Q);
  LockConfig();
  Q->Depth = 0;
  UnlockConfig();
  ZwClose(Handle);
}

NTSTATUS EnqueueLeak(PQUEUE Q) {
  LockQueue(Q); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'LockQueue'}}
  if (Q->Depth > 8)
    return STATUS_DEVICE_BUSY; // expected-warning {{'EnqueueLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'LockQueue' is never restored on this path)}}
  Q->Depth++;
  UnlockQueue(Q);
  return STATUS_SUCCESS;
}
// MINGW: lock-wrappers.c:[[#@LINE-5]]:5: warning: 'EnqueueLeak' returns at DISPATCH_LEVEL{{.*}}[irql-exit-changed]

NTSTATUS ConfigLeak(BOOLEAN Fail) {
  LockConfig(); // expected-note {{IRQL set to APC_LEVEL here by 'LockConfig'}}
  if (Fail)
    return STATUS_UNSUCCESSFUL; // expected-warning {{'ConfigLeak' returns at APC_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'LockConfig' is never restored on this path)}}
  UnlockConfig();
  return STATUS_SUCCESS;
}
// MINGW: lock-wrappers.c:[[#@LINE-4]]:5: warning: 'ConfigLeak' returns at APC_LEVEL{{.*}}[irql-exit-changed]
