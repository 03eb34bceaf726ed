// irql-annotation-param-type: _IRQL_saves_ / _IRQL_restores_ on something
// that cannot hold a KIRQL: a saves parameter must point to an integer, a
// restores parameter (and a saves return value) must be an integer. A
// parameter may also point to (or be the handle of) an object that holds the
// IRQL: a structure with an integer field (NDIS's LOCK_STATE_EX), an opaque
// structure (KMDF's WDFSPINLOCK) or a PVOID handle.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify %s
#include "../Inputs/sal-object-like.h"

typedef unsigned char KIRQL, *PKIRQL;
typedef struct _LOCK LOCK;
typedef struct _FLOATS { float F; double D; } FLOATS;
typedef struct _LOCK_STATE_EX { KIRQL OldIrql; unsigned char LockState; } LOCK_STATE_EX, *PLOCK_STATE_EX;
typedef struct WDFSPINLOCK__ *WDFSPINLOCK;
typedef void (*CALLBACK)(void);

void SavesByValue(_IRQL_saves_ KIRQL Old); // expected-warning {{_IRQL_saves_ on a parameter of type 'KIRQL', which cannot point to a KIRQL [irql-annotation-param-type]}}
void SavesToStruct(_IRQL_saves_ FLOATS *Lock); // expected-warning {{_IRQL_saves_ on a parameter of type 'FLOATS *', which cannot point to a KIRQL}}
void RestoresStruct(_IRQL_restores_ FLOATS *Lock); // expected-warning {{_IRQL_restores_ on a value of type 'FLOATS *', which cannot hold a KIRQL}}
void RestoresCallback(_IRQL_restores_ CALLBACK Fn); // expected-warning {{_IRQL_restores_ on a value of type 'CALLBACK', which cannot hold a KIRQL}}
void SavesCallback(_IRQL_saves_ CALLBACK Fn); // expected-warning {{_IRQL_saves_ on a parameter of type 'CALLBACK', which cannot point to a KIRQL}}
void SavesBoolPointer(_IRQL_saves_ _Bool *Old); // expected-warning {{_IRQL_saves_ on a parameter of type '_Bool *', which cannot point to a KIRQL}}
void RestoresPointerToPointer(_IRQL_restores_ void **Old); // expected-warning {{on a value of type 'void **'}}
void RestoresPointer(_IRQL_restores_ PKIRQL Old); // expected-warning {{_IRQL_restores_ on a value of type 'PKIRQL', which cannot hold a KIRQL [irql-annotation-param-type]}}
void RestoresFloat(__drv_restoresIRQL float Old); // expected-warning {{_IRQL_restores_ on a value of type 'float', which cannot hold a KIRQL}}
_IRQL_saves_ void SavesVoid(void); // expected-warning {{_IRQL_saves_ on a value of type 'void', which cannot hold a KIRQL}}
_IRQL_saves_ void *SavesPointerReturn(void); // expected-warning {{_IRQL_saves_ on a value of type 'void *', which cannot hold a KIRQL}}
_IRQL_saves_ _Bool SavesBool(void); // expected-warning {{on a value of type '_Bool'}}
_At_(*Lock, _IRQL_saves_) void AtStruct(FLOATS *Lock); // expected-warning {{_IRQL_saves_ on a parameter of type 'FLOATS *', which cannot point to a KIRQL}}

// Negative: KIRQL and other integer types.
void Saves(_IRQL_saves_ PKIRQL Old);
void SavesInt(_IRQL_saves_ unsigned long *Old);
void Restores(_IRQL_restores_ KIRQL Old);
void RestoresInt(_IRQL_restores_ int Old);
_IRQL_saves_ KIRQL SavesReturn(void);
_At_(*Old, _IRQL_saves_) void AtSaves(PKIRQL Old);

// Negative: the object that holds the IRQL, through a pointer or a handle.
void SavesLockState(_IRQL_saves_ PLOCK_STATE_EX State);
void RestoresLockState(_IRQL_restores_ PLOCK_STATE_EX State);
void SavesOpaque(_IRQL_saves_ LOCK *Lock);
void SavesHandle(_IRQL_saves_ WDFSPINLOCK Lock);
void RestoresHandle(_IRQL_restores_ WDFSPINLOCK Lock);
void RestoresVoidHandle(_IRQL_restores_ void *Handle);
