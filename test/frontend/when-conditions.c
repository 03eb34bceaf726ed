// _When_(cond, annotation) / __drv_when: the annotation applies only when the
// condition holds at the call. Conditions irqlcheck understands become
// if(COND):ITEM (docs/contract-format.md); anything else is kept as quoted
// text, which never holds.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s | FileCheck %s
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define NULL ((void *)0)
#define TRUE 1
#define FALSE 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define POOL_FLAG_PAGED 0x0000000000000100ULL
typedef struct { long long QuadPart; } LARGE_INTEGER, *PLARGE_INTEGER;
typedef enum _POOL_TYPE { NonPagedPool, PagedPool, NonPagedPoolMustSucceed } POOL_TYPE;
typedef unsigned long long POOL_FLAGS;

// argN==K / argN!=K
_When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL))
_When_(Wait == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
long SetEvent(void *Event, long Increment, unsigned char Wait);
// CHECK-LABEL: contract SetEvent: if(arg2==1):max=APC_LEVEL if(arg2==0):max=DISPATCH_LEVEL{{$}}
_When_(Wait==TRUE, _IRQL_requires_max_(APC_LEVEL)) _When_(Wait != FALSE, _IRQL_raises_(APC_LEVEL))
void MacroConstants(unsigned char Wait);
// CHECK-NEXT: contract MacroConstants: if(arg0==1):max=APC_LEVEL if(arg0!=0):raises=APC_LEVEL{{$}}
_When_(Wait, _IRQL_requires_max_(APC_LEVEL)) _When_(!Wait, _IRQL_requires_max_(DISPATCH_LEVEL))
void Truthiness(unsigned char Wait);
// CHECK-NEXT: contract Truthiness: if(arg0!=0):max=APC_LEVEL if(arg0==0):max=DISPATCH_LEVEL{{$}}
_When_((Wait) == (1), _IRQL_requires_max_(APC_LEVEL)) void Parenthesized(unsigned char Wait);
// CHECK-NEXT: contract Parenthesized: if(arg0==1):max=APC_LEVEL{{$}}
// SAL's truth values, as KMDF spells them (WdfTimerStop, WdfDpcCancel): a
// BOOLEAN is __true when it is not zero.
_When_(Wait == __true, _IRQL_requires_max_(APC_LEVEL)) _When_(Wait == __false, _IRQL_requires_max_(DISPATCH_LEVEL))
void SalTruth(unsigned char Wait);
// CHECK-NEXT: contract SalTruth: if(arg0!=0):max=APC_LEVEL if(arg0==0):max=DISPATCH_LEVEL{{$}}
_When_(Wait != __false, _IRQL_requires_max_(APC_LEVEL)) _When_(Wait != __true, _IRQL_requires_max_(DISPATCH_LEVEL))
void SalTruthNegated(unsigned char Wait);
// CHECK-NEXT: contract SalTruthNegated: if(arg0!=0):max=APC_LEVEL if(arg0==0):max=DISPATCH_LEVEL{{$}}

// A real (non-zero or infinite) wait, with and without the WDK's parentheses.
_When_((Timeout==NULL || Timeout->QuadPart!=0), _IRQL_requires_max_(APC_LEVEL))
_IRQL_requires_max_(DISPATCH_LEVEL)
long WaitFor(void *Object, int Reason, int Mode, unsigned char Alertable, PLARGE_INTEGER Timeout);
// CHECK-NEXT: contract WaitFor: max=DISPATCH_LEVEL if(arg4:timeout-nonzero):max=APC_LEVEL{{$}}
__drv_when(Timeout == NULL || Timeout->QuadPart != 0, __drv_maxIRQL(APC_LEVEL))
long LegacyWait(PLARGE_INTEGER Timeout);
// CHECK-NEXT: contract LegacyWait: if(arg0:timeout-nonzero):max=APC_LEVEL{{$}}

// Paged pool: POOL_TYPE & PagedPool (or & 1), and POOL_FLAGS & POOL_FLAG_PAGED.
_When_((PoolType & PagedPool) != 0, _IRQL_requires_max_(APC_LEVEL))
_When_((PoolType & PagedPool) == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
void *AllocatePool(POOL_TYPE PoolType, unsigned long long Bytes, unsigned long Tag);
// CHECK-NEXT: contract AllocatePool: if(arg0:paged-pool):max=APC_LEVEL if("(PoolType&PagedPool)==0"):max=DISPATCH_LEVEL{{$}}
__drv_when(((PoolType&0x1))!=0, __drv_maxIRQL(APC_LEVEL))
void *LegacyAllocatePool(POOL_TYPE PoolType, unsigned long long Bytes);
// CHECK-NEXT: contract LegacyAllocatePool: if(arg0:paged-pool):max=APC_LEVEL{{$}}
_When_((Flags & POOL_FLAG_PAGED) != 0, _IRQL_requires_max_(APC_LEVEL))
void *AllocatePool2(POOL_FLAGS Flags, unsigned long long Bytes, unsigned long Tag);
// CHECK-NEXT: contract AllocatePool2: if(arg0:paged-flags):max=APC_LEVEL{{$}}

// Conditions irqlcheck cannot evaluate are kept as text (spaces squeezed).
// Unconditional items print first, then the conditional ones, each group in
// item order.
_When_(return != 0, _IRQL_raises_(DISPATCH_LEVEL))
_When_(Mode == KernelMode && Size > 10, _IRQL_requires_max_(APC_LEVEL))
int TryAcquire(void *Lock, int Mode, int Size);
// CHECK-NEXT: contract TryAcquire: if("Mode==KernelMode&&Size>10"):max=APC_LEVEL if("return!=0"):raises=DISPATCH_LEVEL{{$}}

// One _When_ can carry several annotations, and other SAL inside it is text.
_When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL) _IRQL_requires_same_ _Post_notnull_)
void Several(unsigned char Wait);
// CHECK-NEXT: contract Several: if(arg0==1):max=APC_LEVEL if(arg0==1):same{{$}}

// A _When_ on a typedef reaches the functions declared with it.
typedef _When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL)) void MY_WAITER(unsigned char Wait);
MY_WAITER Waiter;
// CHECK-NEXT: contract Waiter: class=MY_WAITER if(arg0==1):max=APC_LEVEL [class MY_WAITER]{{$}}

// Negative: _When_ around annotations that are not about the IRQL.
_When_(return >= 0, _Kernel_clear_do_init_(__yes))
_When_(Wait != 0, _Acquires_exclusive_lock_(*Resource))
long NotIrql(void *Resource, unsigned char Wait);
// CHECK-NOT: contract NotIrql
