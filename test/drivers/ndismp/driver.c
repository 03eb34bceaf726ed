/*
 * driver.c -- Gx1000: driver entry, the adapter's life cycle (initialize,
 * halt, pause, restart, reset, shutdown), configuration from the registry
 * and the hang check.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "ndismp.h"

NDIS_HANDLE GxDriverHandle;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, GxInitializeEx)
#pragma alloc_text(PAGE, GxHaltEx)
#pragma alloc_text(PAGE, GxUnload)
#pragma alloc_text(PAGE, GxReadConfiguration)
#pragma alloc_text(PAGE, GxDevicePnpEvent)
#endif

static
_IRQL_requires_(PASSIVE_LEVEL)
ULONG
GxReadInteger (
    _In_ NDIS_HANDLE ConfigHandle,
    _In_ PCWSTR Name,
    _In_ ULONG Default,
    _In_ ULONG Minimum,
    _In_ ULONG Maximum
    )
{
    NDIS_STATUS Status;
    PNDIS_CONFIGURATION_PARAMETER Parameter;
    NDIS_STRING Keyword;
    ULONG Value = Default;

    RtlInitUnicodeString(&Keyword, Name);
    NdisReadConfiguration(&Status, &Parameter, ConfigHandle, &Keyword, NdisParameterInteger);
    if (Status == NDIS_STATUS_SUCCESS) {
        Value = Parameter->ParameterData.IntegerData;
        if (Value < Minimum || Value > Maximum) {
            Value = Default;
        }
    }
    return Value;
}

_Use_decl_annotations_
NDIS_STATUS
GxReadConfiguration (
    PGX_ADAPTER Adapter
    )
{
    NDIS_CONFIGURATION_OBJECT ConfigObject;
    NDIS_HANDLE ConfigHandle = NULL;
    NDIS_STATUS Status;
    PVOID NetworkAddress;
    UINT Length;

    PAGED_CODE();

    NdisZeroMemory(&ConfigObject, sizeof(ConfigObject));
    ConfigObject.Header.Size = sizeof(ConfigObject);
    ConfigObject.NdisHandle = Adapter->AdapterHandle;

    Status = NdisOpenConfigurationEx(&ConfigObject, &ConfigHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        return Status;
    }

    Adapter->RequestedSpeedMbps = GxReadInteger(ConfigHandle, L"*SpeedDuplex", 0, 0, 1000);
    Adapter->InterruptModeration = GxReadInteger(ConfigHandle, L"*InterruptModeration", 1, 0, 1);

    NdisReadNetworkAddress(&Status, &NetworkAddress, &Length, ConfigHandle);
    if (Status == NDIS_STATUS_SUCCESS && Length == GX_MAC_LENGTH &&
        (((PUCHAR)NetworkAddress)[0] & 0x01) == 0) {
        NdisMoveMemory(Adapter->CurrentAddress, NetworkAddress, GX_MAC_LENGTH);
    } else {
        NdisMoveMemory(Adapter->CurrentAddress, Adapter->PermanentAddress, GX_MAC_LENGTH);
    }

    NdisCloseConfiguration(ConfigHandle);
    return NDIS_STATUS_SUCCESS;
}

/*
 * Stops the DMA engines and masks every interrupt.  Called from halt, from
 * reset and from shutdown, which may run at HIGH_LEVEL on the bug-check
 * path: register writes and stalls only.
 */
_Use_decl_annotations_
VOID
GxStopHardware (
    PGX_ADAPTER Adapter
    )
{
    PGX_REGISTERS Regs = Adapter->Registers;
    ULONG Poll;

    Regs->InterruptMaskClear = 0xFFFFFFFF;
    Regs->ReceiveControl &= ~GX_RCTL_ENABLE;
    Regs->TransmitControl &= ~GX_TCTL_ENABLE;

    for (Poll = 0; Poll < GX_RESET_POLL_COUNT; Poll++) {
        if (Regs->TxHead == Regs->TxTail) {
            break;
        }
        NdisStallExecution(GX_RESET_POLL_US);
    }
    (VOID)Regs->InterruptCause;
}

