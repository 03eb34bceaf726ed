// A post-operation is called at up to DISPATCH_LEVEL, but with
// FLTFL_POST_OPERATION_DRAINING in its Flags (the instance is detaching and
// the filter manager only lets it free its completion context) at APC_LEVEL
// or below (PFLT_POST_OPERATION_CALLBACK's reference page). On the branch
// where `Flags & FLTFL_POST_OPERATION_DRAINING` is set, the entry IRQL is at
// most APC_LEVEL: releasing a name taken by the pre-operation there is fine.
// Elsewhere, on a test of another bit, with Flags overwritten, or under a
// spin lock taken in the branch, the DISPATCH_LEVEL promise holds.
//
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s

#include <fltkernel.h>

static KSPIN_LOCK Lock;

static FLT_PREOP_CALLBACK_STATUS PreRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                         PVOID *Context) {
  PFLT_FILE_NAME_INFORMATION Name;
  if (!NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_OPENED, &Name)))
    return FLT_PREOP_SUCCESS_NO_CALLBACK;
  *Context = Name;
  return FLT_PREOP_SUCCESS_WITH_CALLBACK;
}

static FLT_POSTOP_CALLBACK_STATUS PostReadSafe(PFLT_CALLBACK_DATA Data,
                                               PCFLT_RELATED_OBJECTS Objects, PVOID Context,
                                               FLT_POST_OPERATION_FLAGS Flags) {
  FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

static FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  FLT_POSTOP_CALLBACK_STATUS Status = FLT_POSTOP_FINISHED_PROCESSING;
  KIRQL Old;
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) {
    FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context);
    KeAcquireSpinLock(&Lock, &Old);
    FltReleaseFileNameInformation(NULL); // expected-warning {{'FltReleaseFileNameInformation' called at DISPATCH_LEVEL}}
    KeReleaseSpinLock(&Lock, Old);
    return FLT_POSTOP_FINISHED_PROCESSING;
  }
  if (Data->IoStatus.Status == STATUS_CANCELLED) {
    FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context); // expected-warning {{'PostRead' can be called at DISPATCH_LEVEL}}
    return FLT_POSTOP_FINISHED_PROCESSING;
  }
  if (!FltDoCompletionProcessingWhenSafe(Data, Objects, Context, Flags, PostReadSafe, &Status))
    Data->IoStatus.Status = STATUS_UNSUCCESSFUL;
  return Status;
}

// The test spelt the other way round, and a test of another bit.
static FLT_POSTOP_CALLBACK_STATUS PostWrite(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                            PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  if (!FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)) {
    (void)FltLockUserBuffer(Data); // expected-warning {{'PostWrite' can be called at DISPATCH_LEVEL}}
  } else {
    FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context);
  }
  if (Flags & 2)
    FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context); // expected-warning {{'PostWrite' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// Flags overwritten before the test says nothing about the call.
static FLT_POSTOP_CALLBACK_STATUS PostCleanup(PFLT_CALLBACK_DATA Data,
                                              PCFLT_RELATED_OBJECTS Objects, PVOID Context,
                                              FLT_POST_OPERATION_FLAGS Flags) {
  Flags |= Data->Flags;
  if (FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING))
    FltReleaseFileNameInformation((PFLT_FILE_NAME_INFORMATION)Context); // expected-warning {{'PostCleanup' can be called at DISPATCH_LEVEL}}
  return FLT_POSTOP_FINISHED_PROCESSING;
}

const FLT_OPERATION_REGISTRATION Callbacks[] = {
    {IRP_MJ_READ, 0, PreRead, PostRead},
    {IRP_MJ_WRITE, 0, PreRead, PostWrite},
    {IRP_MJ_CLEANUP, 0, PreRead, PostCleanup},
    {IRP_MJ_OPERATION_END}};
