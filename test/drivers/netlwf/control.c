/*
 * control.c -- NetFlowLwf: the KMDF control device (counters and settings
 * for user mode), the aging timer and the report work item.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "netlwf.h"

typedef struct _NLF_CONTROL_CONTEXT {
    ULONG OpenCount;
    NLF_COUNTERS LastReport;
} NLF_CONTROL_CONTEXT, *PNLF_CONTROL_CONTEXT;

WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(NLF_CONTROL_CONTEXT, NlfGetControlContext)

#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, NlfCreateControlDevice)
#pragma alloc_text(PAGE, NlfDeleteControlDevice)
#pragma alloc_text(PAGE, NlfEvtReportWorkItem)
#endif

_Use_decl_annotations_
VOID
NlfReadCounters (
    PNLF_MODULE Module,
    PNLF_COUNTERS Counters
    )
{
    WdfSpinLockAcquire(Module->CounterLock);
    *Counters = Module->Counters;
    WdfSpinLockRelease(Module->CounterLock);
}

/* adds up every module's counters under the module list lock */
static
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID
NlfSumCounters (
    _Out_ PNLF_COUNTERS Total
    )
{
    PLIST_ENTRY Entry;

    NdisZeroMemory(Total, sizeof(*Total));

    NdisAcquireSpinLock(&NlfGlobals.ModuleListLock);
    for (Entry = NlfGlobals.ModuleList.Flink; Entry != &NlfGlobals.ModuleList; Entry = Entry->Flink) {
        PNLF_MODULE Module = CONTAINING_RECORD(Entry, NLF_MODULE, Link);
        NLF_COUNTERS One;

        NlfReadCounters(Module, &One);
        Total->PacketsSent += One.PacketsSent;
        Total->PacketsReceived += One.PacketsReceived;
        Total->BytesSent += One.BytesSent;
        Total->BytesReceived += One.BytesReceived;
        Total->FlowsCreated += One.FlowsCreated;
        Total->FlowsAged += One.FlowsAged;
        Total->AllocationFailures += One.AllocationFailures;
    }
    NdisReleaseSpinLock(&NlfGlobals.ModuleListLock);
}

