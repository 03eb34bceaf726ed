/*
 * send.c -- Gx1000: the transmit path.  MiniportSendNetBufferLists queues
 * each NET_BUFFER_LIST, asks NDIS for a scatter/gather list per NET_BUFFER
 * (NdisMAllocateNetBufferSGList, at DISPATCH_LEVEL under the send lock),
 * MiniportProcessSGList writes the descriptors, the DPC reaps the ring and
 * completes the lists.
 *
 * As in Microsoft's samples the send lock is taken with the Dpr variant
 * when NDIS says the caller is at DISPATCH_LEVEL, and with the raising
 * variant otherwise (GX_ACQUIRE_SEND_LOCK).
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "ndismp.h"

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, GxAllocateTransmitRing)
#pragma alloc_text(PAGE, GxFreeTransmitRing)
#endif

#define GX_ACQUIRE_SEND_LOCK(Adapter, DispatchLevel)        \
    do {                                                    \
        if (DispatchLevel) {                                \
            NdisDprAcquireSpinLock(&(Adapter)->SendLock);   \
        } else {                                            \
            NdisAcquireSpinLock(&(Adapter)->SendLock);      \
        }                                                   \
    } while (0)

#define GX_RELEASE_SEND_LOCK(Adapter, DispatchLevel)        \
    do {                                                    \
        if (DispatchLevel) {                                \
            NdisDprReleaseSpinLock(&(Adapter)->SendLock);   \
        } else {                                            \
            NdisReleaseSpinLock(&(Adapter)->SendLock);      \
        }                                                   \
    } while (0)

/* The NBL's reserved fields: outstanding NET_BUFFER count and the status */
#define GX_NBL_PENDING(Nbl)     (*(LONG *)&(Nbl)->MiniportReserved[0])
#define GX_NBL_NEXT_WAIT(Nbl)   ((Nbl)->MiniportReserved[1])

static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
GxCompleteNbl (
    _In_ PGX_ADAPTER Adapter,
    _In_ PNET_BUFFER_LIST Nbl,
    _In_ NDIS_STATUS Status,
    _In_ BOOLEAN DispatchLevel
    )
{
    NET_BUFFER_LIST_STATUS(Nbl) = Status;
    Nbl->Next = NULL;
    NdisInterlockedDecrement(&Adapter->SendsOutstanding);
    NdisMSendNetBufferListsComplete(Adapter->AdapterHandle, Nbl,
                                    DispatchLevel ? NDIS_SEND_COMPLETE_FLAGS_DISPATCH_LEVEL : 0);
}

/*
 * Starts the NET_BUFFERs of the lists waiting for descriptors, as long as
 * there are free TCBs.  Called with the send lock held (so at DISPATCH_LEVEL);
 * NdisMAllocateNetBufferSGList may call GxProcessSgList before returning,
 * which takes no lock.
 */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxStartWaitingSends (
    _In_ PGX_ADAPTER Adapter
    )
{
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER Nb;
    PGX_TCB Tcb;
    NDIS_STATUS Status;

    while ((Nbl = Adapter->WaitHead) != NULL) {
        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {
            if (Nb->MdlChain == NULL) {
                continue; /* already started */
            }
            if (IsListEmpty(&Adapter->FreeTcbs) || Adapter->TxFree < GX_MAX_SEND_SG) {
                return;
            }
            Tcb = CONTAINING_RECORD(RemoveHeadList(&Adapter->FreeTcbs), GX_TCB, Link);
            Tcb->NetBufferList = Nbl;
            Tcb->NetBuffer = Nb;
            Tcb->SgList = NULL;
            InsertTailList(&Adapter->BusyTcbs, &Tcb->Link);

            Status = NdisMAllocateNetBufferSGList(Adapter->DmaHandle, Nb, Tcb, 0, NULL, 0);
            if (Status != NDIS_STATUS_SUCCESS) {
                RemoveEntryList(&Tcb->Link);
                InsertTailList(&Adapter->FreeTcbs, &Tcb->Link);
                Adapter->Stats.TransmitErrors++;
                NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_RESOURCES;
                if (--GX_NBL_PENDING(Nbl) == 0) {
                    break;
                }
            }
        }
        Adapter->WaitHead = (PNET_BUFFER_LIST)GX_NBL_NEXT_WAIT(Nbl);
        if (Adapter->WaitHead == NULL) {
            Adapter->WaitTail = NULL;
        }
    }
}

