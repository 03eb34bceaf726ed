/*
 * oid.c -- Gx1000: OID requests, the link watchdog and the work item that
 * finishes the requests which must touch the PHY at PASSIVE_LEVEL.
 *
 * Most OIDs complete synchronously (the handler returns their status).
 * OID_GEN_LINK_SPEED and OID_PNP_SET_POWER reprogram the PHY, which takes
 * milliseconds of NdisMSleep: the handler pends them (NDIS_STATUS_PENDING),
 * queues the work item, and the work item completes them with
 * NdisMOidRequestComplete.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "ndismp.h"

static const UCHAR GxVendorDescription[] = "Gx1000 PCIe Gigabit Ethernet";

/* ---------------------------------------------------------------------
 * PHY access (PASSIVE_LEVEL: the PHY needs milliseconds to settle)
 * ------------------------------------------------------------------- */

static
_IRQL_requires_max_(APC_LEVEL)
ULONG
GxReadPhy (
    _In_ PGX_ADAPTER Adapter,
    _In_ ULONG Register
    )
{
    ULONG Poll;

    Adapter->Registers->PhyControl = 0x08000000 | (Register << 16);
    for (Poll = 0; Poll < 10; Poll++) {
        NdisMSleep(GX_PHY_SETTLE_MS * 100);
        if (Adapter->Registers->PhyControl & 0x10000000) {
            break;
        }
    }
    return Adapter->Registers->PhyData & 0xFFFF;
}

static
_IRQL_requires_max_(APC_LEVEL)
VOID
GxWritePhy (
    _In_ PGX_ADAPTER Adapter,
    _In_ ULONG Register,
    _In_ ULONG Value
    )
{
    Adapter->Registers->PhyData = Value;
    Adapter->Registers->PhyControl = 0x04000000 | (Register << 16);
    NdisMSleep(GX_PHY_SETTLE_MS * 1000);
}

/* Samples the link partner through the PHY */
static
VOID
GxRefreshLink (
    _In_ PGX_ADAPTER Adapter
    )
{
    ULONG PhyStatus = GxReadPhy(Adapter, 1);

    Adapter->LinkUp = (PhyStatus & 0x0004) != 0;
    Adapter->LinkSpeedMbps = Adapter->LinkUp ? 1000 : 0;
}

/* ---------------------------------------------------------------------
 * Status indications and error log
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
GxIndicateLinkState (
    PGX_ADAPTER Adapter
    )
{
    NDIS_STATUS_INDICATION Indication;
    ULONG LinkUp = Adapter->LinkUp;

    NdisZeroMemory(&Indication, sizeof(Indication));
    Indication.Header.Size = sizeof(Indication);
    Indication.SourceHandle = Adapter->AdapterHandle;
    Indication.StatusCode = NDIS_STATUS_LINK_STATE;
    Indication.StatusBuffer = &LinkUp;
    Indication.StatusBufferSize = sizeof(LinkUp);
    NdisMIndicateStatusEx(Adapter->AdapterHandle, &Indication);
}

_Use_decl_annotations_
VOID
GxLogError (
    PGX_ADAPTER Adapter,
    ULONG ErrorCode,
    ULONG Value
    )
{
    NdisWriteErrorLogEntry(Adapter->AdapterHandle, ErrorCode, 2, Value,
                           (ULONG)Adapter->State);
}

/* ---------------------------------------------------------------------
 * Watchdog: every GX_WATCHDOG_PERIOD_MS at DISPATCH_LEVEL
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
GxWatchdogTimer (
    PVOID SystemSpecific1,
    PVOID FunctionContext,
    PVOID SystemSpecific2,
    PVOID SystemSpecific3
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)FunctionContext;
    BOOLEAN WasUp = Adapter->LinkUp;
    ULONG Missed;

    UNREFERENCED_PARAMETER(SystemSpecific1);
    UNREFERENCED_PARAMETER(SystemSpecific2);
    UNREFERENCED_PARAMETER(SystemSpecific3);

    NdisAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->State != GxStateRunning) {
        NdisReleaseSpinLock(&Adapter->StateLock);
        return;
    }
    NdisReleaseSpinLock(&Adapter->StateLock);

    /* statistics registers are clear-on-read and 32 bits wide: fold them in */
    Missed = Adapter->Registers->MissedPackets;
    NdisAcquireSpinLock(&Adapter->RecvLock);
    Adapter->Stats.ResourceDrops += Missed;
    NdisReleaseSpinLock(&Adapter->RecvLock);

    if ((Adapter->Registers->Status & GX_STATUS_LINK_UP) == 0 && WasUp) {
        GxRefreshLink(Adapter); // BUG(irql): an NDIS timer function runs at DISPATCH_LEVEL; GxRefreshLink sleeps in NdisMSleep one helper down expected-warning-re {{'GxRefreshLink'{{.*}} [irql-too-high]}}
        if (!Adapter->LinkUp) {
            GxIndicateLinkState(Adapter);
        }
    }
}

