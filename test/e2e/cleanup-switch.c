// At -O1 and up clang leaves a scope that declares locals through a cleanup
// block that switches on which statement left it (a return, or going on with
// the loop). The slot holds a known constant on each path: a lock released
// before a return inside a search loop must not be taken for a leak, and a
// lock really left held on such a return must still be reported.
//
// (At -O2 the leak is reported at the closing brace of the loop body: clang
// drops the return's location there, see exit-location-block-scope.c.)
//
// RUN: %wdk_cc1 -emit-llvm-only -verify=expected,o0 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=expected,o2 -O2 %s
// RUN: %wdk_cc1 -emit-llvm-only -verify=expected,o2 -O2 -debug-info-kind=limited %s

#include <ntddk.h>

typedef struct _ENTRY {
  LIST_ENTRY Link;
  ULONG Key;
} ENTRY, *PENTRY;

KSPIN_LOCK TableLock;
LIST_ENTRY Table;

_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN Contains(ULONG Key) {
  KIRQL OldIrql;
  PLIST_ENTRY Link;
  KeAcquireSpinLock(&TableLock, &OldIrql);
  for (Link = Table.Flink; Link != &Table; Link = Link->Flink) {
    PENTRY Entry = CONTAINING_RECORD(Link, ENTRY, Link);
    if (Entry->Key == Key) {
      KeReleaseSpinLock(&TableLock, OldIrql);
      return TRUE;
    }
  }
  KeReleaseSpinLock(&TableLock, OldIrql);
  return FALSE;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
BOOLEAN ContainsLeak(ULONG Key) {
  KIRQL OldIrql;
  PLIST_ENTRY Link;
  KeAcquireSpinLock(&TableLock, &OldIrql); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  for (Link = Table.Flink; Link != &Table; Link = Link->Flink) {
    PENTRY Entry = CONTAINING_RECORD(Link, ENTRY, Link);
    if (Entry->Key == Key)
      return TRUE; // o0-warning {{'ContainsLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  } // o2-warning {{'ContainsLeak' returns at DISPATCH_LEVEL, not at the IRQL it was entered at}}
  KeReleaseSpinLock(&TableLock, OldIrql);
  return FALSE;
}
