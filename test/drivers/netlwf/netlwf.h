/*
 * netlwf.h -- private header of NetFlowLwf, an NDIS 6 lightweight filter
 * that counts traffic per flow.  The flow table is read on every packet
 * under an NDIS read/write lock; per-module counters sit behind a KMDF
 * spin lock; a KMDF control device serves the counters to user mode and a
 * KMDF timer ages idle flows.
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef NETLWF_H
#define NETLWF_H

#include <ndis.h>
#include <wdf.h>
#include <wdmsupport.h>

#define NLF_POOL_TAG            'fwlN'
#define NLF_FLOW_BUCKETS        256
#define NLF_FLOW_IDLE_TICKS     30
#define NLF_AGING_PERIOD_MS     1000

#define IOCTL_NLF_GET_COUNTERS \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x901, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_NLF_SET_CONFIG \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x902, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_NLF_RESET \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x903, METHOD_BUFFERED, FILE_WRITE_ACCESS)

typedef enum _NLF_STATE {
    NlfDetached,
    NlfPaused,
    NlfPausing,
    NlfRunning
} NLF_STATE;

typedef struct _NLF_COUNTERS {
    ULONGLONG PacketsSent;
    ULONGLONG PacketsReceived;
    ULONGLONG BytesSent;
    ULONGLONG BytesReceived;
    ULONG FlowsCreated;
    ULONG FlowsAged;
    ULONG AllocationFailures;
} NLF_COUNTERS, *PNLF_COUNTERS;

typedef struct _NLF_CONFIG {
    BOOLEAN CountBroadcast;
    ULONG MaxFlows;
} NLF_CONFIG, *PNLF_CONFIG;

typedef struct _NLF_FLOW {
    struct _NLF_FLOW *Next;
    UCHAR Source[6];
    UCHAR Destination[6];
    ULONGLONG Packets;
    ULONGLONG Bytes;
    LONG IdleTicks;
} NLF_FLOW, *PNLF_FLOW;

typedef struct _NLF_MODULE {
    LIST_ENTRY Link;
    NDIS_HANDLE FilterHandle;
    NDIS_STRING MiniportName;
    NLF_STATE State;

    /* flow table: readers on the data path, writers on aging and reset */
    PNDIS_RW_LOCK_EX FlowLock;
    PNLF_FLOW Buckets[NLF_FLOW_BUCKETS];
    ULONG FlowCount;

    /* counters: a framework spin lock, taken at <= DISPATCH_LEVEL */
    WDFSPINLOCK CounterLock;
    NLF_COUNTERS Counters;

    /* outstanding sends, for pause */
    NDIS_SPIN_LOCK StateLock;
    ULONG OutstandingSends;
    NDIS_EVENT PauseComplete;
} NLF_MODULE, *PNLF_MODULE;

typedef struct _NLF_GLOBALS {
    NDIS_HANDLE FilterDriverHandle;
    WDFDRIVER Driver;
    WDFDEVICE ControlDevice;
    WDFTIMER AgingTimer;
    WDFWORKITEM ReportWorkItem;
    WDFWAITLOCK ReportLock;
    NDIS_SPIN_LOCK ModuleListLock;   /* protects ModuleList */
    LIST_ENTRY ModuleList;
    FAST_MUTEX ConfigMutex;          /* protects Config */
    NLF_CONFIG Config;
} NLF_GLOBALS;

extern NLF_GLOBALS NlfGlobals;

/* filter.c */
DRIVER_INITIALIZE DriverEntry;
FILTER_ATTACH NlfAttach;
FILTER_DETACH NlfDetach;
FILTER_RESTART NlfRestart;
FILTER_PAUSE NlfPause;
FILTER_OID_REQUEST NlfOidRequest;

/* datapath.c */
FILTER_SEND_NET_BUFFER_LISTS NlfSendNetBufferLists;
FILTER_SEND_NET_BUFFER_LISTS_COMPLETE NlfSendNetBufferListsComplete;
FILTER_RECEIVE_NET_BUFFER_LISTS NlfReceiveNetBufferLists;
FILTER_RETURN_NET_BUFFER_LISTS NlfReturnNetBufferLists;
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NlfAgeFlows(_Inout_ PNLF_MODULE Module);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NlfFreeAllFlows(_Inout_ PNLF_MODULE Module);

/* control.c */
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS NlfCreateControlDevice(_In_ WDFDRIVER Driver);
_IRQL_requires_(PASSIVE_LEVEL)
VOID NlfDeleteControlDevice(VOID);
_IRQL_requires_max_(DISPATCH_LEVEL)
NTSTATUS NlfSetConfig(_In_ const NLF_CONFIG *Config);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID NlfReadCounters(_In_ PNLF_MODULE Module, _Out_ PNLF_COUNTERS Counters);
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL NlfEvtIoDeviceControl;
EVT_WDF_TIMER NlfEvtAgingTimer;
EVT_WDF_WORKITEM NlfEvtReportWorkItem;

#endif /* NETLWF_H */
