/*
 * interrupt.c -- Gx1000: the interrupt (line-based and MSI-X), the DPCs
 * that reap the transmit ring and indicate received frames, the receive
 * ring and MiniportReturnNetBufferLists.
 *
 * The ISR runs at the device's DIRQL: it reads and clears the cause
 * register, remembers the cause in Adapter->PendingCause and queues the
 * DPC.  Everything else that touches PendingCause or the mask runs inside
 * NdisMSynchronizeWithInterruptEx.
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
#pragma alloc_text(PAGE, GxRegisterInterrupt)
#pragma alloc_text(PAGE, GxAllocateReceiveRing)
#pragma alloc_text(PAGE, GxFreeReceiveRing)
#endif

typedef struct _GX_SYNC_CONTEXT {
    PGX_ADAPTER Adapter;
    ULONG Mask;
    ULONG Cause;
} GX_SYNC_CONTEXT, *PGX_SYNC_CONTEXT;

static MINIPORT_SYNCHRONIZE_INTERRUPT GxSyncSetMask;
static MINIPORT_SYNCHRONIZE_INTERRUPT GxSyncTakeCause;
static MINIPORT_SYNCHRONIZE_INTERRUPT GxSyncLinkChange;

/* ---------------------------------------------------------------------
 * Interrupt service
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
BOOLEAN
GxIsr (
    NDIS_HANDLE MiniportInterruptContext,
    PBOOLEAN QueueDefaultInterruptDpc,
    PULONG TargetProcessors
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;
    ULONG Cause;

    *TargetProcessors = 0;
    *QueueDefaultInterruptDpc = FALSE;

    Cause = Adapter->Registers->InterruptCause;
    if ((Cause & Adapter->InterruptMask) == 0) {
        /* shared line, not ours */
        return FALSE;
    }

    /* mask until the DPC has run; the DPC unmasks */
    Adapter->Registers->InterruptMaskClear = Cause;
    Adapter->PendingCause |= Cause;
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

_Use_decl_annotations_
BOOLEAN
GxMessageIsr (
    NDIS_HANDLE MiniportInterruptContext,
    ULONG MessageId,
    PBOOLEAN QueueDefaultInterruptDpc,
    PULONG TargetProcessors
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;
    ULONG Cause;

    *TargetProcessors = 0;

    /* each message has its own vector mask bit: no cause register to share */
    Adapter->Registers->MsixVectorMask = 1u << MessageId;
    switch (MessageId) {
    case GX_MSG_TX:
        Cause = GX_ICR_TXDW;
        break;
    case GX_MSG_RX:
        Cause = GX_ICR_RXT0;
        break;
    default:
        Cause = Adapter->Registers->InterruptCause & (GX_ICR_LSC | GX_ICR_RXO | GX_ICR_FATAL);
        if (Cause & GX_ICR_FATAL) {
            NdisAcquireSpinLock(&Adapter->RecvLock); // BUG(irql): a message ISR runs at DIRQL; a spin lock needs <= DISPATCH_LEVEL (count the error in the DPC instead) expected-warning-re {{'NdisAcquireSpinLock' called at the entry IRQL{{.*}} [irql-too-high]}}
            Adapter->Stats.ReceiveErrors++;
            NdisReleaseSpinLock(&Adapter->RecvLock);
        }
        break;
    }
    Adapter->PendingCause |= Cause;
    *QueueDefaultInterruptDpc = TRUE;
    return TRUE;
}

_Use_decl_annotations_
VOID
GxEnableInterrupt (
    NDIS_HANDLE MiniportInterruptContext
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    Adapter->Registers->InterruptMaskSet = Adapter->InterruptMask;
}

_Use_decl_annotations_
VOID
GxDisableInterrupt (
    NDIS_HANDLE MiniportInterruptContext
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    Adapter->Registers->InterruptMaskClear = 0xFFFFFFFF;
}

_Use_decl_annotations_
VOID
GxEnableMessage (
    NDIS_HANDLE MiniportInterruptContext,
    ULONG MessageId
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    Adapter->Registers->MsixVectorMask &= ~(1u << MessageId);
}

_Use_decl_annotations_
VOID
GxDisableMessage (
    NDIS_HANDLE MiniportInterruptContext,
    ULONG MessageId
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    Adapter->Registers->MsixVectorMask |= 1u << MessageId;
}

