// A SAL IRQL macro written where no attribute could stand, inside an
// expression (the fuzz campaign's `if (__drv_isCancelIRQL Flag)`,
// docs/robustness.md): the headers define it empty, so the file compiles
// without the plugin, and it must compile with it, to the same object. The
// plugin records such a macro by position and it belongs to no declaration:
// the annotations around it are read as before, and it adds nothing to the
// function whose body holds it. (Until session 7 the user's SAL macros
// expanded to the plugin's attributes, and this file was a syntax error
// only with the plugin loaded.)
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk \
// RUN:   -O0 -c %s -o %t/plain.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk \
// RUN:   -O0 -c %s -o %t/plugin.o -fplugin=%irqlcheck 2>&1 | count 0
// RUN: cmp %t/plain.o %t/plugin.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk \
// RUN:   -O2 -c %s -o %t/plain2.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk \
// RUN:   -O2 -c %s -o %t/plugin2.o -fplugin=%irqlcheck 2>&1 | count 0
// RUN: cmp %t/plain2.o %t/plugin2.o
// RUN: %clang --target=x86_64-pc-windows-msvc -I %inputs/wdk -fsyntax-only %s \
// RUN:   -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts \
// RUN:   | FileCheck %s --match-full-lines
//
// CHECK:      irqlcheck: contract Helper: max=APC_LEVEL
// CHECK-NEXT: irqlcheck: contract After: req=PASSIVE_LEVEL
#include <ntddk.h>

static int Use(int V) { return V + 1; }

_IRQL_requires_max_(APC_LEVEL)
int Helper(int Flag) {
  if (__drv_isCancelIRQL Flag)
    return 1;
  int X = _IRQL_requires_max_(DISPATCH_LEVEL) 2;
  X += Use(_IRQL_raises_(HIGH_LEVEL) Flag);
  return X + (int)sizeof(_When_(Flag, _IRQL_requires_(PASSIVE_LEVEL)) int);
}

_IRQL_requires_(PASSIVE_LEVEL)
void After(void);

int Caller(void) {
  After();
  return Helper(0);
}
