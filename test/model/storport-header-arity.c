// The kernel model agrees with test/Inputs/wdk/storport.h: every StorPortXxx
// routine the header declares has the table's number of parameters (the
// register accessors are macros there, as in the kit, so the table's rows
// for them are not compared).
// RUN: %clang --target=x86_64-pc-windows-msvc -fms-extensions -isystem %inputs/wdk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: %clang --target=i686-pc-windows-msvc -fms-extensions -isystem %inputs/wdk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK-NOT: has {{[0-9]+}} parameters in the table
// CHECK: irqlcheck: model: {{[0-9]+}} of {{[0-9]+}} entries declared, 0 mismatches
// CHECK-NOT: error:
#include <storport.h>
