/*
 * report.c -- HidKbd: the circulating read IRP and report parsing.  The
 * read completes at DISPATCH_LEVEL or below; parsing uses only the HID
 * parser routines allowed there, and key state sits under a spin lock.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "hidkbd.h"

static IO_COMPLETION_ROUTINE KbdReadComplete;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, KbdPrepareReports)
#pragma alloc_text(PAGE, KbdStopRead)
#endif

_Use_decl_annotations_
NTSTATUS
KbdPrepareReports (
    PKBD_EXTENSION Ext
    )
{
    NTSTATUS Status;

    PAGED_CODE();

    Status = HidP_GetCaps(Ext->PreparsedData, &Ext->Caps);
    if (Status != HIDP_STATUS_SUCCESS) {
        return STATUS_UNSUCCESSFUL;
    }
    if (Ext->Caps.UsagePage != HID_USAGE_PAGE_GENERIC ||
        Ext->Caps.Usage != HID_USAGE_GENERIC_KEYBOARD) {
        return STATUS_NOT_SUPPORTED;
    }

    Ext->MaxUsages = HidP_MaxUsageListLength(HidP_Input, HID_USAGE_PAGE_KEYBOARD,
                                             Ext->PreparsedData);
    if (Ext->MaxUsages > KBD_MAX_KEYS) {
        Ext->MaxUsages = KBD_MAX_KEYS;
    }

    Ext->ReportBuffer = (PCHAR)ExAllocatePool2(POOL_FLAG_NON_PAGED,
                                               Ext->Caps.InputReportByteLength, KBD_POOL_TAG);
    if (Ext->ReportBuffer == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Ext->ReadIrp = IoAllocateIrp(Ext->LowerDevice->StackSize, FALSE);
    if (Ext->ReadIrp == NULL) {
        ExFreePoolWithTag(Ext->ReportBuffer, KBD_POOL_TAG);
        Ext->ReportBuffer = NULL;
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    KeInitializeEvent(&Ext->ReadStopped, NotificationEvent, FALSE);
    return STATUS_SUCCESS;
}

static
BOOLEAN
KbdKeyInList (
    _In_reads_(Count) const USAGE *List,
    _In_ ULONG Count,
    _In_ USAGE Usage
    )
{
    ULONG i;

    for (i = 0; i < Count; i++) {
        if (List[i] == Usage) {
            return TRUE;
        }
    }
    return FALSE;
}

/* compares this report's keys with the last one's and reports the changes */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
KbdProcessReport (
    _Inout_ PKBD_EXTENSION Ext,
    _In_ ULONG ReportLength
    )
{
    ULONG Count = Ext->MaxUsages;
    ULONG i;

    if (HidP_GetUsages(HidP_Input, HID_USAGE_PAGE_KEYBOARD, 0, Ext->CurrentKeys, &Count,
                       Ext->PreparsedData, Ext->ReportBuffer, ReportLength) != HIDP_STATUS_SUCCESS) {
        return;
    }

    KeAcquireSpinLockAtDpcLevel(&Ext->KeyLock);
    for (i = 0; i < Count; i++) {
        if (!KbdKeyInList(Ext->PreviousKeys, Ext->PreviousCount, Ext->CurrentKeys[i]) &&
            Ext->Consumer != NULL) {
            Ext->Consumer(Ext->ConsumerContext, Ext->CurrentKeys[i], TRUE);
        }
    }
    for (i = 0; i < Ext->PreviousCount; i++) {
        if (!KbdKeyInList(Ext->CurrentKeys, Count, Ext->PreviousKeys[i]) &&
            Ext->Consumer != NULL) {
            Ext->Consumer(Ext->ConsumerContext, Ext->PreviousKeys[i], FALSE);
        }
    }
    RtlCopyMemory(Ext->PreviousKeys, Ext->CurrentKeys, Count * sizeof(USAGE));
    Ext->PreviousCount = Count;
    KeReleaseSpinLockFromDpcLevel(&Ext->KeyLock);
}

_Use_decl_annotations_
static
NTSTATUS
KbdReadComplete (
    PDEVICE_OBJECT DeviceObject,
    PIRP Irp,
    PVOID Context
    )
{
    PKBD_EXTENSION Ext = (PKBD_EXTENSION)Context;
    KIRQL OldIrql;

    UNREFERENCED_PARAMETER(DeviceObject);

    if (NT_SUCCESS(Irp->IoStatus.Status) && Irp->IoStatus.Information != 0) {
        KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
        KbdProcessReport(Ext, (ULONG)Irp->IoStatus.Information);
        KeLowerIrql(OldIrql);
    }

    if (Ext->Stopping || Irp->IoStatus.Status == STATUS_CANCELLED ||
        !NT_SUCCESS(KbdStartRead(Ext))) {
        KeSetEvent(&Ext->ReadStopped, IO_NO_INCREMENT, FALSE);
    }
    /* the IRP is ours: never let the I/O manager complete it further */
    return STATUS_MORE_PROCESSING_REQUIRED;
}

_Use_decl_annotations_
NTSTATUS
KbdStartRead (
    PKBD_EXTENSION Ext
    )
{
    PIRP Irp = Ext->ReadIrp;
    PIO_STACK_LOCATION Next;

    IoReuseIrp(Irp, STATUS_SUCCESS);
    Irp->UserBuffer = Ext->ReportBuffer;
    Next = IoGetNextIrpStackLocation(Irp);
    Next->MajorFunction = IRP_MJ_READ;
    Next->Parameters.Read.Length = Ext->Caps.InputReportByteLength;
    Next->Parameters.Read.ByteOffset.QuadPart = 0;
    IoSetCompletionRoutine(Irp, KbdReadComplete, Ext, TRUE, TRUE, TRUE);
    return IoCallDriver(Ext->LowerDevice, Irp);
}

_Use_decl_annotations_
VOID
KbdStopRead (
    PKBD_EXTENSION Ext
    )
{
    PAGED_CODE();

    if (Ext->ReadIrp == NULL) {
        return;
    }
    InterlockedExchange(&Ext->Stopping, 1);
    IoCancelIrp(Ext->ReadIrp);
    KeWaitForSingleObject(&Ext->ReadStopped, Executive, KernelMode, FALSE, NULL);
    IoFreeIrp(Ext->ReadIrp);
    Ext->ReadIrp = NULL;
    ExFreePoolWithTag(Ext->ReportBuffer, KBD_POOL_TAG);
    Ext->ReportBuffer = NULL;
}