/* ---------------------------------------------------------------------
 * Synchronized with the ISR (run at DIRQL by NdisMSynchronizeWithInterruptEx)
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
static
BOOLEAN
GxSyncSetMask (
    NDIS_HANDLE SynchronizeContext
    )
{
    PGX_SYNC_CONTEXT Sync = (PGX_SYNC_CONTEXT)SynchronizeContext;

    Sync->Adapter->InterruptMask = Sync->Mask;
    Sync->Adapter->Registers->InterruptMaskClear = ~Sync->Mask;
    Sync->Adapter->Registers->InterruptMaskSet = Sync->Mask;
    return TRUE;
}

_Use_decl_annotations_
static
BOOLEAN
GxSyncTakeCause (
    NDIS_HANDLE SynchronizeContext
    )
{
    PGX_SYNC_CONTEXT Sync = (PGX_SYNC_CONTEXT)SynchronizeContext;

    Sync->Cause = Sync->Adapter->PendingCause;
    Sync->Adapter->PendingCause = 0;
    return Sync->Cause != 0;
}

_Use_decl_annotations_
static
BOOLEAN
GxSyncLinkChange (
    NDIS_HANDLE SynchronizeContext
    )
{
    PGX_SYNC_CONTEXT Sync = (PGX_SYNC_CONTEXT)SynchronizeContext;
    PGX_ADAPTER Adapter = Sync->Adapter;
    ULONG Status = Adapter->Registers->Status;

    Adapter->LinkUp = (Status & GX_STATUS_LINK_UP) != 0;
    Adapter->FullDuplex = (Status & GX_STATUS_FULL_DUPLEX) != 0;
    Adapter->LinkSpeedMbps = Adapter->LinkUp ? 1000 : 0;
    Adapter->PendingCause &= ~GX_ICR_LSC;
    GxIndicateLinkState(Adapter); // BUG(irql): a MINIPORT_SYNCHRONIZE_INTERRUPT routine runs at DIRQL; the status indication needs <= DISPATCH_LEVEL expected-warning-re {{'GxIndicateLinkState'{{.*}} [irql-too-high]}}
    return TRUE;
}

_Use_decl_annotations_
VOID
GxSetInterruptMask (
    PGX_ADAPTER Adapter,
    ULONG Mask
    )
{
    GX_SYNC_CONTEXT Sync;

    Sync.Adapter = Adapter;
    Sync.Mask = Mask;
    Sync.Cause = 0;
    NdisMSynchronizeWithInterruptEx(Adapter->InterruptHandle, 0, GxSyncSetMask, &Sync);
}

/* ---------------------------------------------------------------------
 * Receive
 * ------------------------------------------------------------------- */

static
_IRQL_requires_max_(HIGH_LEVEL)
BOOLEAN
GxSameAddress (
    _In_reads_(GX_MAC_LENGTH) const UCHAR *A,
    _In_reads_(GX_MAC_LENGTH) const UCHAR *B
    )
{
    ULONG i;

    for (i = 0; i < GX_MAC_LENGTH; i++) {
        if (A[i] != B[i]) {
            return FALSE;
        }
    }
    return TRUE;
}

static
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN
GxFrameAccepted (
    _In_ PGX_ADAPTER Adapter,
    _In_reads_(GX_MAC_LENGTH) const UCHAR *Destination,
    _In_ BOOLEAN DispatchLevel
    )
{
    LOCK_STATE_EX LockState;
    BOOLEAN Accept = FALSE;
    ULONG Filter;
    ULONG i;

    NdisAcquireRWLockRead(Adapter->FilterLock, &LockState,
                          DispatchLevel ? NDIS_RWL_AT_DISPATCH_LEVEL : 0);
    Filter = Adapter->Filter.PacketFilter;
    if (Filter & GX_PACKET_TYPE_PROMISCUOUS) {
        Accept = TRUE;
    } else if (Destination[0] & 0x01) {
        if (Destination[0] == 0xFF && Destination[1] == 0xFF) {
            Accept = (Filter & GX_PACKET_TYPE_BROADCAST) != 0;
        } else if (Filter & GX_PACKET_TYPE_ALL_MULTICAST) {
            Accept = TRUE;
        } else if (Filter & GX_PACKET_TYPE_MULTICAST) {
            for (i = 0; i < Adapter->Filter.MulticastCount; i++) {
                if (GxSameAddress(Adapter->Filter.MulticastList[i], Destination)) {
                    Accept = TRUE;
                    break;
                }
            }
        }
    } else {
        Accept = (Filter & GX_PACKET_TYPE_DIRECTED) != 0;
    }
    NdisReleaseRWLock(Adapter->FilterLock, &LockState);
    return Accept;
}

