// -fplugin-arg-irqlcheck-dump-contracts prints one line per function contract
// on stdout: "irqlcheck: contract NAME: <contract text> [provenance]", in
// declaration order. Plain dump-contracts lists the functions of the main
// file and those it uses; dump-contracts=all also lists unused header ones.
// The dump changes nothing else: no diagnostics, same exit status.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -I %t -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %t/main.c 2>%t/stderr \
// RUN:   | FileCheck %s --check-prefix=CHECK --match-full-lines --implicit-check-not=irqlcheck:
// RUN: count 0 < %t/stderr
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -I %t -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts=all %t/main.c 2>%t/stderr \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ALL --match-full-lines --implicit-check-not=irqlcheck:
// RUN: count 0 < %t/stderr
// Negative: no dump without the argument.
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -I %t -fsyntax-only \
// RUN:   %t/main.c | count 0
//
// CHECK:      irqlcheck: contract HeaderUsed: max=DISPATCH_LEVEL
// ALL-NEXT:   irqlcheck: contract HeaderUnused: max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract HeaderRole: req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE [role KDEFERRED_ROUTINE]
// CHECK-NEXT: irqlcheck: contract MainDeclared: min=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract MainDefined: same saves=arg0 class=MY_CLASS [class MY_CLASS]

//--- api.h
#define _IRQL_requires_same_
#define _IRQL_saves_
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
typedef unsigned char KIRQL, *PKIRQL;
typedef void KDEFERRED_ROUTINE(void *Dpc, void *Ctx, void *A1, void *A2);
typedef _IRQL_requires_same_ void MY_CLASS(_IRQL_saves_ PKIRQL Old);
_IRQL_requires_max_(DISPATCH_LEVEL) void HeaderUsed(void);
_IRQL_requires_max_(APC_LEVEL) void HeaderUnused(void);
KDEFERRED_ROUTINE HeaderRole;
void HeaderPlain(void);

//--- main.c
#include "api.h"
_IRQL_requires_min_(APC_LEVEL) void MainDeclared(void);
MY_CLASS MainDefined;
void MainDefined(PKIRQL Old) { *Old = 0; HeaderUsed(); HeaderPlain(); }
void (*UseRole)(void *, void *, void *, void *) = HeaderRole;
