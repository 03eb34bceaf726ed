/*
 * ndismp.h -- private header of Gx1000, an NDIS 6.20 miniport for a PCIe
 * gigabit Ethernet controller: one memory BAR of registers, MSI-X (one
 * message for transmit, one for receive, one for link and errors) with a
 * line-based fallback, descriptor rings in shared memory, scatter/gather
 * DMA on the transmit path.
 *
 * Locking: the send lock (an NDIS_SPIN_LOCK) guards the transmit ring and
 * the wait queue; the receive lock guards the receive ring and is only
 * taken in the DPC (NdisDprAcquireSpinLock) and in the return path; the
 * filter table (multicast list, packet filter) is read on every received
 * frame under an NDIS_RW_LOCK_EX; the interrupt-cause word shared with the
 * ISR is touched only from the ISR and from MINIPORT_SYNCHRONIZE_INTERRUPT
 * routines.  A watchdog NDIS timer checks the link, a work item handles the
 * OIDs that must touch the PHY at PASSIVE_LEVEL.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef NDISMP_H
#define NDISMP_H

#include <ndis.h>

#define GX_POOL_TAG                 'x1xG'
#define GX_NDIS_MAJOR               6
#define GX_NDIS_MINOR               20
#define GX_DRIVER_MAJOR             1
#define GX_DRIVER_MINOR             4

#define GX_TX_RING_SIZE             256
#define GX_RX_RING_SIZE             256
#define GX_MAX_SEND_SG              32
#define GX_MAX_FRAME_SIZE           1514
#define GX_RX_BUFFER_SIZE           2048
#define GX_MAX_MULTICAST            32
#define GX_MAC_LENGTH               6
#define GX_RX_INDICATE_BATCH        32
#define GX_WATCHDOG_PERIOD_MS       2000
#define GX_RESET_POLL_US            10
#define GX_RESET_POLL_COUNT         100
#define GX_PHY_SETTLE_MS            20
#define GX_REGISTER_LENGTH          0x20000

/* MSI-X message assignment */
#define GX_MSG_TX                   0
#define GX_MSG_RX                   1
#define GX_MSG_OTHER                2

/* Interrupt cause bits */
#define GX_ICR_TXDW                 0x00000001
#define GX_ICR_LSC                  0x00000004
#define GX_ICR_RXT0                 0x00000080
#define GX_ICR_RXO                  0x00000040
#define GX_ICR_FATAL                0x80000000
#define GX_ICR_ALL                  (GX_ICR_TXDW | GX_ICR_LSC | GX_ICR_RXT0 | GX_ICR_RXO | GX_ICR_FATAL)

/* Control bits */
#define GX_CTRL_RESET               0x04000000
#define GX_CTRL_LINK_UP             0x00000040
#define GX_STATUS_LINK_UP           0x00000002
#define GX_STATUS_FULL_DUPLEX       0x00000001
#define GX_RCTL_ENABLE              0x00000002
#define GX_RCTL_PROMISC             0x00000018
#define GX_RCTL_BROADCAST           0x00008000
#define GX_RCTL_MULTICAST_ALL       0x00000010
#define GX_TCTL_ENABLE              0x00000002

/* Descriptor status */
#define GX_DESC_DONE                0x01
#define GX_DESC_EOP                 0x02

/* Packet filter bits (NDIS_PACKET_TYPE_*) */
#define GX_PACKET_TYPE_DIRECTED     0x00000001
#define GX_PACKET_TYPE_MULTICAST    0x00000002
#define GX_PACKET_TYPE_ALL_MULTICAST 0x00000004
#define GX_PACKET_TYPE_BROADCAST    0x00000008
#define GX_PACKET_TYPE_PROMISCUOUS  0x00000020

typedef struct _GX_REGISTERS {
    volatile ULONG Control;             /* 0x0000 */
    volatile ULONG Status;
    volatile ULONG InterruptCause;      /* read-to-clear */
    volatile ULONG InterruptMaskSet;
    volatile ULONG InterruptMaskClear;
    volatile ULONG MsixVectorMask;
    volatile ULONG ReceiveControl;
    volatile ULONG TransmitControl;
    volatile ULONG RxRingBaseLow;
    volatile ULONG RxRingBaseHigh;
    volatile ULONG RxHead;
    volatile ULONG RxTail;
    volatile ULONG TxRingBaseLow;
    volatile ULONG TxRingBaseHigh;
    volatile ULONG TxHead;
    volatile ULONG TxTail;
    volatile ULONG PhyControl;
    volatile ULONG PhyData;
    volatile ULONG InterruptThrottle;
    volatile ULONG MulticastTable[128];
    volatile ULONG ReceiveAddressLow;
    volatile ULONG ReceiveAddressHigh;
    volatile ULONG GoodPacketsReceived;
    volatile ULONG GoodPacketsTransmitted;
    volatile ULONG MissedPackets;
} GX_REGISTERS, *PGX_REGISTERS;

