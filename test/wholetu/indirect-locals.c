// A call through a function pointer held in a local variable is checked
// against the target's contract on the paths where the variable holds one
// known function; paths that hold different functions are checked each
// against its own; where the target is not known, nothing is guessed.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang_cl /c -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify /Fo%t.obj -- %s
// RUN: %clang_cl /c /O2 -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify /Fo%t.obj -- %s

#include <ntddk.h>

typedef VOID WORKER(PVOID Context);

_IRQL_requires_max_(PASSIVE_LEVEL) // expected-note 6 {{requirement of 'CloseNow' comes from its annotation}}
static VOID CloseNow(PVOID Context) { ZwClose((HANDLE)Context); }

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID CountNow(PVOID Context) { InterlockedIncrement((LONG *)Context); }

void SetWorker(WORKER **Worker); // defined elsewhere: may change *Worker

// The pointer holds a PASSIVE_LEVEL-only function on every path.
VOID Always(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  WORKER *Work = CloseNow; // expected-note {{the pointer called there holds 'CloseNow', stored here}}
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Work(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

// The same call after the lock is released: fine.
VOID AfterRelease(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  WORKER *Work = CloseNow;
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
  Work(Context);
}

// Reassigned on one path to a function that is fine at DISPATCH_LEVEL: the
// paths join at the same IRQL, each still knowing what the pointer holds.
// The call is `if (Fast) CountNow(); else CloseNow();` under the lock, and
// the path where Fast is FALSE calls CloseNow at DISPATCH_LEVEL.
VOID OnePathWrong(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  WORKER *Work = CloseNow; // expected-note {{the pointer called there holds 'CloseNow', stored here}}
  if (Fast)
    Work = CountNow;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'}}
  Work(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID CountTwice(PVOID Context) {
  CountNow(Context);
  CountNow(Context);
}

// Both functions are fine under the lock: nothing to report.
VOID BothPathsRight(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  WORKER *Work = CountNow;
  if (Fast)
    Work = CountTwice;
  KeAcquireSpinLock(Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(Lock, Old);
}

// The paths reach the call at different IRQLs, each holding its own
// target: each is right for its path.
VOID EachPathRight(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Locked) {
  KIRQL Old;
  WORKER *Work;
  if (Locked) {
    KeAcquireSpinLock(Lock, &Old);
    Work = CountNow;
  } else {
    Work = CloseNow;
  }
  Work(Context);
  if (Locked)
    KeReleaseSpinLock(Lock, Old);
}

// The same with the targets swapped: the path that holds the lock calls
// CloseNow. That path is certainly wrong, as a direct call there would be.
VOID LockedPathWrong(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Locked) {
  KIRQL Old;
  WORKER *Work;
  if (Locked) {
    KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
    Work = CloseNow; // expected-note {{the pointer called there holds 'CloseNow', stored here}}
  } else {
    Work = CountNow;
  }
  Work(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  if (Locked)
    KeReleaseSpinLock(Lock, Old);
}

// The variable's address is given away: after that call it may hold
// anything. Not resolved, not reported.
VOID Escapes(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  WORKER *Work = CloseNow;
  SetWorker(&Work);
  KeAcquireSpinLock(Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(Lock, Old);
}

// A pointer that came in as a parameter: unknown, as before.
VOID FromParameter(PKSPIN_LOCK Lock, PVOID Context, WORKER *Work) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(Lock, Old);
}

// A pointer of a role type whose target is not known keeps its role's
// contract, as before.
VOID RoleTyped(PKSPIN_LOCK Lock, PIO_WORKITEM_ROUTINE Work, PDEVICE_OBJECT Device) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Work(Device, NULL); // expected-warning {{'(IO_WORKITEM_ROUTINE through a pointer)' must be called at exactly PASSIVE_LEVEL, but the IRQL here is DISPATCH_LEVEL}} expected-note@* {{requirement of '(IO_WORKITEM_ROUTINE through a pointer)' comes from}}
  KeReleaseSpinLock(Lock, Old);
}

// A static function reached only through a local pointer gets its callers'
// IRQL (top-down), like a helper called directly: its only caller holds a
// lock, so the ZwClose in it runs at DISPATCH_LEVEL whether or not it takes
// its own lock too.
typedef struct _WORK_CTX {
  KSPIN_LOCK Lock;
  BOOLEAN TakeLock;
  HANDLE File;
} WORK_CTX;

static VOID CloseFile(PVOID Context) {
  WORK_CTX *Ctx = (WORK_CTX *)Context;
  BOOLEAN Mine = Ctx->TakeLock;
  KIRQL Old;
  if (Mine) KeAcquireSpinLock(&Ctx->Lock, &Old);
  ZwClose(Ctx->File); // expected-warning {{'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note@* {{requirement of 'ZwClose' comes from}}
  if (Mine) KeReleaseSpinLock(&Ctx->Lock, Old);
}

VOID CloseUnderLock(PKSPIN_LOCK Lock, WORK_CTX *Ctx) {
  WORKER *Work = CloseFile;
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  if (Work != NULL)
    Work(Ctx);
  KeReleaseSpinLock(Lock, Old);
}

// A local structure with an initializer (clang copies it from a constant
// with memcpy): its fields hold the initializer's functions, as a table's.
typedef struct _LOCAL_OPS {
  WORKER *Begin;
  WORKER *End;
  ULONG Flags;
} LOCAL_OPS;

VOID LocalOpsUnderLock(PKSPIN_LOCK Lock, PVOID Context) {
  const LOCAL_OPS Ops = { .Begin = CloseNow, .End = CountNow, .Flags = 3 };
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Ops.Begin(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  Ops.End(Context);
  KeReleaseSpinLock(Lock, Old);
}

// The field reassigned before the lock: what it holds then is called.
VOID LocalOpsReassigned(PKSPIN_LOCK Lock, PVOID Context) {
  LOCAL_OPS Ops = { .Begin = CloseNow, .End = CountNow, .Flags = 3 };
  KIRQL Old;
  Ops.Begin = CountNow;
  KeAcquireSpinLock(Lock, &Old);
  Ops.Begin(Context);
  KeReleaseSpinLock(Lock, Old);
}

// Overwritten from a structure we do not know: unknown, nothing reported.
VOID LocalOpsOverwritten(PKSPIN_LOCK Lock, PVOID Context, const LOCAL_OPS *From) {
  LOCAL_OPS Ops = { .Begin = CloseNow, .End = CountNow, .Flags = 3 };
  KIRQL Old;
  Ops = *From;
  KeAcquireSpinLock(Lock, &Old);
  Ops.Begin(Context);
  KeReleaseSpinLock(Lock, Old);
}

// Copied from a global any code may write: unknown, nothing reported.
LOCAL_OPS WritableOps = { .Begin = CloseNow, .End = CountNow };
VOID LocalOpsFromWritable(PKSPIN_LOCK Lock, PVOID Context) {
  LOCAL_OPS Ops = WritableOps;
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Ops.Begin(Context);
  KeReleaseSpinLock(Lock, Old);
}

// `Work = Fast ? A : B`: one of two functions, the path does not say which.
// Both need PASSIVE_LEVEL: the call under the lock is wrong whichever it is.
_IRQL_requires_max_(PASSIVE_LEVEL)
static VOID CloseTwice(PVOID Context) {
  ZwClose((HANDLE)Context);
  ZwClose((HANDLE)Context);
}

VOID ChoiceBothWrong(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  WORKER *Work = Fast ? CloseNow : CloseTwice;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Work(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

// Called at once, without a variable.
VOID ChoiceCalledAtOnce(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  (Fast ? CloseNow : CloseTwice)(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

// One of them is fine under the lock: which one runs is not known, so
// nothing is claimed (an `if` that sets the variable on one path is a path
// of its own: OnePathWrong above).
VOID ChoiceOneWrong(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  WORKER *Work = Fast ? CountNow : CloseNow;
  KeAcquireSpinLock(Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(Lock, Old);
}

// Both wrong under the lock, but called after it is released: fine.
VOID ChoiceAfterRelease(PKSPIN_LOCK Lock, PVOID Context, BOOLEAN Fast) {
  KIRQL Old;
  WORKER *Work = Fast ? CloseNow : CloseTwice;
  KeAcquireSpinLock(Lock, &Old);
  KeReleaseSpinLock(Lock, Old);
  Work(Context);
}
