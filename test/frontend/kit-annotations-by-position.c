// In the kit's headers the SAL macros expand to nothing, as without the
// plugin, and the preprocessor records each annotation's text and position;
// a declaration gets the annotations written around it only when a contract
// is built for it (docs/design.md, "SAL capture"). The contracts must be the
// ones the user's own headers give (read when written, the way the parser's
// attachment of attributes gave them until session 7): the same header is
// included from the user's directory, from the kit through -I and through
// -isystem, and the three dumps are the same. Placements: before the
// declaration, after the declarator, on parameters, through _At_ and _When_,
// after a comment holding ';', inside another macro, before an inline body,
// global save slots, a typedef's parameters, and two declarators sharing one
// annotation.
//
// RUN: rm -rf %t && split-file %s %t && mkdir %t/mine && cp %t/kit/api.h %t/mine/api.h
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -I %t/mine -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %t/main.c 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,SHOWN --match-full-lines --implicit-check-not=irqlcheck:
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -I %t/kit -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %t/main.c 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK,SHOWN --match-full-lines --implicit-check-not=irqlcheck:
// (The dump leaves out inline bodies of system headers: Inline is not shown.)
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t/kit -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %t/main.c 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=CHECK --match-full-lines --implicit-check-not=irqlcheck:
// The kit's routine is checked by the contract read by position, and the
// note points at the annotation in the kit's header; not without the call.
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t/kit \
// RUN:   -c -o /dev/null -DCALL_AT_DISPATCH %t/main.c 2>&1 | FileCheck %s --check-prefix=BUG
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t/kit \
// RUN:   -c -o /dev/null %t/main.c 2>&1 | FileCheck %s --check-prefix=NOBUG
//
// CHECK:      irqlcheck: contract Leading: max=DISPATCH_LEVEL same
// CHECK-NEXT: irqlcheck: contract Trailing: req=PASSIVE_LEVEL
// CHECK-NEXT: irqlcheck: contract ParamSaves: saves=arg0
// CHECK-NEXT: irqlcheck: contract AtSaves: raises=DISPATCH_LEVEL saves=arg1
// CHECK-NEXT: irqlcheck: contract Restores: restores=arg0
// CHECK-NEXT: irqlcheck: contract Waits: if(arg0==0):max=DISPATCH_LEVEL if(arg0!=0):max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract Allocate: max=DISPATCH_LEVEL if(arg0:paged-pool):max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract AfterComment: max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract ThroughMacro: max=PASSIVE_LEVEL
// SHOWN-NEXT: irqlcheck: contract Inline: max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract GlobalSave: max=DISPATCH_LEVEL saves-global=OldIrql:arg0
// CHECK-NEXT: irqlcheck: contract GlobalRestore: req=DISPATCH_LEVEL restores-global=OldIrql:arg0
// CHECK-NEXT: irqlcheck: contract First: max=DISPATCH_LEVEL
// CHECK-NEXT: irqlcheck: contract Second: max=DISPATCH_LEVEL
// CHECK-NEXT: irqlcheck: contract MyCancel: min=DISPATCH_LEVEL req=DISPATCH_LEVEL cancel=arg0 class=MY_CANCEL [class MY_CANCEL]
// CHECK-NEXT: irqlcheck: contract MyRoutine: same class=MY_ROUTINE [class MY_ROUTINE]
//
// BUG: warning: 'AfterComment' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]
// BUG: api.h:27:1: note: requirement of 'AfterComment' comes from its annotation
// NOBUG-NOT: irql-too-high

//--- kit/wdm.h
/* the kit's anchor header */

//--- kit/api.h
#define _IRQL_requires_same_
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_uses_cancel_
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
enum POOL { NonPaged = 0, Paged = 1 };
#define KIT_API _IRQL_requires_max_(PASSIVE_LEVEL)

_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
int Leading(int x);
void Trailing(void) _IRQL_requires_(PASSIVE_LEVEL);
void ParamSaves(_IRQL_saves_ PKIRQL OldIrql, int Other);
_IRQL_raises_(DISPATCH_LEVEL) _At_(*OldIrql, _IRQL_saves_)
void AtSaves(int Before, PKIRQL OldIrql);
void Restores(_IRQL_restores_ KIRQL NewIrql);
_When_(Wait == 0, _IRQL_requires_max_(DISPATCH_LEVEL))
_When_(Wait != 0, _IRQL_requires_max_(APC_LEVEL))
long Waits(int Wait);
_When_((Pool & Paged) != 0, _IRQL_requires_max_(APC_LEVEL))
_IRQL_requires_max_(DISPATCH_LEVEL)
void *Allocate(enum POOL Pool, unsigned long Size);
void Plain(void); /* a comment; with ';' */ // and another;
_IRQL_requires_max_(APC_LEVEL) void AfterComment(void);
KIT_API void ThroughMacro(void);
_IRQL_requires_max_(APC_LEVEL)
static __inline int Inline(int v) {
  int local = v;
  return local;
}
_IRQL_saves_global_(OldIrql, Lock) _IRQL_requires_max_(DISPATCH_LEVEL)
void GlobalSave(void *Lock);
_IRQL_restores_global_(OldIrql, Lock) _IRQL_requires_(DISPATCH_LEVEL)
void GlobalRestore(void *Lock);
typedef
_Function_class_(MY_CANCEL)
_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_requires_(DISPATCH_LEVEL)
void
MY_CANCEL(
    _IRQL_uses_cancel_ void *Irp
    );
typedef MY_CANCEL *PMY_CANCEL;
_Function_class_(MY_ROUTINE) _IRQL_requires_same_
typedef void MY_ROUTINE(void *Context);
void Register(PMY_CANCEL Cancel);
_IRQL_requires_max_(DISPATCH_LEVEL) int First(void), Second(void);

//--- main.c
#include <api.h>
MY_CANCEL MyCancel;
void MyCancel(void *Irp) { (void)Irp; }
MY_ROUTINE MyRoutine;
void MyRoutine(void *Context) { (void)Context; }
void Use(void) {
  KIRQL Old;
  Leading(1); Trailing(); ParamSaves(&Old, 0); AtSaves(0, &Old); Restores(Old);
  Waits(0); Allocate(NonPaged, 8); Plain(); AfterComment(); ThroughMacro(); Inline(1);
  GlobalSave(0); GlobalRestore(0); Register(MyCancel); First(); Second();
#ifdef CALL_AT_DISPATCH
  AtSaves(0, &Old);
  AfterComment();
#endif
}
