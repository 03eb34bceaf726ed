// The self-check must fail when the headers disagree with the table: here a
// header declares KeSetEvent with one parameter too few.
// RUN: not %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK-DAG: irqlcheck: model: KeSetEvent has 3 parameters in the table but 2 in the headers
// CHECK-DAG: irqlcheck: model: 1 of {{[0-9]+}} entries declared, 1 mismatches
// CHECK-DAG: error: irqlcheck: the kernel model disagrees with these headers
long KeSetEvent(void *Event, long Increment);