/*
 * Reaps completed receive descriptors, chains the accepted frames and
 * indicates them in batches.  Runs in the DPC: the receive lock is taken
 * with the Dpr variant and dropped around the indication.
 */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxProcessReceives (
    _In_ PGX_ADAPTER Adapter
    )
{
    PNET_BUFFER_LIST Head = NULL;
    PNET_BUFFER_LIST Tail = NULL;
    ULONG Count = 0;
    ULONG Budget = GX_RX_RING_SIZE;
    ULONG ReceiveFlags = NDIS_RECEIVE_FLAGS_DISPATCH_LEVEL;

    NdisDprAcquireSpinLock(&Adapter->RecvLock);
    while (Budget-- > 0) {
        PGX_RX_DESC Desc = &Adapter->RxRing[Adapter->RxNext];
        PGX_RCB Rcb = &Adapter->Rcbs[Adapter->RxNext];

        if ((Desc->Status & GX_DESC_DONE) == 0) {
            break;
        }
        Adapter->RxNext = (Adapter->RxNext + 1) % GX_RX_RING_SIZE;

        if (Desc->Errors != 0 || (Desc->Status & GX_DESC_EOP) == 0 ||
            !GxFrameAccepted(Adapter, (const UCHAR *)Rcb->Buffer, TRUE)) {
            Adapter->Stats.ReceiveErrors += Desc->Errors != 0;
            Desc->Status = 0;
            Adapter->Registers->RxTail = Rcb->Index;
            continue;
        }

        NET_BUFFER_DATA_LENGTH(NET_BUFFER_LIST_FIRST_NB(Rcb->NetBufferList)) = Desc->Length;
        Rcb->NetBufferList->MiniportReserved[0] = Rcb;
        Rcb->NetBufferList->Next = NULL;
        if (Tail == NULL) {
            Head = Rcb->NetBufferList;
        } else {
            Tail->Next = Rcb->NetBufferList;
        }
        Tail = Rcb->NetBufferList;
        Adapter->Stats.FramesReceived++;
        Adapter->Stats.BytesReceived += Desc->Length;
        Count++;

        if (Count == GX_RX_INDICATE_BATCH) {
            NdisInterlockedIncrement(&Adapter->RxIndicated);
            NdisDprReleaseSpinLock(&Adapter->RecvLock);
            NdisMIndicateReceiveNetBufferLists(Adapter->AdapterHandle, Head,
                                               NDIS_DEFAULT_PORT_NUMBER, Count, ReceiveFlags);
            NdisDprAcquireSpinLock(&Adapter->RecvLock);
            Head = Tail = NULL;
            Count = 0;
        }
    }
    NdisDprReleaseSpinLock(&Adapter->RecvLock);

    if (Count != 0) {
        NdisInterlockedIncrement(&Adapter->RxIndicated);
        NdisMIndicateReceiveNetBufferLists(Adapter->AdapterHandle, Head,
                                           NDIS_DEFAULT_PORT_NUMBER, Count, ReceiveFlags);
    }
}

/* Gives a receive buffer back to the hardware */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxRecycleRcb (
    _In_ PGX_ADAPTER Adapter,
    _In_ PGX_RCB Rcb
    )
{
    PGX_RX_DESC Desc = &Adapter->RxRing[Rcb->Index];

    Desc->BufferAddress = (ULONGLONG)Rcb->BufferPa.QuadPart;
    Desc->Status = 0;
    Adapter->Registers->RxTail = Rcb->Index;
}

