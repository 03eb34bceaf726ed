// The real mingw-w64 DDK headers through the clang driver. They carry no
// IRQL annotations, so the contracts come from the built-in kernel model and
// from the user's own annotations. Their IRQL primitives are spelled
// differently from the WDK's, and must still be recognised:
//  - KeAcquireSpinLock and KeRaiseIrql are macros, expanding to
//    KeAcquireSpinLockRaiseToDpc / KfRaiseIrql (x64) or KfAcquireSpinLock /
//    KfRaiseIrql (x86);
//  - KeGetCurrentIrql, KfRaiseIrql and KeLowerIrql are FORCEINLINE functions
//    with bodies (x64): they are modelled by name, never analysed by body,
//    and the raise/lower they do is seen at -O2 as at -O0 (the pass runs
//    before inlining).
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -Wno-\#warnings \
// DEFINE:   -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}         2>&1 | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %{cc} -O2     2>&1 | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %{cc} -O2 -g  2>&1 | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %clang %mingw32_ddk -fplugin=%irqlcheck -Wno-\#warnings -fno-caret-diagnostics \
// RUN:   -c %s -o %t.o 2>&1 | FileCheck %s --check-prefixes=CHECK,X86

#include <ntifs.h>

KSPIN_LOCK Lock;

// KeAcquireSpinLock (a macro) raises to DISPATCH_LEVEL.
VOID CloseUnderLock(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  ZwClose(Handle);
  KeReleaseSpinLock(&Lock, OldIrql);
}
// CHECK: mingw-primitives.c:[[#@LINE-3]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
// X64-NEXT: mingw-primitives.c:[[#@LINE-5]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
// X86-NEXT: mingw-primitives.c:[[#@LINE-6]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KfAcquireSpinLock'
// CHECK-NEXT: note: requirement of 'ZwClose' comes from the built-in kernel model

// KeRaiseIrql (a macro around the inline KfRaiseIrql) and KeLowerIrql
// (inline): raise, then restore.
VOID CloseRaised(HANDLE Handle) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  ZwClose(Handle);
  KeLowerIrql(OldIrql);
  ZwClose(Handle); // back at the entry IRQL: fine
}
// CHECK: mingw-primitives.c:[[#@LINE-4]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
// CHECK-NEXT: mingw-primitives.c:[[#@LINE-6]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KfRaiseIrql'

// KeLowerIrql (inline) to a constant.
VOID LowerToConstant(VOID) {
  KIRQL OldIrql;
  KeRaiseIrql(DISPATCH_LEVEL, &OldIrql);
  KeLowerIrql(PASSIVE_LEVEL);
}
// CHECK: mingw-primitives.c:[[#@LINE-2]]:3: warning: '{{KeLowerIrql|KfLowerIrql}}' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
// CHECK-NEXT: mingw-primitives.c:[[#@LINE-4]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KfRaiseIrql'

// KeRaiseIrql used to lower.
VOID RaiseToLower(VOID) {
  KIRQL OldIrql, Ignored;
  KeAcquireSpinLock(&Lock, &OldIrql);
  KeRaiseIrql(APC_LEVEL, &Ignored);
  KeLowerIrql(Ignored);
  KeReleaseSpinLock(&Lock, OldIrql);
}
// CHECK: mingw-primitives.c:[[#@LINE-4]]:3: warning: 'KfRaiseIrql' raises to APC_LEVEL but is called at DISPATCH_LEVEL: it would lower the IRQL (use KeLowerIrql with the saved value) [irql-raise-to-lower]

// KeGetCurrentIrql (inline) narrows the IRQL: silent.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseIfPassive(HANDLE Handle) {
  if (KeGetCurrentIrql() == PASSIVE_LEVEL)
    ZwClose(Handle);
}

// ... and the same call without the test is reported (the function's own
// annotation promises DISPATCH_LEVEL can occur).
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID CloseAnywhere(HANDLE Handle) {
  ZwClose(Handle);
}
// CHECK: mingw-primitives.c:[[#@LINE-2]]:3: warning: 'CloseAnywhere' is annotated to be callable at DISPATCH_LEVEL, but calls PASSIVE_LEVEL-only 'ZwClose' [irql-too-high]
// CHECK-NEXT: mingw-primitives.c:[[#@LINE-5]]:1: note: if 'CloseAnywhere' is never called above it, narrow this annotation to _IRQL_requires_max_(PASSIVE_LEVEL)

// A user-annotated function and a lock leaked on an error path.
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS ReadConfig(VOID);

NTSTATUS Refresh(PULONG Counter) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  if (*Counter == 0)
    return STATUS_UNSUCCESSFUL;
  ReadConfig();
  ++*Counter;
  KeReleaseSpinLock(&Lock, OldIrql);
  return STATUS_SUCCESS;
}
// Both findings of Refresh; the exit is judged after the body:
// CHECK: mingw-primitives.c:[[#@LINE-6]]:3: warning: 'ReadConfig' must be called at exactly PASSIVE_LEVEL, but the IRQL here is DISPATCH_LEVEL [irql-not-required]
// CHECK-NEXT: mingw-primitives.c:[[#@LINE-10]]:3: note: IRQL set to DISPATCH_LEVEL here by '{{KeAcquireSpinLockRaiseToDpc|KfAcquireSpinLock}}'
// CHECK-NEXT: mingw-primitives.c:[[#@LINE-16]]:1: note: requirement of 'ReadConfig' comes from its annotation
// CHECK: mingw-primitives.c:[[#@LINE-10]]:5: warning: 'Refresh' returns at DISPATCH_LEVEL, not at the IRQL it was entered at {{.*}}[irql-exit-changed]

// Routines the mingw headers declare without annotations, from the kernel
// model (KernelApi.def): a wait with no timeout and a file open.
KDEFERRED_ROUTINE WaitingDpc;
VOID WaitingDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  KeWaitForSingleObject(Context, Executive, KernelMode, FALSE, NULL);
}
// CHECK: mingw-primitives.c:[[#@LINE-2]]:3: warning: 'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]
// X64-NEXT: mingw-primitives.c:[[#@LINE-5]]:19: note: 'WaitingDpc' runs at DISPATCH_LEVEL (its annotations or function class)
// X86-NEXT: note: 'WaitingDpc' runs at DISPATCH_LEVEL (its annotations or function class)
// CHECK-NEXT: note: requirement of 'KeWaitForSingleObject' comes from the built-in kernel model

VOID OpenUnderLock(PUNICODE_STRING Name) {
  KIRQL OldIrql;
  OBJECT_ATTRIBUTES Attributes;
  IO_STATUS_BLOCK Iosb;
  HANDLE File;
  InitializeObjectAttributes(&Attributes, Name, OBJ_KERNEL_HANDLE, NULL, NULL);
  KeAcquireSpinLock(&Lock, &OldIrql);
  ZwCreateFile(&File, GENERIC_READ, &Attributes, &Iosb, NULL, FILE_ATTRIBUTE_NORMAL,
               FILE_SHARE_READ, FILE_OPEN, FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
  KeReleaseSpinLock(&Lock, OldIrql);
}
// CHECK: mingw-primitives.c:[[#@LINE-4]]:3: warning: 'ZwCreateFile' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]

// CHECK-NOT: warning:
