#!/usr/bin/env python3
"""Generate a driver-like C translation unit of about N lines for the benchmark.

    gen_driver.py --lines 10000 [-o out.c] [--bugs-every K]

The code is written against the mingw-w64 DDK headers and compiles with

    clang-19 --target=x86_64-w64-mingw32 -isystem /usr/share/mingw-w64/include \
        -isystem /usr/share/mingw-w64/include/ddk -c out.c

(it also builds against irqlcheck's WDK-style headers in test/Inputs/wdk).
It is built from "modules" of about 400 lines, each a small device with what
IRQL analysis has to follow in real drivers: spin locks (KeAcquireSpinLock,
the *AtDpcLevel forms, in-stack queued locks), KeRaiseIrql/KeLowerIrql,
KeGetCurrentIrql() tests, chains of helpers calling helpers, a DPC registered
with KeInitializeDpc and a timer, a work item, dispatch routines with nested
switches, loops over lists under a lock, conditional locking (lock taken only
when the caller does not hold it), early returns with the lock released on
every path, and pageable PASSIVE_LEVEL code. The modules vary (chain depth,
number of IOCTLs, loop shapes) with their index; the output is deterministic.

Every --bugs-every'th module (default 10; 0 for none) contains one real IRQL
bug, as a real code base would: a PASSIVE_LEVEL-only call under a spin lock.
"""

import argparse
import sys


