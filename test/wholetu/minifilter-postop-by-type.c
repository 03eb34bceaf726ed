// A post-operation whose FLT_OPERATION_REGISTRATION array is in another file
// (the layout of Microsoft's ctx and minispy samples) is known here by its
// type alone: FLT_POSTOP_CALLBACK_STATUS (PFLT_CALLBACK_DATA,
// PCFLT_RELATED_OBJECTS, PVOID, FLT_POST_OPERATION_FLAGS), written with or
// without FLTAPI. Whether its pre-operation synchronizes (APC_LEVEL or below)
// or it is a post-create (PASSIVE_LEVEL) is settled in that other file, so it
// gets only the bound every post-operation keeps, max=DISPATCH_LEVEL same
// (role FLT_POST_OPERATION_BY_TYPE): a spin lock left held on return is
// reported; a name query or FltQueryInformationFile, right after a
// synchronizing pre-operation, is not. Before, such a function had no role.
//
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -plugin-arg-irqlcheck dump-contracts %s 2>&1 | FileCheck %s
// CHECK-DAG: contract PostLeavesLock: max=DISPATCH_LEVEL same class=FLT_POST_OPERATION_BY_TYPE
// CHECK-DAG: contract PostQueries: max=DISPATCH_LEVEL same class=FLT_POST_OPERATION_BY_TYPE
// CHECK-DAG: 'PostLeavesLock' returns at DISPATCH_LEVEL{{.*}}[irql-exit-not-same]
// CHECK-DAG: 'NotAPostOp' returns at DISPATCH_LEVEL{{.*}}[irql-exit-changed]
// CHECK-NOT: contract NotAPostOp:{{.*}}class=

#include <fltkernel.h>

static KSPIN_LOCK Lock;
static ULONG Count;

FLT_POSTOP_CALLBACK_STATUS
PostLeavesLock(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects, PVOID Context,
               FLT_POST_OPERATION_FLAGS Flags) {
  KIRQL Old;
  UNREFERENCED_PARAMETER(Objects);
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(Flags);
  KeAcquireSpinLock(&Lock, &Old);
  Count++;
  if (!NT_SUCCESS(Data->IoStatus.Status))
    return FLT_POSTOP_FINISHED_PROCESSING; // expected-warning {{'PostLeavesLock' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  KeReleaseSpinLock(&Lock, Old);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

FLT_POSTOP_CALLBACK_STATUS FLTAPI
PostQueries(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects, PVOID Context,
            FLT_POST_OPERATION_FLAGS Flags) {
  PFLT_FILE_NAME_INFORMATION Name;
  FILE_STANDARD_INFORMATION Info;
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(Flags);
  if (NT_SUCCESS(FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name)))
    FltReleaseFileNameInformation(Name);
  FltQueryInformationFile(Objects->Instance, Data->Iopb->TargetFileObject, &Info, sizeof(Info),
                          FileStandardInformation, NULL);
  return FLT_POSTOP_FINISHED_PROCESSING;
}

// Another type (the flags are missing): no role. Returning with the lock
// held is still reported, as for any function (irql-exit-changed), but not
// as a callback that must return at its entry IRQL.
FLT_POSTOP_CALLBACK_STATUS NotAPostOp(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                      PVOID Context) {
  KIRQL Old;
  UNREFERENCED_PARAMETER(Objects);
  UNREFERENCED_PARAMETER(Context);
  KeAcquireSpinLock(&Lock, &Old);
  Count++;
  if (!NT_SUCCESS(Data->IoStatus.Status))
    return FLT_POSTOP_FINISHED_PROCESSING; // expected-warning {{'NotAPostOp' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  KeReleaseSpinLock(&Lock, Old);
  return FLT_POSTOP_FINISHED_PROCESSING;
}
