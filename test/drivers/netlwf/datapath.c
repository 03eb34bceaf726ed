/*
 * datapath.c -- NetFlowLwf: the send and receive paths and the flow table.
 * These handlers run at IRQL <= DISPATCH_LEVEL; the flags NDIS passes say
 * when the caller already is at DISPATCH_LEVEL, which the read/write lock
 * can use to skip its own IRQL check.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "netlwf.h"

typedef struct _NLF_ETHERNET_HEADER {
    UCHAR Destination[6];
    UCHAR Source[6];
    USHORT EtherType;
} NLF_ETHERNET_HEADER, *PNLF_ETHERNET_HEADER;

static
ULONG
NlfHashAddresses (
    _In_reads_bytes_(6) const UCHAR *Source,
    _In_reads_bytes_(6) const UCHAR *Destination
    )
{
    ULONG Hash = 2166136261u;
    ULONG i;

    for (i = 0; i < 6; i++) {
        Hash = (Hash ^ Source[i]) * 16777619u;
        Hash = (Hash ^ Destination[i]) * 16777619u;
    }
    return Hash % NLF_FLOW_BUCKETS;
}

static
PNLF_FLOW
NlfFindFlowLocked (
    _In_ PNLF_MODULE Module,
    _In_ ULONG Bucket,
    _In_ PNLF_ETHERNET_HEADER Header
    )
{
    PNLF_FLOW Flow;

    for (Flow = Module->Buckets[Bucket]; Flow != NULL; Flow = Flow->Next) {
        if (RtlEqualMemory(Flow->Source, Header->Source, 6) &&
            RtlEqualMemory(Flow->Destination, Header->Destination, 6)) {
            return Flow;
        }
    }
    return NULL;
}

/* counts one frame against its flow, creating the flow on first sight */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NlfAccountFrame (
    _Inout_ PNLF_MODULE Module,
    _In_ PNET_BUFFER NetBuffer,
    _In_ BOOLEAN AtDispatch
    )
{
    NLF_ETHERNET_HEADER Storage;
    PNLF_ETHERNET_HEADER Header;
    LOCK_STATE_EX LockState;
    PNLF_FLOW Flow;
    ULONG Bucket;
    ULONG Length = NET_BUFFER_DATA_LENGTH(NetBuffer);

    Header = (PNLF_ETHERNET_HEADER)NdisGetDataBuffer(NetBuffer, sizeof(Storage), &Storage, 1, 0);
    if (Header == NULL) {
        return;
    }
    Bucket = NlfHashAddresses(Header->Source, Header->Destination);

    NdisAcquireRWLockRead(Module->FlowLock, &LockState, AtDispatch ? NDIS_RWL_AT_DISPATCH_LEVEL : 0);
    Flow = NlfFindFlowLocked(Module, Bucket, Header);
    if (Flow != NULL) {
        InterlockedExchange(&Flow->IdleTicks, 0);
        Flow->Packets++;
        Flow->Bytes += Length;
        NdisReleaseRWLock(Module->FlowLock, &LockState);
        return;
    }
    NdisReleaseRWLock(Module->FlowLock, &LockState);

    Flow = (PNLF_FLOW)NdisAllocateMemoryWithTagPriority(Module->FilterHandle, sizeof(NLF_FLOW),
                                                         NLF_POOL_TAG, LowPoolPriority);
    if (Flow == NULL) {
        WdfSpinLockAcquire(Module->CounterLock);
        Module->Counters.AllocationFailures++;
        WdfSpinLockRelease(Module->CounterLock);
        return;
    }
    NdisZeroMemory(Flow, sizeof(NLF_FLOW));
    NdisMoveMemory(Flow->Source, Header->Source, 6);
    NdisMoveMemory(Flow->Destination, Header->Destination, 6);
    Flow->Packets = 1;
    Flow->Bytes = Length;

    NdisAcquireRWLockWrite(Module->FlowLock, &LockState, AtDispatch ? NDIS_RWL_AT_DISPATCH_LEVEL : 0);
    if (NlfFindFlowLocked(Module, Bucket, Header) != NULL) {
        /* another processor added it meanwhile */
        NdisReleaseRWLock(Module->FlowLock, &LockState);
        NdisFreeMemoryWithTagPriority(Module->FilterHandle, Flow, NLF_POOL_TAG);
        return;
    }
    Flow->Next = Module->Buckets[Bucket];
    Module->Buckets[Bucket] = Flow;
    Module->FlowCount++;
    NdisReleaseRWLock(Module->FlowLock, &LockState);

    WdfSpinLockAcquire(Module->CounterLock);
    Module->Counters.FlowsCreated++;
    WdfSpinLockRelease(Module->CounterLock);
}

static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NlfAccountList (
    _Inout_ PNLF_MODULE Module,
    _In_ PNET_BUFFER_LIST NetBufferLists,
    _In_ BOOLEAN Send,
    _In_ BOOLEAN AtDispatch
    )
{
    ULONGLONG Packets = 0;
    ULONGLONG Bytes = 0;
    PNET_BUFFER_LIST Nbl;

    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        PNET_BUFFER Nb;

        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {
            NlfAccountFrame(Module, Nb, AtDispatch);
            Packets++;
            Bytes += NET_BUFFER_DATA_LENGTH(Nb);
        }
    }

    WdfSpinLockAcquire(Module->CounterLock);
    if (Send) {
        Module->Counters.PacketsSent += Packets;
        Module->Counters.BytesSent += Bytes;
    } else {
        Module->Counters.PacketsReceived += Packets;
        Module->Counters.BytesReceived += Bytes;
    }
    WdfSpinLockRelease(Module->CounterLock);
}

