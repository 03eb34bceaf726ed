// FltDoCompletionProcessingWhenSafe: its page's req.irql is "Any." A
// post-operation callback, which can run at DISPATCH_LEVEL, calls it to get
// its completion work done at a safe IRQL, and no IRQL is too high for the
// call itself. The built-in row (max=HIGH_LEVEL) and the WDK-style header's
// annotation say the same.
//
// With the WDK-style fltkernel.h (its annotation decides):
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
//
// With bare prototypes and no annotation, the built-in row decides:
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -DBARE -emit-obj -o %t.o \
// RUN:   -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -DBARE -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts %s | FileCheck %s --check-prefix=DUMP
// DUMP: contract FltDoCompletionProcessingWhenSafe: max=HIGH_LEVEL [model]{{$}}
//
// The row's arity (6) is held to the headers: a prototype with one parameter
// too few fails the model self-check, naming the routine.
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -DBARE -DSHORT \
// RUN:   -fsyntax-only -plugin-arg-irqlcheck check-model %s 2>&1 | FileCheck %s --check-prefix=ARITY
// ARITY: irqlcheck: model: FltDoCompletionProcessingWhenSafe has 6 parameters in the table but 5 in the headers

#ifndef BARE
#include <fltkernel.h>
#define RAISE_TO_HIGH(Old) KeRaiseIrql(HIGH_LEVEL, &(Old))
#define LOWER(Old) KeLowerIrql(Old)
#else
typedef unsigned char KIRQL;
typedef long NTSTATUS;
typedef unsigned char BOOLEAN;
typedef unsigned long ULONG;
typedef void *PVOID;
typedef struct _FLT_CALLBACK_DATA *PFLT_CALLBACK_DATA;
typedef const struct _FLT_RELATED_OBJECTS *PCFLT_RELATED_OBJECTS;
typedef struct _FLT_FILE_NAME_INFORMATION *PFLT_FILE_NAME_INFORMATION;
typedef ULONG FLT_POST_OPERATION_FLAGS;
typedef enum { FLT_POSTOP_FINISHED_PROCESSING } FLT_POSTOP_CALLBACK_STATUS;
typedef FLT_POSTOP_CALLBACK_STATUS *PFLT_POSTOP_CALLBACK_STATUS;
typedef FLT_POSTOP_CALLBACK_STATUS (*PFLT_POST_OPERATION_CALLBACK)(
    PFLT_CALLBACK_DATA, PCFLT_RELATED_OBJECTS, PVOID, FLT_POST_OPERATION_FLAGS);
#define FLT_FILE_NAME_NORMALIZED 0x01
#define HIGH_LEVEL 15
KIRQL KfRaiseIrql(KIRQL NewIrql);
void KeLowerIrql(KIRQL NewIrql);
NTSTATUS FltGetFileNameInformation(PFLT_CALLBACK_DATA CallbackData, ULONG NameOptions,
                                   PFLT_FILE_NAME_INFORMATION *FileNameInformation);
#ifndef SHORT
BOOLEAN FltDoCompletionProcessingWhenSafe(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                          PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags,
                                          PFLT_POST_OPERATION_CALLBACK SafePostCallback,
                                          PFLT_POSTOP_CALLBACK_STATUS RetPostOperationStatus);
#else
BOOLEAN FltDoCompletionProcessingWhenSafe(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS FltObjects,
                                          PVOID CompletionContext, FLT_POST_OPERATION_FLAGS Flags,
                                          PFLT_POST_OPERATION_CALLBACK SafePostCallback);
#endif
#define RAISE_TO_HIGH(Old) ((Old) = KfRaiseIrql(HIGH_LEVEL))
#define LOWER(Old) KeLowerIrql(Old)
#endif

static FLT_POSTOP_CALLBACK_STATUS WhenSafe(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  return FLT_POSTOP_FINISHED_PROCESSING;
}

#ifndef SHORT
// Any IRQL, up to HIGH_LEVEL: silent (a DISPATCH_LEVEL maximum would warn
// here). A routine whose page says <= APC_LEVEL, called at the same point,
// shows that the IRQL really is HIGH_LEVEL there.
BOOLEAN AtHighLevel(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects, PVOID Context,
                    FLT_POST_OPERATION_FLAGS Flags) {
  FLT_POSTOP_CALLBACK_STATUS Status;
  PFLT_FILE_NAME_INFORMATION Name;
  BOOLEAN Posted;
  KIRQL Old;
  RAISE_TO_HIGH(Old);
  Posted = FltDoCompletionProcessingWhenSafe(Data, Objects, Context, Flags, WhenSafe, &Status);
  // expected-warning@+1 {{'FltGetFileNameInformation' called at HIGH_LEVEL, but it requires IRQL <= APC_LEVEL}}
  (void)FltGetFileNameInformation(Data, FLT_FILE_NAME_NORMALIZED, &Name);
  LOWER(Old);
  return Posted;
}
#endif

#ifndef BARE
// The documented caller: a post-operation callback, which can run at
// DISPATCH_LEVEL (its role), defers its work to a safe IRQL. Silent.
static PFLT_FILTER Filter;
static FLT_POSTOP_CALLBACK_STATUS PostRead(PFLT_CALLBACK_DATA Data, PCFLT_RELATED_OBJECTS Objects,
                                           PVOID Context, FLT_POST_OPERATION_FLAGS Flags) {
  FLT_POSTOP_CALLBACK_STATUS Status = FLT_POSTOP_FINISHED_PROCESSING;
  if (!FltDoCompletionProcessingWhenSafe(Data, Objects, Context, Flags, WhenSafe, &Status))
    return FLT_POSTOP_FINISHED_PROCESSING;
  return Status;
}

static const FLT_OPERATION_REGISTRATION Callbacks[] = {{IRP_MJ_READ, 0, NULL, PostRead},
                                                       {IRP_MJ_OPERATION_END}};
static const FLT_REGISTRATION Registration = {sizeof(FLT_REGISTRATION), FLT_REGISTRATION_VERSION, 0,
                                              NULL, Callbacks};

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING RegistryPath) {
  return FltRegisterFilter(Driver, &Registration, &Filter);
}
#endif
