// Cancel-safe IRP queue callbacks get their roles from IoCsqInitialize /
// IoCsqInitializeEx (one registration row per callback argument) or from
// their IO_CSQ_* typedefs. CsqAcquireLock raises to DISPATCH_LEVEL and saves
// the previous IRQL through its PKIRQL parameter; CsqReleaseLock restores it
// from its KIRQL parameter. A driver whose callbacks wrap a spin lock the
// usual way is silent; a PASSIVE-only call in a callback run under the queue
// lock is reported.
//
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP
// The same with mingw-w64's headers, whose typedefs carry no annotations
// (the role table gives the contracts).
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify \
// RUN:   -Xclang -verify-ignore-unexpected=note -c %s -o %t.mingw.o
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts \
// RUN:   -fsyntax-only %s | FileCheck %s --check-prefix=DUMP

#include <ntifs.h>

typedef struct _QUEUE_EXTENSION {
  KSPIN_LOCK QueueLock;
  LIST_ENTRY PendingIrps;
  IO_CSQ Csq;
  HANDLE LogFile;
} QUEUE_EXTENSION, *PQUEUE_EXTENSION;

static PQUEUE_EXTENSION ExtensionOf(PIO_CSQ Csq) {
  return CONTAINING_RECORD(Csq, QUEUE_EXTENSION, Csq);
}

static VOID CsqInsertIrp(PIO_CSQ Csq, PIRP Irp) {
  PQUEUE_EXTENSION Ext = ExtensionOf(Csq);
  InsertTailList(&Ext->PendingIrps, &Irp->Tail.Overlay.ListEntry);
}

static VOID CsqRemoveIrp(PIO_CSQ Csq, PIRP Irp) {
  // Called with the queue's spin lock held: a PASSIVE-only call is a bug.
  ZwClose(ExtensionOf(Csq)->LogFile); // expected-warning {{'CsqRemoveIrp' can be called at DISPATCH_LEVEL (its role IO_CSQ_REMOVE_IRP), but calls PASSIVE_LEVEL-only 'ZwClose'}}
  RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
}

static PIRP CsqPeekNextIrp(PIO_CSQ Csq, PIRP Irp, PVOID PeekContext) {
  PQUEUE_EXTENSION Ext = ExtensionOf(Csq);
  PLIST_ENTRY Next = Irp ? Irp->Tail.Overlay.ListEntry.Flink : Ext->PendingIrps.Flink;
  if (Next == &Ext->PendingIrps)
    return NULL;
  return CONTAINING_RECORD(Next, IRP, Tail.Overlay.ListEntry);
}

static VOID CsqAcquireLock(PIO_CSQ Csq, PKIRQL Irql) {
  KeAcquireSpinLock(&ExtensionOf(Csq)->QueueLock, Irql);
}

static VOID CsqReleaseLock(PIO_CSQ Csq, KIRQL Irql) {
  KeReleaseSpinLock(&ExtensionOf(Csq)->QueueLock, Irql);
}

static VOID CsqCompleteCanceledIrp(PIO_CSQ Csq, PIRP Irp) {
  Irp->IoStatus.Status = STATUS_CANCELLED;
  Irp->IoStatus.Information = 0;
  IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

// The Ex form: its insert routine returns a status.
static NTSTATUS CsqInsertIrpEx(PIO_CSQ Csq, PIRP Irp, PVOID InsertContext) {
  CsqInsertIrp(Csq, Irp);
  return STATUS_SUCCESS;
}

NTSTATUS SetUpQueues(PQUEUE_EXTENSION Ext, PQUEUE_EXTENSION ExtEx) {
  KeInitializeSpinLock(&Ext->QueueLock);
  InitializeListHead(&Ext->PendingIrps);
  IoCsqInitialize(&Ext->Csq, CsqInsertIrp, CsqRemoveIrp, CsqPeekNextIrp, CsqAcquireLock,
                  CsqReleaseLock, CsqCompleteCanceledIrp);
  return IoCsqInitializeEx(&ExtEx->Csq, CsqInsertIrpEx, CsqRemoveIrp, CsqPeekNextIrp,
                           CsqAcquireLock, CsqReleaseLock, CsqCompleteCanceledIrp);
}

// DUMP-DAG: irqlcheck: contract CsqInsertIrp: max=DISPATCH_LEVEL same class=IO_CSQ_INSERT_IRP [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqRemoveIrp: max=DISPATCH_LEVEL same class=IO_CSQ_REMOVE_IRP [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqPeekNextIrp: max=DISPATCH_LEVEL same class=IO_CSQ_PEEK_NEXT_IRP [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqAcquireLock: max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=arg1 class=IO_CSQ_ACQUIRE_LOCK [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqReleaseLock: req=DISPATCH_LEVEL restores=arg1 class=IO_CSQ_RELEASE_LOCK [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqCompleteCanceledIrp: max=DISPATCH_LEVEL same class=IO_CSQ_COMPLETE_CANCELED_IRP [registered with IoCsqInitialize;{{.*}}]
// DUMP-DAG: irqlcheck: contract CsqInsertIrpEx: max=DISPATCH_LEVEL same class=IO_CSQ_INSERT_IRP_EX [registered with IoCsqInitializeEx;{{.*}}]
