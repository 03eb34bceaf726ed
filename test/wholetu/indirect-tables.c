// A call through a field of a callback table the translation unit fills in
// is checked against the target's contract when every write to that field
// (the initializer included) puts the same function there, and no code we
// cannot see can write it: the table is static or const and its address
// never leaves the loads and stores that name the field.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang_cl /c -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify /Fo%t.obj -- %s
// RUN: %clang_cl /c /O2 -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify /Fo%t.obj -- %s

#include <ntddk.h>

typedef VOID CALLBACK_FN(PVOID Context);
typedef struct _OPS {
  ULONG Size;
  CALLBACK_FN *Start;
  CALLBACK_FN *Stop;
} OPS;

_IRQL_requires_max_(PASSIVE_LEVEL) // expected-note 7 {{requirement of 'StartPassive' comes from its annotation}}
static VOID StartPassive(PVOID Context) { ZwClose((HANDLE)Context); }

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID StopAnywhere(PVOID Context) { InterlockedIncrement((LONG *)Context); }

void RegisterOps(OPS *Ops); // defined elsewhere: keeps and may write the table

// 1. A table in a global initializer (designated).
static const OPS InitOps = { .Size = sizeof(OPS), .Start = StartPassive, .Stop = StopAnywhere };

// 2. A table filled in DriverEntry.
static OPS FilledOps;

// 3. A table whose address is given away: anyone may write it.
static OPS GivenAway = { sizeof(OPS), StartPassive, StopAnywhere };

// 4. A table whose field is also written with a pointer we do not know.
static OPS Overwritten = { sizeof(OPS), StartPassive, StopAnywhere };

// 5. A field that holds one function, then another.
static OPS Swapped = { sizeof(OPS), StartPassive, StopAnywhere };

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);
  FilledOps.Size = sizeof(OPS);
  FilledOps.Start = StartPassive; // expected-note {{'StartPassive' is stored in table 'FilledOps' here}}
  FilledOps.Stop = StopAnywhere;
  RegisterOps(&GivenAway);
  Swapped.Start = StopAnywhere;
  return STATUS_SUCCESS;
}

VOID SetStart(CALLBACK_FN *Fn) { Overwritten.Start = Fn; }

VOID FromInitializer(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  InitOps.Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}} expected-note@21 {{'StartPassive' is put in table 'InitOps' by its initializer}}
  InitOps.Stop(Context);  // fine at DISPATCH_LEVEL
  KeReleaseSpinLock(Lock, Old);
  InitOps.Start(Context); // fine after the release
}

VOID FromDriverEntry(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  FilledOps.Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  FilledOps.Stop(Context);
  KeReleaseSpinLock(Lock, Old);
}

// The same call in the function that stores the pointer: known on the path.
VOID StoreThenCall(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  FilledOps.Start = StartPassive; // expected-note {{the pointer called there holds 'StartPassive', stored here}} expected-note {{'StartPassive' is stored in table 'FilledOps' here}}
  FilledOps.Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

// Not resolved, not reported: the table escaped, its field is written with
// an unknown pointer, or the field holds different functions over time.
VOID NotResolved(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  GivenAway.Start(Context);
  Overwritten.Start(Context);
  Swapped.Start(Context);
  KeReleaseSpinLock(Lock, Old);
}

// 6. A static callback reached only through a table gets its callers' IRQL
// (top-down), like a helper called directly: its only caller holds a lock,
// so the ZwClose in it runs at DISPATCH_LEVEL on both of its paths.
typedef struct _DEV {
  KSPIN_LOCK Outer, Inner;
  BOOLEAN Take;
  HANDLE Handle;
} DEV;

static VOID Flush(PVOID Context) {
  DEV *Dev = (DEV *)Context;
  KIRQL Old;
  if (Dev->Take)
    KeAcquireSpinLock(&Dev->Inner, &Old);
  ZwClose(Dev->Handle); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note@* {{requirement of 'ZwClose' comes from}}
  if (Dev->Take)
    KeReleaseSpinLock(&Dev->Inner, Old);
}
static const OPS FlushOps = { sizeof(OPS), Flush, NULL };

VOID FlushUnderLock(DEV *Dev) {
  KIRQL Old;
  KeAcquireSpinLock(&Dev->Outer, &Old);
  FlushOps.Start(Dev);
  KeReleaseSpinLock(&Dev->Outer, Old);
}

// The same callback shape, called only at PASSIVE_LEVEL: fine.
static VOID QuietFlush(PVOID Context) {
  DEV *Dev = (DEV *)Context;
  KIRQL Old;
  if (Dev->Take)
    KeAcquireSpinLock(&Dev->Inner, &Old);
  if (!Dev->Take)
    ZwClose(Dev->Handle);
  if (Dev->Take)
    KeReleaseSpinLock(&Dev->Inner, Old);
}
static const OPS QuietOps = { sizeof(OPS), QuietFlush, NULL };
VOID QuietAtPassive(DEV *Dev) { QuietOps.Start(Dev); }

// And under a lock, but in a table that escapes: its callers are not all
// known, so it keeps an unknown entry IRQL and nothing is claimed.
static VOID EscapedFlush(PVOID Context) {
  DEV *Dev = (DEV *)Context;
  KIRQL Old;
  if (Dev->Take)
    KeAcquireSpinLock(&Dev->Inner, &Old);
  ZwClose(Dev->Handle);
  if (Dev->Take)
    KeReleaseSpinLock(&Dev->Inner, Old);
}
static OPS EscapedOps = { sizeof(OPS), EscapedFlush, NULL };
VOID EscapedUnderLock(DEV *Dev) {
  KIRQL Old;
  RegisterOps(&EscapedOps);
  KeAcquireSpinLock(&Dev->Outer, &Old);
  EscapedOps.Start(Dev);
  KeReleaseSpinLock(&Dev->Outer, Old);
}

// 7. An array of callbacks indexed by a variable, holding two different
// functions: the target is not one function, so it is not resolved.
static CALLBACK_FN *const Handlers[] = { StartPassive, StopAnywhere };
VOID ByIndex(PKSPIN_LOCK Lock, PVOID Context, ULONG I) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Handlers[I & 1](Context);
  KeReleaseSpinLock(Lock, Old);
}

