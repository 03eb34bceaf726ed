// Minifilter callbacks get their roles from the FLT_REGISTRATION and the
// FLT_OPERATION_REGISTRATION array passed to FltRegisterFilter (global
// initializers). A post-operation callback can run at DISPATCH_LEVEL
// (promised), so an APC_LEVEL-only call in it is a bug; but when every
// pre-operation registered with it returns only FLT_PREOP_SYNCHRONIZE (or
// statuses after which no post-operation runs), it runs at APC_LEVEL or
// below in the pre-operation's thread: then the range is only a bound,
// max=APC_LEVEL, and only what is wrong at every level of it is reported (a
// PASSIVE_LEVEL-only call under a spin lock, a DISPATCH_LEVEL-only call
// without a raise). So is a SafePostCallback that
// FltDoCompletionProcessingWhenSafe runs. Instance setup and unload run at
// PASSIVE_LEVEL.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <fltkernel.h>

static PFLT_FILTER Filter;
static HANDLE Log;
static KSPIN_LOCK Lock;
static FLT_PREOP_CALLBACK_STATUS Configured;

// DUMP-DAG: contract PreSetInfo: max=APC_LEVEL same class=PFLT_PRE_OPERATION_CALLBACK [registered with .PreOperation; role PFLT_PRE_OPERATION_CALLBACK]
static FLT_PREOP_CALLBACK_STATUS PreSetInfo(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID *Context) {
  if (FltIsOperationSynchronous(Data))
    return FLT_PREOP_SYNCHRONIZE;
  return FLT_PREOP_SUCCESS_NO_CALLBACK;
}

// DUMP-DAG: contract PostSetInfo: max=APC_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK; after FLT_PREOP_SYNCHRONIZE]
static FLT_POSTOP_CALLBACK_STATUS PostSetInfo(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                             PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  ULONG Info, Length;
  KIRQL Old;
  PFLT_FILE_NAME_INFORMATION Name;
  (void)FltQueryInformationFile(Objects->Instance, Objects->FileObject, &Info, sizeof(Info), 0,
                                &Length);
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name);
  if (Flags & 0x80) {
    KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{'KeAcquireSpinLockAtDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..APC_LEVEL)}}
    KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{'KeReleaseSpinLockFromDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..APC_LEVEL)}}
  }
  KeAcquireSpinLock(&Lock, &Old);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// May return FLT_PREOP_SUCCESS_WITH_CALLBACK: the post-operation may run at
// DISPATCH_LEVEL.
static FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                         PVOID *Context) {
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

// DUMP-DAG: contract PostRead: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  PFLT_FILE_NAME_INFORMATION Name;
  // expected-warning@+1 {{'PostRead' can be called at DISPATCH_LEVEL (its role PFLT_POST_OPERATION_CALLBACK), but calls 'FltGetFileNameInformation', which requires IRQL <= APC_LEVEL}}
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name); // expected-warning {{'PostRead' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A status read from a variable says nothing: up to DISPATCH_LEVEL.
static FLT_PREOP_CALLBACK_STATUS PreWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                          PVOID *Context) {
  return Configured;
}
// DUMP-DAG: contract PostWrite: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK
static FLT_POSTOP_CALLBACK_STATUS PostWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostWrite' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// One post-operation for two majors: after a synchronizing pre-operation,
// and with no pre-operation at all (as if FLT_PREOP_SUCCESS_WITH_CALLBACK).
// DUMP-DAG: contract PostShared: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK
static FLT_POSTOP_CALLBACK_STATUS PostShared(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                             PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostShared' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// Finishes a read at a safe IRQL: APC_LEVEL or below, so the name query is
// no bug; a spin lock still makes ZwClose one.
// DUMP-DAG: contract SafePostRead: max=APC_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with FltDoCompletionProcessingWhenSafe; role PFLT_POST_OPERATION_CALLBACK; run by FltDoCompletionProcessingWhenSafe]
static FLT_POSTOP_CALLBACK_STATUS SafePostRead(PFLT_CALLBACK_DATA Data,
                                               PCFLT_RELATED_OBJECTS Objects, PVOID Context,
                                               FLT_POST_OPERATION_FLAGS Flags) {
  PFLT_FILE_NAME_INFORMATION Name;
  KIRQL Old;
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name);
  KeAcquireSpinLock(&Lock, &Old);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// DUMP-DAG: contract PostQuery: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostQuery(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  FLT_POSTOP_CALLBACK_STATUS Status = FLT_POSTOP_FINISHED_PROCESSING;
  if (!FltDoCompletionProcessingWhenSafe(Data, Objects, Context, Flags, SafePostRead, &Status))
    Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
  return Status;
}

