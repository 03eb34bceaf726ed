/*
 * namecache.c -- MirrorFs: a small cache of recently opened names and
 * whether they are excluded from mirroring.  Lookups happen on the create
 * path but also from the write path at DISPATCH_LEVEL, so the cache is
 * non-paged and guarded by a spin lock, and comparisons under that lock use
 * only non-paged, IRQL-neutral code.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "mirrorfs.h"

/* case-insensitive for ASCII, exact otherwise: safe at any IRQL */
static
BOOLEAN
MirNamesMatch (
    _In_ PCUNICODE_STRING Left,
    _In_ PCUNICODE_STRING Right
    )
{
    USHORT i;

    if (Left->Length != Right->Length) {
        return FALSE;
    }
    for (i = 0; i < Left->Length / sizeof(WCHAR); i++) {
        WCHAR A = Left->Buffer[i];
        WCHAR B = Right->Buffer[i];
        if (A >= L'a' && A <= L'z') {
            A = (WCHAR)(A - (L'a' - L'A'));
        }
        if (B >= L'a' && B <= L'z') {
            B = (WCHAR)(B - (L'a' - L'A'));
        }
        if (A != B) {
            return FALSE;
        }
    }
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
MirNameCacheLookup (
    PMIR_DEVICE_EXTENSION Ext,
    PCUNICODE_STRING Name,
    PBOOLEAN Excluded
    )
{
    KLOCK_QUEUE_HANDLE LockHandle;
    PLIST_ENTRY Entry;
    BOOLEAN Found = FALSE;

    *Excluded = FALSE;

    KeAcquireInStackQueuedSpinLock(&Ext->NameCacheLock, &LockHandle);
    for (Entry = Ext->NameCache.Flink; Entry != &Ext->NameCache; Entry = Entry->Flink) {
        PMIR_NAME_ENTRY Cached = CONTAINING_RECORD(Entry, MIR_NAME_ENTRY, Link);
        if (MirNamesMatch(&Cached->Name, Name)) {
            Cached->OpenCount++;
            *Excluded = Cached->Excluded;
            /* most recently used first */
            RemoveEntryList(&Cached->Link);
            InsertHeadList(&Ext->NameCache, &Cached->Link);
            Found = TRUE;
            break;
        }
    }
    KeReleaseInStackQueuedSpinLock(&LockHandle);

    if (Found) {
        MirCountOperation(Ext, IRP_MJ_CREATE, 0);
    }
    return Found;
}

_Use_decl_annotations_
NTSTATUS
MirNameCacheInsert (
    PMIR_DEVICE_EXTENSION Ext,
    PCUNICODE_STRING Name,
    BOOLEAN Excluded
    )
{
    PMIR_NAME_ENTRY NewEntry;
    PMIR_NAME_ENTRY Victim = NULL;
    PLIST_ENTRY Entry;
    KIRQL OldIrql;
    SIZE_T Size = FIELD_OFFSET(MIR_NAME_ENTRY, Buffer) + Name->Length;

    NewEntry = (PMIR_NAME_ENTRY)ExAllocatePool2(POOL_FLAG_NON_PAGED, Size, MIR_NAME_TAG);
    if (NewEntry == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    NewEntry->Name.Buffer = NewEntry->Buffer;
    NewEntry->Name.Length = Name->Length;
    NewEntry->Name.MaximumLength = Name->Length;
    RtlCopyMemory(NewEntry->Buffer, Name->Buffer, Name->Length);
    NewEntry->OpenCount = 1;
    NewEntry->Excluded = Excluded;

    KeAcquireSpinLock(&Ext->NameCacheLock, &OldIrql);
    for (Entry = Ext->NameCache.Flink; Entry != &Ext->NameCache; Entry = Entry->Flink) {
        PMIR_NAME_ENTRY Cached = CONTAINING_RECORD(Entry, MIR_NAME_ENTRY, Link);
        if (RtlEqualUnicodeString(&Cached->Name, Name, TRUE)) { // BUG(irql): RtlEqualUnicodeString is PASSIVE_LEVEL-only, called under the name-cache spin lock expected-warning-re {{'RtlEqualUnicodeString' called at DISPATCH_LEVEL{{.*}} [irql-too-high]}}
            KeReleaseSpinLock(&Ext->NameCacheLock, OldIrql);
            ExFreePoolWithTag(NewEntry, MIR_NAME_TAG);
            return STATUS_SUCCESS;
        }
    }
    InsertHeadList(&Ext->NameCache, &NewEntry->Link);
    if (++Ext->NameCacheCount > MIR_NAME_CACHE_MAX) {
        Victim = CONTAINING_RECORD(Ext->NameCache.Blink, MIR_NAME_ENTRY, Link);
        RemoveEntryList(&Victim->Link);
        Ext->NameCacheCount--;
    }
    KeReleaseSpinLock(&Ext->NameCacheLock, OldIrql);

    if (Victim != NULL) {
        ExFreePoolWithTag(Victim, MIR_NAME_TAG);
    }
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
MirNameCachePurge (
    PMIR_DEVICE_EXTENSION Ext
    )
{
    LIST_ENTRY Doomed;
    KIRQL OldIrql;

    InitializeListHead(&Doomed);

    KeAcquireSpinLock(&Ext->NameCacheLock, &OldIrql);
    while (!IsListEmpty(&Ext->NameCache)) {
        PLIST_ENTRY Entry = RemoveHeadList(&Ext->NameCache);
        InsertTailList(&Doomed, Entry);
    }
    Ext->NameCacheCount = 0;
    KeReleaseSpinLock(&Ext->NameCacheLock, OldIrql);

    while (!IsListEmpty(&Doomed)) {
        PLIST_ENTRY Entry = RemoveHeadList(&Doomed);
        ExFreePoolWithTag(CONTAINING_RECORD(Entry, MIR_NAME_ENTRY, Link), MIR_NAME_TAG);
    }
}
