// A bound under a _When_ disjunction (KMDF's WdfMemoryCreate:
// _When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL)))
// holds when any term holds: paged pool at DISPATCH_LEVEL is reported, other
// pool types and unknown ones are not.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -emit-llvm-only -O2 -verify -verify-ignore-unexpected=note %s
#include "../Inputs/sal-object-like.h"

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef enum _POOL_TYPE { NonPagedPool, PagedPool, NonPagedPoolNx = 512 } POOL_TYPE;

_When_(PoolType == 1 || PoolType == 257, _IRQL_requires_max_(APC_LEVEL))
_When_(PoolType == 0 || PoolType == 256 || PoolType == 512, _IRQL_requires_max_(DISPATCH_LEVEL))
long MemoryCreate(void *Attributes, POOL_TYPE PoolType, unsigned long Tag, void **Memory);

_IRQL_requires_(DISPATCH_LEVEL)
void AtDispatch(POOL_TYPE Unknown) {
  void *M;
  MemoryCreate(0, PagedPool, 1, &M); // expected-warning {{'MemoryCreate' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}}
  MemoryCreate(0, (POOL_TYPE)257, 1, &M); // expected-warning {{'MemoryCreate' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}}
  MemoryCreate(0, NonPagedPoolNx, 1, &M);
  MemoryCreate(0, NonPagedPool, 1, &M);
  MemoryCreate(0, Unknown, 1, &M);
}

_IRQL_requires_(PASSIVE_LEVEL)
void AtPassive(void) {
  void *M;
  MemoryCreate(0, PagedPool, 1, &M);
}