_Use_decl_annotations_
VOID
GxSendNetBufferLists (
    NDIS_HANDLE MiniportAdapterContext,
    PNET_BUFFER_LIST NetBufferList,
    NDIS_PORT_NUMBER PortNumber,
    ULONG SendFlags
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;
    BOOLEAN DispatchLevel = NDIS_TEST_SEND_AT_DISPATCH_LEVEL(SendFlags);
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;
    PNET_BUFFER Nb;
    NDIS_STATUS Failure = NDIS_STATUS_SUCCESS;
    LONG Count;

    UNREFERENCED_PARAMETER(PortNumber);

    GX_ACQUIRE_SEND_LOCK(Adapter, DispatchLevel);
    if (Adapter->State != GxStateRunning) {
        Failure = Adapter->State == GxStateResetting ? NDIS_STATUS_RESET_IN_PROGRESS
                                                     : NDIS_STATUS_PAUSED;
    }
    GX_RELEASE_SEND_LOCK(Adapter, DispatchLevel);

    if (Failure != NDIS_STATUS_SUCCESS) {
        for (Nbl = NetBufferList; Nbl != NULL; Nbl = Next) {
            Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
            NdisInterlockedIncrement(&Adapter->SendsOutstanding);
            GxCompleteNbl(Adapter, Nbl, Failure, DispatchLevel);
        }
        return;
    }

    GX_ACQUIRE_SEND_LOCK(Adapter, DispatchLevel);
    for (Nbl = NetBufferList; Nbl != NULL; Nbl = Next) {
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        Nbl->Next = NULL;
        Count = 0;
        for (Nb = NET_BUFFER_LIST_FIRST_NB(Nbl); Nb != NULL; Nb = NET_BUFFER_NEXT_NB(Nb)) {
            Count++;
        }
        GX_NBL_PENDING(Nbl) = Count;
        GX_NBL_NEXT_WAIT(Nbl) = NULL;
        NET_BUFFER_LIST_STATUS(Nbl) = NDIS_STATUS_SUCCESS;
        NdisInterlockedIncrement(&Adapter->SendsOutstanding);
        if (Adapter->WaitTail == NULL) {
            Adapter->WaitHead = Nbl;
        } else {
            GX_NBL_NEXT_WAIT(Adapter->WaitTail) = Nbl;
        }
        Adapter->WaitTail = Nbl;
    }
    GxStartWaitingSends(Adapter);
    GX_RELEASE_SEND_LOCK(Adapter, DispatchLevel);
}

/*
 * NDIS calls this with the scatter/gather list of one NET_BUFFER, at
 * DISPATCH_LEVEL, possibly before NdisMAllocateNetBufferSGList returns (the
 * send lock is then held by our caller: no lock here).
 */
