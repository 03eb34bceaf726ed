// A routine that needs exactly DISPATCH_LEVEL (the Dpr spin-lock variants),
// called in a handler promised PASSIVE_LEVEL..DISPATCH_LEVEL: wrong at the
// bottom of the range when it runs on every path; silent under a branch,
// which may test what the caller said about the IRQL (NDIS passes
// NDIS_SEND_FLAGS_DISPATCH_LEVEL exactly when it calls at DISPATCH_LEVEL,
// and drivers pass the flag down as a BOOLEAN). The analysis does not
// relate such a flag to the IRQL, so it cannot tell the branch is wrong.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s

#include <ndis.h>

static NDIS_SPIN_LOCK Lock;
static LONG Queued;

// Positive: unconditional, on every path from the entry.
MINIPORT_SEND_NET_BUFFER_LISTS SendAlwaysDpr;
VOID SendAlwaysDpr(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists,
                          NDIS_PORT_NUMBER Port, ULONG Flags) {
  NdisDprAcquireSpinLock(&Lock); // expected-warning {{'NdisDprAcquireSpinLock' must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..DISPATCH_LEVEL) [irql-not-required]}}
  Queued++;
  NdisDprReleaseSpinLock(&Lock); // expected-warning {{'NdisDprReleaseSpinLock' must be called at exactly DISPATCH_LEVEL}}
}

// Positive: a branch does not help at a level the function certainly runs
// at (a PASSIVE_LEVEL routine), only inside a range.
MINIPORT_RESTART RestartDpr;
NDIS_STATUS RestartDpr(NDIS_HANDLE Context, PNDIS_MINIPORT_RESTART_PARAMETERS Parameters) {
  if (Context != NULL) {
    NdisDprAcquireSpinLock(&Lock); // expected-warning {{'NdisDprAcquireSpinLock' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
    Queued++;
    NdisDprReleaseSpinLock(&Lock); // expected-warning {{'NdisDprReleaseSpinLock' must be called at exactly DISPATCH_LEVEL, but the IRQL here is PASSIVE_LEVEL [irql-not-required]}}
  }
  return NDIS_STATUS_SUCCESS;
}

// Negative: the sample drivers' MP_ACQUIRE_SPIN_LOCK(Lock, DispatchLevel).
MINIPORT_SEND_NET_BUFFER_LISTS SendByFlag;
VOID SendByFlag(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists,
                       NDIS_PORT_NUMBER Port, ULONG Flags) {
  BOOLEAN DispatchLevel = NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags);
  if (DispatchLevel)
    NdisDprAcquireSpinLock(&Lock);
  else
    NdisAcquireSpinLock(&Lock);
  Queued++;
  if (DispatchLevel)
    NdisDprReleaseSpinLock(&Lock);
  else
    NdisReleaseSpinLock(&Lock);
}

// Negative: the flag passed down to an annotated helper as a BOOLEAN.
_IRQL_requires_max_(DISPATCH_LEVEL)
VOID Drain(BOOLEAN DispatchLevel) {
  if (DispatchLevel) {
    NdisDprAcquireSpinLock(&Lock);
    Queued = 0;
    NdisDprReleaseSpinLock(&Lock);
  } else {
    NdisAcquireSpinLock(&Lock);
    Queued = 0;
    NdisReleaseSpinLock(&Lock);
  }
}

MINIPORT_RETURN_NET_BUFFER_LISTS ReturnLists;
VOID ReturnLists(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists, ULONG Flags) {
  Drain((Flags & NDIS_RETURN_FLAGS_DISPATCH_LEVEL) != 0);
}

// Still reported under the branch: a call wrong at the top of the range.
MINIPORT_SEND_NET_BUFFER_LISTS SendWaits;
VOID SendWaits(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists,
                      NDIS_PORT_NUMBER Port, ULONG Flags) {
  if (!NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags))
    NdisMSleep(10); // expected-warning {{'SendWaits' can be called at DISPATCH_LEVEL (its role MINIPORT_SEND_NET_BUFFER_LISTS), but calls 'NdisMSleep', which requires IRQL <= APC_LEVEL [irql-too-high]}}
}

// Positive: the same routine guarded first, then on every path. Whether a
// call is guarded is the call's own: the verdict on the first call is not
// the second's (quiet-function screening judges most callees once).
MINIPORT_SEND_NET_BUFFER_LISTS SendThenAlways;
VOID SendThenAlways(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists,
                    NDIS_PORT_NUMBER Port, ULONG Flags) {
  if (NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags))
    NdisDprAcquireSpinLock(&Lock);
  NdisDprAcquireSpinLock(&Lock); // expected-warning {{'NdisDprAcquireSpinLock' must be called at exactly DISPATCH_LEVEL, but the IRQL here is the entry IRQL (PASSIVE_LEVEL..DISPATCH_LEVEL) [irql-not-required]}}
}

// Negative: an unannotated helper that takes the flag as a BOOLEAN. A
// guarded call gives the helper no minimum entry IRQL, so neither caller
// (PASSIVE_LEVEL with FALSE, the send handler with the flag) is told it is
// too low.
static VOID Count(BOOLEAN DispatchLevel) {
  if (DispatchLevel)
    NdisDprAcquireSpinLock(&Lock);
  else
    NdisAcquireSpinLock(&Lock);
  Queued++;
  if (DispatchLevel)
    NdisDprReleaseSpinLock(&Lock);
  else
    NdisReleaseSpinLock(&Lock);
}

MINIPORT_PAUSE PauseCounts;
NDIS_STATUS PauseCounts(NDIS_HANDLE Context, PNDIS_MINIPORT_PAUSE_PARAMETERS Parameters) {
  Count(FALSE);
  return NDIS_STATUS_SUCCESS;
}

MINIPORT_SEND_NET_BUFFER_LISTS SendCounts;
VOID SendCounts(NDIS_HANDLE Context, PNET_BUFFER_LIST Lists, NDIS_PORT_NUMBER Port, ULONG Flags) {
  Count(NDIS_TEST_SEND_AT_DISPATCH_LEVEL(Flags));
}

// Positive: an unconditional Dpr call still gives a helper its minimum.
static VOID CountAtDpc(void) {
  NdisDprAcquireSpinLock(&Lock);
  Queued++;
  NdisDprReleaseSpinLock(&Lock);
}

MINIPORT_PAUSE PauseCountsAtDpc;
NDIS_STATUS PauseCountsAtDpc(NDIS_HANDLE Context, PNDIS_MINIPORT_PAUSE_PARAMETERS Parameters) {
  CountAtDpc(); // expected-warning {{'CountAtDpc' called at PASSIVE_LEVEL, but it requires exactly DISPATCH_LEVEL [irql-too-low]}}
  return NDIS_STATUS_SUCCESS;
}