/* ---------------------------------------------------------------------
 * Work item: pended OIDs and the end of a reset, at PASSIVE_LEVEL
 * ------------------------------------------------------------------- */

_Use_decl_annotations_
VOID
GxOidWorker (
    PVOID WorkItemContext,
    NDIS_HANDLE NdisIoWorkItemHandle
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)WorkItemContext;
    PNDIS_OID_REQUEST Request;
    NDIS_STATUS Status = NDIS_STATUS_SUCCESS;
    ULONG Control;

    UNREFERENCED_PARAMETER(NdisIoWorkItemHandle);

    Request = Adapter->PendedOid.Request;
    if (Request == NULL) {
        /* the second half of MiniportResetEx */
        Status = GxResetHardware(Adapter);
        if (Status == NDIS_STATUS_SUCCESS) {
            GxRefreshLink(Adapter);
            GxSetInterruptMask(Adapter, GX_ICR_ALL);
            Adapter->State = GxStateRunning;
        }
        NdisMResetComplete(Adapter->AdapterHandle, Status, FALSE);
        return;
    }

    switch (Request->DATA.Oid) {
    case OID_GEN_LINK_SPEED:
        Control = GxReadPhy(Adapter, 0);
        Control &= ~0x2040;
        if (Adapter->PendedOid.NewLinkSpeed >= 1000) {
            Control |= 0x0040;
        } else if (Adapter->PendedOid.NewLinkSpeed >= 100) {
            Control |= 0x2000;
        }
        GxWritePhy(Adapter, 0, Control | 0x1200); /* restart autonegotiation */
        GxRefreshLink(Adapter);
        Adapter->RequestedSpeedMbps = Adapter->PendedOid.NewLinkSpeed;
        break;

    case OID_PNP_SET_POWER:
        if (Adapter->PendedOid.NewPowerState != 1) {
            GxStopHardware(Adapter);
            GxWritePhy(Adapter, 0, 0x0800); /* power down */
        } else {
            GxWritePhy(Adapter, 0, 0x1200);
            Status = GxResetHardware(Adapter);
            if (Status == NDIS_STATUS_SUCCESS) {
                GxSetInterruptMask(Adapter, GX_ICR_ALL);
            }
        }
        break;

    default:
        Status = NDIS_STATUS_NOT_SUPPORTED;
        break;
    }

    NdisAcquireSpinLock(&Adapter->StateLock);
    Adapter->PendingOid = NULL;
    Adapter->PendedOid.Request = NULL;
    NdisReleaseSpinLock(&Adapter->StateLock);

    NdisMOidRequestComplete(Adapter->AdapterHandle, Request, Status);
    NdisSetEvent(&Adapter->OidIdle);
}

/* ---------------------------------------------------------------------
 * OID requests (up to DISPATCH_LEVEL)
 * ------------------------------------------------------------------- */

static
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
GxCopyInformation (
    _Inout_ PNDIS_OID_REQUEST Request,
    _In_reads_bytes_(Length) const VOID *Data,
    _In_ ULONG Length
    )
{
    if (Request->DATA.InformationBufferLength < Length) {
        Request->DATA.BytesNeeded = Length;
        return NDIS_STATUS_BUFFER_TOO_SHORT;
    }
    NdisMoveMemory(Request->DATA.InformationBuffer, Data, Length);
    Request->DATA.BytesWritten = Length;
    return NDIS_STATUS_SUCCESS;
}