_Use_decl_annotations_
VOID
GxProcessSgList (
    PDEVICE_OBJECT pDO,
    PVOID Reserved,
    PSCATTER_GATHER_LIST pSGL,
    PVOID Context
    )
{
    PGX_TCB Tcb = (PGX_TCB)Context;
    PGX_ADAPTER Adapter = Tcb->Adapter;
    ULONG i;
    ULONG Index;

    UNREFERENCED_PARAMETER(pDO);
    UNREFERENCED_PARAMETER(Reserved);

    Tcb->SgList = pSGL;
    Tcb->FirstDescriptor = Adapter->TxNext;
    Tcb->DescriptorCount = pSGL->NumberOfElements;

    for (i = 0; i < pSGL->NumberOfElements; i++) {
        PGX_TX_DESC Desc;

        Index = Adapter->TxNext;
        Desc = &Adapter->TxRing[Index];
        Desc->BufferAddress = (ULONGLONG)pSGL->Elements[i].Address.QuadPart;
        Desc->Length = (USHORT)pSGL->Elements[i].Length;
        Desc->Command = (i + 1 == pSGL->NumberOfElements) ? GX_DESC_EOP : 0;
        Desc->Status = 0;
        Adapter->TxNext = (Index + 1) % GX_TX_RING_SIZE;
    }
    Adapter->TxFree -= pSGL->NumberOfElements;
    Adapter->Stats.BytesTransmitted += NET_BUFFER_DATA_LENGTH(Tcb->NetBuffer);

    /* ring the doorbell */
    Adapter->Registers->TxTail = Adapter->TxNext;
}

/*
 * Reaps the transmit ring from the DPC, frees the scatter/gather lists and
 * completes the lists whose last NET_BUFFER went out.  The completions are
 * chained and reported after the lock is dropped.
 */
_Use_decl_annotations_
VOID
GxCompleteTransmits (
    PGX_ADAPTER Adapter
    )
{
    PNET_BUFFER_LIST DoneHead = NULL;
    PNET_BUFFER_LIST DoneTail = NULL;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;
    PGX_TCB Tcb;
    ULONG Last;

    NdisDprAcquireSpinLock(&Adapter->SendLock);
    while (!IsListEmpty(&Adapter->BusyTcbs)) {
        Tcb = CONTAINING_RECORD(Adapter->BusyTcbs.Flink, GX_TCB, Link);
        if (Tcb->SgList == NULL) {
            break; /* the SG callback has not run yet */
        }
        Last = (Tcb->FirstDescriptor + Tcb->DescriptorCount - 1) % GX_TX_RING_SIZE;
        if ((Adapter->TxRing[Last].Status & GX_DESC_DONE) == 0) {
            break;
        }
        RemoveEntryList(&Tcb->Link);

        NdisMFreeNetBufferSGList(Adapter->DmaHandle, Tcb->SgList, Tcb->NetBuffer);
        Adapter->TxFree += Tcb->DescriptorCount;
        Adapter->TxClean = (Last + 1) % GX_TX_RING_SIZE;
        Adapter->Stats.FramesTransmitted++;

        Nbl = Tcb->NetBufferList;
        Tcb->NetBufferList = NULL;
        Tcb->SgList = NULL;
        InsertTailList(&Adapter->FreeTcbs, &Tcb->Link);

        if (--GX_NBL_PENDING(Nbl) == 0) {
            Nbl->Next = NULL;
            if (DoneTail == NULL) {
                DoneHead = Nbl;
            } else {
                DoneTail->Next = Nbl;
            }
            DoneTail = Nbl;
        }
    }

    /* descriptors came free: start what was waiting */
    GxStartWaitingSends(Adapter);
    NdisDprReleaseSpinLock(&Adapter->SendLock);

    for (Nbl = DoneHead; Nbl != NULL; Nbl = Next) {
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        GxCompleteNbl(Adapter, Nbl, NET_BUFFER_LIST_STATUS(Nbl), TRUE);
    }
}

/*
 * Completes every list still waiting for descriptors (pause, reset, cancel).
 * The lists are unlinked under the lock and completed after it is dropped.
 */
_Use_decl_annotations_
VOID
GxFailWaitingSends (
    PGX_ADAPTER Adapter,
    NDIS_STATUS Status,
    BOOLEAN DispatchLevel
    )
{
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;

    GX_ACQUIRE_SEND_LOCK(Adapter, DispatchLevel);
    Nbl = Adapter->WaitHead;
    Adapter->WaitHead = NULL;
    Adapter->WaitTail = NULL;
    GX_RELEASE_SEND_LOCK(Adapter, DispatchLevel);

    for (; Nbl != NULL; Nbl = Next) {
        Next = (PNET_BUFFER_LIST)GX_NBL_NEXT_WAIT(Nbl);
        GxCompleteNbl(Adapter, Nbl, Status, DispatchLevel);
    }
}

