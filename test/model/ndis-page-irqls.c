// NDIS rows corrected to their reference pages' req.irql (issue 13, item 2),
// used from real code with the real mingw-w64 headers and the plain,
// unannotated NDIS prototypes a driver may declare (the model decides). Each
// routine is called where its page allows it (silent) and once where it is
// really wrong.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw32_ddk -Wno-#warnings -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntddk.h>

typedef PVOID NDIS_HANDLE;
VOID NTAPI NdisMSleep(ULONG MicrosecondsToSleep);
VOID NTAPI NdisOpenConfigurationKeyByIndex(PLONG Status, NDIS_HANDLE Config, ULONG Index,
                                           PUNICODE_STRING KeyName, NDIS_HANDLE *Key);
VOID NTAPI NdisOpenConfigurationKeyByName(PLONG Status, NDIS_HANDLE Config,
                                          PUNICODE_STRING SubKeyName, NDIS_HANDLE *Key);
VOID NTAPI NdisInitializeReadWriteLock(PVOID Lock);
LONG NTAPI NdisMAllocateNetBufferSGList(NDIS_HANDLE Dma, PVOID NetBuffer, PVOID Context,
                                        ULONG Flags, PVOID Buffer, ULONG BufferSize);
VOID NTAPI NdisMFreeNetBufferSGList(NDIS_HANDLE Dma, PVOID SGList, PVOID NetBuffer);
VOID NTAPI NdisFRestartComplete(NDIS_HANDLE Filter, LONG Status);

static KSPIN_LOCK Lock;
static UCHAR RwLock[512];

// NdisMSleep and the two configuration-key routines: "< DISPATCH_LEVEL", so
// APC_LEVEL is fine (the rows said PASSIVE_LEVEL and reported this).
VOID AtApcLevel(NDIS_HANDLE Config, PUNICODE_STRING Name) {
  KIRQL Old;
  LONG Status;
  NDIS_HANDLE Key;
  KeRaiseIrql(APC_LEVEL, &Old);
  NdisMSleep(100);
  NdisOpenConfigurationKeyByName(&Status, Config, Name, &Key);
  NdisOpenConfigurationKeyByIndex(&Status, Config, 0, Name, &Key);
  KeLowerIrql(Old);
}

VOID UnderSpinLock(NDIS_HANDLE Config, PUNICODE_STRING Name, NDIS_HANDLE Dma, PVOID Nb,
                   PVOID SGList) {
  KIRQL Old;
  LONG Status;
  NDIS_HANDLE Key;
  KeAcquireSpinLock(&Lock, &Old); // expected-note 4 {{IRQL set to DISPATCH_LEVEL here}}
  // NdisInitializeReadWriteLock: any level; the SG-list routines: DISPATCH_LEVEL.
  NdisInitializeReadWriteLock(RwLock);
  NdisMAllocateNetBufferSGList(Dma, Nb, NULL, 0, NULL, 0);
  NdisMFreeNetBufferSGList(Dma, SGList, Nb);
  NdisMSleep(100); // expected-warning {{'NdisMSleep' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  NdisOpenConfigurationKeyByName(&Status, Config, Name, &Key); // expected-warning {{'NdisOpenConfigurationKeyByName' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  NdisOpenConfigurationKeyByIndex(&Status, Config, 0, Name, &Key); // expected-warning {{'NdisOpenConfigurationKeyByIndex' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  NdisFRestartComplete(Config, 0); // expected-warning {{'NdisFRestartComplete' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  KeReleaseSpinLock(&Lock, Old);
}

// NdisFRestartComplete: PASSIVE_LEVEL. The SG-list routines need exactly
// DISPATCH_LEVEL, so PASSIVE_LEVEL is wrong for them.
_IRQL_requires_(PASSIVE_LEVEL)
VOID AtPassiveLevel(NDIS_HANDLE Filter, NDIS_HANDLE Dma, PVOID Nb, PVOID SGList) { // expected-note 2 {{'AtPassiveLevel' runs at PASSIVE_LEVEL}}
  NdisFRestartComplete(Filter, 0);
  NdisMAllocateNetBufferSGList(Dma, Nb, NULL, 0, NULL, 0); // expected-warning {{'NdisMAllocateNetBufferSGList' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  NdisMFreeNetBufferSGList(Dma, SGList, Nb); // expected-warning {{'NdisMFreeNetBufferSGList' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
}