_Use_decl_annotations_
VOID
GxReturnNetBufferLists (
    NDIS_HANDLE MiniportAdapterContext,
    PNET_BUFFER_LIST NetBufferLists,
    ULONG ReturnFlags
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;
    PNET_BUFFER_LIST Nbl;
    PNET_BUFFER_LIST Next;
    BOOLEAN DispatchLevel = (ReturnFlags & NDIS_RETURN_FLAGS_DISPATCH_LEVEL) != 0;
    KIRQL OldIrql = PASSIVE_LEVEL;

    /* the recycle helper needs DISPATCH_LEVEL: raise when the caller did not */
    if (!DispatchLevel) {
        KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
    }
    NdisDprAcquireSpinLock(&Adapter->RecvLock);
    for (Nbl = NetBufferLists; Nbl != NULL; Nbl = Next) {
        Next = NET_BUFFER_LIST_NEXT_NBL(Nbl);
        Nbl->Next = NULL;
        GxRecycleRcb(Adapter, (PGX_RCB)Nbl->MiniportReserved[0]);
    }
    NdisDprReleaseSpinLock(&Adapter->RecvLock);
    if (!DispatchLevel) {
        KeLowerIrql(OldIrql);
    }
}

/* ---------------------------------------------------------------------
 * DPCs
 * ------------------------------------------------------------------- */

static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxServiceCause (
    _In_ PGX_ADAPTER Adapter,
    _In_ ULONG Cause
    )
{
    GX_SYNC_CONTEXT Sync;

    if (Cause & GX_ICR_FATAL) {
        GxLogError(Adapter, NDIS_ERROR_CODE_HARDWARE_FAILURE, Cause);
    }
    if (Cause & GX_ICR_RXO) {
        Adapter->Stats.ReceiveOverruns++;
    }
    if (Cause & (GX_ICR_RXT0 | GX_ICR_RXO)) {
        GxProcessReceives(Adapter);
    }
    if (Cause & GX_ICR_TXDW) {
        GxCompleteTransmits(Adapter);
    }
    if (Cause & GX_ICR_LSC) {
        Sync.Adapter = Adapter;
        Sync.Mask = 0;
        Sync.Cause = 0;
        NdisMSynchronizeWithInterruptEx(Adapter->InterruptHandle, GX_MSG_OTHER,
                                        GxSyncLinkChange, &Sync);
        GxIndicateLinkState(Adapter);
    }

    /* a pause waits for the rings to drain */
    NdisDprAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->State == GxStatePausing && Adapter->SendsOutstanding == 0 &&
        Adapter->RxIndicated == 0) {
        Adapter->State = GxStatePaused;
        NdisDprReleaseSpinLock(&Adapter->StateLock);
        NdisMPauseComplete(Adapter->AdapterHandle);
        return;
    }
    NdisDprReleaseSpinLock(&Adapter->StateLock);
}

/* Takes the cause the ISR saved for this message and services it */
static
_IRQL_requires_(DISPATCH_LEVEL)
BOOLEAN
GxTakeCauseAndService (
    _In_ PGX_ADAPTER Adapter,
    _In_ ULONG MessageId
    )
{
    GX_SYNC_CONTEXT Sync;

    Sync.Adapter = Adapter;
    Sync.Mask = 0;
    Sync.Cause = 0;
    if (!NdisMSynchronizeWithInterruptEx(Adapter->InterruptHandle, MessageId,
                                         GxSyncTakeCause, &Sync)) {
        return FALSE;
    }
    GxServiceCause(Adapter, Sync.Cause);
    return TRUE;
}

_Use_decl_annotations_
VOID
GxInterruptDpc (
    NDIS_HANDLE MiniportInterruptContext,
    PVOID MiniportDpcContext,
    PVOID ReceiveThrottleParameters,
    PVOID NdisReserved2
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);

    if (!GxTakeCauseAndService(Adapter, 0)) {
        return;
    }
    /* unmask what the ISR masked */
    GxSetInterruptMask(Adapter, Adapter->InterruptMask);
}

_Use_decl_annotations_
VOID
GxMessageDpc (
    NDIS_HANDLE MiniportInterruptContext,
    ULONG MessageId,
    PVOID MiniportDpcContext,
    PVOID ReceiveThrottleParameters,
    PVOID NdisReserved2
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportInterruptContext;

    UNREFERENCED_PARAMETER(MiniportDpcContext);
    UNREFERENCED_PARAMETER(ReceiveThrottleParameters);
    UNREFERENCED_PARAMETER(NdisReserved2);

    GxTakeCauseAndService(Adapter, MessageId);
    Adapter->Registers->MsixVectorMask &= ~(1u << MessageId);
}

