// A call through a parameter of a static helper is checked against the
// function every caller passes there, when the helper's address is never
// taken and all its calls pass that one function (`Invoke(CloseNow, C)`).
// A helper called with different functions, or one others can call, is not
// resolved: nothing is guessed.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note -c %s -o %t.o
// RUN: %clang %mingw_ddk -O2 -fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note -c %s -o %t.o
// RUN: %clang_cl /c -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note /Fo%t.obj -- %s
// RUN: %clang_cl /c /O2 -I %inputs/wdk /clang:-fplugin=%irqlcheck -Xclang -verify -Xclang -verify-ignore-unexpected=note /Fo%t.obj -- %s

#include <ntddk.h>

typedef VOID WORKER(PVOID Context);
typedef VOID (*PFN_WORKER)(PVOID Context);

_IRQL_requires_max_(PASSIVE_LEVEL)
static VOID CloseNow(PVOID Context) { ZwClose((HANDLE)Context); }

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID CountNow(PVOID Context) { InterlockedIncrement((LONG *)Context); }

// Every call passes CloseNow, one of them under a lock: the helper
// requires what CloseNow requires, like one that calls CloseNow directly.
static VOID Invoke(WORKER *Work, PVOID Context) {
  Work(Context);
}

VOID UnderLock(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Invoke(CloseNow, Context); // expected-warning {{'Invoke' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

VOID AtPassive(PVOID Context) { Invoke(CloseNow, Context); }

// A helper whose only target is fine at DISPATCH_LEVEL (called under a lock
// below): nothing to report.
static VOID InvokeFast(PFN_WORKER Work, PVOID Context) { Work(Context); }


// The helper runs the pointer after taking its own lock: checked there.
static VOID InvokeLocked(PKSPIN_LOCK Lock, PFN_WORKER Work, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  Work(Context); // expected-warning {{'CloseNow' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]}}
  KeReleaseSpinLock(Lock, Old);
}

VOID LockedByHelper(PKSPIN_LOCK Lock, PVOID Context) { InvokeLocked(Lock, CloseNow, Context); }

// Not resolved: callers pass different functions ...
static VOID InvokeEither(PFN_WORKER Work, PVOID Context) { Work(Context); }

VOID Either(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  InvokeFast(CountNow, Context);
  InvokeEither(CountNow, Context);
  InvokeEither(CloseNow, Context);
  KeReleaseSpinLock(Lock, Old);
}

// ... the helper's address is taken, so unseen calls may pass anything ...
static VOID InvokeTaken(PFN_WORKER Work, PVOID Context) { Work(Context); }
VOID (*TakenHelper)(PFN_WORKER, PVOID) = InvokeTaken;

VOID Taken(PKSPIN_LOCK Lock, PVOID Context) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
  InvokeTaken(CloseNow, Context);
  KeReleaseSpinLock(Lock, Old);
}

// ... the helper is not static, so other translation units may call it ...
VOID InvokeExtern(PFN_WORKER Work, PVOID Context) {
  KIRQL Old;
  KSPIN_LOCK Lock;
  KeInitializeSpinLock(&Lock);
  KeAcquireSpinLock(&Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(&Lock, Old);
}
VOID CallsExtern(PVOID Context) { InvokeExtern(CloseNow, Context); }

// ... or the parameter is replaced before the call.
static VOID InvokeReplaced(PFN_WORKER Work, PVOID Context, PFN_WORKER Other) {
  KIRQL Old;
  KSPIN_LOCK Lock;
  if (Other)
    Work = Other;
  KeInitializeSpinLock(&Lock);
  KeAcquireSpinLock(&Lock, &Old);
  Work(Context);
  KeReleaseSpinLock(&Lock, Old);
}
VOID Replaced(PVOID Context, PFN_WORKER Other) { InvokeReplaced(CloseNow, Context, Other); }
