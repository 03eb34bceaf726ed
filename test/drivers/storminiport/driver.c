/*
 * driver.c -- Sxp: driver entry, HwStorFindAdapter (resources, the rings'
 * uncached extension, port configuration), HwStorInitialize, the passive
 * initialization (DPC, idle timer, event worker), adapter and unit control.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
// expected-no-diagnostics
#include "sxp.h"

ULONG DriverEntry(_In_ PVOID DriverObject, _In_ PVOID RegistryPath);

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, SxpHwFindAdapter)
#pragma alloc_text(PAGE, SxpHwPassiveInitialize)
#endif

static const UCHAR SxpVendorId[] = "1D0F";
static const UCHAR SxpDeviceId[] = "8061";

ULONG
DriverEntry(
    _In_ PVOID DriverObject,
    _In_ PVOID RegistryPath
    )
{
    HW_INITIALIZATION_DATA init;
    ULONG status;

    RtlZeroMemory(&init, sizeof(init));
    init.HwInitializationDataSize = sizeof(HW_INITIALIZATION_DATA);
    init.AdapterInterfaceType = PCIBus;

    init.HwFindAdapter = SxpHwFindAdapter;
    init.HwInitialize = SxpHwInitialize;
    init.HwBuildIo = SxpHwBuildIo;
    init.HwStartIo = SxpHwStartIo;
    init.HwInterrupt = SxpHwInterrupt;
    init.HwResetBus = SxpHwResetBus;
    init.HwAdapterControl = SxpHwAdapterControl;
    init.HwUnitControl = SxpHwUnitControl;
    init.HwFreeAdapterResources = SxpHwFreeAdapterResources;

    init.DeviceExtensionSize = sizeof(SXP_ADAPTER);
    init.SpecificLuExtensionSize = sizeof(SXP_LUN_EXTENSION);
    init.SrbExtensionSize = sizeof(SXP_SRB_EXTENSION);
    init.NumberOfAccessRanges = 1;
    init.MapBuffers = FALSE;
    init.NeedPhysicalAddresses = TRUE;
    init.TaggedQueuing = TRUE;
    init.AutoRequestSense = TRUE;
    init.MultipleRequestPerLu = TRUE;
    init.VendorId = (PVOID)SxpVendorId;
    init.VendorIdLength = (USHORT)(sizeof(SxpVendorId) - 1);
    init.DeviceId = (PVOID)SxpDeviceId;
    init.DeviceIdLength = (USHORT)(sizeof(SxpDeviceId) - 1);
    init.FeatureSupport = STOR_FEATURE_FULL_PNP_DEVICE_CAPABILITIES;
    init.SrbTypeFlags = SRB_TYPE_FLAG_SCSI_REQUEST_BLOCK;

    status = StorPortInitialize(DriverObject, RegistryPath, &init, NULL);
    SxpTrace(1, "Sxp: StorPortInitialize returned %08x\n", status);
    return status;
}

/*
 * Maps BAR 0 and checks the adapter answers with a version we know.
 */
static BOOLEAN
SxpMapRegisters(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PPORT_CONFIGURATION_INFORMATION Config
    )
{
    PACCESS_RANGE range;
    ULONG version;

    if (Config->NumberOfAccessRanges < 1) {
        return FALSE;
    }
    range = &(*Config->AccessRanges)[0];
    if (!range->RangeInMemory || range->RangeLength < sizeof(SXP_REGISTERS)) {
        return FALSE;
    }

    Adapter->Registers = (PSXP_REGISTERS)StorPortGetDeviceBase(Adapter,
                                                               Config->AdapterInterfaceType,
                                                               Config->SystemIoBusNumber,
                                                               range->RangeStart,
                                                               range->RangeLength,
                                                               FALSE);
    if (Adapter->Registers == NULL) {
        return FALSE;
    }

    version = SxpRead(Adapter, &Adapter->Registers->Version);
    if ((version >> 16) != 1) {
        StorPortLogError(Adapter, NULL, 0, 0, 0, SP_INTERNAL_ADAPTER_ERROR, version);
        return FALSE;
    }
    return TRUE;
}

/*
 * The rings and the event log live in one uncached extension, which
 * Storport allocates only from HwStorFindAdapter.
 */
static BOOLEAN
SxpAllocateRings(
    _In_ PSXP_ADAPTER Adapter,
    _In_ PPORT_CONFIGURATION_INFORMATION Config
    )
{
    ULONG length;

    Adapter->Shared = (PSXP_SHARED)StorPortGetUncachedExtension(Adapter, Config,
                                                                sizeof(SXP_SHARED));
    if (Adapter->Shared == NULL) {
        return FALSE;
    }
    RtlZeroMemory(Adapter->Shared, sizeof(SXP_SHARED));

    length = sizeof(SXP_SHARED);
    Adapter->SharedPhysical = StorPortGetPhysicalAddress(Adapter, NULL, Adapter->Shared, &length);
    if (length < sizeof(SXP_SHARED)) {
        /* The rings must be physically contiguous. */
        return FALSE;
    }
    Adapter->SharedLength = length;
    return TRUE;
}

ULONG
SxpHwFindAdapter(
    _In_ PVOID DeviceExtension,
    _In_ PVOID HwContext,
    _In_ PVOID BusInformation,
    _In_z_ PCHAR ArgumentString,
    _Inout_ PPORT_CONFIGURATION_INFORMATION Config,
    _In_ PBOOLEAN Reserved3
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);

    PAGED_CODE();

    UNREFERENCED_PARAMETER(HwContext);
    UNREFERENCED_PARAMETER(BusInformation);
    UNREFERENCED_PARAMETER(ArgumentString);
    UNREFERENCED_PARAMETER(Reserved3);

    RtlZeroMemory(adapter, sizeof(*adapter));
    adapter->State = SxpStateStopped;
    adapter->QueueDepth = SXP_RING_DEPTH - 1;

    /* Registry parameters: PASSIVE_LEVEL, which HwStorFindAdapter is. */
    SxpReadParameters(adapter);

    if (!SxpMapRegisters(adapter, Config)) {
        return SP_RETURN_NOT_FOUND;
    }

    Config->MaximumTransferLength = SXP_MAX_TRANSFER;
    Config->NumberOfPhysicalBreaks = SXP_MAX_SG_ELEMENTS - 1;
    Config->AlignmentMask = 0x3;
    Config->NumberOfBuses = 1;
    Config->MaximumNumberOfTargets = SXP_MAX_TARGETS;
    Config->MaximumNumberOfLogicalUnits = SXP_MAX_LUNS;
    Config->ScatterGather = TRUE;
    Config->Master = TRUE;
    Config->CachesData = adapter->WriteCacheEnabled != 0;
    Config->Dma64BitAddresses = SCSI_DMA64_MINIPORT_FULL64BIT_SUPPORTED;
    Config->SynchronizationModel = StorSynchronizeFullDuplex;
    Config->MaxNumberOfIO = SXP_RING_DEPTH - 1;
    Config->InitialLunQueueDepth = adapter->QueueDepth;
    Config->InterruptSynchronizationMode = InterruptSynchronizeAll;
    Config->HwMSInterruptRoutine = SxpHwMessageInterrupt;

    if (!SxpAllocateRings(adapter, Config)) {
        StorPortLogError(adapter, NULL, 0, 0, 0, SP_INTERNAL_ADAPTER_ERROR, 1);
        return SP_RETURN_ERROR;
    }

    SxpTrace(1, "Sxp: adapter %p found, rings at %I64x\n", adapter,
             adapter->SharedPhysical.QuadPart);
    return SP_RETURN_FOUND;
}

/*
 * Programs the ring addresses and enables the adapter. Called from
 * HwStorInitialize and from ScsiRestartAdapter, at DISPATCH_LEVEL or DIRQL:
 * register accesses and stalls only.
 */
BOOLEAN
SxpEnableAdapter(
    _In_ PSXP_ADAPTER Adapter
    )
{
    PSXP_REGISTERS regs = Adapter->Registers;
    ULONGLONG submission = (ULONGLONG)Adapter->SharedPhysical.QuadPart;
    ULONGLONG completion = submission + FIELD_OFFSET(SXP_SHARED, Completion);
    ULONG wait;

    SxpWrite(Adapter, &regs->Control, SXP_CONTROL_RESET);
    for (wait = 0; wait < 1000; wait++) {
        if ((SxpRead(Adapter, &regs->Control) & SXP_CONTROL_RESET) == 0) {
            break;
        }
        StorPortStallExecution(10);
    }
    if (wait == 1000) {
        return FALSE;
    }

    SxpWrite(Adapter, &regs->SubmissionBaseLow, (ULONG)submission);
    SxpWrite(Adapter, &regs->SubmissionBaseHigh, (ULONG)(submission >> 32));
    SxpWrite(Adapter, &regs->CompletionBaseLow, (ULONG)completion);
    SxpWrite(Adapter, &regs->CompletionBaseHigh, (ULONG)(completion >> 32));
    SxpWrite(Adapter, &regs->RingDepth, SXP_RING_DEPTH);

    Adapter->SubmissionTail = 0;
    Adapter->CompletionHead = 0;
    Adapter->CompletionPhase = 1;

    SxpWrite(Adapter, &regs->Control, SXP_CONTROL_ENABLE);
    for (wait = 0; wait < 5000; wait++) {
        ULONG status = SxpRead(Adapter, &regs->Status);
        if (status & SXP_STATUS_FATAL) {
            return FALSE;
        }
        if (status & SXP_STATUS_READY) {
            break;
        }
        StorPortStallExecution(100);
    }
    if (wait == 5000) {
        return FALSE;
    }

    SxpWrite(Adapter, &regs->InterruptMask, 0);
    Adapter->State = SxpStateRunning;
    return TRUE;
}

/*
 * Masks interrupts and shuts the adapter down (ScsiStopAdapter, at DIRQL
 * under the interrupt lock).
 */
VOID
SxpDisableAdapter(
    _In_ PSXP_ADAPTER Adapter
    )
{
    PSXP_REGISTERS regs = Adapter->Registers;
    ULONG wait;

    SxpWrite(Adapter, &regs->InterruptMask, SXP_INT_ALL);
    SxpWrite(Adapter, &regs->Control, SXP_CONTROL_SHUTDOWN);
    for (wait = 0; wait < 1000; wait++) {
        if (SxpRead(Adapter, &regs->Status) & SXP_STATUS_SHUTDOWN_DONE) {
            break;
        }
        StorPortStallExecution(50);
    }
    Adapter->State = SxpStateStopped;
}

BOOLEAN
SxpHwInitialize(
    _In_ PVOID DeviceExtension
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);

    adapter->State = SxpStateStarting;
    if (!SxpEnableAdapter(adapter)) {
        adapter->State = SxpStateFailed;
        StorPortLogError(adapter, NULL, 0, 0, 0, SP_INTERNAL_ADAPTER_ERROR, 2);
        return FALSE;
    }

    /* The DPC, the idle timer and the event worker need PASSIVE_LEVEL. */
    if (!StorPortEnablePassiveInitialization(adapter, SxpHwPassiveInitialize)) {
        adapter->State = SxpStateFailed;
        return FALSE;
    }
    return TRUE;
}

BOOLEAN
SxpHwPassiveInitialize(
    _In_ PVOID DeviceExtension
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    ULONG status;

    PAGED_CODE();

    StorPortInitializeDpc(adapter, &adapter->CompletionDpc, SxpCompletionDpc);

    status = StorPortInitializeTimer(adapter, &adapter->IdleTimer);
    if (status != STOR_STATUS_SUCCESS) {
        adapter->IdleTimer = NULL;
    }

    status = StorPortInitializeWorker(adapter, &adapter->EventWorker);
    if (status != STOR_STATUS_SUCCESS) {
        adapter->EventWorker = NULL;
    }

    /* Events the firmware logged before we started. */
    SxpSaveEventLog(adapter);

    /* The watchdog: every second, at DISPATCH_LEVEL. */
    StorPortNotification(RequestTimerCall, adapter, SxpHwTimer, SXP_WATCHDOG_USEC);

    adapter->PassiveInitDone = TRUE;
    return TRUE;
}