_Use_decl_annotations_
VOID
NlfSendNetBufferLists (
    NDIS_HANDLE FilterModuleContext,
    PNET_BUFFER_LIST NetBufferList,
    NDIS_PORT_NUMBER PortNumber,
    ULONG SendFlags
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;
    BOOLEAN AtDispatch = NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags);
    PNET_BUFFER_LIST Nbl;
    ULONG Count = 0;

    NdisAcquireSpinLock(&Module->StateLock);
    if (Module->State != NlfRunning) {
        NdisReleaseSpinLock(&Module->StateLock);
        for (Nbl = NetBufferList; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
            NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_PAUSED;
        }
        NdisFSendNetBufferListsComplete(Module->FilterHandle, NetBufferList,
                                        AtDispatch ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
        return;
    }
    for (Nbl = NetBufferList; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        Count++;
    }
    Module->OutstandingSends += Count;
    NdisReleaseSpinLock(&Module->StateLock);

    NlfAccountList(Module, NetBufferList, TRUE, AtDispatch);
    NdisFSendNetBufferLists(Module->FilterHandle, NetBufferList, PortNumber, SendFlags);
}

_Use_decl_annotations_
VOID
NlfSendNetBufferListsComplete (
    NDIS_HANDLE FilterModuleContext,
    PNET_BUFFER_LIST NetBufferList,
    ULONG SendCompleteFlags
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;
    PNET_BUFFER_LIST Nbl;
    BOOLEAN Drained;
    ULONG Count = 0;

    for (Nbl = NetBufferList; Nbl != NULL; Nbl = NET_BUFFER_LIST_NEXT_NBL(Nbl)) {
        Count++;
    }

    NdisAcquireSpinLock(&Module->StateLock);
    Module->OutstandingSends -= Count;
    Drained = (Module->State == NlfPausing && Module->OutstandingSends == 0);
    NdisReleaseSpinLock(&Module->StateLock);

    if (Drained) {
        NdisSetEvent(&Module->PauseComplete);
    }
    NdisFSendNetBufferListsComplete(Module->FilterHandle, NetBufferList, SendCompleteFlags);
}

_Use_decl_annotations_
VOID
NlfReceiveNetBufferLists (
    NDIS_HANDLE FilterModuleContext,
    PNET_BUFFER_LIST NetBufferLists,
    NDIS_PORT_NUMBER PortNumber,
    ULONG NumberOfNetBufferLists,
    ULONG ReceiveFlags
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;
    BOOLEAN AtDispatch = (ReceiveFlags & NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL) != 0;

    if (Module->State == NlfRunning) {
        NlfAccountList(Module, NetBufferLists, FALSE, AtDispatch);
    }
    NdisFIndicateReceiveNetBufferLists(Module->FilterHandle, NetBufferLists, PortNumber,
                                       NumberOfNetBufferLists, ReceiveFlags);
}

_Use_decl_annotations_
VOID
NlfReturnNetBufferLists (
    NDIS_HANDLE FilterModuleContext,
    PNET_BUFFER_LIST NetBufferLists,
    ULONG ReturnFlags
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;

    NdisFReturnNetBufferLists(Module->FilterHandle, NetBufferLists, ReturnFlags);
}

_Use_decl_annotations_
VOID
NlfAgeFlows (
    PNLF_MODULE Module
    )
{
    PNLF_FLOW Expired = NULL;
    LOCK_STATE_EX LockState;
    ULONG Aged = 0;
    ULONG Bucket;

    NdisAcquireRWLockWrite(Module->FlowLock, &LockState, 0);
    for (Bucket = 0; Bucket < NLF_FLOW_BUCKETS; Bucket++) {
        PNLF_FLOW *Link = &Module->Buckets[Bucket];

        while (*Link != NULL) {
            PNLF_FLOW Flow = *Link;

            if (++Flow->IdleTicks >= NLF_FLOW_IDLE_TICKS) {
                *Link = Flow->Next;
                Flow->Next = Expired;
                Expired = Flow;
                Module->FlowCount--;
                Aged++;
            } else {
                Link = &Flow->Next;
            }
        }
    }
    NdisReleaseRWLock(Module->FlowLock, &LockState);

    while (Expired != NULL) {
        PNLF_FLOW Next = Expired->Next;
        NdisFreeMemoryWithTagPriority(Module->FilterHandle, Expired, NLF_POOL_TAG);
        Expired = Next;
    }

    WdfSpinLockAcquire(Module->CounterLock);
    Module->Counters.FlowsAged += Aged;
    WdfSpinLockRelease(Module->CounterLock);
}

_Use_decl_annotations_
VOID
NlfFreeAllFlows (
    PNLF_MODULE Module
    )
{
    PNLF_FLOW All = NULL;
    LOCK_STATE_EX LockState;
    ULONG Bucket;

    NdisAcquireRWLockWrite(Module->FlowLock, &LockState, 0);
    for (Bucket = 0; Bucket < NLF_FLOW_BUCKETS; Bucket++) {
        while (Module->Buckets[Bucket] != NULL) {
            PNLF_FLOW Flow = Module->Buckets[Bucket];
            Module->Buckets[Bucket] = Flow->Next;
            Flow->Next = All;
            All = Flow;
        }
    }
    Module->FlowCount = 0;
    NdisReleaseRWLock(Module->FlowLock, &LockState);

    while (All != NULL) {
        PNLF_FLOW Next = All->Next;
        NdisFreeMemoryWithTagPriority(Module->FilterHandle, All, NLF_POOL_TAG);
        All = Next;
    }
}
