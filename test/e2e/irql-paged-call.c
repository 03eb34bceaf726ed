// irql-paged-call (bug check 0xD1/0x50): pageable code is called, or
// entered, above APC_LEVEL. Pageable means placed in a PAGE* section with
// #pragma alloc_text (honoured with Microsoft extensions, which %wdk_cc1
// enables), #pragma code_seg or __declspec(code_seg), or starting with
// PAGED_CODE(). The front end's own PAGED_CODE() placement checks are not
// what this file tests; they are turned off.
//
// DEFINE: %{cc} = %wdk_cc1 -emit-llvm-only \
// DEFINE:   -plugin-arg-irqlcheck disable=irql-paged-code-missing \
// DEFINE:   -plugin-arg-irqlcheck disable=irql-paged-code-outside
// RUN: %{cc} -verify %s
// RUN: %{cc} -verify -O2 %s
// RUN: %{cc} -verify -debug-info-kind=limited %s
//
// Without Microsoft extensions clang ignores #pragma alloc_text (the WDK
// header does not even define ALLOC_PRAGMA), so only the functions marked
// otherwise stay pageable.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fdeclspec -load %irqlcheck \
// RUN:   -isystem %inputs/wdk -emit-llvm-only -Wno-unknown-pragmas \
// RUN:   -plugin-arg-irqlcheck disable=irql-paged-code-outside -verify=nomsext %s

#include <ntddk.h>

VOID PagedHelper(PVOID Context);
VOID PagedByCodeSeg(PVOID Context);
#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, PagedHelper)
#endif

VOID PagedHelper(PVOID Context) {
  // No PAGED_CODE() here: only the section makes it pageable.
}

__declspec(code_seg("PAGE")) VOID PagedByCodeSeg(PVOID Context) {
  PAGED_CODE();
}

VOID PagedByMacro(PVOID Context) {
  PAGED_CODE();
}

// A DPC runs at DISPATCH_LEVEL: the page may be out, and the fault cannot be
// serviced there.
KDEFERRED_ROUTINE TimerDpc; // expected-note 3 {{'TimerDpc' runs at DISPATCH_LEVEL (its annotations or function class)}}
                            // nomsext-note@-1 2 {{'TimerDpc' runs at DISPATCH_LEVEL (its annotations or function class)}}
VOID TimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  PagedHelper(Context); // expected-warning {{pageable function 'PagedHelper' called at DISPATCH_LEVEL (bug check 0xD1 if its page is not resident); pageable code runs at APC_LEVEL or below [irql-paged-call]}}
  PagedByCodeSeg(Context); // expected-warning {{pageable function 'PagedByCodeSeg' called at DISPATCH_LEVEL}}
                           // nomsext-warning@-1 {{pageable function 'PagedByCodeSeg' called at DISPATCH_LEVEL}}
  PagedByMacro(Context); // expected-warning {{pageable function 'PagedByMacro' called at DISPATCH_LEVEL}}
                         // nomsext-warning@-1 {{pageable function 'PagedByMacro' called at DISPATCH_LEVEL}}
}

// Under a spin lock.
KSPIN_LOCK Lock;
VOID UnderLock(PVOID Context) {
  KIRQL OldIrql;
  KeAcquireSpinLock(&Lock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
                                      // nomsext-note@-1 {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  PagedByMacro(Context); // expected-warning {{pageable function 'PagedByMacro' called at DISPATCH_LEVEL}}
                         // nomsext-warning@-1 {{pageable function 'PagedByMacro' called at DISPATCH_LEVEL}}
  KeReleaseSpinLock(&Lock, OldIrql);
  PagedByMacro(Context); // after the release: fine
}

// A pageable function annotated to run at DISPATCH_LEVEL contradicts itself.
_IRQL_requires_(DISPATCH_LEVEL)
VOID PagedAtDispatch(PVOID Context) { // expected-warning {{pageable function 'PagedAtDispatch' is annotated to run at DISPATCH_LEVEL; pageable code must run at APC_LEVEL or below [irql-paged-call]}}
                                      // nomsext-warning@-1 {{pageable function 'PagedAtDispatch' is annotated to run at DISPATCH_LEVEL}}
  PAGED_CODE();
}

// So does one that never runs below DISPATCH_LEVEL; its body is checked at
// what the annotation says.
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID PagedAlwaysAtDispatch(PKEVENT Event) { // expected-warning {{pageable function 'PagedAlwaysAtDispatch' is annotated to run at DISPATCH_LEVEL; pageable code must run at APC_LEVEL or below [irql-paged-call]}}
                                            // nomsext-warning@-1 {{pageable function 'PagedAlwaysAtDispatch' is annotated to run at DISPATCH_LEVEL}}
  PAGED_CODE();
  KeSetEvent(Event, IO_NO_INCREMENT, FALSE);
}

// Never below PASSIVE_LEVEL: no contradiction.
_IRQL_always_function_min_(PASSIVE_LEVEL)
VOID PagedAlwaysAtPassive(PKEVENT Event) {
  PAGED_CODE();
  KeSetEvent(Event, IO_NO_INCREMENT, FALSE);
}

// Negatives: PASSIVE_LEVEL and APC_LEVEL callers.
DRIVER_UNLOAD Unload;
VOID Unload(PDRIVER_OBJECT DriverObject) {
  PagedHelper(DriverObject);
  PagedByCodeSeg(DriverObject);
  PagedByMacro(DriverObject);
}

FAST_MUTEX Mutex;
_IRQL_requires_max_(APC_LEVEL)
VOID UnderFastMutex(PVOID Context) {
  ExAcquireFastMutex(&Mutex);
  PagedHelper(Context);
  ExReleaseFastMutex(&Mutex);
}

// Negative: a pageable function calling another one.
VOID PagedCaller(PVOID Context) {
  PAGED_CODE();
  PagedHelper(Context);
}