/*
 * Frees what the passive initialization set up (the adapter is stopped
 * for good).
 */
VOID
SxpHwFreeAdapterResources(
    _In_ PVOID DeviceExtension
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);

    if (adapter->IdleTimer != NULL) {
        StorPortFreeTimer(adapter, adapter->IdleTimer);
        adapter->IdleTimer = NULL;
    }
    if (adapter->EventWorker != NULL) {
        StorPortFreeWorker(adapter, adapter->EventWorker);
        adapter->EventWorker = NULL;
    }
}

static VOID
SxpReportSupported(
    _Inout_ PSCSI_SUPPORTED_CONTROL_TYPE_LIST List
    )
{
    ULONG i;
    static const SCSI_ADAPTER_CONTROL_TYPE supported[] = {
        ScsiQuerySupportedControlTypes, ScsiStopAdapter, ScsiRestartAdapter,
        ScsiSetRunningConfig, ScsiAdapterSurpriseRemoval
    };

    for (i = 0; i < sizeof(supported) / sizeof(supported[0]); i++) {
        if ((ULONG)supported[i] < List->MaxControlType) {
            List->SupportedTypeList[supported[i]] = TRUE;
        }
    }
}

SCSI_ADAPTER_CONTROL_STATUS
SxpHwAdapterControl(
    _In_ PVOID DeviceExtension,
    _In_ SCSI_ADAPTER_CONTROL_TYPE ControlType,
    _In_ PVOID Parameters
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);

    switch (ControlType) {
    case ScsiQuerySupportedControlTypes:
        SxpReportSupported((PSCSI_SUPPORTED_CONTROL_TYPE_LIST)Parameters);
        break;

    case ScsiStopAdapter:
        /* DIRQL, interrupt lock held. */
        SxpDisableAdapter(adapter);
        break;

    case ScsiRestartAdapter:
        /* DIRQL, interrupt lock held: the same path as HwStorInitialize. */
        if (!SxpEnableAdapter(adapter)) {
            adapter->State = SxpStateFailed;
            return ScsiAdapterControlUnsuccessful;
        }
        break;

    case ScsiSetRunningConfig:
        /* PASSIVE_LEVEL: reread the tunables. */
        SxpReadParameters(adapter);
        break;

    case ScsiAdapterSurpriseRemoval:
        adapter->State = SxpStateFailed;
        break;

    default:
        return ScsiAdapterControlUnsuccessful;
    }
    return ScsiAdapterControlSuccess;
}

SCSI_UNIT_CONTROL_STATUS
SxpHwUnitControl(
    _In_ PVOID DeviceExtension,
    _In_ SCSI_UNIT_CONTROL_TYPE ControlType,
    _In_ PVOID Parameters
    )
{
    PSXP_ADAPTER adapter = SxpAdapter(DeviceExtension);
    PSCSI_SUPPORTED_CONTROL_TYPE_LIST list;

    switch (ControlType) {
    case ScsiQuerySupportedUnitControlTypes:
        list = (PSCSI_SUPPORTED_CONTROL_TYPE_LIST)Parameters;
        if (ScsiUnitStart < list->MaxControlType) {
            list->SupportedTypeList[ScsiUnitStart] = TRUE;
        }
        if (ScsiUnitRemove < list->MaxControlType) {
            list->SupportedTypeList[ScsiUnitRemove] = TRUE;
        }
        break;

    case ScsiUnitStart:
        SxpTrace(2, "Sxp: unit start\n");
        break;

    case ScsiUnitRemove:
        /* The requests of a removed unit fail in the DPC. */
        adapter->Stats.Errors += 0;
        break;

    default:
        return ScsiUnitControlUnsuccessful;
    }
    return ScsiUnitControlSuccess;
}
