// The contract items behind irql-float-state-mismatch and
// irql-set-event-wait, written in a user model file: fp-saves=LOC and
// fp-restores=LOC (a routine that saves / restores the floating-point state
// in the buffer at LOC) and wait-next (returns at DISPATCH_LEVEL until the
// KeWaitForXxx call that must come next), usually under a condition.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/good.model -plugin-arg-irqlcheck dump-contracts \
// RUN:   %t/use.c | FileCheck %s --check-prefix=DUMP
// DUMP-DAG: contract SaveCtx: max=DISPATCH_LEVEL fp-saves=arg0+16 [model {{.*}}good.model:1]{{$}}
// DUMP-DAG: contract RestoreCtx: max=DISPATCH_LEVEL fp-restores=arg0+16 [model {{.*}}good.model:2]{{$}}
// DUMP-DAG: contract Signal: max=DISPATCH_LEVEL if(arg1!=0):wait-next [model {{.*}}good.model:3]{{$}}
// The built-in rows:
// DUMP-DAG: contract KeSaveFloatingPointState: max=DISPATCH_LEVEL fp-saves=arg0 [model]{{$}}
// DUMP-DAG: contract KeSetEvent: max=DISPATCH_LEVEL if(arg2!=0):max=APC_LEVEL if(arg2!=0):wait-next [model]{{$}}
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -emit-llvm-only -verify \
// RUN:   -verify-ignore-unexpected=note -plugin-arg-irqlcheck model=%t/good.model %t/use.c
//
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/bad.model %t/use.c 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: bad.model:1: SaveCtx: 'fp-saves=ret': expects argN[+K] or @GLOBAL[+K]
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/bad2.model %t/use.c 2>&1 | FileCheck %s --check-prefix=BAD2
// BAD2: bad2.model:1: Signal: 'wait-next=1': takes no value

//--- good.model
SaveCtx max=DISPATCH_LEVEL fp-saves=arg0+16
RestoreCtx max=DISPATCH_LEVEL fp-restores=arg0+16
Signal max=DISPATCH_LEVEL if(arg1!=0):wait-next
Lock max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret
Unlock max=DISPATCH_LEVEL restores=arg0
//--- bad.model
SaveCtx fp-saves=ret
//--- bad2.model
Signal wait-next=1
//--- use.c
typedef unsigned char KIRQL;
typedef struct { int Header[4]; char Float[64]; } CTX;
void SaveCtx(CTX *C);
void RestoreCtx(CTX *C);
void Signal(void *Obj, int Wait);
void Other(void);
long KeSaveFloatingPointState(void *FloatSave);
long KeSetEvent(void *Event, long Increment, unsigned char Wait);
long KeWaitForSingleObject(void *Obj, int Reason, int Mode, unsigned char Alertable, void *Timeout);
KIRQL Lock(void);
void Unlock(KIRQL Old);

_IRQL_requires_(0)
void Mismatch(CTX *C) {
  KIRQL Old;
  SaveCtx(C);
  Old = Lock();
  RestoreCtx(C); // expected-warning {{'RestoreCtx' restores the floating-point state at DISPATCH_LEVEL, but it was saved at PASSIVE_LEVEL}}
  Unlock(Old);
}

_IRQL_requires_(0)
void NoWait(void *E) {
  Signal(E, 1); // expected-warning {{'Signal' is called with Wait=TRUE but the next call is not a KeWaitForXxx routine}}
  Other();
}

_IRQL_requires_(0)
void Waits(void *E) {
  Signal(E, 1);
  KeWaitForSingleObject(E, 0, 0, 0, 0);
  Signal(E, 0);
  Other();
}