// 8. Other shapes. An array of tables read at a constant index is resolved,
// and reading a whole table into a copy does not change what the table
// holds; the copy, which clang makes from a constant of its own, holds its
// functions (test/wholetu/indirect-locals.c). A union whose pointer is
// overwritten with an integer is not resolved.
static const OPS TableArray[2] = { { sizeof(OPS), StartPassive, StopAnywhere },
                                   { sizeof(OPS), StartPassive, StopAnywhere } };
typedef union { CALLBACK_FN *Fn; ULONG_PTR Bits; } SLOT;
static SLOT Slot = { StartPassive };
VOID OtherShapes(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  OPS Copy = TableArray[0];
  Slot.Bits = 1;
  KeAcquireSpinLock(Lock, &Old); // expected-note 2 {{IRQL set to DISPATCH_LEVEL here}}
  TableArray[1].Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}} expected-note@21 {{'StartPassive' is put in table 'TableArray' by its initializer}}
  Copy.Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  Slot.Fn(Context);
  KeReleaseSpinLock(Lock, Old);
}

// 9. A single static pointer initialized with a function, and the same set
// again later: a one-field table.
static CALLBACK_FN *OnlyCallback = StartPassive;
VOID SetOnlyCallback(VOID) { OnlyCallback = StartPassive; } // expected-note {{'StartPassive' is stored in table 'OnlyCallback' here}}
VOID CallOnlyCallback(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  if (OnlyCallback)
    OnlyCallback(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}} expected-note@21 {{'StartPassive' is put in table 'OnlyCallback' by its initializer}}
  KeReleaseSpinLock(Lock, Old);
}

// 10. A table a static helper fills in, its address passed to it: the
// helper's stores through its parameter are writes to the table. A helper
// that stores an unknown pointer there, or does anything else with the
// table's address (keeps it, reads through it), leaves it unresolved.
static OPS HelperOps, ParamOps, KeptOps;
static OPS *Kept;
static VOID FillOps(OPS *O) { O->Size = sizeof(OPS); O->Start = StartPassive; O->Stop = StopAnywhere; } // expected-note {{'StartPassive' is stored in table 'HelperOps' here}}
static VOID FillWith(OPS *O, CALLBACK_FN *Fn) { O->Start = Fn; }
static VOID FillAndKeep(OPS *O) { O->Start = StartPassive; Kept = O; }
VOID FillTables(VOID) {
  FillOps(&HelperOps);
  FillWith(&ParamOps, StartPassive);
  FillAndKeep(&KeptOps);
}
VOID FromHelper(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  HelperOps.Start(Context); // expected-warning {{'StartPassive' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  HelperOps.Stop(Context);
  ParamOps.Start(Context);
  KeptOps.Start(Context);
  KeReleaseSpinLock(Lock, Old);
}