/* ---------------------------------------------------------------------
 * Setup and teardown
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
NDIS_STATUS
GxRegisterInterrupt (
    PGX_ADAPTER Adapter
    )
{
    NDIS_MINIPORT_MSI_INTERRUPT_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    PAGED_CODE();

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Base.Header.Size = sizeof(Chars);
    Chars.Base.InterruptHandler = GxIsr;
    Chars.Base.InterruptDpcHandler = GxInterruptDpc;
    Chars.Base.DisableInterruptHandler = GxDisableInterrupt;
    Chars.Base.EnableInterruptHandler = GxEnableInterrupt;
    Chars.Base.MsiSupported = TRUE;
    Chars.Base.MsiSyncWithAllMessages = FALSE;
    Chars.MessageInterruptHandler = GxMessageIsr;
    Chars.MessageInterruptDpcHandler = GxMessageDpc;
    Chars.DisableMessageInterruptHandler = GxDisableMessage;
    Chars.EnableMessageInterruptHandler = GxEnableMessage;

    Status = NdisMRegisterInterruptEx(Adapter->AdapterHandle, Adapter,
                                      (PNDIS_MINIPORT_INTERRUPT_CHARACTERISTICS)&Chars,
                                      &Adapter->InterruptHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        Adapter->InterruptHandle = NULL;
        return Status;
    }
    Adapter->MsixEnabled = TRUE;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
GxAllocateReceiveRing (
    PGX_ADAPTER Adapter
    )
{
    ULONG i;

    PAGED_CODE();

    NdisMAllocateSharedMemory(Adapter->AdapterHandle, sizeof(GX_RX_DESC) * GX_RX_RING_SIZE,
                              FALSE, (PVOID *)&Adapter->RxRing, &Adapter->RxRingPa);
    if (Adapter->RxRing == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter->RxRing, sizeof(GX_RX_DESC) * GX_RX_RING_SIZE);

    for (i = 0; i < GX_RX_RING_SIZE; i++) {
        PGX_RCB Rcb = &Adapter->Rcbs[i];

        Rcb->Index = i;
        NdisMAllocateSharedMemory(Adapter->AdapterHandle, GX_RX_BUFFER_SIZE, TRUE,
                                  &Rcb->Buffer, &Rcb->BufferPa);
        if (Rcb->Buffer == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        Rcb->Mdl = IoAllocateMdl(Rcb->Buffer, GX_RX_BUFFER_SIZE, FALSE, FALSE, NULL);
        if (Rcb->Mdl == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        Rcb->NetBufferList = NdisAllocateNetBufferAndNetBufferList(Adapter->NblPool, 0, 0,
                                                                   Rcb->Mdl, 0, 0);
        if (Rcb->NetBufferList == NULL) {
            return NDIS_STATUS_RESOURCES;
        }
        Adapter->RxRing[i].BufferAddress = (ULONGLONG)Rcb->BufferPa.QuadPart;
    }

    Adapter->Registers->RxRingBaseLow = Adapter->RxRingPa.LowPart;
    Adapter->Registers->RxRingBaseHigh = (ULONG)Adapter->RxRingPa.HighPart;
    Adapter->Registers->RxHead = 0;
    Adapter->Registers->RxTail = GX_RX_RING_SIZE - 1;
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
GxFreeReceiveRing (
    PGX_ADAPTER Adapter
    )
{
    ULONG i;

    PAGED_CODE();

    for (i = 0; i < GX_RX_RING_SIZE; i++) {
        PGX_RCB Rcb = &Adapter->Rcbs[i];

        if (Rcb->NetBufferList != NULL) {
            NdisFreeNetBufferList(Rcb->NetBufferList);
        }
        if (Rcb->Mdl != NULL) {
            IoFreeMdl(Rcb->Mdl);
        }
        if (Rcb->Buffer != NULL) {
            NdisMFreeSharedMemory(Adapter->AdapterHandle, GX_RX_BUFFER_SIZE, TRUE,
                                  Rcb->Buffer, Rcb->BufferPa);
        }
    }
    if (Adapter->RxRing != NULL) {
        NdisMFreeSharedMemory(Adapter->AdapterHandle, sizeof(GX_RX_DESC) * GX_RX_RING_SIZE,
                              FALSE, Adapter->RxRing, Adapter->RxRingPa);
        Adapter->RxRing = NULL;
    }
}