/* OID requests and the control device both change the settings */
_Use_decl_annotations_
NTSTATUS
NlfSetConfig (
    const NLF_CONFIG *Config
    )
{
    if (Config->MaxFlows == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    ExAcquireFastMutex(&NlfGlobals.ConfigMutex); // BUG(irql): NlfSetConfig is documented callable at DISPATCH_LEVEL (OID requests arrive there), but a fast mutex needs <= APC_LEVEL expected-warning-re {{'ExAcquireFastMutex'{{.*}} [irql-too-high]}}
    NlfGlobals.Config = *Config;
    ExReleaseFastMutex(&NlfGlobals.ConfigMutex);
    return STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
NlfEvtIoDeviceControl (
    WDFQUEUE Queue,
    WDFREQUEST Request,
    SIZE_T OutputBufferLength,
    SIZE_T InputBufferLength,
    ULONG IoControlCode
    )
{
    PNLF_CONTROL_CONTEXT Context = NlfGetControlContext(WdfIoQueueGetDevice(Queue));
    NTSTATUS Status;
    ULONG_PTR Information = 0;
    PVOID Buffer;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_NLF_GET_COUNTERS:
        Status = WdfRequestRetrieveOutputBuffer(Request, sizeof(NLF_COUNTERS), &Buffer, NULL);
        if (NT_SUCCESS(Status)) {
            NlfSumCounters((PNLF_COUNTERS)Buffer);
            Context->LastReport = *(PNLF_COUNTERS)Buffer;
            Information = sizeof(NLF_COUNTERS);
        }
        break;

    case IOCTL_NLF_SET_CONFIG:
        Status = WdfRequestRetrieveInputBuffer(Request, sizeof(NLF_CONFIG), &Buffer, NULL);
        if (NT_SUCCESS(Status)) {
            Status = NlfSetConfig((const NLF_CONFIG *)Buffer);
        }
        break;

    case IOCTL_NLF_RESET: {
        PLIST_ENTRY Entry;

        NdisAcquireSpinLock(&NlfGlobals.ModuleListLock);
        for (Entry = NlfGlobals.ModuleList.Flink; Entry != &NlfGlobals.ModuleList;
             Entry = Entry->Flink) {
            PNLF_MODULE Module = CONTAINING_RECORD(Entry, NLF_MODULE, Link);

            NlfFreeAllFlows(Module);
            WdfSpinLockAcquire(Module->CounterLock);
            NdisZeroMemory(&Module->Counters, sizeof(Module->Counters));
            WdfSpinLockRelease(Module->CounterLock);
        }
        NdisReleaseSpinLock(&NlfGlobals.ModuleListLock);
        Status = STATUS_SUCCESS;
        break;
    }

    default:
        Status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    WdfRequestCompleteWithInformation(Request, Status, Information);
}

_Use_decl_annotations_
VOID
NlfEvtAgingTimer (
    WDFTIMER Timer
    )
{
    PLIST_ENTRY Entry;

    UNREFERENCED_PARAMETER(Timer);

    NdisAcquireSpinLock(&NlfGlobals.ModuleListLock);
    for (Entry = NlfGlobals.ModuleList.Flink; Entry != &NlfGlobals.ModuleList; Entry = Entry->Flink) {
        NlfAgeFlows(CONTAINING_RECORD(Entry, NLF_MODULE, Link));
    }
    NdisReleaseSpinLock(&NlfGlobals.ModuleListLock);

    /* the report is written at PASSIVE_LEVEL */
    WdfWorkItemEnqueue(NlfGlobals.ReportWorkItem);
}

_Use_decl_annotations_
VOID
NlfEvtReportWorkItem (
    WDFWORKITEM WorkItem
    )
{
    NLF_COUNTERS Total;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(WorkItem);

    WdfWaitLockAcquire(NlfGlobals.ReportLock, NULL);
    NlfSumCounters(&Total);
    DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL,
               "netlwf: %I64u packets sent, %I64u received, %u flows aged\n",
               Total.PacketsSent, Total.PacketsReceived, Total.FlowsAged);
    WdfWaitLockRelease(NlfGlobals.ReportLock);
}

_Use_decl_annotations_
NTSTATUS
NlfCreateControlDevice (
    WDFDRIVER Driver
    )
{
    DECLARE_CONST_UNICODE_STRING(Sddl, L"D:P(A;;GA;;;SY)(A;;GA;;;BA)");
    DECLARE_CONST_UNICODE_STRING(DeviceName, L"\\Device\\NetFlowLwf");
    DECLARE_CONST_UNICODE_STRING(LinkName, L"\\DosDevices\\NetFlowLwf");
    WDF_OBJECT_ATTRIBUTES Attributes;
    WDF_IO_QUEUE_CONFIG QueueConfig;
    WDF_TIMER_CONFIG TimerConfig;
    WDF_WORKITEM_CONFIG WorkItemConfig;
    PWDFDEVICE_INIT DeviceInit;
    NTSTATUS Status;

    PAGED_CODE();

    DeviceInit = WdfControlDeviceInitAllocate(Driver, &Sddl);
    if (DeviceInit == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    Status = WdfDeviceInitAssignName(DeviceInit, &DeviceName);
    if (!NT_SUCCESS(Status)) {
        WdfDeviceInitFree(DeviceInit);
        return Status;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    WDF_OBJECT_ATTRIBUTES_SET_CONTEXT_TYPE(&Attributes, NLF_CONTROL_CONTEXT);
    Status = WdfDeviceCreate(&DeviceInit, &Attributes, &NlfGlobals.ControlDevice);
    if (!NT_SUCCESS(Status)) {
        WdfDeviceInitFree(DeviceInit);
        return Status;
    }

    Status = WdfDeviceCreateSymbolicLink(NlfGlobals.ControlDevice, &LinkName);
    if (!NT_SUCCESS(Status)) {
        goto Fail;
    }

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&QueueConfig, WdfIoQueueDispatchSequential);
    QueueConfig.EvtIoDeviceControl = NlfEvtIoDeviceControl;
    QueueConfig.PowerManaged = FALSE;
    Status = WdfIoQueueCreate(NlfGlobals.ControlDevice, &QueueConfig, WDF_NO_OBJECT_ATTRIBUTES, NULL);
    if (!NT_SUCCESS(Status)) {
        goto Fail;
    }

    Status = WdfWaitLockCreate(WDF_NO_OBJECT_ATTRIBUTES, &NlfGlobals.ReportLock);
    if (!NT_SUCCESS(Status)) {
        goto Fail;
    }

    WDF_WORKITEM_CONFIG_INIT(&WorkItemConfig, NlfEvtReportWorkItem);
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = (WDFOBJECT)NlfGlobals.ControlDevice;
    Status = WdfWorkItemCreate(&WorkItemConfig, &Attributes, &NlfGlobals.ReportWorkItem);
    if (!NT_SUCCESS(Status)) {
        goto Fail;
    }

    WDF_TIMER_CONFIG_INIT_PERIODIC(&TimerConfig, NlfEvtAgingTimer, NLF_AGING_PERIOD_MS);
    WDF_OBJECT_ATTRIBUTES_INIT(&Attributes);
    Attributes.ParentObject = (WDFOBJECT)NlfGlobals.ControlDevice;
    Status = WdfTimerCreate(&TimerConfig, &Attributes, &NlfGlobals.AgingTimer);
    if (!NT_SUCCESS(Status)) {
        goto Fail;
    }

    WdfControlFinishInitializing(NlfGlobals.ControlDevice);
    WdfTimerStart(NlfGlobals.AgingTimer, WDF_REL_TIMEOUT_IN_MS(NLF_AGING_PERIOD_MS));
    return STATUS_SUCCESS;

Fail:
    WdfObjectDelete((WDFOBJECT)NlfGlobals.ControlDevice);
    NlfGlobals.ControlDevice = NULL;
    return Status;
}

_Use_decl_annotations_
VOID
NlfDeleteControlDevice (
    VOID
    )
{
    PAGED_CODE();

    if (NlfGlobals.ControlDevice == NULL) {
        return;
    }
    WdfTimerStop(NlfGlobals.AgingTimer, TRUE);
    WdfObjectDelete((WDFOBJECT)NlfGlobals.ControlDevice);
    NlfGlobals.ControlDevice = NULL;
}
