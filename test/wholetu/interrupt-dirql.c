// Interrupt context is device IRQL. The WDK writes _IRQL_requires_(HIGH_LEVEL)
// on KSERVICE_ROUTINE to stand for "some DIRQL": for the interrupt roles
// (KSERVICE_ROUTINE, KSYNCHRONIZE_ROUTINE, KMESSAGE_SERVICE_ROUTINE) a
// class-derived HIGH_LEVEL means the role table's min=3 max=DIRQL. Routines
// allowed up to DIRQL (KeInsertQueueDpc, DbgPrintEx, a helper annotated
// _IRQL_requires_max_(DIRQL): DIRQL is no macro, the level table knows it)
// are fine there; routines allowed only up to DISPATCH_LEVEL are not.
//
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <wdm.h>

typedef struct _DEVICE_EXTENSION {
  KDPC Dpc;
  KEVENT Event;
  ULONG Count;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

_IRQL_requires_max_(DIRQL)
static VOID CountInterrupt(PDEVICE_EXTENSION Ext) { Ext->Count++; }

KSERVICE_ROUTINE InterruptService;
BOOLEAN InterruptService(PKINTERRUPT Interrupt, PVOID Context) {
  PDEVICE_EXTENSION Ext = Context;
  CountInterrupt(Ext);
  DbgPrintEx(0, 0, "interrupt %u\n", Ext->Count);
  KeInsertQueueDpc(&Ext->Dpc, NULL, NULL);
  return TRUE;
}

KMESSAGE_SERVICE_ROUTINE MessageService;
BOOLEAN MessageService(PKINTERRUPT Interrupt, PVOID Context, ULONG MessageId) {
  PDEVICE_EXTENSION Ext = Context;
  CountInterrupt(Ext);
  // Only up to DISPATCH_LEVEL: wrong at every device IRQL.
  KeSetEvent(&Ext->Event, 0, FALSE); // expected-warning {{'KeSetEvent' called at}}
  return TRUE;
}

KSYNCHRONIZE_ROUTINE SynchronizeCount;
BOOLEAN SynchronizeCount(PVOID Context) {
  CountInterrupt(Context);
  return TRUE;
}

// DUMP-DAG: irqlcheck: contract CountInterrupt: max=DIRQL
// DUMP-DAG: irqlcheck: contract InterruptService: min=3 max=DIRQL same class=KSERVICE_ROUTINE [class KSERVICE_ROUTINE; HIGH_LEVEL as DIRQL]
// DUMP-DAG: irqlcheck: contract MessageService: min=3 max=DIRQL same class=KMESSAGE_SERVICE_ROUTINE [class KMESSAGE_SERVICE_ROUTINE; role KMESSAGE_SERVICE_ROUTINE]
// DUMP-DAG: irqlcheck: contract SynchronizeCount: min=3 max=DIRQL same class=KSYNCHRONIZE_ROUTINE [class KSYNCHRONIZE_ROUTINE; role KSYNCHRONIZE_ROUTINE]

// Under the interrupt spin lock the IRQL is the interrupt's DIRQL, which the
// WDK also writes as HIGH_LEVEL on KeAcquireInterruptSpinLock and
// KeReleaseInterruptSpinLock: DIRQL routines are fine there, the release is
// made at the level the acquire set, and DISPATCH_LEVEL-only routines are
// still reported.
VOID TouchSharedWithIsr(PKINTERRUPT Interrupt, PDEVICE_EXTENSION Ext) {
  KIRQL OldIrql = KeAcquireInterruptSpinLock(Interrupt);
  Ext->Count = 0;
  KeInsertQueueDpc(&Ext->Dpc, NULL, NULL);
  KeReleaseInterruptSpinLock(Interrupt, OldIrql);
}

VOID SignalUnderInterruptLock(PKINTERRUPT Interrupt, PDEVICE_EXTENSION Ext) {
  KIRQL OldIrql = KeAcquireInterruptSpinLock(Interrupt);
  KeSetEvent(&Ext->Event, 0, FALSE); // expected-warning {{'KeSetEvent' called at DIRQL, but it requires IRQL <= DISPATCH_LEVEL}}
  KeReleaseInterruptSpinLock(Interrupt, OldIrql);
}
// DUMP-DAG: contract KeAcquireInterruptSpinLock: max=DIRQL {{.*}}sets=DIRQL saves=ret
// DUMP-DAG: contract KeReleaseInterruptSpinLock: min=3 max=DIRQL restores=arg1
