/*
 * sxp.h -- private header of Sxp, a Storport miniport for a PCIe storage
 * host adapter with one submission ring and one completion ring in host
 * memory (an uncached extension), a doorbell register per ring, MSI-X
 * interrupts and a firmware event log the driver drains at PASSIVE_LEVEL.
 *
 * Full-duplex synchronization: HwStorBuildIo prepares each command without
 * locks, HwStorStartIo rings the doorbell, the interrupt routine only
 * acknowledges and queues a DPC, and the DPC completes requests under the
 * DPC lock (taking the interrupt lock for the short register accesses it
 * shares with the interrupt routine).
 *
 * A test input for irqlcheck: realistic code in the WDK's annotated style
 * that must compile silently, except for the lines marked BUG(irql).
 */
#ifndef SXP_H
#define SXP_H

#include <storport.h>

#define SXP_POOL_TAG              0x20707853 /* 'Sxp ' */
#define SXP_MAX_TARGETS           8
#define SXP_MAX_LUNS              1
#define SXP_RING_DEPTH            256
#define SXP_MAX_SG_ELEMENTS       64
#define SXP_MAX_TRANSFER          (SXP_MAX_SG_ELEMENTS * 4096)
#define SXP_BLOCK_SIZE            512
#define SXP_WATCHDOG_USEC         1000000
#define SXP_IDLE_USEC             5000000ull
#define SXP_COMMAND_TIMEOUT_TICKS 30
#define SXP_EVENT_LOG_ENTRIES     32

/* Adapter registers (BAR 0). */
typedef struct _SXP_REGISTERS {
    ULONG Version;
    ULONG Control;
    ULONG Status;
    ULONG InterruptStatus;
    ULONG InterruptMask;
    ULONG SubmissionDoorbell;
    ULONG CompletionDoorbell;
    ULONG SubmissionBaseLow;
    ULONG SubmissionBaseHigh;
    ULONG CompletionBaseLow;
    ULONG CompletionBaseHigh;
    ULONG RingDepth;
    ULONG EventLogHead;
    ULONG EventLogTail;
    ULONG FirmwareState;
    ULONG Reserved[17];
} SXP_REGISTERS, *PSXP_REGISTERS;

#define SXP_CONTROL_ENABLE        0x00000001
#define SXP_CONTROL_RESET         0x00000002
#define SXP_CONTROL_SHUTDOWN      0x00000004
#define SXP_STATUS_READY          0x00000001
#define SXP_STATUS_FATAL          0x00000002
#define SXP_STATUS_SHUTDOWN_DONE  0x00000004
#define SXP_INT_COMPLETION        0x00000001
#define SXP_INT_EVENT             0x00000002
#define SXP_INT_FATAL             0x00000004
#define SXP_INT_ALL               0x00000007

/* A command as the adapter reads it from the submission ring. */
typedef struct _SXP_SG_ENTRY {
    ULONGLONG Address;
    ULONG Length;
    ULONG Flags;
} SXP_SG_ENTRY, *PSXP_SG_ENTRY;

typedef enum _SXP_OPCODE {
    SxpOpRead = 1,
    SxpOpWrite = 2,
    SxpOpFlush = 3,
    SxpOpIdentify = 4,
    SxpOpAbort = 5,
    SxpOpResetTarget = 6
} SXP_OPCODE;

typedef struct _SXP_COMMAND {
    UCHAR Opcode;
    UCHAR Target;
    USHORT Tag;
    ULONG Flags;
    ULONGLONG Lba;
    ULONG Blocks;
    ULONG SgCount;
    SXP_SG_ENTRY Sg[SXP_MAX_SG_ELEMENTS];
} SXP_COMMAND, *PSXP_COMMAND;

typedef struct _SXP_COMPLETION {
    USHORT Tag;
    USHORT Status;
    ULONG Residual;
    ULONG Phase;
    ULONG Reserved;
} SXP_COMPLETION, *PSXP_COMPLETION;

#define SXP_CSTATUS_OK            0
#define SXP_CSTATUS_MEDIA_ERROR   1
#define SXP_CSTATUS_ABORTED       2
#define SXP_CSTATUS_NO_TARGET     3
#define SXP_CSTATUS_BUSY          4

typedef struct _SXP_EVENT {
    ULONG Code;
    ULONG Target;
    ULONGLONG Timestamp;
} SXP_EVENT, *PSXP_EVENT;

/* The uncached extension: the rings and the event log, in that order. */
typedef struct _SXP_SHARED {
    SXP_COMMAND Submission[SXP_RING_DEPTH];
    SXP_COMPLETION Completion[SXP_RING_DEPTH];
    SXP_EVENT EventLog[SXP_EVENT_LOG_ENTRIES];
} SXP_SHARED, *PSXP_SHARED;

/* Per-request state (SrbExtensionSize). */
typedef struct _SXP_SRB_EXTENSION {
    SXP_COMMAND Command;
    ULONG Tag;
    ULONG StartTick;
    BOOLEAN Built;
    BOOLEAN Internal;
} SXP_SRB_EXTENSION, *PSXP_SRB_EXTENSION;

/* Per-target state (SpecificLuExtensionSize). */
typedef struct _SXP_LUN_EXTENSION {
    ULONGLONG Blocks;
    ULONG Outstanding;
    BOOLEAN Present;
    BOOLEAN Removed;
} SXP_LUN_EXTENSION, *PSXP_LUN_EXTENSION;

typedef enum _SXP_ADAPTER_STATE {
    SxpStateStopped,
    SxpStateStarting,
    SxpStateRunning,
    SxpStateResetting,
    SxpStateFailed
} SXP_ADAPTER_STATE;

typedef struct _SXP_STATISTICS {
    ULONG Reads;
    ULONG Writes;
    ULONG Errors;
    ULONG Resets;
    ULONG Timeouts;
    ULONG Interrupts;
    ULONG SpuriousInterrupts;
} SXP_STATISTICS, *PSXP_STATISTICS;

/* Per-adapter state (DeviceExtensionSize). */
typedef struct _SXP_ADAPTER {
    PSXP_REGISTERS Registers;
    PSXP_SHARED Shared;
    STOR_PHYSICAL_ADDRESS SharedPhysical;
    ULONG SharedLength;

    SXP_ADAPTER_STATE State;
    ULONG SubmissionTail;
    ULONG CompletionHead;
    ULONG CompletionPhase;
    ULONG Tick;
    ULONG PendingInterrupts;    /* set by the ISR, drained by the DPC */

    /* The outstanding requests, by tag (the DPC lock protects it). */
    PSCSI_REQUEST_BLOCK Outstanding[SXP_RING_DEPTH];
    ULONG OutstandingCount;
    ULONG NextTag;

    STOR_DPC CompletionDpc;
    PVOID IdleTimer;
    PVOID EventWorker;
    BOOLEAN EventWorkQueued;
    BOOLEAN PassiveInitDone;
    BOOLEAN MsiEnabled;
    BOOLEAN TracingEnabled;

    ULONG QueueDepth;
    ULONG WriteCacheEnabled;
    ULONG EventLogLevel;
    SXP_STATISTICS Stats;
    SXP_EVENT LastEvents[SXP_EVENT_LOG_ENTRIES];
    ULONG LastEventCount;
} SXP_ADAPTER, *PSXP_ADAPTER;

#define SxpAdapter(Ext) ((PSXP_ADAPTER)(Ext))
#define SxpSrbExtension(Srb) ((PSXP_SRB_EXTENSION)(Srb)->SrbExtension)

#if DBG
#define SxpTrace(Level, ...) StorPortDebugPrint((Level), __VA_ARGS__)
#else
#define SxpTrace(Level, ...) ((void)0)
#endif

/* driver.c */
HW_FIND_ADAPTER SxpHwFindAdapter;
HW_INITIALIZE SxpHwInitialize;
HW_PASSIVE_INITIALIZE_ROUTINE SxpHwPassiveInitialize;
HW_ADAPTER_CONTROL SxpHwAdapterControl;
HW_UNIT_CONTROL SxpHwUnitControl;
HW_FREE_ADAPTER_RESOURCES SxpHwFreeAdapterResources;
BOOLEAN SxpEnableAdapter(_In_ PSXP_ADAPTER Adapter);
VOID SxpDisableAdapter(_In_ PSXP_ADAPTER Adapter);

/* io.c */
HW_BUILDIO SxpHwBuildIo;
HW_STARTIO SxpHwStartIo;
HW_RESET_BUS SxpHwResetBus;
VOID SxpCompleteSrb(_In_ PSXP_ADAPTER Adapter, _In_ PSCSI_REQUEST_BLOCK Srb, _In_ UCHAR SrbStatus);
VOID SxpFailOutstanding(_In_ PSXP_ADAPTER Adapter, _In_ UCHAR SrbStatus);

/* isr.c */
HW_INTERRUPT SxpHwInterrupt;
HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE SxpHwMessageInterrupt;
HW_DPC_ROUTINE SxpCompletionDpc;
HW_TIMER SxpHwTimer;
HW_TIMER_EX SxpIdleTimerCallback;
ULONG SxpDrainCompletions(_In_ PSXP_ADAPTER Adapter);

/* mgmt.c */
HW_WORKITEM SxpEventWorker;
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SxpQueueEventWork(_In_ PSXP_ADAPTER Adapter);
_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN SxpHandleIoControl(_In_ PSXP_ADAPTER Adapter, _In_ PSCSI_REQUEST_BLOCK Srb);
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SxpReadParameters(_In_ PSXP_ADAPTER Adapter);
_IRQL_requires_max_(PASSIVE_LEVEL)
VOID SxpSaveEventLog(_In_ PSXP_ADAPTER Adapter);
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID SxpRecordEvent(_In_ PSXP_ADAPTER Adapter, _In_ ULONG Code, _In_ ULONG Target);

/* Register access. */
FORCEINLINE ULONG SxpRead(_In_ PSXP_ADAPTER Adapter, _In_ PULONG Register)
{
    return StorPortReadRegisterUlong(Adapter, Register);
}

FORCEINLINE VOID SxpWrite(_In_ PSXP_ADAPTER Adapter, _In_ PULONG Register, _In_ ULONG Value)
{
    StorPortWriteRegisterUlong(Adapter, Register, Value);
}

#endif /* SXP_H */