// DUMP-DAG: contract Unload: req=PASSIVE_LEVEL same class=PFLT_FILTER_UNLOAD_CALLBACK [registered with .FilterUnloadCallback;
static NTSTATUS Unload(FLT_FILTER_UNLOAD_FLAGS Flags) {
  FltUnregisterFilter(Filter);
  ZwClose(Log);
  return STATUS_SUCCESS;
}
// DUMP-DAG: contract Setup: req=PASSIVE_LEVEL same class=PFLT_INSTANCE_SETUP_CALLBACK [registered with .InstanceSetupCallback;
static NTSTATUS Setup(PCFLT_RELATED_OBJECTS Objects, FLT_INSTANCE_SETUP_FLAGS Flags,
                      DEVICE_TYPE_FLT DeviceType, FLT_FILESYSTEM_TYPE FsType) {
  ZwClose(Log);
  return STATUS_SUCCESS;
}

// A communication port's callbacks (FltCreateCommunicationPort's
// parameter types) run at PASSIVE_LEVEL.
// DUMP-DAG: contract PortMessage: req=PASSIVE_LEVEL same class=PFLT_MESSAGE_NOTIFY [registered with FltCreateCommunicationPort;
static NTSTATUS PortMessage(PVOID Cookie, PVOID In, ULONG InLength, PVOID Out, ULONG OutLength,
                            PULONG Returned) {
  ZwClose(Log);
  return STATUS_SUCCESS;
}
static NTSTATUS PortConnect(PFLT_PORT Client, PVOID ServerCookie, PVOID Context, ULONG Size,
                            PVOID *ConnectionCookie) {
  return STATUS_SUCCESS;
}
static VOID PortDisconnect(PVOID Cookie) {}

NTSTATUS OpenPort(POBJECT_ATTRIBUTES Attributes) {
  PFLT_PORT Port;
  return FltCreateCommunicationPort(Filter, &Port, Attributes, NULL, PortConnect, PortDisconnect,
                                    PortMessage, 1);
}

static const FLT_OPERATION_REGISTRATION Callbacks[] = {
    {IRP_MJ_SET_INFORMATION, 0, PreSetInfo, PostSetInfo},
    {IRP_MJ_READ, 0, PreRead, PostRead},
    {IRP_MJ_WRITE, 0, PreWrite, PostWrite},
    {IRP_MJ_CLEANUP, 0, PreSetInfo, PostShared},
    {IRP_MJ_CLOSE, 0, NULL, PostShared},
    {IRP_MJ_QUERY_INFORMATION, 0, PreRead, PostQuery},
    {IRP_MJ_OPERATION_END}};

static const FLT_REGISTRATION Registration = {
    sizeof(FLT_REGISTRATION),
    FLT_REGISTRATION_VERSION,
    0,
    NULL,
    Callbacks,
    .FilterUnloadCallback = Unload,
    .InstanceSetupCallback = Setup,
};

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING RegistryPath) {
  NTSTATUS Status = FltRegisterFilter(Driver, &Registration, &Filter);
  if (NT_SUCCESS(Status))
    Status = FltStartFiltering(Filter);
  return Status;
}
