// A dispatch routine is entered at the IRQL of the major functions it serves
// (plugin/model/DispatchTypes.def), not at the DISPATCH_LEVEL the
// DRIVER_DISPATCH typedef allows. The majors come from _Dispatch_type_, from
// fastfat's _Function_class_(IRP_MJ_x) beside _Function_class_(DRIVER_DISPATCH)
// (a dispatch type, not a second class), and from MajorFunction[IRP_MJ_x]
// stores, whose index is evaluated as a constant. A routine serving several
// majors takes the union; an _IRQL_requires_max_ written on the routine wins.
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP

#include <ntifs.h>

static FAST_MUTEX Mutex;
static KSPIN_LOCK Lock;

// Close runs at up to APC_LEVEL: a fast mutex (<= APC_LEVEL) is fine there,
// and the second _Function_class_ is no irql-function-class-multiple.
DRIVER_DISPATCH FsdClose;
_Function_class_(IRP_MJ_CLOSE)
_Function_class_(DRIVER_DISPATCH)
NTSTATUS FsdClose(PDEVICE_OBJECT Device, PIRP Irp) {
  ExAcquireFastMutex(&Mutex);
  ExReleaseFastMutex(&Mutex);
  return STATUS_SUCCESS;
}

// fastfat's spelling without the typedef: the class is DRIVER_DISPATCH.
_Function_class_(IRP_MJ_DIRECTORY_CONTROL)
_Function_class_(DRIVER_DISPATCH)
NTSTATUS FsdDirectoryControl(PDEVICE_OBJECT Device, PIRP Irp);
NTSTATUS FsdDirectoryControl(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// _Dispatch_type_ on the declaration, as the WDK samples write it.
_Dispatch_type_(IRP_MJ_CREATE)
DRIVER_DISPATCH DispatchCreate;
NTSTATUS DispatchCreate(PDEVICE_OBJECT Device, PIRP Irp) {
  // Create runs at PASSIVE_LEVEL: a DISPATCH_LEVEL-only call is wrong at
  // every IRQL it can be entered at.
  KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{'KeAcquireSpinLockAtDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL}}
  KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{'KeReleaseSpinLockFromDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL}}
  return STATUS_SUCCESS;
}

// Registered for read and write (both <= APC_LEVEL on the paging path).
DRIVER_DISPATCH DispatchReadWrite;
NTSTATUS DispatchReadWrite(PDEVICE_OBJECT Device, PIRP Irp) {
  ExAcquireFastMutex(&Mutex);
  ExReleaseFastMutex(&Mutex);
  return STATUS_SUCCESS;
}

// Registered for power: DISPATCH_LEVEL is possible, the typedef's bound stays.
DRIVER_DISPATCH DispatchPower;
NTSTATUS DispatchPower(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// Stored for every major in a loop: any major, so the typedef's bound stays.
DRIVER_DISPATCH DispatchDefault;
NTSTATUS DispatchDefault(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// The WDK's __drv_dispatchType_other (__drv_dispatchType(-1)): any other
// major, so the typedef's bound stays; a number names a major too.
#define __drv_dispatchType_other __drv_dispatchType(-1)
__drv_dispatchType_other
DRIVER_DISPATCH DispatchOther;
NTSTATUS DispatchOther(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }
__drv_dispatchType(0x12)
DRIVER_DISPATCH DispatchByNumber;
NTSTATUS DispatchByNumber(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// Written on the routine: its own maximum wins over the dispatch type.
_Dispatch_type_(IRP_MJ_DEVICE_CONTROL)
_IRQL_requires_max_(PASSIVE_LEVEL)
DRIVER_DISPATCH DispatchIoctl;
NTSTATUS DispatchIoctl(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// Without the typedef: registration alone makes it a dispatch routine.
NTSTATUS DispatchCleanup(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

// Stored by a chained assignment, for a PASSIVE_LEVEL and an APC_LEVEL major
// (an index written as an expression: IRP_MJ_READ + 9 is IRP_MJ_DIRECTORY_CONTROL).
DRIVER_DISPATCH DispatchCreateClose;
NTSTATUS DispatchCreateClose(PDEVICE_OBJECT Device, PIRP Irp) { return STATUS_SUCCESS; }

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path) {
  ULONG i;
  for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
    Driver->MajorFunction[i] = DispatchDefault;
  Driver->MajorFunction[IRP_MJ_CLOSE] = FsdClose;
  Driver->MajorFunction[IRP_MJ_DIRECTORY_CONTROL] = FsdDirectoryControl;
  Driver->MajorFunction[IRP_MJ_CREATE] = DispatchCreate;
  Driver->MajorFunction[IRP_MJ_READ] = DispatchReadWrite;
  Driver->MajorFunction[IRP_MJ_WRITE] = DispatchReadWrite;
  Driver->MajorFunction[IRP_MJ_POWER] = DispatchPower;
  Driver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = DispatchIoctl;
  Driver->MajorFunction[IRP_MJ_CLEANUP] = DispatchCleanup;
  Driver->MajorFunction[IRP_MJ_QUERY_EA] = DispatchOther;
  Driver->MajorFunction[IRP_MJ_SET_EA] = DispatchByNumber;
  Driver->MajorFunction[IRP_MJ_SHUTDOWN] = Driver->MajorFunction[IRP_MJ_READ + 9] =
      DispatchCreateClose;
  return STATUS_SUCCESS;
}

// DUMP-DAG: irqlcheck: contract FsdClose: max=APC_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_CLOSE]
// DUMP-DAG: irqlcheck: contract FsdDirectoryControl: max=APC_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_DIRECTORY_CONTROL]
// DUMP-DAG: irqlcheck: contract DispatchCreate: max=PASSIVE_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_CREATE]
// DUMP-DAG: irqlcheck: contract DispatchReadWrite: max=APC_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_READ, IRP_MJ_WRITE]
// DUMP-DAG: irqlcheck: contract DispatchPower: max=DISPATCH_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_POWER]
// DUMP-DAG: irqlcheck: contract DispatchDefault: max=DISPATCH_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH]
// DUMP-DAG: irqlcheck: contract DispatchIoctl: max=PASSIVE_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH]
// DUMP-DAG: irqlcheck: contract DispatchCleanup: max=PASSIVE_LEVEL same class=DRIVER_DISPATCH [registered with ->MajorFunction; class DRIVER_DISPATCH; dispatch type IRP_MJ_CLEANUP]
// DUMP-DAG: irqlcheck: contract DispatchCreateClose: max=APC_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_DIRECTORY_CONTROL, IRP_MJ_SHUTDOWN]
// DUMP-DAG: irqlcheck: contract DispatchOther: max=DISPATCH_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH]
// DUMP-DAG: irqlcheck: contract DispatchByNumber: max=PASSIVE_LEVEL same class=DRIVER_DISPATCH [class DRIVER_DISPATCH; dispatch type IRP_MJ_SET_EA, IRP_MJ_CLEANUP]