_Use_decl_annotations_
NDIS_STATUS
GxResetHardware (
    PGX_ADAPTER Adapter
    )
{
    PGX_REGISTERS Regs = Adapter->Registers;
    ULONG Poll;

    GxStopHardware(Adapter);
    Regs->Control |= GX_CTRL_RESET;

    /* the reset takes up to a millisecond; sleep rather than spin */
    for (Poll = 0; Poll < GX_RESET_POLL_COUNT; Poll++) {
        NdisMSleep(GX_RESET_POLL_US * 10);
        if ((Regs->Control & GX_CTRL_RESET) == 0) {
            break;
        }
    }
    if (Regs->Control & GX_CTRL_RESET) {
        return NDIS_STATUS_HARD_ERRORS;
    }

    Regs->ReceiveAddressLow = *(ULONG *)&Adapter->CurrentAddress[0];
    Regs->ReceiveAddressHigh = *(USHORT *)&Adapter->CurrentAddress[4] | 0x80000000;
    Regs->InterruptThrottle = Adapter->InterruptModeration ? 196 : 0;
    Regs->Control |= GX_CTRL_LINK_UP;
    return NDIS_STATUS_SUCCESS;
}

static
_IRQL_requires_(PASSIVE_LEVEL)
VOID
GxFreeAdapter (
    _In_ PGX_ADAPTER Adapter
    )
{
    if (Adapter->OidWorkItem != NULL) {
        NdisFreeIoWorkItem(Adapter->OidWorkItem);
    }
    if (Adapter->WatchdogTimer != NULL) {
        NdisCancelTimerObject(Adapter->WatchdogTimer);
        NdisFreeTimerObject(Adapter->WatchdogTimer);
    }
    if (Adapter->InterruptHandle != NULL) {
        NdisMDeregisterInterruptEx(Adapter->InterruptHandle);
    }
    GxFreeReceiveRing(Adapter);
    GxFreeTransmitRing(Adapter);
    if (Adapter->DmaHandle != NULL) {
        NdisMDeregisterScatterGatherDma(Adapter->DmaHandle);
    }
    if (Adapter->NblPool != NULL) {
        NdisFreeNetBufferListPool(Adapter->NblPool);
    }
    if (Adapter->FilterLock != NULL) {
        NdisFreeRWLock(Adapter->FilterLock);
    }
    if (Adapter->Registers != NULL) {
        NdisMUnmapIoSpace(Adapter->AdapterHandle, (PVOID)Adapter->Registers, GX_REGISTER_LENGTH);
    }
    NdisFreeSpinLock(&Adapter->SendLock);
    NdisFreeSpinLock(&Adapter->RecvLock);
    NdisFreeSpinLock(&Adapter->StateLock);
    NdisFreeMemoryWithTagPriority(Adapter->AdapterHandle, Adapter, GX_POOL_TAG);
}

