/*
 * stats.c -- MirrorFs: per-volume statistics behind a pair of lock wrappers.
 * MirLockStats raises to DISPATCH_LEVEL and keeps the previous IRQL in the
 * extension; MirUnlockStats restores it.  Callers pair them exactly as they
 * would pair KeAcquireSpinLock and KeReleaseSpinLock.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "mirrorfs.h"

VOID
MirLockStats (
    _Inout_ PMIR_DEVICE_EXTENSION Ext
    )
{
    KeAcquireSpinLock(&Ext->StatsLock, &Ext->StatsOldIrql);
}

VOID
MirUnlockStats (
    _Inout_ PMIR_DEVICE_EXTENSION Ext
    )
{
    KeReleaseSpinLock(&Ext->StatsLock, Ext->StatsOldIrql);
}

VOID
MirCountOperation (
    _Inout_ PMIR_DEVICE_EXTENSION Ext,
    _In_ UCHAR MajorFunction,
    _In_ ULONG Bytes
    )
{
    MirLockStats(Ext);
    switch (MajorFunction) {
    case IRP_MJ_CREATE:
        Ext->Stats.Creates++;
        break;
    case IRP_MJ_CLOSE:
        Ext->Stats.Closes++;
        break;
    case IRP_MJ_READ:
        Ext->Stats.Reads++;
        break;
    case IRP_MJ_WRITE:
        Ext->Stats.Writes++;
        Ext->Stats.BytesMirrored += Bytes;
        break;
    default:
        break;
    }
    MirUnlockStats(Ext);
}

/* counts a fast I/O that the lower file system completed */
VOID
MirCountFastIo (
    _Inout_ PMIR_DEVICE_EXTENSION Ext,
    _In_ BOOLEAN Write,
    _In_ ULONG Bytes
    )
{
    MirLockStats(Ext);
    if (Write) {
        Ext->Stats.FastIoWrites++;
        Ext->Stats.BytesMirrored += Bytes;
    } else {
        Ext->Stats.FastIoReads++;
    }
    MirUnlockStats(Ext);
}

NTSTATUS
MirCopyStats (
    _Inout_ PMIR_DEVICE_EXTENSION Ext,
    _Out_writes_bytes_(Length) PVOID Buffer,
    _In_ ULONG Length
    )
{
    MirLockStats(Ext);
    if (Ext->Detaching) {
        return STATUS_DEVICE_NOT_READY; // BUG(irql): returns between MirLockStats and MirUnlockStats, the statistics lock stays held expected-warning-re {{'MirCopyStats' {{.*}} [irql-exit-changed]}}
    }
    RtlCopyMemory(Buffer, &Ext->Stats, Length < sizeof(MIR_STATS) ? Length : sizeof(MIR_STATS));
    MirUnlockStats(Ext);
    return STATUS_SUCCESS;
}