typedef struct _GX_TX_DESC {
    ULONGLONG BufferAddress;
    USHORT Length;
    UCHAR Cso;
    UCHAR Command;
    UCHAR Status;
    UCHAR Css;
    USHORT Special;
} GX_TX_DESC, *PGX_TX_DESC;

typedef struct _GX_RX_DESC {
    ULONGLONG BufferAddress;
    USHORT Length;
    USHORT Checksum;
    UCHAR Status;
    UCHAR Errors;
    USHORT Special;
} GX_RX_DESC, *PGX_RX_DESC;

typedef enum _GX_ADAPTER_STATE {
    GxStateInitializing,
    GxStatePaused,
    GxStatePausing,
    GxStateRunning,
    GxStateResetting,
    GxStateHalted
} GX_ADAPTER_STATE;

struct _GX_ADAPTER;

/* One transmit control block per NET_BUFFER in flight */
typedef struct _GX_TCB {
    LIST_ENTRY Link;
    struct _GX_ADAPTER *Adapter;
    PNET_BUFFER_LIST NetBufferList;
    PNET_BUFFER NetBuffer;
    PSCATTER_GATHER_LIST SgList;
    ULONG FirstDescriptor;
    ULONG DescriptorCount;
} GX_TCB, *PGX_TCB;

/* One receive control block per receive descriptor */
typedef struct _GX_RCB {
    LIST_ENTRY Link;
    PNET_BUFFER_LIST NetBufferList;
    PVOID Buffer;
    NDIS_PHYSICAL_ADDRESS BufferPa;
    PMDL Mdl;
    ULONG Index;
} GX_RCB, *PGX_RCB;

typedef struct _GX_STATS {
    ULONGLONG FramesTransmitted;
    ULONGLONG FramesReceived;
    ULONGLONG BytesTransmitted;
    ULONGLONG BytesReceived;
    ULONG TransmitErrors;
    ULONG ReceiveErrors;
    ULONG ReceiveOverruns;
    ULONG ResourceDrops;
} GX_STATS, *PGX_STATS;

typedef struct _GX_FILTER {
    ULONG PacketFilter;
    ULONG MulticastCount;
    UCHAR MulticastList[GX_MAX_MULTICAST][GX_MAC_LENGTH];
} GX_FILTER, *PGX_FILTER;

/* A set OID that has to wait for PASSIVE_LEVEL (PHY access) */
typedef struct _GX_PENDED_OID {
    PNDIS_OID_REQUEST Request;
    ULONG NewPowerState;
    ULONG NewLinkSpeed;
} GX_PENDED_OID, *PGX_PENDED_OID;

typedef struct _GX_ADAPTER {
    NDIS_HANDLE AdapterHandle;
    NDIS_HANDLE InterruptHandle;
    NDIS_HANDLE DmaHandle;
    NDIS_HANDLE NblPool;
    NDIS_HANDLE WatchdogTimer;
    NDIS_HANDLE OidWorkItem;
    PGX_REGISTERS Registers;
    NDIS_PHYSICAL_ADDRESS RegisterPa;
    BOOLEAN MsixEnabled;

    GX_ADAPTER_STATE State;
    NDIS_SPIN_LOCK StateLock;

    /* transmit: GX_TCBs, the ring, NBLs waiting for descriptors */
    NDIS_SPIN_LOCK SendLock;
    LIST_ENTRY FreeTcbs;
    LIST_ENTRY BusyTcbs;
    PNET_BUFFER_LIST WaitHead;
    PNET_BUFFER_LIST WaitTail;
    PGX_TX_DESC TxRing;
    NDIS_PHYSICAL_ADDRESS TxRingPa;
    ULONG TxNext;
    ULONG TxClean;
    ULONG TxFree;
    LONG SendsOutstanding;
    GX_TCB Tcbs[GX_TX_RING_SIZE];
    ULONG SgListSize;

    /* receive */
    NDIS_SPIN_LOCK RecvLock;
    PGX_RX_DESC RxRing;
    NDIS_PHYSICAL_ADDRESS RxRingPa;
    ULONG RxNext;
    LONG RxIndicated;
    GX_RCB Rcbs[GX_RX_RING_SIZE];

    /* filters, read per frame */
    PNDIS_RW_LOCK_EX FilterLock;
    GX_FILTER Filter;

    /* shared with the ISR: only under NdisMSynchronizeWithInterruptEx */
    ULONG PendingCause;
    ULONG InterruptMask;

    /* link */
    BOOLEAN LinkUp;
    BOOLEAN FullDuplex;
    ULONG LinkSpeedMbps;
    ULONG RequestedSpeedMbps;
    ULONG HangTicks;
    ULONG LastTxClean;

    /* OIDs pended to the work item */
    PNDIS_OID_REQUEST PendingOid;
    GX_PENDED_OID PendedOid;
    NDIS_EVENT OidIdle;

    UCHAR PermanentAddress[GX_MAC_LENGTH];
    UCHAR CurrentAddress[GX_MAC_LENGTH];
    ULONG InterruptModeration;

    GX_STATS Stats;
} GX_ADAPTER, *PGX_ADAPTER;

