/*
 * filter.c -- NetFlowLwf: driver entry and the filter module's life cycle
 * (attach, restart, pause, detach) and OID requests.
 */
//
// irqlcheck test input: compiled with the plugin at -O0 and -O2, and with
// clang-cl; -verify holds the file to exactly its BUG(irql) lines.
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cl /c /W4 /Fo%t.obj /imsvc %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note -- %s
#include "netlwf.h"

NLF_GLOBALS NlfGlobals;

static DRIVER_UNLOAD NlfUnload;

#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, DriverEntry)
#pragma alloc_text(PAGE, NlfAttach)
#pragma alloc_text(PAGE, NlfDetach)
#pragma alloc_text(PAGE, NlfRestart)
#pragma alloc_text(PAGE, NlfPause)
#pragma alloc_text(PAGE, NlfUnload)
#endif

_Use_decl_annotations_
NDIS_STATUS
NlfAttach (
    NDIS_HANDLE NdisFilterHandle,
    NDIS_HANDLE FilterDriverContext,
    PNDIS_FILTER_ATTACH_PARAMETERS AttachParameters
    )
{
    NDIS_FILTER_ATTRIBUTES Attributes;
    WDF_OBJECT_ATTRIBUTES LockAttributes;
    PNLF_MODULE Module;
    NDIS_STATUS Status;
    NTSTATUS NtStatus;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(FilterDriverContext);

    Module = (PNLF_MODULE)NdisAllocateMemoryWithTagPriority(NdisFilterHandle, sizeof(NLF_MODULE),
                                                             NLF_POOL_TAG, NormalPoolPriority);
    if (Module == NULL) {
        return NDIS_STATUS_RESOURCES;
    }
    NdisZeroMemory(Module, sizeof(NLF_MODULE));
    Module->FilterHandle = NdisFilterHandle;
    Module->State = NlfPaused;
    if (AttachParameters->BaseMiniportName != NULL) {
        Module->MiniportName = *AttachParameters->BaseMiniportName;
    }
    NdisAllocateSpinLock(&Module->StateLock);
    NdisInitializeEvent(&Module->PauseComplete);

    Module->FlowLock = NdisAllocateRWLock(NdisFilterHandle);
    if (Module->FlowLock == NULL) {
        NdisFreeSpinLock(&Module->StateLock);
        NdisFreeMemoryWithTagPriority(NdisFilterHandle, Module, NLF_POOL_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    WDF_OBJECT_ATTRIBUTES_INIT(&LockAttributes);
    LockAttributes.ParentObject = (WDFOBJECT)NlfGlobals.ControlDevice;
    NtStatus = WdfSpinLockCreate(&LockAttributes, &Module->CounterLock);
    if (!NT_SUCCESS(NtStatus)) {
        NdisFreeRWLock(Module->FlowLock);
        NdisFreeSpinLock(&Module->StateLock);
        NdisFreeMemoryWithTagPriority(NdisFilterHandle, Module, NLF_POOL_TAG);
        return NDIS_STATUS_RESOURCES;
    }

    NdisZeroMemory(&Attributes, sizeof(Attributes));
    Status = NdisFSetAttributes(NdisFilterHandle, Module, &Attributes);
    if (Status != NDIS_STATUS_SUCCESS) {
        WdfObjectDelete((WDFOBJECT)Module->CounterLock);
        NdisFreeRWLock(Module->FlowLock);
        NdisFreeSpinLock(&Module->StateLock);
        NdisFreeMemoryWithTagPriority(NdisFilterHandle, Module, NLF_POOL_TAG);
        return Status;
    }

    NdisAcquireSpinLock(&NlfGlobals.ModuleListLock); // BUG(irql): a routine that takes a spin lock cannot be pageable (Driver Verifier pages pageable code out at the raise) expected-warning-re {{pageable function 'NlfAttach' raises the IRQL{{.*}} [irql-paged-raise]}}
    InsertTailList(&NlfGlobals.ModuleList, &Module->Link);
    NdisReleaseSpinLock(&NlfGlobals.ModuleListLock);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
VOID
NlfDetach (
    NDIS_HANDLE FilterModuleContext
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;

    PAGED_CODE();

    NdisAcquireSpinLock(&NlfGlobals.ModuleListLock); // BUG(irql): a routine that takes a spin lock cannot be pageable (Driver Verifier pages pageable code out at the raise) expected-warning-re {{pageable function 'NlfDetach' raises the IRQL{{.*}} [irql-paged-raise]}}
    RemoveEntryList(&Module->Link);
    NdisReleaseSpinLock(&NlfGlobals.ModuleListLock);

    NlfFreeAllFlows(Module);
    WdfObjectDelete((WDFOBJECT)Module->CounterLock);
    NdisFreeRWLock(Module->FlowLock);
    NdisFreeSpinLock(&Module->StateLock);
    Module->State = NlfDetached;
    NdisFreeMemoryWithTagPriority(Module->FilterHandle, Module, NLF_POOL_TAG);
}

_Use_decl_annotations_
NDIS_STATUS
NlfRestart (
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_RESTART_PARAMETERS RestartParameters
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(RestartParameters);

    NdisAcquireSpinLock(&Module->StateLock); // BUG(irql): a routine that takes a spin lock cannot be pageable (Driver Verifier pages pageable code out at the raise) expected-warning-re {{pageable function 'NlfRestart' raises the IRQL{{.*}} [irql-paged-raise]}}
    Module->State = NlfRunning;
    NdisReleaseSpinLock(&Module->StateLock);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
NlfPause (
    NDIS_HANDLE FilterModuleContext,
    PNDIS_FILTER_PAUSE_PARAMETERS PauseParameters
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;
    BOOLEAN Wait;

    PAGED_CODE();
    UNREFERENCED_PARAMETER(PauseParameters);

    NdisAcquireSpinLock(&Module->StateLock); // BUG(irql): a routine that takes a spin lock cannot be pageable (Driver Verifier pages pageable code out at the raise) expected-warning-re {{pageable function 'NlfPause' raises the IRQL{{.*}} [irql-paged-raise]}}
    Module->State = NlfPausing;
    Wait = (Module->OutstandingSends != 0);
    NdisReleaseSpinLock(&Module->StateLock);

    /* the send-complete path sets the event when the last send returns */
    if (Wait) {
        NdisWaitEvent(&Module->PauseComplete, 0);
    }

    NdisAcquireSpinLock(&Module->StateLock);
    Module->State = NlfPaused;
    NdisReleaseSpinLock(&Module->StateLock);
    return NDIS_STATUS_SUCCESS;
}

_Use_decl_annotations_
NDIS_STATUS
NlfOidRequest (
    NDIS_HANDLE FilterModuleContext,
    PNDIS_OID_REQUEST OidRequest
    )
{
    PNLF_MODULE Module = (PNLF_MODULE)FilterModuleContext;

    if (OidRequest->RequestType == NdisRequestSetInformation &&
        OidRequest->DATA.Oid == OID_GEN_CURRENT_PACKET_FILTER &&
        OidRequest->DATA.InformationBufferLength >= sizeof(ULONG)) {
        NLF_CONFIG Config;

        /* follow the protocol's broadcast setting */
        Config.CountBroadcast = (*(PULONG)OidRequest->DATA.InformationBuffer & 0x8) != 0;
        Config.MaxFlows = 4096;
        NlfSetConfig(&Config);
    }

    return NdisFOidRequest(Module->FilterHandle, OidRequest);
}

_Use_decl_annotations_
static
VOID
NlfUnload (
    PDRIVER_OBJECT DriverObject
    )
{
    PAGED_CODE();
    UNREFERENCED_PARAMETER(DriverObject);

    NlfDeleteControlDevice();
    NdisFDeregisterFilterDriver(NlfGlobals.FilterDriverHandle);
    NdisFreeSpinLock(&NlfGlobals.ModuleListLock);
}

_Use_decl_annotations_
NTSTATUS
DriverEntry (
    PDRIVER_OBJECT DriverObject,
    PUNICODE_STRING RegistryPath
    )
{
    NDIS_FILTER_DRIVER_CHARACTERISTICS Chars;
    WDF_DRIVER_CONFIG Config;
    NTSTATUS Status;

    NdisAllocateSpinLock(&NlfGlobals.ModuleListLock);
    InitializeListHead(&NlfGlobals.ModuleList);
    ExInitializeFastMutex(&NlfGlobals.ConfigMutex);
    NlfGlobals.Config.CountBroadcast = TRUE;
    NlfGlobals.Config.MaxFlows = 4096;

    WDF_DRIVER_CONFIG_INIT(&Config, NULL);
    Config.DriverInitFlags = WDF_DRIVER_INIT_NON_PNP_DRIVER;
    Status = WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES, &Config,
                             &NlfGlobals.Driver);
    if (!NT_SUCCESS(Status)) {
        NdisFreeSpinLock(&NlfGlobals.ModuleListLock);
        return Status;
    }

    Status = NlfCreateControlDevice(NlfGlobals.Driver);
    if (!NT_SUCCESS(Status)) {
        NdisFreeSpinLock(&NlfGlobals.ModuleListLock);
        return Status;
    }

    NdisZeroMemory(&Chars, sizeof(Chars));
    Chars.MajorNdisVersion = 6;
    Chars.MinorNdisVersion = 30;
    Chars.FriendlyName = (NDIS_STRING)RTL_CONSTANT_STRING(L"NetFlow counting filter");
    Chars.UniqueName = (NDIS_STRING)RTL_CONSTANT_STRING(L"{5cbf81bd-5055-47cd-9055-a76b2b4e3a7a}");
    Chars.ServiceName = (NDIS_STRING)RTL_CONSTANT_STRING(L"NetFlowLwf");
    Chars.AttachHandler = NlfAttach;
    Chars.DetachHandler = NlfDetach;
    Chars.RestartHandler = NlfRestart;
    Chars.PauseHandler = NlfPause;
    Chars.SendNetBufferListsHandler = NlfSendNetBufferLists;
    Chars.SendNetBufferListsCompleteHandler = NlfSendNetBufferListsComplete;
    Chars.ReceiveNetBufferListsHandler = NlfReceiveNetBufferLists;
    Chars.ReturnNetBufferListsHandler = NlfReturnNetBufferLists;
    Chars.OidRequestHandler = NlfOidRequest;

    Status = NdisFRegisterFilterDriver(DriverObject, (NDIS_HANDLE)DriverObject, &Chars,
                                       &NlfGlobals.FilterDriverHandle);
    if (Status != NDIS_STATUS_SUCCESS) {
        NlfDeleteControlDevice();
        NdisFreeSpinLock(&NlfGlobals.ModuleListLock);
        return Status;
    }

    DriverObject->DriverUnload = NlfUnload;
    return STATUS_SUCCESS;
}