def module(k, bug):
    depth = 3 + k % 4          # helper chain length
    ioctls = 3 + k % 6         # IOCTL cases in the device-control switch
    stats = 4 << (k % 3)       # size of the statistics array
    m = []
    w = m.append
    w(f"""
/*===--- module {k}: device {k} ------------------------------------------===*/

#define DEV{k}_MAX_PENDING {16 + k % 48}
#define DEV{k}_TAG 'v{k % 10}eD'
#define IOCTL_DEV{k}_BASE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x{0x800 + (k % 0x700):x}, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _DEV{k}_REQUEST {{
    LIST_ENTRY Link;
    ULONG Id;
    ULONG Length;
    ULONG Flags;
    PUCHAR Buffer;
}} DEV{k}_REQUEST, *PDEV{k}_REQUEST;

typedef struct _DEV{k}_EXTENSION {{
    PDEVICE_OBJECT Self;
    KSPIN_LOCK QueueLock;       /* protects Queue, Pending, Busy */
    KSPIN_LOCK StatsLock;       /* protects Stats, Total */
    LIST_ENTRY Queue;
    ULONG Pending;
    BOOLEAN Busy;
    ULONG Stats[{stats}];
    ULONG Total;
    LONG References;
    KDPC Dpc;
    KTIMER Timer;
    KEVENT Idle;
    PIO_WORKITEM WorkItem;
    HANDLE LogHandle;
}} DEV{k}_EXTENSION, *PDEV{k}_EXTENSION;

static DEV{k}_EXTENSION Dev{k};

KDEFERRED_ROUTINE Dev{k}TimerDpc;
IO_WORKITEM_ROUTINE Dev{k}Worker;
_IRQL_requires_max_(PASSIVE_LEVEL) DRIVER_DISPATCH Dev{k}DispatchCreateClose;
_IRQL_requires_max_(PASSIVE_LEVEL) DRIVER_DISPATCH Dev{k}DispatchReadWrite;
_IRQL_requires_max_(PASSIVE_LEVEL) DRIVER_DISPATCH Dev{k}DispatchDeviceControl;

/* Pure computation: no IRQL effect at all. */
static ULONG
Dev{k}Checksum(const UCHAR *Data, ULONG Length)
{{
    ULONG Sum = {k % 97 + 1};
    ULONG i;
    for (i = 0; i < Length; i++) {{
        Sum = Sum * 31 + Data[i];
        if ((Sum & 0xff) == 0)
            Sum ^= 0x5a5a5a5a;
    }}
    return Sum;
}}

/* Caller holds StatsLock. */
static VOID
Dev{k}UpdateStatsLocked(PDEV{k}_EXTENSION Ext, ULONG Value)
{{
    Ext->Stats[Value % {stats}] += Value;
    Ext->Total += Value;
    if (Ext->Total > 0x7fffffff)
        Ext->Total = 0;
}}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID
Dev{k}UpdateStats(PDEV{k}_EXTENSION Ext, ULONG Value)
{{
    KIRQL OldIrql;
    KeAcquireSpinLock(&Ext->StatsLock, &OldIrql);
    Dev{k}UpdateStatsLocked(Ext, Value);
    KeReleaseSpinLock(&Ext->StatsLock, OldIrql);
}}
""")
    # A chain of helpers, each calling the next: Step0 -> Step1 -> ... -> UpdateStats.
    for d in range(depth - 1, -1, -1):
        callee = f"Dev{k}Step{d + 1}(Ext, Value + {d}, Mode >> 1)" if d < depth - 1 else \
            f"Dev{k}UpdateStats(Ext, Value)"
        w(f"""
static VOID
Dev{k}Step{d}(PDEV{k}_EXTENSION Ext, ULONG Value, ULONG Mode)
{{
    if (Mode & 1) {{
        {callee};
    }} else if (Value > {d * 7 + 3}) {{
        Value -= {d + 1};
        {callee};
    }} else {{
        InterlockedIncrement(&Ext->References);
    }}
}}
""")
    w(f"""
/* Takes QueueLock unless the caller already holds it. */
static VOID
Dev{k}Touch(PDEV{k}_EXTENSION Ext, BOOLEAN LockHeld)
{{
    KIRQL OldIrql = PASSIVE_LEVEL;
    if (!LockHeld)
        KeAcquireSpinLock(&Ext->QueueLock, &OldIrql);
    Ext->Pending++;
    if (Ext->Pending > DEV{k}_MAX_PENDING)
        Ext->Busy = TRUE;
    if (!LockHeld)
        KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
}}

static NTSTATUS
Dev{k}Enqueue(PDEV{k}_EXTENSION Ext, PDEV{k}_REQUEST Request)
{{
    KIRQL OldIrql;
    KeAcquireSpinLock(&Ext->QueueLock, &OldIrql);
    if (Ext->Busy) {{
        KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
        return STATUS_DEVICE_BUSY;
    }}
    InsertTailList(&Ext->Queue, &Request->Link);
    Dev{k}Touch(Ext, TRUE);
    KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
    return STATUS_SUCCESS;
}}

/* Takes requests off the queue one at a time; processes them unlocked. */
static ULONG
Dev{k}Drain(PDEV{k}_EXTENSION Ext, ULONG Budget)
{{
    ULONG Done = 0;
    while (Done < Budget) {{
        KIRQL OldIrql;
        PLIST_ENTRY Entry;
        PDEV{k}_REQUEST Request;
        KeAcquireSpinLock(&Ext->QueueLock, &OldIrql);
        if (IsListEmpty(&Ext->Queue)) {{
            Ext->Busy = FALSE;
            KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
            break;
        }}
        Entry = RemoveHeadList(&Ext->Queue);
        Ext->Pending--;
        KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
        Request = CONTAINING_RECORD(Entry, DEV{k}_REQUEST, Link);
        Dev{k}Step0(Ext, Dev{k}Checksum(Request->Buffer, Request->Length), Request->Flags);
        ExFreePoolWithTag(Request, DEV{k}_TAG);
        Done++;
    }}
    return Done;
}}

/* Raises explicitly, then takes the lock at DISPATCH_LEVEL. */
static VOID
Dev{k}Snapshot(PDEV{k}_EXTENSION Ext, PULONG Out, ULONG Count)
{{
    KIRQL OldIrql;
    ULONG i;
    KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
    KeAcquireSpinLockAtDpcLevel(&Ext->StatsLock);
    for (i = 0; i < Count && i < {stats}; i++)
        Out[i] = Ext->Stats[i];
    KeReleaseSpinLockFromDpcLevel(&Ext->StatsLock);
    KeLowerIrql(OldIrql);
}}

/* Only at PASSIVE_LEVEL: waits, allocates paged pool, closes a handle. */
_IRQL_requires_max_(PASSIVE_LEVEL)
static NTSTATUS
Dev{k}PassiveFlush(PDEV{k}_EXTENSION Ext)
{{
    LARGE_INTEGER Timeout;
    PVOID Scratch;
    NTSTATUS Status;
    Timeout.QuadPart = -10000LL * {1 + k % 50};
    Status = KeWaitForSingleObject(&Ext->Idle, Executive, KernelMode, FALSE, &Timeout);
    if (Status == STATUS_TIMEOUT)
        return Status;
    Scratch = ExAllocatePoolWithTag(PagedPool, {64 + 8 * (k % 16)}, DEV{k}_TAG);
    if (Scratch == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlZeroMemory(Scratch, {64 + 8 * (k % 16)});
    ExFreePoolWithTag(Scratch, DEV{k}_TAG);
    if (Ext->LogHandle != NULL) {{
        ZwClose(Ext->LogHandle);
        Ext->LogHandle = NULL;
    }}
    return STATUS_SUCCESS;
}}

/* Works at any IRQL: flushes now if it can, else defers to the work item. */
static VOID
Dev{k}FlushSoon(PDEV{k}_EXTENSION Ext)
{{
    if (KeGetCurrentIrql() == PASSIVE_LEVEL) {{
        Dev{k}PassiveFlush(Ext);
    }} else if (Ext->WorkItem != NULL) {{
        IoQueueWorkItem(Ext->WorkItem, Dev{k}Worker, DelayedWorkQueue, Ext);
    }}
}}

VOID
Dev{k}Worker(PDEVICE_OBJECT DeviceObject, PVOID Context)
{{
    PDEV{k}_EXTENSION Ext = (PDEV{k}_EXTENSION)Context;
    UNREFERENCED_PARAMETER(DeviceObject);
    Dev{k}PassiveFlush(Ext);
    Dev{k}Drain(Ext, {8 + k % 8});
}}

VOID
Dev{k}TimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2)
{{
    PDEV{k}_EXTENSION Ext = (PDEV{k}_EXTENSION)Context;
    ULONG Snapshot[{stats}];
    ULONG i, Sum = 0;
    UNREFERENCED_PARAMETER(Dpc);
    UNREFERENCED_PARAMETER(Arg1);
    UNREFERENCED_PARAMETER(Arg2);
    KeAcquireSpinLockAtDpcLevel(&Ext->QueueLock);
    Dev{k}Touch(Ext, TRUE);
    KeReleaseSpinLockFromDpcLevel(&Ext->QueueLock);
    Dev{k}Snapshot(Ext, Snapshot, {stats});
    for (i = 0; i < {stats}; i++)
        Sum += Snapshot[i];
    Dev{k}Step0(Ext, Sum, {k % 4});
    KeSetEvent(&Ext->Idle, IO_NO_INCREMENT, FALSE);
    Dev{k}FlushSoon(Ext);
}}
""")
    if bug:
        w(f"""
/* The deliberate bug of this module: a PASSIVE_LEVEL-only routine under a spin lock. */
static VOID
Dev{k}CloseLogLocked(PDEV{k}_EXTENSION Ext)
{{
    KIRQL OldIrql;
    KeAcquireSpinLock(&Ext->QueueLock, &OldIrql);
    if (Ext->LogHandle != NULL) {{
        ZwClose(Ext->LogHandle);
        Ext->LogHandle = NULL;
    }}
    KeReleaseSpinLock(&Ext->QueueLock, OldIrql);
}}
""")
    w(f"""
NTSTATUS
Dev{k}DispatchCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    UNREFERENCED_PARAMETER(DeviceObject);
    if (Stack->MajorFunction == IRP_MJ_CLOSE) {{
        Dev{k}PassiveFlush(&Dev{k});{f'''
        Dev{k}CloseLogLocked(&Dev{k});''' if bug else ''}
    }}
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}}

NTSTATUS
Dev{k}DispatchReadWrite(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    PDEV{k}_REQUEST Request;
    NTSTATUS Status;
    ULONG Length;
    UNREFERENCED_PARAMETER(DeviceObject);
    Length = Stack->MajorFunction == IRP_MJ_READ ? Stack->Parameters.Read.Length
                                                 : Stack->Parameters.Write.Length;
    if (Length == 0 || Length > 4096) {{
        Status = STATUS_INVALID_PARAMETER;
        goto Complete;
    }}
    Request = (PDEV{k}_REQUEST)ExAllocatePoolWithTag(NonPagedPool, sizeof(*Request) + Length, DEV{k}_TAG);
    if (Request == NULL) {{
        Status = STATUS_INSUFFICIENT_RESOURCES;
        goto Complete;
    }}
    Request->Id = (ULONG)InterlockedIncrement(&Dev{k}.References);
    Request->Length = Length;
    Request->Flags = Stack->MajorFunction;
    Request->Buffer = (PUCHAR)(Request + 1);
    RtlCopyMemory(Request->Buffer, Irp->AssociatedIrp.SystemBuffer, Length);
    Status = Dev{k}Enqueue(&Dev{k}, Request);
    if (!NT_SUCCESS(Status))
        ExFreePoolWithTag(Request, DEV{k}_TAG);
    else if (Dev{k}.Pending > DEV{k}_MAX_PENDING / 2)
        KeInsertQueueDpc(&Dev{k}.Dpc, NULL, NULL);
Complete:
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = NT_SUCCESS(Status) ? Length : 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}}

NTSTATUS
Dev{k}DispatchDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PIO_STACK_LOCATION Stack = IoGetCurrentIrpStackLocation(Irp);
    ULONG Code = Stack->Parameters.DeviceIoControl.IoControlCode;
    ULONG OutLength = Stack->Parameters.DeviceIoControl.OutputBufferLength;
    PULONG Buffer = (PULONG)Irp->AssociatedIrp.SystemBuffer;
    NTSTATUS Status = STATUS_SUCCESS;
    ULONG_PTR Information = 0;
    KIRQL OldIrql;
    UNREFERENCED_PARAMETER(DeviceObject);
    switch (Code) {{""")
    for c in range(ioctls):
        kind = (k + c) % 5
        w(f"""
    case IOCTL_DEV{k}_BASE + {c} * 4:""")
        if kind == 0:
            w(f"""
        if (OutLength < {stats} * sizeof(ULONG)) {{
            Status = STATUS_BUFFER_TOO_SMALL;
            break;
        }}
        Dev{k}Snapshot(&Dev{k}, Buffer, {stats});
        Information = {stats} * sizeof(ULONG);
        break;""")
        elif kind == 1:
            w(f"""
        KeAcquireSpinLock(&Dev{k}.QueueLock, &OldIrql);
        if (Dev{k}.Busy) {{
            KeReleaseSpinLock(&Dev{k}.QueueLock, OldIrql);
            Status = STATUS_DEVICE_BUSY;
            break;
        }}
        Dev{k}.Busy = TRUE;
        KeReleaseSpinLock(&Dev{k}.QueueLock, OldIrql);
        Dev{k}Drain(&Dev{k}, {c + 1});
        break;""")
        elif kind == 2:
            w(f"""
        Status = Dev{k}PassiveFlush(&Dev{k});
        break;""")
        elif kind == 3:
            w(f"""
        if (OutLength >= sizeof(ULONG) && Buffer != NULL) {{
            Dev{k}Step0(&Dev{k}, Buffer[0], {c});
            KeAcquireSpinLock(&Dev{k}.StatsLock, &OldIrql);
            Buffer[0] = Dev{k}.Total;
            KeReleaseSpinLock(&Dev{k}.StatsLock, OldIrql);
            Information = sizeof(ULONG);
        }} else {{
            Status = STATUS_INVALID_PARAMETER;
        }}
        break;""")
        else:
            w(f"""
        {{
            KLOCK_QUEUE_HANDLE Handle;
            ULONG i;
            KeAcquireInStackQueuedSpinLock(&Dev{k}.StatsLock, &Handle);
            for (i = 0; i < {stats}; i++)
                Dev{k}.Stats[i] = 0;
            Dev{k}.Total = 0;
            KeReleaseInStackQueuedSpinLock(&Handle);
        }}
        break;""")
    w(f"""
    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }}
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}}

static NTSTATUS
Dev{k}Initialize(PDRIVER_OBJECT DriverObject)
{{
    LARGE_INTEGER Due;
    NTSTATUS Status;
    PDEVICE_OBJECT DeviceObject;
    Status = IoCreateDevice(DriverObject, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, &DeviceObject);
    if (!NT_SUCCESS(Status))
        return Status;
    Dev{k}.Self = DeviceObject;
    KeInitializeSpinLock(&Dev{k}.QueueLock);
    KeInitializeSpinLock(&Dev{k}.StatsLock);
    InitializeListHead(&Dev{k}.Queue);
    KeInitializeEvent(&Dev{k}.Idle, NotificationEvent, FALSE);
    KeInitializeDpc(&Dev{k}.Dpc, Dev{k}TimerDpc, &Dev{k});
    KeInitializeTimer(&Dev{k}.Timer);
    Dev{k}.WorkItem = IoAllocateWorkItem(DeviceObject);
    if (Dev{k}.WorkItem == NULL) {{
        IoDeleteDevice(DeviceObject);
        return STATUS_INSUFFICIENT_RESOURCES;
    }}
    Due.QuadPart = -10000LL * {100 + k % 900};
    KeSetTimer(&Dev{k}.Timer, Due, &Dev{k}.Dpc);
    return STATUS_SUCCESS;
}}
""")
    return "".join(m)


