/*
 * queue.c -- MirrorFs: writes that wait for room in the shadow log sit in a
 * cancel-safe queue.  The queue's lock callbacks raise and restore through
 * the KIRQL the I/O manager hands them, like KeAcquireSpinLock does.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "mirrorfs.h"

static IO_CSQ_INSERT_IRP MirCsqInsertIrp;
static IO_CSQ_REMOVE_IRP MirCsqRemoveIrp;
static IO_CSQ_PEEK_NEXT_IRP MirCsqPeekNextIrp;
static IO_CSQ_ACQUIRE_LOCK MirCsqAcquireLock;
static IO_CSQ_RELEASE_LOCK MirCsqReleaseLock;
static IO_CSQ_COMPLETE_CANCELED_IRP MirCsqCompleteCanceledIrp;

#define MirExtensionFromCsq(Csq) CONTAINING_RECORD((Csq), MIR_DEVICE_EXTENSION, PendingCsq)

_Use_decl_annotations_
static
VOID
MirCsqInsertIrp (
    PIO_CSQ Csq,
    PIRP Irp
    )
{
    PMIR_DEVICE_EXTENSION Ext = MirExtensionFromCsq(Csq);

    InsertTailList(&Ext->PendingIrps, &Irp->Tail.Overlay.ListEntry);
}

_Use_decl_annotations_
static
VOID
MirCsqRemoveIrp (
    PIO_CSQ Csq,
    PIRP Irp
    )
{
    UNREFERENCED_PARAMETER(Csq);

    RemoveEntryList(&Irp->Tail.Overlay.ListEntry);
}

_Use_decl_annotations_
static
PIRP
MirCsqPeekNextIrp (
    PIO_CSQ Csq,
    PIRP Irp,
    PVOID PeekContext
    )
{
    PMIR_DEVICE_EXTENSION Ext = MirExtensionFromCsq(Csq);
    PLIST_ENTRY Next = (Irp == NULL) ? Ext->PendingIrps.Flink : Irp->Tail.Overlay.ListEntry.Flink;

    while (Next != &Ext->PendingIrps) {
        PIRP Candidate = CONTAINING_RECORD(Next, IRP, Tail.Overlay.ListEntry);
        PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Candidate);

        if (PeekContext == NULL || Stack->FileObject == (PFILE_OBJECT)PeekContext) {
            return Candidate;
        }
        Next = Next->Flink;
    }
    return NULL;
}

_Use_decl_annotations_
static
VOID
MirCsqAcquireLock (
    PIO_CSQ Csq,
    PKIRQL Irql
    )
{
    KeAcquireSpinLock(&MirExtensionFromCsq(Csq)->PendingLock, Irql);
}

_Use_decl_annotations_
static
VOID
MirCsqReleaseLock (
    PIO_CSQ Csq,
    KIRQL Irql
    )
{
    KeReleaseSpinLock(&MirExtensionFromCsq(Csq)->PendingLock, Irql);
}

_Use_decl_annotations_
static
VOID
MirCsqCompleteCanceledIrp (
    PIO_CSQ Csq,
    PIRP Irp
    )
{
    UNREFERENCED_PARAMETER(Csq);

    Irp->IoStatus.Status = STATUS_CANCELLED;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
}

_Use_decl_annotations_
VOID
MirInitializePendingQueue (
    PMIR_DEVICE_EXTENSION Ext
    )
{
    KeInitializeSpinLock(&Ext->PendingLock);
    InitializeListHead(&Ext->PendingIrps);
    IoCsqInitialize(&Ext->PendingCsq,
                    MirCsqInsertIrp,
                    MirCsqRemoveIrp,
                    MirCsqPeekNextIrp,
                    MirCsqAcquireLock,
                    MirCsqReleaseLock,
                    MirCsqCompleteCanceledIrp);
}

_Use_decl_annotations_
NTSTATUS
MirPendWrite (
    PMIR_DEVICE_EXTENSION Ext,
    PIRP Irp
    )
{
    IoMarkIrpPending(Irp);
    IoCsqInsertIrp(&Ext->PendingCsq, Irp, NULL);
    return STATUS_PENDING;
}

_Use_decl_annotations_
VOID
MirResumePendingWrites (
    PMIR_DEVICE_EXTENSION Ext
    )
{
    PIRP Irp;

    while ((Irp = IoCsqRemoveNextIrp(&Ext->PendingCsq, NULL)) != NULL) {
        /* the log has room again: send the write on without mirroring it */
        IoSkipCurrentIrpStackLocation(Irp);
        IoCallDriver(Ext->LowerDevice, Irp);
    }
}