_Use_decl_annotations_
VOID
GxCancelSend (
    NDIS_HANDLE MiniportAdapterContext,
    PVOID CancelId
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Prev = NULL;
    PNET_BUFFER_LIST Cancelled = NULL;

    NdisAcquireSpinLock(&Adapter->SendLock);
    for (Nbl = Adapter->WaitHead; Nbl != NULL; Nbl = (PNET_BUFFER_LIST)GX_NBL_NEXT_WAIT(Nbl)) {
        if (Nbl->SourceHandle == CancelId) {
            if (Nbl->FirstNetBuffer != NULL && Nbl->FirstNetBuffer->MdlChain == NULL) {
                /* already handed to the hardware: too late */
                NdisReleaseSpinLock(&Adapter->SendLock);
                return;
            }
            break;
        }
        Prev = Nbl;
    }
    if (Nbl == NULL) {
        return; // BUG(irql): the not-found path returns with the send lock held expected-warning-re {{'GxCancelSend' returns at DISPATCH_LEVEL{{.*}} [irql-exit-not-same]}}
    }
    if (Prev == NULL) {
        Adapter->WaitHead = (PNET_BUFFER_LIST)GX_NBL_NEXT_WAIT(Nbl);
    } else {
        GX_NBL_NEXT_WAIT(Prev) = GX_NBL_NEXT_WAIT(Nbl);
    }
    if (Adapter->WaitTail == Nbl) {
        Adapter->WaitTail = Prev;
    }
    Cancelled = Nbl;
    NdisReleaseSpinLock(&Adapter->SendLock);

    GxCompleteNbl(Adapter, Cancelled, NDIS_STATUS_REQUEST_ABORTED, FALSE);
}

_Use_decl_annotations_
NDIS_STATUS
GxAllocateTransmitRing (
    PGX_ADAPTER Adapter
    )
{
    ULONG i;

    PAGED_CODE();

    NdisMAllocateSharedMemory(Adapter->AdapterHandle, sizeof(GX_TX_DESC) * GX_TX_RING_SIZE,
                              FALSE, (PVOID *)&Adapter->TxRing, &Adapter->TxRingPa);
    if (Adapter->TxRing == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter->TxRing, sizeof(GX_TX_DESC) * GX_TX_RING_SIZE);

    InitializeListHead(&Adapter->FreeTcbs);
    InitializeListHead(&Adapter->BusyTcbs);
    for (i = 0; i < GX_TX_RING_SIZE; i++) {
        Adapter->Tcbs[i].Adapter = Adapter;
        InsertTailList(&Adapter->FreeTcbs, &Adapter->Tcbs[i].Link);
    }
    Adapter->TxNext = 0;
    Adapter->TxClean = 0;
    Adapter->TxFree = GX_TX_RING_SIZE;

    Adapter->Registers->TxRingBaseLow = Adapter->TxRingPa.LowPart;
    Adapter->Registers->TxRingBaseHigh = (ULONG)Adapter->TxRingPa.HighPart;
    Adapter->Registers->TxHead = 0;
    Adapter->Registers->TxTail = 0;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
GxFreeTransmitRing (
    PGX_ADAPTER Adapter
    )
{
    PAGED_CODE();

    if (Adapter->TxRing != NULL) {
        NdisMFreeSharedMemory(Adapter->AdapterHandle, sizeof(GX_TX_DESC) * GX_TX_RING_SIZE,
                              FALSE, Adapter->TxRing, Adapter->TxRingPa);
        Adapter->TxRing = NULL;
    }
}
