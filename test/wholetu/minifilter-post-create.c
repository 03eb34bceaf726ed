// When a minifilter's post-operation runs at a safe IRQL, beyond a pre-operation
// that returns only FLT_PREOP_SYNCHRONIZE constants (minifilter-callbacks.c):
// - a post-create is called at PASSIVE_LEVEL, in the thread that opened the
//   file, whatever the pre-create returned (Microsoft's "Writing
//   postoperation callback routines" and "Returning FLT_PREOP_SYNCHRONIZE"):
//   a post-operation registered only for IRP_MJ_CREATE gets req=PASSIVE_LEVEL;
//   one also registered for another major keeps the DISPATCH_LEVEL promise;
// - a pre-operation's status can be a local that only ever holds
//   synchronizing constants, `Sync ? FLT_PREOP_SYNCHRONIZE : ...`, or what a
//   helper of the translation unit that only returns them returns; a local
//   assigned another status or whose address is taken, or a helper that may
//   return FLT_PREOP_SUCCESS_WITH_CALLBACK, keeps the promise.
//
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <fltkernel.h>

static KSPIN_LOCK Lock;
static HANDLE Log;
void Decide(FLT_PREOP_CALLBACK_STATUS *Status);

static FLT_PREOP_CALLBACK_STATUS PreAny(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                        PVOID *Context) {
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

// DUMP-DAG: contract PostOpen: req=PASSIVE_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK; post-create]
static FLT_POSTOP_CALLBACK_STATUS PostOpen(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  FILE_STANDARD_INFORMATION Info;
  PFLT_FILE_NAME_INFORMATION Name;
  KIRQL Old;
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name);
  (void)FltQueryInformationFile(Objects->Instance, Objects->FileObject, &Info, sizeof(Info),
                                FileStandardInformation, NULL);
  FltCancelFileOpen(Objects->Instance, Objects->FileObject);
  KeAcquireSpinLock(&Lock, &Old);
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, Old);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// Also the post-operation of reads: up to DISPATCH_LEVEL.
// DUMP-DAG: contract PostOpenOrRead: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostOpenOrRead(PFLT_CALLBACK_DATA Data,
                                                 PCFLT_RELATED_OBJECTS Objects, PVOID Context,
                                                 FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostOpenOrRead' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A status variable that only ever holds synchronizing constants.
static FLT_PREOP_CALLBACK_STATUS PreRename(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID *Context) {
  FLT_PREOP_CALLBACK_STATUS Result = FLT_PREOP_SUCCESS_NO_CALLBACK;
  switch (Data->Iopb->Parameters.SetFileInformation.FileInformationClass) {
  case FileRenameInformation:
  case FileDispositionInformation:
    Result = FLT_PREOP_SYNCHRONIZE;
    break;
  default:
    break;
  }
  return Result;
}
// DUMP-DAG: contract PostRename: max=APC_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK; after FLT_PREOP_SYNCHRONIZE]
static FLT_POSTOP_CALLBACK_STATUS PostRename(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                             PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  PFLT_FILE_NAME_INFORMATION Name;
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A status variable also assigned FLT_PREOP_SUCCESS_WITH_CALLBACK.
static FLT_PREOP_CALLBACK_STATUS PreWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                          PVOID *Context) {
  FLT_PREOP_CALLBACK_STATUS Result = FLT_PREOP_SYNCHRONIZE;
  if (!FltIsOperationSynchronous(Data))
    Result = FLT_PREOP_SUCCESS_WITH_CALLBACK;
  return Result;
}
// DUMP-DAG: contract PostWrite: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostWrite' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A status variable whose address escapes: anything may be in it.
static FLT_PREOP_CALLBACK_STATUS PreQuery(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                          PVOID *Context) {
  FLT_PREOP_CALLBACK_STATUS Result = FLT_PREOP_SYNCHRONIZE;
  Decide(&Result);
  return Result;
}
// DUMP-DAG: contract PostQuery: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostQuery(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostQuery' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A conditional of two synchronizing constants, and a helper that only
// returns such.
static FLT_PREOP_CALLBACK_STATUS SyncIfPossible(PFLT_CALLBACK_DATA Data) {
  return FltIsOperationSynchronous(Data) ? FLT_PREOP_SYNCHRONIZE : FLT_PREOP_SUCCESS_NO_CALLBACK;
}
static FLT_PREOP_CALLBACK_STATUS PreFlush(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                          PVOID *Context) {
  if (Data->RequestorMode == KernelMode)
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
  return SyncIfPossible(Data);
}
// DUMP-DAG: contract PostFlush: max=APC_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK; after FLT_PREOP_SYNCHRONIZE]
static FLT_POSTOP_CALLBACK_STATUS PostFlush(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// A helper that may ask for an asynchronous post-operation.
static FLT_PREOP_CALLBACK_STATUS AnyStatus(PFLT_CALLBACK_DATA Data) {
  return FltIsOperationSynchronous(Data) ? FLT_PREOP_SYNCHRONIZE : FLT_PREOP_SUCCESS_WITH_CALLBACK;
}
static FLT_PREOP_CALLBACK_STATUS PreCleanup(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID *Context) {
  return AnyStatus(Data);
}
// DUMP-DAG: contract PostCleanup: max=DISPATCH_LEVEL same class=PFLT_POST_OPERATION_CALLBACK [registered with .PostOperation; role PFLT_POST_OPERATION_CALLBACK]
static FLT_POSTOP_CALLBACK_STATUS PostCleanup(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                              PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  (void)FltLockUserBuffer(Data); // expected-warning {{'PostCleanup' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

const FLT_OPERATION_REGISTRATION Callbacks[] = {
    {IRP_MJ_CREATE, 0, PreAny, PostOpen},
    {IRP_MJ_CREATE_NAMED_PIPE, 0, PreAny, PostOpenOrRead},
    {IRP_MJ_READ, 0, PreAny, PostOpenOrRead},
    {IRP_MJ_SET_INFORMATION, 0, PreRename, PostRename},
    {IRP_MJ_WRITE, 0, PreWrite, PostWrite},
    {IRP_MJ_QUERY_INFORMATION, 0, PreQuery, PostQuery},
    {IRP_MJ_FLUSH_BUFFERS, 0, PreFlush, PostFlush},
    {IRP_MJ_CLEANUP, 0, PreCleanup, PostCleanup},
    {IRP_MJ_OPERATION_END}};
