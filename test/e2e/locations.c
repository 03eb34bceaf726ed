// Where findings are reported: the warning is at the call (the return
// statement for exit checks), with the exact line and column with or
// without debug info and at any -O level; the note names the call that set
// the IRQL, at its own location. clang-cl prints MSVC's file(line,col) form.
//
// DEFINE: %{cc} = %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck \
// DEFINE:   -isystem %inputs/wdk -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}               2>&1 | FileCheck %s --check-prefixes=CHECK,GNU,GNUCOL
// RUN: %{cc} -O2           2>&1 | FileCheck %s --check-prefixes=CHECK,GNU,GNUCOL
// RUN: %{cc} -gdwarf       2>&1 | FileCheck %s --check-prefixes=CHECK,GNU,GNUCOL
// RUN: %{cc} -gdwarf -O2   2>&1 | FileCheck %s --check-prefixes=CHECK,GNU,GNUCOL
// RUN: %{cc} -gcodeview -O2 2>&1 | FileCheck %s --check-prefixes=CHECK,GNU
// RUN: %clang_cl /c /clang:-fplugin=%irqlcheck -I %inputs/wdk /clang:-fno-caret-diagnostics \
// RUN:   /Fo%t.obj -- %s 2>&1 | FileCheck %s --check-prefixes=CHECK,MSVC,MSVCCOL
// RUN: %clang_cl /c /clang:-fplugin=%irqlcheck -I %inputs/wdk /clang:-fno-caret-diagnostics \
// RUN:   /O2 /Fo%t.obj -- %s 2>&1 | FileCheck %s --check-prefixes=CHECK,MSVC,MSVCCOL
//
// CodeView (/Z7, or -g for an MSVC target) has no columns: irqlcheck finds the callee's name on the
// line. That works for the warnings; a note on a call spelled through a macro
// (KeAcquireSpinLock -> KeAcquireSpinLockRaiseToDpc) gets the line's first
// column instead (FIXME, see locations-codeview-macro.c).
// RUN: %clang_cl /c /clang:-fplugin=%irqlcheck -I %inputs/wdk /clang:-fno-caret-diagnostics \
// RUN:   /O2 /Z7 /Fo%t.obj -- %s 2>&1 | FileCheck %s --check-prefixes=CHECK,MSVC

#include <ntddk.h>

KSPIN_LOCK Lock;
NTSTATUS Consume(NTSTATUS Status);

VOID Calls(HANDLE Handle) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  ZwClose(Handle);
  // GNU:  locations.c:[[#@LINE-1]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
  // MSVC: locations.c([[#@LINE-2]],3): warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
  // GNU-NEXT:  locations.c:[[#@LINE-4]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  // MSVC-NEXT: locations.c([[#@LINE-5]],3): note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  // CHECK-NEXT: wdm.h{{[:(]}}[[#]]{{[:,]}}1{{\)?}}: note: requirement of 'ZwClose' comes from its annotation

  // A call inside an expression: the column of the callee's name.
  Consume(ZwClose(Handle));
  // GNU:  locations.c:[[#@LINE-1]]:11: warning: 'ZwClose' called at DISPATCH_LEVEL
  // MSVC: locations.c([[#@LINE-2]],11): warning: 'ZwClose' called at DISPATCH_LEVEL

  // Two calls on one line.
  KeReleaseSpinLock(&Lock, OldIrql); KeAcquireSpinLock(&Lock, &OldIrql); ZwClose(Handle);
  // GNU:  locations.c:[[#@LINE-1]]:74: warning: 'ZwClose' called at DISPATCH_LEVEL
  // MSVC: locations.c([[#@LINE-2]],74): warning: 'ZwClose' called at DISPATCH_LEVEL
  // GNUCOL-NEXT:  locations.c:[[#@LINE-3]]:38: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  // MSVCCOL-NEXT: locations.c([[#@LINE-4]],38): note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  KeReleaseSpinLock(&Lock, OldIrql);
}

// An exit finding is at the return statement of the leaking path.
NTSTATUS Exits(HANDLE Handle, BOOLEAN Fail) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql);
  if (Fail)
    return STATUS_UNSUCCESSFUL;
  // GNU:  locations.c:[[#@LINE-1]]:5: warning: 'Exits' returns at DISPATCH_LEVEL, not at the IRQL it was entered at
  // MSVC: locations.c([[#@LINE-2]],5): warning: 'Exits' returns at DISPATCH_LEVEL, not at the IRQL it was entered at
  // GNU-NEXT:  locations.c:[[#@LINE-5]]:3: note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  // MSVC-NEXT: locations.c([[#@LINE-6]],3): note: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'
  KeReleaseSpinLock(&Lock, OldIrql);
  return STATUS_SUCCESS;
}

// A DPC: the note points at the function and says why it runs there.
KDEFERRED_ROUTINE Dpc;
VOID Dpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  ZwClose(Context);
  // GNU:  locations.c:[[#@LINE-1]]:3: warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
  // MSVC: locations.c([[#@LINE-2]],3): warning: 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
  // GNU-NEXT:  locations.c:[[#@LINE-5]]:19: note: 'Dpc' runs at DISPATCH_LEVEL (its annotations or function class)
  // MSVC-NEXT: locations.c([[#@LINE-6]],19): note: 'Dpc' runs at DISPATCH_LEVEL (its annotations or function class)
}
// CHECK-NOT: warning:
