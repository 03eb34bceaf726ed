// Fast I/O routines run at PASSIVE_LEVEL or APC_LEVEL (Roles.def: the
// FAST_IO_* roles, a bound). A routine gets its role from its FAST_IO_*
// typedef, or from the FAST_IO_DISPATCH field it is stored in: by an
// assignment or by the table's static initializer (positional or designated).
//
// (The pass's notes, on where the IRQL comes from, are not this test's subject.)
// RUN: %wdk_cc1 -emit-obj -o %t.o -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck dump-contracts %s \
// RUN:   | FileCheck %s --check-prefix=DUMP
// The same with mingw-w64's headers, whose typedefs carry no annotations.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts \
// RUN:   -fsyntax-only -DMINGW %s | FileCheck %s --check-prefix=DUMP

#include <ntifs.h>

static FAST_MUTEX Mutex;
static KSPIN_LOCK Lock;

FAST_IO_READ FastRead;
BOOLEAN FastRead(PFILE_OBJECT File, PLARGE_INTEGER Offset, ULONG Length, BOOLEAN Wait,
                 ULONG Key, PVOID Buffer, PIO_STATUS_BLOCK Status, PDEVICE_OBJECT Device) {
  // <= APC_LEVEL: fine everywhere a fast I/O routine runs.
  ExAcquireFastMutex(&Mutex);
  ExReleaseFastMutex(&Mutex);
  return FALSE;
}

static BOOLEAN FastWrite(PFILE_OBJECT File, PLARGE_INTEGER Offset, ULONG Length,
                         BOOLEAN Wait, ULONG Key, PVOID Buffer, PIO_STATUS_BLOCK Status,
                         PDEVICE_OBJECT Device) {
#ifndef MINGW
  // Exactly DISPATCH_LEVEL is wrong at every IRQL fast I/O runs at.
  KeAcquireSpinLockAtDpcLevel(&Lock); // expected-warning {{'KeAcquireSpinLockAtDpcLevel' must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..APC_LEVEL)}}
  KeReleaseSpinLockFromDpcLevel(&Lock); // expected-warning {{'KeReleaseSpinLockFromDpcLevel' must be called at exactly DISPATCH_LEVEL}}
#endif
  return FALSE;
}

static BOOLEAN FastQueryBasic(PFILE_OBJECT File, BOOLEAN Wait, PFILE_BASIC_INFORMATION Info,
                              PIO_STATUS_BLOCK Status, PDEVICE_OBJECT Device) {
  return FALSE;
}

static BOOLEAN FastCheck(PFILE_OBJECT File, PLARGE_INTEGER Offset, ULONG Length,
                         BOOLEAN Wait, ULONG Key, BOOLEAN CheckForRead,
                         PIO_STATUS_BLOCK Status, PDEVICE_OBJECT Device) {
  return TRUE;
}

static VOID FastDetach(PDEVICE_OBJECT Source, PDEVICE_OBJECT Target) {}

// Positional: the second field is FastIoCheckIfPossible.
static FAST_IO_DISPATCH FastIoTable = {sizeof(FAST_IO_DISPATCH), FastCheck};

NTSTATUS DriverEntry(PDRIVER_OBJECT Driver, PUNICODE_STRING Path) {
  static FAST_IO_DISPATCH Designated = {.SizeOfFastIoDispatch = sizeof(FAST_IO_DISPATCH),
                                        .FastIoDetachDevice = FastDetach};
  FastIoTable.FastIoRead = FastRead;
  FastIoTable.FastIoWrite = FastWrite;
  FastIoTable.FastIoQueryBasicInfo = FastQueryBasic;
  Driver->FastIoDispatch = &FastIoTable;
  (void)Designated;
  return STATUS_SUCCESS;
}

// DUMP-DAG: irqlcheck: contract FastRead: max=APC_LEVEL same class=FAST_IO_READ [{{.*}}role FAST_IO_READ]
// DUMP-DAG: irqlcheck: contract FastWrite: max=APC_LEVEL same class=FAST_IO_WRITE [registered with ->FastIoWrite; {{.*}}role FAST_IO_WRITE]
// DUMP-DAG: irqlcheck: contract FastQueryBasic: max=APC_LEVEL same class=FAST_IO_QUERY_BASIC_INFO [registered with ->FastIoQueryBasicInfo; {{.*}}role FAST_IO_QUERY_BASIC_INFO]
// DUMP-DAG: irqlcheck: contract FastCheck: max=APC_LEVEL same class=FAST_IO_CHECK_IF_POSSIBLE [registered with .FastIoCheckIfPossible; {{.*}}role FAST_IO_CHECK_IF_POSSIBLE]
// DUMP-DAG: irqlcheck: contract FastDetach: max=APC_LEVEL same class=FAST_IO_DETACH_DEVICE [registered with .FastIoDetachDevice; {{.*}}role FAST_IO_DETACH_DEVICE]