static
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
GxQueryInformation (
    _In_ PGX_ADAPTER Adapter,
    _Inout_ PNDIS_OID_REQUEST Request
    )
{
    ULONG Value;
    ULONGLONG Value64;

    switch (Request->DATA.Oid) {
    case OID_GEN_MAXIMUM_FRAME_SIZE:
        Value = GX_MAX_FRAME_SIZE - 14;
        return GxCopyInformation(Request, &Value, sizeof(Value));

    case OID_GEN_LINK_SPEED:
        Value = Adapter->LinkSpeedMbps * 10000;
        return GxCopyInformation(Request, &Value, sizeof(Value));

    case OID_GEN_VENDOR_ID:
        Value = 0x00AABBCC;
        return GxCopyInformation(Request, &Value, sizeof(Value));

    case OID_GEN_VENDOR_DESCRIPTION:
        return GxCopyInformation(Request, GxVendorDescription, sizeof(GxVendorDescription));

    case OID_GEN_CURRENT_PACKET_FILTER:
        Value = Adapter->Filter.PacketFilter;
        return GxCopyInformation(Request, &Value, sizeof(Value));

    case OID_GEN_INTERRUPT_MODERATION:
        Value = Adapter->InterruptModeration;
        return GxCopyInformation(Request, &Value, sizeof(Value));

    case OID_GEN_XMIT_OK:
        NdisAcquireSpinLock(&Adapter->SendLock);
        Value64 = Adapter->Stats.FramesTransmitted;
        NdisReleaseSpinLock(&Adapter->SendLock);
        return GxCopyInformation(Request, &Value64, sizeof(Value64));

    case OID_GEN_RCV_OK:
        NdisAcquireSpinLock(&Adapter->RecvLock);
        Value64 = Adapter->Stats.FramesReceived;
        NdisReleaseSpinLock(&Adapter->RecvLock);
        return GxCopyInformation(Request, &Value64, sizeof(Value64));

    case OID_802_3_PERMANENT_ADDRESS:
        return GxCopyInformation(Request, Adapter->PermanentAddress, GX_MAC_LENGTH);

    case OID_802_3_CURRENT_ADDRESS:
        return GxCopyInformation(Request, Adapter->CurrentAddress, GX_MAC_LENGTH);

    case OID_PNP_QUERY_POWER:
        return NDIS_STATUS_SUCCESS;

    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }
}

/* Programs the receive filter from Adapter->Filter; the filter lock is held */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxProgramReceiveFilter (
    _In_ PGX_ADAPTER Adapter
    )
{
    ULONG Rctl = Adapter->Registers->ReceiveControl;
    ULONG i;

    Rctl &= ~(GX_RCTL_PROMISC | GX_RCTL_BROADCAST | GX_RCTL_MULTICAST_ALL);
    if (Adapter->Filter.PacketFilter & GX_PACKET_TYPE_PROMISCUOUS) {
        Rctl |= GX_RCTL_PROMISC;
    }
    if (Adapter->Filter.PacketFilter & GX_PACKET_TYPE_BROADCAST) {
        Rctl |= GX_RCTL_BROADCAST;
    }
    if (Adapter->Filter.PacketFilter & GX_PACKET_TYPE_ALL_MULTICAST) {
        Rctl |= GX_RCTL_MULTICAST_ALL;
    }
    for (i = 0; i < 128; i++) {
        Adapter->Registers->MulticastTable[i] = 0;
    }
    for (i = 0; i < Adapter->Filter.MulticastCount; i++) {
        ULONG Hash = (Adapter->Filter.MulticastList[i][4] >> 4) |
                     ((ULONG)Adapter->Filter.MulticastList[i][5] << 4);
        Adapter->Registers->MulticastTable[(Hash >> 5) & 0x7F] |= 1u << (Hash & 0x1F);
    }
    Adapter->Registers->ReceiveControl = Rctl;
}

/* Hands a set request to the work item; only one can be pended at a time */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
GxPendToWorker (
    _In_ PGX_ADAPTER Adapter,
    _In_ PNDIS_OID_REQUEST Request,
    _In_ ULONG Value
    )
{
    NdisAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->PendingOid != NULL || Adapter->State == GxStateResetting) {
        NdisReleaseSpinLock(&Adapter->StateLock);
        return NDIS_STATUS_RESET_IN_PROGRESS;
    }
    Adapter->PendingOid = Request;
    Adapter->PendedOid.Request = Request;
    if (Request->DATA.Oid == OID_GEN_LINK_SPEED) {
        Adapter->PendedOid.NewLinkSpeed = Value;
    } else {
        Adapter->PendedOid.NewPowerState = Value;
    }
    NdisReleaseSpinLock(&Adapter->StateLock);

    NdisResetEvent(&Adapter->OidIdle);
    NdisQueueIoWorkItem(Adapter->OidWorkItem, GxOidWorker, Adapter);
    return NDIS_STATUS_PENDING;
}

