// Storport miniport callbacks get their roles from the HW_INITIALIZATION_DATA
// fields the miniport fills before StorPortInitialize (by stores or by an
// initializer). HwStorFindAdapter runs at PASSIVE_LEVEL (promised);
// HwStorBuildIo and HwStorResetBus at DISPATCH_LEVEL (promised); the
// interrupt routine at DIRQL; HwStorInitialize and HwStorStartIo at
// DISPATCH_LEVEL or DIRQL by synchronization model, HwStorAdapterControl at
// PASSIVE_LEVEL..DIRQL and HwStorUnitControl at PASSIVE_LEVEL or
// DISPATCH_LEVEL by control type: bounds, which report only a call wrong at
// every level of the range.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-obj -o %t.o -O2 -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <storport.h>

static HANDLE Log;
static KSPIN_LOCK Lock;

// DUMP-DAG: contract FindAdapter: req=PASSIVE_LEVEL same class=HW_FIND_ADAPTER [registered with ->HwFindAdapter;
static ULONG FindAdapter(PVOID Ext, PVOID Context, PVOID Bus, PCHAR Args,
                         PPORT_CONFIGURATION_INFORMATION Config, PBOOLEAN Reserved) {
  ZwClose(Log); // PASSIVE_LEVEL: fine
  return SP_RETURN_FOUND;
}
// DUMP-DAG: contract Initialize: min=DISPATCH_LEVEL max=DIRQL same class=HW_INITIALIZE [registered with ->HwInitialize;
static BOOLEAN Initialize(PVOID Ext) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at the entry IRQL (DISPATCH_LEVEL..DIRQL), but it requires IRQL <= PASSIVE_LEVEL}}
  return TRUE;
}
// A bound: DISPATCH_LEVEL-only routines are fine in StartIo (full duplex).
// DUMP-DAG: contract StartIo: min=DISPATCH_LEVEL max=DIRQL same class=HW_STARTIO [registered with ->HwStartIo;
static BOOLEAN StartIo(PVOID Ext, PSCSI_REQUEST_BLOCK Srb) {
  PVOID Buffer;
  StorPortAllocatePool(Ext, 64, 'tseT', &Buffer);
  KeAcquireSpinLockAtDpcLevel(&Lock);
  KeReleaseSpinLockFromDpcLevel(&Lock);
  return TRUE;
}
static BOOLEAN StartIoWaits(PVOID Ext, PSCSI_REQUEST_BLOCK Srb) {
  LARGE_INTEGER Delay = {0};
  KeDelayExecutionThread(KernelMode, FALSE, &Delay); // expected-warning {{requires IRQL <= APC_LEVEL}}
  return TRUE;
}
// DUMP-DAG: contract BuildIo: req=DISPATCH_LEVEL same class=HW_BUILDIO [registered with ->HwBuildIo;
static BOOLEAN BuildIo(PVOID Ext, PSCSI_REQUEST_BLOCK Srb) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  return TRUE;
}
// DUMP-DAG: contract Interrupt: min=3 max=DIRQL same class=HW_INTERRUPT [registered with ->HwInterrupt;
static BOOLEAN Interrupt(PVOID Ext) {
  KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (3..DIRQL)}}
  KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (3..DIRQL)}}
  StorPortNotification(RequestComplete, Ext, (PSCSI_REQUEST_BLOCK)0);
  return TRUE;
}
// DUMP-DAG: contract ResetBus: req=DISPATCH_LEVEL same class=HW_RESET_BUS [registered with ->HwResetBus;
static BOOLEAN ResetBus(PVOID Ext, ULONG PathId) {
  ZwClose(Log); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL}}
  return TRUE;
}
// PASSIVE_LEVEL work under ScsiSetRunningConfig is fine in a bound.
// DUMP-DAG: contract AdapterControl: max=DIRQL same class=HW_ADAPTER_CONTROL [registered with ->HwAdapterControl;
static SCSI_ADAPTER_CONTROL_STATUS AdapterControl(PVOID Ext, SCSI_ADAPTER_CONTROL_TYPE Type,
                                                  PVOID Parameters) {
  if (Type == ScsiSetRunningConfig)
    ZwClose(Log);
  return ScsiAdapterControlSuccess;
}
// DUMP-DAG: contract UnitControl: max=DISPATCH_LEVEL same class=HW_UNIT_CONTROL [registered with .HwUnitControl;
static SCSI_UNIT_CONTROL_STATUS UnitControl(PVOID Ext, SCSI_UNIT_CONTROL_TYPE Type,
                                            PVOID Parameters) {
  if (Type == ScsiUnitStart)
    ZwClose(Log);
  return ScsiUnitControlSuccess;
}
// Not registered anywhere, no role: no finding.
static BOOLEAN NotRegistered(PVOID Ext) {
  ZwClose(Log);
  return TRUE;
}
BOOLEAN (*KeepAlive)(PVOID) = NotRegistered;

// StorPortSynchronizeAccess's routine runs under the interrupt lock (DIRQL);
// the MSI-X routine is given in the port configuration.
// DUMP-DAG: contract Synchronized: min=3 max=DIRQL same class=STOR_SYNCHRONIZED_ACCESS [registered with StorPortSynchronizeAccess;
static BOOLEAN Synchronized(PVOID Ext, PVOID Context) {
  PVOID Buffer;
  StorPortAllocatePool(Ext, 64, 'tseT', &Buffer); // expected-warning {{'StorPortAllocatePool' called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  return TRUE;
}
// DUMP-DAG: contract MessageInterrupt: min=3 max=DIRQL same class=HW_MESSAGE_SIGNALED_INTERRUPT_ROUTINE [registered with ->HwMSInterruptRoutine;
static BOOLEAN MessageInterrupt(PVOID Ext, ULONG MessageId) {
  PVOID Buffer;
  StorPortAllocatePool(Ext, 64, 'tseT', &Buffer); // expected-warning {{'StorPortAllocatePool' called at the entry IRQL (3..DIRQL), but it requires IRQL <= DISPATCH_LEVEL}}
  return StorPortSynchronizeAccess(Ext, Synchronized, NULL);
}
static ULONG FindMsiAdapter(PVOID Ext, PVOID Context, PVOID Bus, PCHAR Args,
                            PPORT_CONFIGURATION_INFORMATION Config, PBOOLEAN Reserved) {
  Config->HwMSInterruptRoutine = MessageInterrupt;
  return SP_RETURN_FOUND;
}

// DUMP-DAG: contract ProcessService: req=PASSIVE_LEVEL same class=HW_PROCESS_SERVICE_REQUEST [registered with .HwProcessServiceRequest;
static VOID ProcessService(PVOID Ext, PVOID Irp) { ZwClose(Log); }

ULONG DriverEntry(PVOID DriverObject, PVOID RegistryPath) {
  HW_INITIALIZATION_DATA Init;
  HW_INITIALIZATION_DATA Virtual = {
      .HwInitializationDataSize = sizeof(HW_INITIALIZATION_DATA),
      .HwStartIo = StartIoWaits,
      .HwFindAdapter = FindMsiAdapter,
      .HwUnitControl = UnitControl,
      .HwProcessServiceRequest = ProcessService,
  };
  ULONG Status;
  RtlZeroMemory(&Init, sizeof(Init));
  Init.HwInitializationDataSize = sizeof(HW_INITIALIZATION_DATA);
  Init.AdapterInterfaceType = PCIBus;
  Init.HwFindAdapter = FindAdapter;
  Init.HwInitialize = Initialize;
  Init.HwStartIo = StartIo;
  Init.HwBuildIo = BuildIo;
  Init.HwInterrupt = Interrupt;
  Init.HwResetBus = ResetBus;
  Init.HwAdapterControl = AdapterControl;
  Status = StorPortInitialize(DriverObject, RegistryPath, &Init, NULL);
  if (Status != STOR_STATUS_SUCCESS)
    return Status;
  return StorPortInitialize(DriverObject, RegistryPath, &Virtual, NULL);
}
