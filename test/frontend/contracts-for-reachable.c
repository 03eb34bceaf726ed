// Only the user's functions and the functions their code can reach get a
// contract: the IR names no others. A routine reached through the body of a
// header's inline function keeps its header annotation (it appears in the
// dump and on the IR declaration); one that only an unused inline function
// mentions is never built. dump-contracts=all still lists everything.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts %t/main.c \
// RUN:   | FileCheck %s --match-full-lines --implicit-check-not=irqlcheck:
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts=all %t/main.c \
// RUN:   | FileCheck %s --check-prefix=ALL
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -isystem %t -O0 -S -emit-llvm \
// RUN:   %t/main.c -o - | FileCheck %s --check-prefix=IR
//
// CHECK: irqlcheck: contract ReachedThroughInline: max=APC_LEVEL
// CHECK: irqlcheck: contract CalledDirectly: max=DISPATCH_LEVEL
// CHECK: irqlcheck: contract UserFunction: min=APC_LEVEL
// ALL-DAG: irqlcheck: contract OnlyFromUnusedInline: max=PASSIVE_LEVEL
// ALL-DAG: irqlcheck: contract ReachedThroughInline: max=APC_LEVEL
// IR: declare {{.*}}@ReachedThroughInline({{.*}}#[[ATTR:[0-9]+]]
// IR: attributes #[[ATTR]] = {{.*}}"irqlcheck.contract"="max=APC_LEVEL"

//--- api.h
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
_IRQL_requires_max_(APC_LEVEL) void ReachedThroughInline(int);
_IRQL_requires_max_(PASSIVE_LEVEL) void OnlyFromUnusedInline(void);
_IRQL_requires_max_(DISPATCH_LEVEL) void CalledDirectly(void);
static __inline void UsedInline(int X) { ReachedThroughInline(X); }
static __inline void UnusedInline(void) { OnlyFromUnusedInline(); }

//--- main.c
#include <api.h>
_IRQL_requires_min_(APC_LEVEL) void UserFunction(void) {
  UsedInline(1);
  CalledDirectly();
}