static
_IRQL_requires_max_(DISPATCH_LEVEL)
NDIS_STATUS
GxSetInformation (
    _In_ PGX_ADAPTER Adapter,
    _Inout_ PNDIS_OID_REQUEST Request
    )
{
    LOCK_STATE_EX LockState;
    ULONG Value;
    ULONG Count;

    if (Request->DATA.Oid == OID_802_3_MULTICAST_LIST) {
        if (Request->DATA.InformationBufferLength % GX_MAC_LENGTH != 0) {
            return NDIS_STATUS_INVALID_LENGTH;
        }
        Count = Request->DATA.InformationBufferLength / GX_MAC_LENGTH;
        if (Count > GX_MAX_MULTICAST) {
            return NDIS_STATUS_INVALID_LENGTH;
        }
        NdisAcquireRWLockWrite(Adapter->FilterLock, &LockState, 0);
        NdisMoveMemory(Adapter->Filter.MulticastList, Request->DATA.InformationBuffer,
                       Count * GX_MAC_LENGTH);
        Adapter->Filter.MulticastCount = Count;
        GxProgramReceiveFilter(Adapter);
        NdisReleaseRWLock(Adapter->FilterLock, &LockState);
        Request->DATA.BytesRead = Count * GX_MAC_LENGTH;
        return NDIS_STATUS_SUCCESS;
    }

    if (Request->DATA.InformationBufferLength < sizeof(ULONG)) {
        Request->DATA.BytesNeeded = sizeof(ULONG);
        return NDIS_STATUS_INVALID_LENGTH;
    }
    Value = *(PULONG)Request->DATA.InformationBuffer;
    Request->DATA.BytesRead = sizeof(ULONG);

    switch (Request->DATA.Oid) {
    case OID_GEN_CURRENT_PACKET_FILTER:
        NdisAcquireRWLockWrite(Adapter->FilterLock, &LockState, 0);
        Adapter->Filter.PacketFilter = Value;
        GxProgramReceiveFilter(Adapter);
        NdisReleaseRWLock(Adapter->FilterLock, &LockState);
        return NDIS_STATUS_SUCCESS;

    case OID_GEN_CURRENT_LOOKAHEAD:
        return Value <= GX_MAX_FRAME_SIZE ? NDIS_STATUS_SUCCESS : NDIS_STATUS_INVALID_PARAMETER;

    case OID_GEN_INTERRUPT_MODERATION:
        Adapter->InterruptModeration = Value != 0;
        Adapter->Registers->InterruptThrottle = Value ? 196 : 0;
        return NDIS_STATUS_SUCCESS;

    case OID_GEN_LINK_SPEED:
    case OID_PNP_SET_POWER:
        /* the PHY needs PASSIVE_LEVEL: complete later from the work item */
        return GxPendToWorker(Adapter, Request, Value);

    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }
}

_Use_decl_annotations_
NDIS_STATUS
GxOidRequest (
    NDIS_HANDLE MiniportAdapterContext,
    PNDIS_OID_REQUEST OidRequest
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    switch (OidRequest->RequestType) {
    case NdisRequestQueryInformation:
    case NdisRequestQueryStatistics:
        return GxQueryInformation(Adapter, OidRequest);
    case NdisRequestSetInformation:
        return GxSetInformation(Adapter, OidRequest);
    default:
        return NDIS_STATUS_NOT_SUPPORTED;
    }
}

_Use_decl_annotations_
VOID
GxCancelOidRequest (
    NDIS_HANDLE MiniportAdapterContext,
    PVOID RequestId
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    /*
     * The work item cannot be recalled once queued; the PHY operations are
     * bounded, so the pended request completes shortly on its own.
     */
    NdisAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->PendingOid != NULL && Adapter->PendingOid->RequestHandle == RequestId) {
        Adapter->PendedOid.NewLinkSpeed = Adapter->RequestedSpeedMbps;
    }
    NdisReleaseSpinLock(&Adapter->StateLock);
}
