// irql-annotation-param-type: _IRQL_saves_ / _IRQL_restores_ on something
// that cannot hold a KIRQL: a saves parameter must point to an integer, a
// restores parameter (and a saves return value) must be an integer.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify %s
#include "../Inputs/sal-object-like.h"

typedef unsigned char KIRQL, *PKIRQL;
typedef struct _LOCK LOCK;

void SavesByValue(_IRQL_saves_ KIRQL Old); // expected-warning {{_IRQL_saves_ on a parameter of type 'KIRQL', which cannot point to a KIRQL [irql-annotation-param-type]}}
void SavesToStruct(_IRQL_saves_ LOCK *Lock); // expected-warning {{_IRQL_saves_ on a parameter of type 'LOCK *', which cannot point to a KIRQL}}
void RestoresPointer(_IRQL_restores_ PKIRQL Old); // expected-warning {{_IRQL_restores_ on a value of type 'PKIRQL', which cannot hold a KIRQL [irql-annotation-param-type]}}
void RestoresFloat(__drv_restoresIRQL float Old); // expected-warning {{_IRQL_restores_ on a value of type 'float', which cannot hold a KIRQL}}
_IRQL_saves_ void SavesVoid(void); // expected-warning {{_IRQL_saves_ on a value of type 'void', which cannot hold a KIRQL}}
_IRQL_saves_ void *SavesPointerReturn(void); // expected-warning {{_IRQL_saves_ on a value of type 'void *', which cannot hold a KIRQL}}
_IRQL_saves_ _Bool SavesBool(void); // expected-warning {{on a value of type '_Bool'}}
_At_(*Lock, _IRQL_saves_) void AtStruct(LOCK *Lock); // expected-warning {{_IRQL_saves_ on a parameter of type 'LOCK *', which cannot point to a KIRQL}}

// Negative: KIRQL and other integer types.
void Saves(_IRQL_saves_ PKIRQL Old);
void SavesInt(_IRQL_saves_ unsigned long *Old);
void Restores(_IRQL_restores_ KIRQL Old);
void RestoresInt(_IRQL_restores_ int Old);
_IRQL_saves_ KIRQL SavesReturn(void);
_At_(*Old, _IRQL_saves_) void AtSaves(PKIRQL Old);
