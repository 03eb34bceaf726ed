/*
 * mgmt.c -- Sxp: management. Registry tunables (read at PASSIVE_LEVEL from
 * HwStorFindAdapter and ScsiSetRunningConfig), the firmware event log
 * (snapshotted by the DPC, saved to the registry by a Storport work item at
 * PASSIVE_LEVEL), and the miniport IOCTLs (SRB_FUNCTION_IO_CONTROL, from
 * HwStorStartIo) that report statistics and ask for an event-log save.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "sxp.h"

#define SXP_REG_DWORD 4
#define SXP_REG_BINARY 3

#define SXP_IOCTL_SIGNATURE     "SXPCTL01"
#define SXP_IOCTL_GET_STATS     0x1001
#define SXP_IOCTL_SAVE_EVENTS   0x1002
#define SXP_IOCTL_SET_LOGLEVEL  0x1003

/* The SRB_IO_CONTROL header that starts every miniport IOCTL buffer. */
typedef struct _SXP_SRB_IO_CONTROL {
    ULONG HeaderLength;
    UCHAR Signature[8];
    ULONG Timeout;
    ULONG ControlCode;
    ULONG ReturnCode;
    ULONG Length;
} SXP_SRB_IO_CONTROL, *PSXP_SRB_IO_CONTROL;

typedef struct _SXP_EVENT_NAME {
    ULONG Code;
    const char *Name;
} SXP_EVENT_NAME;

static const SXP_EVENT_NAME SxpEventNames[] = {
    { SXP_INT_COMPLETION, "completion" },
    { SXP_INT_EVENT, "firmware event" },
    { SXP_INT_FATAL, "fatal error" },
};

static const char *SxpEventName(_In_ ULONG Code);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SxpReadParameters)
#pragma alloc_text(PAGE, SxpSaveEventLog)
#pragma alloc_text(PAGE, SxpEventName)
#endif

/*
 * Reads one REG_DWORD tunable from the adapter's Parameters key; keeps
 * Default when the value is missing or malformed.
 */
static ULONG
SxpReadDword(
    _In_ PSXP_ADAPTER Adapter,
    _In_z_ const char *Name,
    _In_ ULONG Default,
    _In_ ULONG Minimum,
    _In_ ULONG Maximum
    )
{
    PUCHAR buffer;
    ULONG length = sizeof(ULONG);
    ULONG value = Default;

    buffer = StorPortAllocateRegistryBuffer(Adapter, &length);
    if (buffer == NULL) {
        return Default;
    }
    if (StorPortRegistryRead(Adapter, (PUCHAR)Name, 1, SXP_REG_DWORD, buffer, &length) &&
        length == sizeof(ULONG)) {
        value = *(PULONG)buffer;
        if (value < Minimum || value > Maximum) {
            value = Default;
        }
    }
    StorPortFreeRegistryBuffer(Adapter, buffer);
    return value;
}

VOID
SxpReadParameters(
    _In_ PSXP_ADAPTER Adapter
    )
{
    PAGED_CODE();

    Adapter->QueueDepth = SxpReadDword(Adapter, "QueueDepth", SXP_RING_DEPTH - 1, 1,
                                       SXP_RING_DEPTH - 1);
    Adapter->WriteCacheEnabled = SxpReadDword(Adapter, "WriteCache", 1, 0, 1);
    Adapter->EventLogLevel = SxpReadDword(Adapter, "EventLogLevel", 1, 0, 4);
    SxpTrace(2, "Sxp: depth %u cache %u log %u\n", Adapter->QueueDepth,
             Adapter->WriteCacheEnabled, Adapter->EventLogLevel);
}

/*
 * Writes the events the DPC snapshotted to the registry, for the vendor's
 * diagnostics tool. PASSIVE_LEVEL: the passive initialization and the
 * event worker.
 */
VOID
SxpSaveEventLog(
    _In_ PSXP_ADAPTER Adapter
    )
{
    SXP_EVENT events[SXP_EVENT_LOG_ENTRIES];
    ULONG count;
    ULONG level = Adapter->EventLogLevel;

    PAGED_CODE();

    if (level == 0) {
        return;
    }
    count = Adapter->LastEventCount;
    if (count == 0) {
        return;
    }
    if (count > SXP_EVENT_LOG_ENTRIES) {
        count = SXP_EVENT_LOG_ENTRIES;
    }
    StorPortMoveMemory(events, Adapter->LastEvents, count * sizeof(SXP_EVENT));
    Adapter->LastEventCount = 0;

    StorPortRegistryWrite(Adapter, (PUCHAR)"LastEvents", 1, SXP_REG_BINARY, (PUCHAR)events,
                          count * sizeof(SXP_EVENT));
    StorPortRegistryWrite(Adapter, (PUCHAR)"LastEventCount", 1, SXP_REG_DWORD,
                          (PUCHAR)&count, sizeof(count));
}

/*
 * The event's name, for the debugger log.
 */
static const char *
SxpEventName(
    _In_ ULONG Code
    )
{
    ULONG i;

    PAGED_CODE();

    for (i = 0; i < sizeof(SxpEventNames) / sizeof(SxpEventNames[0]); i++) {
        if (SxpEventNames[i].Code & Code) {
            return SxpEventNames[i].Name;
        }
    }
    return "unknown";
}

