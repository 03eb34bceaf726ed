// WdfInterruptAcquireLock takes the interrupt spin lock, raising to the
// device's DIRQL (at least DISPATCH_LEVEL + 1, "3": the WDK's annotation of
// both routines), unless the interrupt was created with PassiveHandling =
// TRUE (then it is a wait lock, at PASSIVE_LEVEL). When every interrupt the
// translation unit locks is created here (into the same variable or field)
// from a WDF_INTERRUPT_CONFIG without PassiveHandling, the call raises to
// DIRQL and WdfInterruptReleaseLock restores: a DISPATCH_LEVEL-only call
// under the lock is reported, and so is a pageable function that takes it.
// Otherwise (PassiveHandling, a configuration filled in through a pointer,
// an interrupt created in another file, one passive interrupt among the
// locked ones) the call keeps its declaration: nothing is reported.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=neg -DPASSIVE %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=neg -DTHROUGH_POINTER %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=neg -DELSEWHERE %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=neg -DMIXED %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s | FileCheck %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts -DPASSIVE %s \
// RUN:   | FileCheck --check-prefix=PASSIVE %s
// neg-no-diagnostics
#include <ntddk.h>
#include <wdf.h>

typedef struct _DEV {
  WDFINTERRUPT Interrupt;
  WDFINTERRUPT Other;
  volatile ULONG *Registers;
  ULONG Latched;
} DEV;

DEV Dev;
EVT_WDF_INTERRUPT_ISR Isr;
EVT_WDF_INTERRUPT_DPC Dpc;

_IRQL_requires_max_(HIGH_LEVEL)
static VOID WriteRegister(ULONG Value) { *Dev.Registers = Value; }

#ifndef ELSEWHERE
#ifdef THROUGH_POINTER
static VOID FillConfig(PWDF_INTERRUPT_CONFIG Config) {
  WDF_INTERRUPT_CONFIG_INIT(Config, Isr, NULL);
  Config->PassiveHandling = TRUE;
}
#endif

_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS CreateInterrupt(WDFDEVICE Device) {
  WDF_INTERRUPT_CONFIG Config;
#ifdef THROUGH_POINTER
  FillConfig(&Config);
#else
  WDF_INTERRUPT_CONFIG_INIT(&Config, Isr, Dpc);
#endif
#ifdef PASSIVE
  Config.PassiveHandling = TRUE;
#endif
  return WdfInterruptCreate(Device, &Config, WDF_NO_OBJECT_ATTRIBUTES, &Dev.Interrupt);
}
#endif

#ifdef MIXED
_IRQL_requires_(PASSIVE_LEVEL)
NTSTATUS CreateOther(WDFDEVICE Device) {
  WDF_INTERRUPT_CONFIG Passive;
  WDF_INTERRUPT_CONFIG_INIT(&Passive, Isr, NULL);
  Passive.PassiveHandling = TRUE;
  return WdfInterruptCreate(Device, &Passive, WDF_NO_OBJECT_ATTRIBUTES, &Dev.Other);
}

_IRQL_requires_(PASSIVE_LEVEL)
VOID LockOther(WDFREQUEST Request) {
  WdfInterruptAcquireLock(Dev.Other);
  WdfRequestComplete(Request, STATUS_SUCCESS);
  WdfInterruptReleaseLock(Dev.Other);
}
#endif

// Under the interrupt lock: only what is allowed at DIRQL.
_IRQL_requires_max_(DISPATCH_LEVEL)
ULONG TakeLatched(WDFREQUEST Request) {
  ULONG Latched;
  WdfInterruptAcquireLock(Dev.Interrupt);
  Latched = Dev.Latched;
  Dev.Latched = 0;
  WriteRegister(0);
  WdfInterruptQueueDpcForIsr(Dev.Interrupt);
  WdfRequestComplete(Request, STATUS_SUCCESS); // expected-warning {{'WdfRequestComplete' called at 3, but it requires IRQL <= DISPATCH_LEVEL}}
  WdfInterruptReleaseLock(Dev.Interrupt);
  // Released: back at the caller's IRQL.
  WdfRequestComplete(Request, STATUS_SUCCESS);
  return Latched;
}

// A pageable function must not take a spin lock.
_IRQL_requires_(PASSIVE_LEVEL)
VOID PagedApply(ULONG Value);
#pragma alloc_text(PAGE, PagedApply)
VOID PagedApply(ULONG Value) {
  PAGED_CODE();
  WdfInterruptAcquireLock(Dev.Interrupt); // expected-warning {{pageable function 'PagedApply' raises the IRQL to 3 with 'WdfInterruptAcquireLock'}}
  WriteRegister(Value);
  WdfInterruptReleaseLock(Dev.Interrupt);
}

// CHECK: contract WdfInterruptAcquireLock: max=3 raises=3 saves-global=WdfInterruptLock:arg0 [interrupt lock raises]
// CHECK: contract WdfInterruptReleaseLock: max=3 restores-global=WdfInterruptLock:arg0 [interrupt lock raises]
// PASSIVE-NOT: interrupt lock raises
