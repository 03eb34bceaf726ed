// Annotations that belong to one parameter (or to the return value): they
// become argN items, numbered from 0, wherever they are written: on the
// parameter itself, or on the function through _At_(param, ...).
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %clang %mingw_ddk -DHEADERS -Wno-#warnings -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only -Xclang -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"
// RUN: %wdk_cc1 -DHEADERS -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s \
// RUN:   | FileCheck %s --implicit-check-not="contract Plain"

#ifdef HEADERS
#include <ntddk.h>
#else
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
typedef struct _IRP *PIRP;
typedef struct _DEVICE_OBJECT *PDEVICE_OBJECT;
#endif
#include "../Inputs/sal-object-like.h"

// _IRQL_saves_ on a parameter: the IRQL is stored through that pointer.
void SavesSecond(int Unused, _IRQL_saves_ PKIRQL OldIrql);
// CHECK-LABEL: contract SavesSecond: saves=arg1{{$}}

// _IRQL_saves_ on the function: the return value is the saved IRQL.
_IRQL_saves_ KIRQL SavesReturn(void);
// CHECK-NEXT: contract SavesReturn: saves=ret{{$}}

// _IRQL_restores_: the function returns at the IRQL held in that argument.
void RestoresThird(void *A, void *B, _IRQL_restores_ KIRQL NewIrql);
// CHECK-NEXT: contract RestoresThird: restores=arg2{{$}}

// The legacy spellings on parameters.
void LegacyParams(__drv_savesIRQL PKIRQL Old, __drv_restoresIRQL KIRQL New);
// CHECK-NEXT: contract LegacyParams: saves=arg0 restores=arg1{{$}}

// _IRQL_uses_cancel_ / _IRQL_is_cancel_: the IRP whose CancelIrql is restored.
void UsesCancel(PDEVICE_OBJECT Dev, _IRQL_uses_cancel_ PIRP Irp);
// CHECK-NEXT: contract UsesCancel: cancel=arg1{{$}}
void IsCancel(PDEVICE_OBJECT Dev, _IRQL_is_cancel_ PIRP Irp);
// CHECK-NEXT: contract IsCancel: cancel=arg1{{$}}

// _At_(*p, _IRQL_saves_) written on the parameter (IoAcquireCancelSpinLock).
void AtOnParam(_At_(*Irql, _IRQL_saves_) PKIRQL Irql);
// CHECK-NEXT: contract AtOnParam: saves=arg0{{$}}

// _At_(*p, _IRQL_saves_) written on the function names the parameter.
_IRQL_requires_max_(DISPATCH_LEVEL)
_At_(*OldIrql, _IRQL_saves_)
void AtOnFunction(void *Lock, PKIRQL OldIrql);
// CHECK-NEXT: contract AtOnFunction: max=DISPATCH_LEVEL saves=arg1{{$}}
_At_(NewIrql, _IRQL_restores_) void AtRestores(void *Lock, KIRQL NewIrql);
// CHECK-NEXT: contract AtRestores: restores=arg1{{$}}
__drv_at(Irp, __drv_useCancelIRQL) void AtLegacyCancel(PDEVICE_OBJECT Dev, PIRP Irp);
// CHECK-NEXT: contract AtLegacyCancel: cancel=arg1{{$}}

// Annotations on the definition's parameters count too.
void OnDefinition(_IRQL_saves_ PKIRQL Old) { *Old = 0; }
// CHECK-NEXT: contract OnDefinition: saves=arg0{{$}}

// Function-level annotations in a parameter position belong to nothing:
// an IRQL level on a parameter is ignored, silently.
void LevelOnParam(_IRQL_requires_max_(DISPATCH_LEVEL) int X);
// CHECK-NOT: contract LevelOnParam

// expected-no-diagnostics
void Plain(KIRQL Irql, PKIRQL Out);