/*
 * Notes an adapter event in the statistics and the debugger log. Called
 * from the completion DPC.
 */
VOID
SxpRecordEvent(
    _In_ PSXP_ADAPTER Adapter,
    _In_ ULONG Code,
    _In_ ULONG Target
    )
{
    const char *name;

    if (Code & SXP_INT_FATAL) {
        Adapter->Stats.Errors++;
        StorPortLogError(Adapter, NULL, 0, (UCHAR)Target, 0, SP_INTERNAL_ADAPTER_ERROR, Code);
    }
    if (Adapter->EventLogLevel < 2) {
        return;
    }
    name = SxpEventName(Code); // BUG(irql): SxpEventName is in the PAGE section; the DPC calls this at DISPATCH_LEVEL expected-warning {{'SxpEventName'}}
    SxpTrace(2, "Sxp: event %s target %u\n", name, Target);
    UNREFERENCED_PARAMETER(name);
}

/*
 * The work item: saves the event log at PASSIVE_LEVEL.
 */
VOID
SxpEventWorker(
    _In_ PVOID HwDeviceExtension,
    _In_opt_ PVOID Context,
    _In_ PVOID Worker
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(HwDeviceExtension);

    UNREFERENCED_PARAMETER(Context);
    UNREFERENCED_PARAMETER(Worker);

    SxpSaveEventLog(adapter);
    InterlockedExchange((LONG volatile *)&adapter->EventWorkQueued, 0);
}

/*
 * Queues the event worker once; callable up to DISPATCH_LEVEL (the DPC,
 * the idle timer, the IOCTL path).
 */
VOID
SxpQueueEventWork(
    _In_ PSXP_ADAPTER Adapter
    )
{
    if (Adapter->EventWorker == NULL || Adapter->EventWorkQueued) {
        return;
    }
    Adapter->EventWorkQueued = TRUE;
    if (StorPortQueueWorkItem(Adapter, SxpEventWorker, Adapter->EventWorker, NULL) !=
        STOR_STATUS_SUCCESS) {
        Adapter->EventWorkQueued = FALSE;
    }
}

static BOOLEAN
SxpSignatureMatches(
    _In_ PSXP_SRB_IO_CONTROL Header
    )
{
    static const UCHAR signature[8] = { 'S', 'X', 'P', 'C', 'T', 'L', '0', '1' };
    ULONG i;

    for (i = 0; i < sizeof(signature); i++) {
        if (Header->Signature[i] != signature[i]) {
            return FALSE;
        }
    }
    return TRUE;
}

static ULONG
SxpCopyStatistics(
    _In_ PSXP_ADAPTER Adapter,
    _Inout_ PSXP_SRB_IO_CONTROL Header
    )
{
    STOR_LOCK_HANDLE lock;

    if (Header->Length < sizeof(SXP_STATISTICS)) {
        return STOR_STATUS_BUFFER_TOO_SMALL;
    }
    /* The interrupt routine counts interrupts: a consistent snapshot. */
    StorPortAcquireSpinLock(Adapter, InterruptLock, NULL, &lock);
    StorPortMoveMemory(Header + 1, &Adapter->Stats, sizeof(SXP_STATISTICS));
    StorPortReleaseSpinLock(Adapter, &lock);
    Header->Length = sizeof(SXP_STATISTICS);
    return STOR_STATUS_SUCCESS;
}

/*
 * SRB_FUNCTION_IO_CONTROL, from HwStorStartIo. Completes the SRB and
 * returns TRUE when the request is ours.
 */
BOOLEAN
SxpHandleIoControl(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PSCSI_REQUEST_BLOCK Srb
    )
{
    PSXP_SRB_IO_CONTROL header = (PSXP_SRB_IO_CONTROL)Srb->DataBuffer;

    if (Srb->DataTransferLength < sizeof(SXP_SRB_IO_CONTROL) ||
        header->HeaderLength != sizeof(SXP_SRB_IO_CONTROL) ||
        !SxpSignatureMatches(header) ||
        header->Length > Srb->DataTransferLength - sizeof(SXP_SRB_IO_CONTROL)) {
        return FALSE;
    }

    switch (header->ControlCode) {
    case SXP_IOCTL_GET_STATS:
        header->ReturnCode = SxpCopyStatistics(Adapter, header);
        break;

    case SXP_IOCTL_SAVE_EVENTS:
        /* The save itself needs PASSIVE_LEVEL: the worker does it. */
        SxpQueueEventWork(Adapter);
        header->ReturnCode = STOR_STATUS_SUCCESS;
        break;

    case SXP_IOCTL_SET_LOGLEVEL:
        if (header->Length < sizeof(ULONG)) {
            header->ReturnCode = STOR_STATUS_BUFFER_TOO_SMALL;
            break;
        }
        Adapter->EventLogLevel = *(PULONG)(header + 1);
        header->ReturnCode = STOR_STATUS_SUCCESS;
        break;

    default:
        header->ReturnCode = STOR_STATUS_INVALID_PARAMETER;
        break;
    }
    SxpCompleteSrb(Adapter, Srb, SRB_STATUS_SUCCESS);
    return TRUE;
}
