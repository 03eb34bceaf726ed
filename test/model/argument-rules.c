// The argument-dependent rules of the kernel model (what the WDK writes with
// _When_), with the real mingw-w64 headers, at DISPATCH_LEVEL inside a DPC
// registered with KeInitializeDpc. Each rule has a call that breaks it and one
// that does not; arguments that are not constants get the unconditional rule.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

static KDPC Dpc;
static KEVENT Event;
static KSEMAPHORE Semaphore;
VOID Work(PKDPC D, PVOID C, PVOID A1, PVOID A2);
VOID Register(void) { KeInitializeDpc(&Dpc, Work, NULL); }
void Sink(PVOID P);

VOID Work(PKDPC D, PVOID C, PVOID A1, PVOID A2) { // expected-note@12 6 {{'Work' runs at DISPATCH_LEVEL}}
  LARGE_INTEGER Zero, Tenth;
  Zero.QuadPart = 0;
  Tenth.QuadPart = -1000000;
  // Waits: a zero timeout is a poll (allowed); NULL or non-zero is a wait.
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Zero);
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, NULL);   // expected-warning {{'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, &Tenth); // expected-warning {{'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  KeWaitForSingleObject(&Event, Executive, KernelMode, FALSE, (PLARGE_INTEGER)C); // unknown: no guess

  // Pool: paged pool types need APC_LEVEL or below.
  Sink(ExAllocatePoolWithTag(NonPagedPool, 16, 'tseT'));
  Sink(ExAllocatePoolWithTag(NonPagedPoolNx, 16, 'tseT'));
  Sink(ExAllocatePoolWithTag(PagedPool, 16, 'tseT')); // expected-warning {{'ExAllocatePoolWithTag' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  Sink(ExAllocatePoolWithTag(PagedPoolCacheAligned, 16, 'tseT')); // expected-warning {{'ExAllocatePoolWithTag' called at DISPATCH_LEVEL}} expected-note {{built-in kernel model}}
  ExFreePoolWithTag(C, 'tseT');

  // KeSetEvent / KeReleaseSemaphore with Wait = TRUE need APC_LEVEL or below.
  KeSetEvent(&Event, IO_NO_INCREMENT, FALSE);
  KeSetEvent(&Event, IO_NO_INCREMENT, TRUE); // expected-warning {{'KeSetEvent' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  KeReleaseSemaphore(&Semaphore, IO_NO_INCREMENT, 1, FALSE);

  // DbgPrint with a Unicode conversion needs PASSIVE_LEVEL.
  DbgPrint("count %d name %s\n", 1, "x");
  DbgPrint("name %ws\n", L"x"); // expected-warning {{'DbgPrint' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  DbgPrint("100%% done\n");
}
