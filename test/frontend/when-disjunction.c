// _When_(P == K1 || P == K2, bound): KMDF's WdfMemoryCreate writes its paged
// pool test as a disjunction of pool types. A bound under a disjunction is
// the same bound under each term, so each term that irqlcheck reads becomes
// its own conditional item; a disjunction with any term it cannot read
// stays one quoted (never-holding) condition, and effects (raises) are not
// split.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s | FileCheck %s
// expected-no-diagnostics
#include "../Inputs/sal-object-like.h"

#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef enum _POOL_TYPE { NonPagedPool, PagedPool, NonPagedPoolNx = 512 } POOL_TYPE;

// The WDK's spelling (wdfmemory.h).
_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 256 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
long MemoryCreate(void *Attributes, POOL_TYPE PoolType, unsigned long Tag);
// CHECK-LABEL: contract MemoryCreate: if(arg1==1):max=APC_LEVEL if(arg1==257):max=APC_LEVEL if(arg1==0):max=DISPATCH_LEVEL if(arg1==256):max=DISPATCH_LEVEL if(arg1==512):max=DISPATCH_LEVEL{{$}}

// Parenthesized terms, enumerators, a minimum, and terms on two parameters.
_When_((Kind == PagedPool) || (Wait != 0), _IRQL_requires_max_(APC_LEVEL))
_When_(Kind == NonPagedPoolNx || Wait == 0, _IRQL_requires_min_(APC_LEVEL))
void TwoParams(POOL_TYPE Kind, unsigned char Wait);
// CHECK-NEXT: contract TwoParams: if(arg0==512):min=APC_LEVEL if(arg1==0):min=APC_LEVEL if(arg0==1):max=APC_LEVEL if(arg1!=0):max=APC_LEVEL{{$}}

// Negative: one term irqlcheck cannot read keeps the whole condition as text.
_When_(PoolType == 1 || Size > 10, _IRQL_requires_max_(APC_LEVEL))
void PartlyOpaque(POOL_TYPE PoolType, unsigned long Size);
// CHECK-NEXT: contract PartlyOpaque: if("PoolType==1||Size>10"):max=APC_LEVEL{{$}}

// Negative: an || inside parentheses is not a top-level disjunction.
_When_((PoolType == 1 || PoolType == 257) && Size > 10, _IRQL_requires_max_(APC_LEVEL))
void Nested(POOL_TYPE PoolType, unsigned long Size);
// CHECK-NEXT: contract Nested: if("(PoolType==1||PoolType==257)&&Size>10"):max=APC_LEVEL{{$}}

// Negative: an effect under a disjunction is not split.
_When_(Wait == 1 || Wait == 2, _IRQL_raises_(DISPATCH_LEVEL))
void RaisesUnderDisjunction(unsigned char Wait);
// CHECK-NEXT: contract RaisesUnderDisjunction: if("Wait==1||Wait==2"):raises=DISPATCH_LEVEL{{$}}