extern NDIS_HANDLE GxDriverHandle;

/* driver.c */
DRIVER_INITIALIZE DriverEntry;
MINIPORT_INITIALIZE GxInitializeEx;
MINIPORT_HALT GxHaltEx;
MINIPORT_DRIVER_UNLOAD GxUnload;
MINIPORT_PAUSE GxPause;
MINIPORT_RESTART GxRestart;
MINIPORT_SHUTDOWN GxShutdownEx;
MINIPORT_CHECK_FOR_HANG GxCheckForHangEx;
MINIPORT_RESET GxResetEx;
MINIPORT_DEVICE_PNP_EVENT_NOTIFY GxDevicePnpEvent;

_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS GxReadConfiguration(_Inout_ PGX_ADAPTER Adapter);

_IRQL_requires_max_(APC_LEVEL)
NDIS_STATUS GxResetHardware(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_max_(HIGH_LEVEL)
VOID GxStopHardware(_In_ PGX_ADAPTER Adapter);

/* interrupt.c */
MINIPORT_ISR GxIsr;
MINIPORT_INTERRUPT_DPC GxInterruptDpc;
MINIPORT_ENABLE_INTERRUPT GxEnableInterrupt;
MINIPORT_DISABLE_INTERRUPT GxDisableInterrupt;
MINIPORT_MESSAGE_INTERRUPT GxMessageIsr;
MINIPORT_MESSAGE_INTERRUPT_DPC GxMessageDpc;
MINIPORT_ENABLE_MESSAGE_INTERRUPT GxEnableMessage;
MINIPORT_DISABLE_MESSAGE_INTERRUPT GxDisableMessage;
MINIPORT_RETURN_NET_BUFFER_LISTS GxReturnNetBufferLists;

_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS GxRegisterInterrupt(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GxSetInterruptMask(_In_ PGX_ADAPTER Adapter, _In_ ULONG Mask);

_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS GxAllocateReceiveRing(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_(PASSIVE_LEVEL)
VOID GxFreeReceiveRing(_In_ PGX_ADAPTER Adapter);

/* send.c */
MINIPORT_SEND_NET_BUFFER_LISTS GxSendNetBufferLists;
MINIPORT_CANCEL_SEND GxCancelSend;
MINIPORT_PROCESS_SG_LIST GxProcessSgList;

_IRQL_requires_(PASSIVE_LEVEL)
NDIS_STATUS GxAllocateTransmitRing(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_(PASSIVE_LEVEL)
VOID GxFreeTransmitRing(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_(DISPATCH_LEVEL)
VOID GxCompleteTransmits(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GxFailWaitingSends(_In_ PGX_ADAPTER Adapter, _In_ NDIS_STATUS Status, _In_ BOOLEAN DispatchLevel);

/* oid.c */
MINIPORT_OID_REQUEST GxOidRequest;
MINIPORT_CANCEL_OID_REQUEST GxCancelOidRequest;
NDIS_TIMER_FUNCTION GxWatchdogTimer;
NDIS_IO_WORKITEM_FUNCTION GxOidWorker;

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GxIndicateLinkState(_In_ PGX_ADAPTER Adapter);

_IRQL_requires_max_(DISPATCH_LEVEL)
VOID GxLogError(_In_ PGX_ADAPTER Adapter, _In_ ULONG ErrorCode, _In_ ULONG Value);

#endif /* NDISMP_H */
