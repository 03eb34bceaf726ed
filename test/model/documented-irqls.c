// Kernel-model entries where the documented IRQL is wider than a quick
// reading of the requirements table suggests, with the real mingw-w64 headers
// (no annotations, so the built-in model decides). Each routine is called
// where its page allows it (silent) and once where it is really wrong.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw32_ddk -Wno-#warnings -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

typedef struct _DEVICE_STATE {
  KDPC Dpc;
  KSPIN_LOCK Lock;
  RTL_BITMAP Slots;            // header and buffer both in non-paged memory
  ULONG SlotBits[4];
  LIST_ENTRY Pending;
  KSPIN_LOCK PendingLock;
  LONG Count;
  FAST_MUTEX Mutex;
  PKINTERRUPT Interrupt;
  PUCHAR Registers;
  KEVENT Done;
  EX_RUNDOWN_REF Rundown;      // non-paged
} DEVICE_STATE;

static DEVICE_STATE State;
VOID NTAPI SlotDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2); // #dpc
BOOLEAN NTAPI Isr(PKINTERRUPT Interrupt, PVOID Context);   // #isr
VOID Register(void) { KeInitializeDpc(&State.Dpc, SlotDpc, NULL); }

// The Rtl*Bits bitmap routines run at any IRQL when the bitmap is non-paged
// (RtlInitializeBitMap's page): a DPC and a spin-lock holder may use them.
VOID NTAPI SlotDpc(PKDPC D, PVOID C, PVOID A1, PVOID A2) {
  // expected-note@#dpc 2 {{'SlotDpc' runs at DISPATCH_LEVEL}}
  ULONG Index, Start;
  RtlInitializeBitMap(&State.Slots, State.SlotBits, 128);
  RtlClearAllBits(&State.Slots);
  Index = RtlFindClearBitsAndSet(&State.Slots, 1, 0);
  if (Index != 0xFFFFFFFF && RtlAreBitsSet(&State.Slots, Index, 1))
    RtlClearBits(&State.Slots, Index, 1);
  RtlSetBits(&State.Slots, 0, 4);
  Index = RtlFindClearBits(&State.Slots, 2, 0) + RtlNumberOfSetBits(&State.Slots) +
          RtlNumberOfClearBits(&State.Slots) + RtlFindLongestRunClear(&State.Slots, &Start) +
          RtlCheckBit(&State.Slots, 3);
  if (RtlAreBitsClear(&State.Slots, 8, 8))
    RtlSetAllBits(&State.Slots);
  // Run-down protection on a non-paged EX_RUNDOWN_REF is taken and dropped at
  // DISPATCH_LEVEL (the pages' remarks).
  if (ExAcquireRundownProtection(&State.Rundown))
    ExReleaseRundownProtection(&State.Rundown);
  if (ExAcquireRundownProtectionEx(&State.Rundown, 2))
    ExReleaseRundownProtectionEx(&State.Rundown, 2);
  // ... but an unsafe fast mutex or waiting for the run-down is still wrong
  // here: both wait, allowed only up to APC_LEVEL.
  ExAcquireFastMutexUnsafe(&State.Mutex); // expected-warning {{'ExAcquireFastMutexUnsafe' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  ExWaitForRundownProtectionRelease(&State.Rundown); // expected-warning {{'ExWaitForRundownProtectionRelease' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
}

VOID UnderSpinLock(VOID) {
  KIRQL Old;
  KeAcquireSpinLock(&State.Lock, &Old);
  RtlSetBits(&State.Slots, 4, 4);
  RtlClearBits(&State.Slots, 0, 4);
  KeReleaseSpinLock(&State.Lock, Old);
}

// ExAcquireFastMutexUnsafe / ExReleaseFastMutexUnsafe do not raise: they are
// right in a critical region at PASSIVE_LEVEL and at APC_LEVEL.
VOID InCriticalRegion(VOID) {
  KeEnterCriticalRegion();
  ExAcquireFastMutexUnsafe(&State.Mutex);
  ExReleaseFastMutexUnsafe(&State.Mutex);
  KeLeaveCriticalRegion();
}

VOID AtApcLevel(VOID) {
  KIRQL Old;
  KeRaiseIrql(APC_LEVEL, &Old);
  ExAcquireFastMutexUnsafe(&State.Mutex);
  ExReleaseFastMutexUnsafe(&State.Mutex);
  KeLowerIrql(Old);
}

// IoCreateDevice: Driver Verifier's IrqlIoPassive1 bug-checks a call above
// PASSIVE_LEVEL, so creating a device under a fast mutex is a bug.
NTSTATUS CreateUnderMutex(PDRIVER_OBJECT Driver, PDEVICE_OBJECT *Out) {
  NTSTATUS Status;
  ExAcquireFastMutex(&State.Mutex); // expected-note {{IRQL set to APC_LEVEL here by 'ExAcquireFastMutex'}}
  Status = IoCreateDevice(Driver, 0, NULL, FILE_DEVICE_UNKNOWN, 0, FALSE, Out); // expected-warning {{'IoCreateDevice' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  ExReleaseFastMutex(&State.Mutex);
  return Status;
}

// Interrupt context: an ISR (registered with IoConnectInterrupt) and code
// under KeAcquireInterruptSpinLock run at the device's DIRQL. The routines
// documented for any IRQL or up to DIRQL are right there.
NTSTATUS Connect(PDEVICE_OBJECT Device, ULONG Vector, KIRQL Irql, KAFFINITY Affinity) {
  return IoConnectInterrupt(&State.Interrupt, Isr, Device, NULL, Vector, Irql, Irql,
                            LevelSensitive, TRUE, Affinity, FALSE);
}

BOOLEAN NTAPI Isr(PKINTERRUPT Interrupt, PVOID Context) {
  // expected-note@#isr {{'Isr' runs at 3..DIRQL (its annotations or function class)}}
  ULONG Status = READ_REGISTER_ULONG((PULONG)State.Registers);
  if (!Status)
    return FALSE;
  WRITE_REGISTER_ULONG((PULONG)State.Registers, Status);
  WRITE_PORT_UCHAR(State.Registers + 4, 1);
  KeStallExecutionProcessor(10);
  InterlockedIncrement(&State.Count);
  ExInterlockedInsertTailList(&State.Pending, (PLIST_ENTRY)Context, &State.PendingLock);
  KeInsertQueueDpc(&State.Dpc, NULL, NULL);
  IoRequestDpc((PDEVICE_OBJECT)Context, NULL, NULL);
  DbgPrintEx(0, 0, "interrupt %lx\n", Status);
  // Routines allowed only up to DISPATCH_LEVEL are still wrong in an ISR.
  KeSetEvent(&State.Done, IO_NO_INCREMENT, FALSE); // expected-warning {{'KeSetEvent' called at}} expected-note {{built-in kernel model}}
  return TRUE;
}

VOID TouchSharedWithIsr(VOID) {
  KIRQL Old = KeAcquireInterruptSpinLock(State.Interrupt);
  WRITE_REGISTER_ULONG((PULONG)State.Registers, 0);
  KeInsertQueueDpc(&State.Dpc, NULL, NULL);
  KeReleaseInterruptSpinLock(State.Interrupt, Old);
}