_Use_decl_annotations_
NDIS_STATUS
GxInitializeEx (
    NDIS_HANDLE MiniportAdapterHandle,
    NDIS_HANDLE MiniportDriverContext,
    PNDIS_MINIPORT_INIT_PARAMETERS MiniportInitParameters
    )
{
    NDIS_MINIPORT_ADAPTER_ATTRIBUTES Attributes;
    NDIS_SG_DMA_DESCRIPTION DmaDescription;
    NDIS_TIMER_CHARACTERISTICS TimerChars;
    NET_BUFFER_LIST_POOL_PARAMETERS PoolParameters;
    LARGE_INTEGER DueTime;
    PGX_ADAPTER Adapter;
    NDIS_STATUS Status;
    ULONG ErrorCode = NDIS_ERROR_CODE_OUT_OF_RESOURCES;

    UNREFERENCED_PARAMETER(MiniportDriverContext);
    UNREFERENCED_PARAMETER(MiniportInitParameters);
    PAGED_CODE();

    Adapter = NdisAllocateMemoryWithTagPriority(MiniportAdapterHandle, sizeof(GX_ADAPTER),
                                                GX_POOL_TAG, NormalPoolPriority);
    if (Adapter == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Adapter, sizeof(GX_ADAPTER));
    Adapter->AdapterHandle = MiniportAdapterHandle;
    Adapter->State = GxStateInitializing;
    NdisAllocateSpinLock(&Adapter->StateLock);
    NdisAllocateSpinLock(&Adapter->SendLock);
    NdisAllocateSpinLock(&Adapter->RecvLock);
    NdisInitializeEvent(&Adapter->OidIdle);
    NdisSetEvent(&Adapter->OidIdle);

    /* registration attributes first: NDIS needs the context for everything else */
    NdisZeroMemory(&Attributes, sizeof(Attributes));
    Attributes.Header.Size = sizeof(Attributes);
    Attributes.MiniportAdapterContext = Adapter;
    Attributes.AttributeFlags = NDIS_MINIPORT_ATTRIBUTES_HARDWARE_DEVICE |
                                NDIS_MINIPORT_ATTRIBUTES_BUS_MASTER;
    Attributes.CheckForHangTimeInSeconds = 4;
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &Attributes);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Adapter->FilterLock = NdisAllocateRWLock(MiniportAdapterHandle);
    if (Adapter->FilterLock == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    Adapter->RegisterPa.QuadPart = 0xF7D00000;
    Status = NdisMMapIoSpace((PVOID *)&Adapter->Registers, MiniportAdapterHandle,
                             Adapter->RegisterPa, GX_REGISTER_LENGTH);
    if (Status != NDIS_STATUS_SUCCESS) {
        ErrorCode = NDIS_ERROR_CODE_ADAPTER_NOT_FOUND;
        goto Fail;
    }
    *(ULONG *)&Adapter->PermanentAddress[0] = Adapter->Registers->ReceiveAddressLow;
    *(USHORT *)&Adapter->PermanentAddress[4] =
        (USHORT)Adapter->Registers->ReceiveAddressHigh;

    Status = GxReadConfiguration(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    /* general attributes: what the upper layers see */
    Attributes.MediaType = 0; /* NdisMedium802_3 */
    Attributes.MtuSize = GX_MAX_FRAME_SIZE - 14;
    Attributes.MaxXmitLinkSpeed = 1000000000ULL;
    Attributes.MaxRcvLinkSpeed = 1000000000ULL;
    Attributes.MacAddressLength = GX_MAC_LENGTH;
    NdisMoveMemory(Attributes.PermanentMacAddress, Adapter->PermanentAddress, GX_MAC_LENGTH);
    NdisMoveMemory(Attributes.CurrentMacAddress, Adapter->CurrentAddress, GX_MAC_LENGTH);
    Status = NdisMSetMiniportAttributes(MiniportAdapterHandle, &Attributes);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    NdisZeroMemory(&DmaDescription, sizeof(DmaDescription));
    DmaDescription.Header.Size = sizeof(DmaDescription);
    DmaDescription.Flags = NDIS_SG_DMA_64_BIT_ADDRESS;
    DmaDescription.MaximumPhysicalMapping = GX_MAX_FRAME_SIZE * 64;
    DmaDescription.ProcessSGListHandler = GxProcessSgList;
    Status = NdisMRegisterScatterGatherDma(MiniportAdapterHandle, &DmaDescription,
                                           &Adapter->DmaHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }
    Adapter->SgListSize = DmaDescription.ScatterGatherListSize;

    NdisZeroMemory(&PoolParameters, sizeof(PoolParameters));
    PoolParameters.Header.Size = sizeof(PoolParameters);
    PoolParameters.fAllocateNetBuffer = TRUE;
    PoolParameters.PoolTag = GX_POOL_TAG;
    Adapter->NblPool = NdisAllocateNetBufferListPool(MiniportAdapterHandle, &PoolParameters);
    if (Adapter->NblPool == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    Status = GxAllocateTransmitRing(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }
    Status = GxAllocateReceiveRing(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    Status = GxResetHardware(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        ErrorCode = NDIS_ERROR_CODE_HARDWARE_FAILURE;
        goto Fail;
    }

    Status = GxRegisterInterrupt(Adapter);
    if (Status != NDIS_STATUS_SUCCESS) {
        ErrorCode = NDIS_ERROR_CODE_INTERRUPT_CONNECT;
        goto Fail;
    }

    Adapter->OidWorkItem = NdisAllocateIoWorkItem(MiniportAdapterHandle);
    if (Adapter->OidWorkItem == NULL) {
        Status = NDIS_STATUS_RESOURCES;
        goto Fail;
    }

    NdisZeroMemory(&TimerChars, sizeof(TimerChars));
    TimerChars.Header.Size = sizeof(TimerChars);
    TimerChars.AllocationTag = GX_POOL_TAG;
    TimerChars.TimerFunction = GxWatchdogTimer;
    TimerChars.FunctionContext = Adapter;
    Status = NdisAllocateTimerObject(MiniportAdapterHandle, &TimerChars, &Adapter->WatchdogTimer);
    if (Status != NDIS_STATUS_SUCCESS) {
        goto Fail;
    }

    GxSetInterruptMask(Adapter, GX_ICR_ALL);
    DueTime.QuadPart = -10000LL * GX_WATCHDOG_PERIOD_MS;
    NdisSetTimerObject(Adapter->WatchdogTimer, DueTime, GX_WATCHDOG_PERIOD_MS, NULL);

    Adapter->State = GxStatePaused;
    return NDIS_STATUS_SUCCESS;

Fail:
    NdisWriteErrorLogEntry(MiniportAdapterHandle, ErrorCode, 1, (ULONG)Status);
    GxFreeAdapter(Adapter);
    return Status;
}

_Use_decl_annotations_
VOID
GxHaltEx (
    NDIS_HANDLE MiniportAdapterContext,
    NDIS_HALT_ACTION HaltAction
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    PAGED_CODE();

    if (HaltAction != NdisHaltDeviceSurpriseRemoved) {
        GxStopHardware(Adapter);
    }

    /* a pended OID still owns the work item: wait for it */
    NdisWaitEvent(&Adapter->OidIdle, 0);

    /* NDIS calls nothing else on the adapter once halt has begun */
    Adapter->State = GxStateHalted;
    GxFreeAdapter(Adapter);
}

_Use_decl_annotations_
VOID
GxUnload (
    PDRIVER_OBJECT DriverObject
    )
{
    UNREFERENCED_PARAMETER(DriverObject);
    PAGED_CODE();

    NdisMDeregisterMiniportDriver(GxDriverHandle);
}

_Use_decl_annotations_
NDIS_STATUS
GxPause (
    NDIS_HANDLE MiniportAdapterContext,
    PNDIS_MINIPORT_PAUSE_PARAMETERS PauseParameters
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;
    NDIS_STATUS Status;

    UNREFERENCED_PARAMETER(PauseParameters);

    NdisAcquireSpinLock(&Adapter->StateLock);
    Adapter->State = GxStatePausing;
    NdisReleaseSpinLock(&Adapter->StateLock);

    /* no new sends are accepted now; drop the ones waiting for descriptors */
    GxFailWaitingSends(Adapter, NDIS_STATUS_PAUSED, FALSE);

    NdisAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->SendsOutstanding == 0 && Adapter->RxIndicated == 0) {
        Adapter->State = GxStatePaused;
        Status = NDIS_STATUS_SUCCESS;
    } else {
        /* the DPC completes the pause when the last send or receive returns */
        Status = NDIS_STATUS_PENDING;
    }
    NdisReleaseSpinLock(&Adapter->StateLock);
    return Status;
}

/* For the DPC and the timer: the state lock without the raise */
static
_IRQL_requires_(DISPATCH_LEVEL)
VOID
GxSetStateAtDispatch (
    _In_ PGX_ADAPTER Adapter,
    _In_ GX_ADAPTER_STATE State
    )
{
    NdisDprAcquireSpinLock(&Adapter->StateLock);
    Adapter->State = State;
    NdisDprReleaseSpinLock(&Adapter->StateLock);
}

_Use_decl_annotations_
NDIS_STATUS
GxRestart (
    NDIS_HANDLE MiniportAdapterContext,
    PNDIS_MINIPORT_RESTART_PARAMETERS RestartParameters
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(RestartParameters);

    Adapter->Registers->ReceiveControl |= GX_RCTL_ENABLE;
    Adapter->Registers->TransmitControl |= GX_TCTL_ENABLE;

    GxSetStateAtDispatch(Adapter, GxStateRunning); // BUG(irql): MiniportRestartEx runs at PASSIVE_LEVEL; the helper takes the state lock with the Dpr variant, which needs DISPATCH_LEVEL expected-warning-re {{'GxSetStateAtDispatch' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL{{.*}} [irql-not-required]}}

    GxIndicateLinkState(Adapter);
    return NDIS_STATUS_SUCCESS;
}

/*
 * Shutdown: on a bug check this runs at HIGH_LEVEL with the system in an
 * unknown state, so it must only touch registers -- no locks, no NDIS calls.
 */
_Use_decl_annotations_
VOID
GxShutdownEx (
    NDIS_HANDLE MiniportAdapterContext,
    NDIS_SHUTDOWN_ACTION ShutdownAction
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(ShutdownAction);

    NdisAcquireSpinLock(&Adapter->StateLock); // BUG(irql): on a bug check MiniportShutdownEx runs at HIGH_LEVEL, and the lock is taken on that path too expected-warning-re {{'GxShutdownEx' can be called at HIGH_LEVEL (its role MINIPORT_SHUTDOWN), but calls 'NdisAcquireSpinLock'{{.*}} [irql-too-high]}}
    Adapter->State = GxStateHalted;
    NdisReleaseSpinLock(&Adapter->StateLock);
    GxStopHardware(Adapter);
    Adapter->Registers->Control |= GX_CTRL_RESET;
    NdisStallExecution(50);
}

/*
 * Hang check: NDIS calls it every CheckForHangTimeInSeconds.  The transmit
 * ring is stuck if descriptors are outstanding and the clean index has not
 * moved for two checks.
 */
_Use_decl_annotations_
BOOLEAN
GxCheckForHangEx (
    NDIS_HANDLE MiniportAdapterContext
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;
    BOOLEAN Hung = FALSE;

    NdisAcquireSpinLock(&Adapter->SendLock);
    if (Adapter->TxFree < GX_TX_RING_SIZE && Adapter->TxClean == Adapter->LastTxClean) {
        if (++Adapter->HangTicks >= 2) {
            Hung = TRUE;
        }
    } else {
        Adapter->HangTicks = 0;
    }
    Adapter->LastTxClean = Adapter->TxClean;
    NdisReleaseSpinLock(&Adapter->SendLock);

    if (Hung) {
        GxLogError(Adapter, NDIS_ERROR_CODE_HARDWARE_FAILURE, Adapter->TxClean);
    }
    return Hung;
}

_Use_decl_annotations_
NDIS_STATUS
GxResetEx (
    NDIS_HANDLE MiniportAdapterContext,
    PBOOLEAN AddressingReset
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    *AddressingReset = FALSE;

    NdisAcquireSpinLock(&Adapter->StateLock);
    if (Adapter->State == GxStateResetting) {
        NdisReleaseSpinLock(&Adapter->StateLock);
        return NDIS_STATUS_RESET_IN_PROGRESS;
    }
    Adapter->State = GxStateResetting;
    NdisReleaseSpinLock(&Adapter->StateLock);

    GxStopHardware(Adapter);
    GxFailWaitingSends(Adapter, NDIS_STATUS_RESET_IN_PROGRESS, FALSE);

    /* the PHY needs PASSIVE_LEVEL: the work item finishes the reset */
    NdisAcquireSpinLock(&Adapter->StateLock);
    Adapter->PendedOid.Request = NULL;
    Adapter->PendedOid.NewLinkSpeed = Adapter->RequestedSpeedMbps;
    NdisReleaseSpinLock(&Adapter->StateLock);
    NdisQueueIoWorkItem(Adapter->OidWorkItem, GxOidWorker, Adapter);
    return NDIS_STATUS_PENDING;
}

_Use_decl_annotations_
VOID
GxDevicePnpEvent (
    NDIS_HANDLE MiniportAdapterContext,
    PNET_DEVICE_PNP_EVENT NetDevicePnPEvent
    )
{
    PGX_ADAPTER Adapter = (PGX_ADAPTER)MiniportAdapterContext;

    UNREFERENCED_PARAMETER(NetDevicePnPEvent);
    PAGED_CODE();

    /* surprise removal: stop touching the hardware (the DPC and the
       watchdog read State without the lock; a stale read only costs one
       more register access) */
    InterlockedExchange((LONG volatile *)&Adapter->State, GxStateHalted);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_MINIPORT_DRIVER_CHARACTERISTICS Chars;
    NDIS_STATUS Status;

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.Header.Size = sizeof(Chars);
    Chars.MajorNdisVersion = GX_NDIS_MAJOR;
    Chars.MinorNdisVersion = GX_NDIS_MINOR;
    Chars.MajorDriverVersion = GX_DRIVER_MAJOR;
    Chars.MinorDriverVersion = GX_DRIVER_MINOR;
    Chars.InitializeHandlerEx = GxInitializeEx;
    Chars.HaltHandlerEx = GxHaltEx;
    Chars.UnloadHandler = GxUnload;
    Chars.PauseHandler = GxPause;
    Chars.RestartHandler = GxRestart;
    Chars.OidRequestHandler = GxOidRequest;
    Chars.SendNetBufferListsHandler = GxSendNetBufferLists;
    Chars.ReturnNetBufferListsHandler = GxReturnNetBufferLists;
    Chars.CancelSendHandler = GxCancelSend;
    Chars.CheckForHangHandlerEx = GxCheckForHangEx;
    Chars.ResetHandlerEx = GxResetEx;
    Chars.DevicePnPEventNotifyHandler = GxDevicePnpEvent;
    Chars.ShutdownHandlerEx = GxShutdownEx;
    Chars.CancelOidRequestHandler = GxCancelOidRequest;

    Status = NdisMRegisterMiniportDriver(DriverObject, RegistryPath, NULL, &Chars,
                                         &GxDriverHandle);
    return Status == NDIS_STATUS_SUCCESS ? STATUS_SUCCESS : STATUS_UNSUCCESSFUL;
}
