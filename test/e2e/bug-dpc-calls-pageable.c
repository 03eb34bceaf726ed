// Source-material bug 3: a DPC calls a helper that lives in pageable code
// (PAGED_CODE(), #pragma alloc_text(PAGE, ...)). The DPC runs at
// DISPATCH_LEVEL where page faults cannot be serviced: bug check 0xD1
// (DRIVER_IRQL_NOT_LESS_OR_EQUAL) as soon as the page is out. Real mingw-w64
// headers; they define ALLOC_PRAGMA only for MSVC, so here PAGED_CODE() is
// what marks the helper pageable. With -fms-extensions the #pragma also does.
//
// DEFINE: %{cc} = %clang %mingw_ddk -fplugin=%irqlcheck -fno-caret-diagnostics -c %s -o %t.o
// RUN: %{cc}                 2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %{cc} -O2 -g          2>&1 | FileCheck %s --implicit-check-not=warning:
// RUN: %{cc} -fms-extensions 2>&1 | FileCheck %s --implicit-check-not=warning:

#include <ntddk.h>

typedef struct _STATS {
  ULONG Ticks;
  ULONG Samples[16];
} STATS, *PSTATS;

VOID SummarizeStats(PSTATS Stats);
VOID StatsWorker(PDEVICE_OBJECT DeviceObject, PVOID Context);
#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, SummarizeStats)
#pragma alloc_text(PAGE, StatsWorker)
#endif

VOID SummarizeStats(PSTATS Stats) {
  PAGED_CODE();
  Stats->Ticks = 0;
}

// The bug: the timer DPC summarises directly.
KDEFERRED_ROUTINE StatsTimerDpc;
VOID StatsTimerDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  PSTATS Stats = (PSTATS)Context;
  if (++Stats->Ticks == 16)
    SummarizeStats(Stats);
}
// CHECK: bug-dpc-calls-pageable.c:[[#@LINE-2]]:5: warning: pageable function 'SummarizeStats' called at DISPATCH_LEVEL (bug check 0xD1 if its page is not resident); pageable code runs at APC_LEVEL or below [irql-paged-call]
// CHECK-NEXT: bug-dpc-calls-pageable.c:[[#@LINE-7]]:19: note: 'StatsTimerDpc' runs at DISPATCH_LEVEL (its annotations or function class)

// The fix: the DPC queues a work item; the work item (PASSIVE_LEVEL) calls
// the pageable helper.
IO_WORKITEM_ROUTINE StatsWorker;
VOID StatsWorker(PDEVICE_OBJECT DeviceObject, PVOID Context) {
  PAGED_CODE();
  SummarizeStats((PSTATS)Context);
}

typedef struct _DEVICE_EXTENSION {
  STATS Stats;
  PIO_WORKITEM WorkItem;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

KDEFERRED_ROUTINE StatsTimerDpcFixed;
VOID StatsTimerDpcFixed(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  PDEVICE_EXTENSION Ext = (PDEVICE_EXTENSION)Context;
  if (++Ext->Stats.Ticks == 16)
    IoQueueWorkItem(Ext->WorkItem, StatsWorker, DelayedWorkQueue, &Ext->Stats);
}