HEADER = """/* Generated by test/bench/gen_driver.py --lines {lines}: driver-like code for the
 * irqlcheck benchmark ({modules} modules). Not a real driver; do not edit. */
#include <ntddk.h>

DRIVER_INITIALIZE DriverEntry;
"""


def generate(lines, bugs_every):
    out = []
    k = 0
    total = HEADER.count("\n") + 2
    while True:
        text = module(k, bugs_every > 0 and k % bugs_every == bugs_every - 1)
        size = text.count("\n") + 3  # with its three lines in DriverEntry
        if k > 0 and total + size // 2 > lines - 12:
            break
        out.append(text)
        total += size
        k += 1
    entry = ["""
NTSTATUS
DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    NTSTATUS Status;
    UNREFERENCED_PARAMETER(RegistryPath);
"""]
    for i in range(k):
        entry.append(f"""    Status = Dev{i}Initialize(DriverObject);
    if (!NT_SUCCESS(Status))
        return Status;
""")
    entry.append("""    DriverObject->MajorFunction[IRP_MJ_CREATE] = Dev0DispatchCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = Dev0DispatchCreateClose;
    DriverObject->MajorFunction[IRP_MJ_READ] = Dev0DispatchReadWrite;
    DriverObject->MajorFunction[IRP_MJ_WRITE] = Dev0DispatchReadWrite;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = Dev0DispatchDeviceControl;
    return STATUS_SUCCESS;
}
""")
    return HEADER.format(lines=lines, modules=k) + "".join(out) + "".join(entry)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1000, help="approximate size in lines")
    ap.add_argument("--bugs-every", type=int, default=10,
                    help="one deliberate IRQL bug every K modules (0: none)")
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    args = ap.parse_args()
    text = generate(args.lines, args.bugs_every)
    if args.output:
        with open(args.output, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
