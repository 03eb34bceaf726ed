// model=FILE reads only a regular file of at most 4 MiB: a device, a
// directory or a FIFO is refused at once with a clear error (never read
// forever or waited on), and so is an absurdly large file.
//
// RUN: rm -rf %t && mkdir %t && split-file %s %t
// RUN: not timeout 20 %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=/dev/zero -fsyntax-only \
// RUN:   %t/use.c 2>&1 | FileCheck %s --check-prefix=ZERO
// ZERO: error: irqlcheck: /dev/zero: cannot read model file: not a regular file
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t -fsyntax-only %t/use.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DIR
// DIR: error: irqlcheck: {{.*}}: cannot read model file: not a regular file
// RUN: rm -f %t.fifo && mkfifo %t.fifo
// RUN: not timeout 20 %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t.fifo \
// RUN:   -fsyntax-only %t/use.c 2>&1 | FileCheck %s --check-prefix=FIFO
// FIFO: error: irqlcheck: {{.*}}.fifo: cannot read model file: not a regular file
// RUN: truncate -s 5M %t.big
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t.big -fsyntax-only \
// RUN:   %t/use.c 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: error: irqlcheck: {{.*}}.big: cannot read model file: larger than 4 MiB
//
// An entry that names an argument past the routine's last parameter: for a
// routine of the built-in table (its arity is known) when the file is read...
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t/builtin.model \
// RUN:   -fsyntax-only %t/use.c 2>&1 | FileCheck %s --check-prefix=BUILTIN
// BUILTIN: error: irqlcheck: {{.*}}builtin.model:2: ZwClose: names arg3, but ZwClose has 1 parameter
// ... and for the user's own routines against their declaration in the
// translation unit (a variadic routine may take any argument).
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t/user.model \
// RUN:   -fsyntax-only %t/use.c 2>&1 | FileCheck %s --check-prefix=USER
// USER: use.c:1:6: error: irqlcheck: {{.*}}user.model:1: MyAcquire: names arg2, but 'MyAcquire' is declared with 2 parameter(s)
// USER-NOT: MyLog
// USER-NOT: NotDeclared
// USER: 1 error generated.
// check-model lists them with the table's mismatches.
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t/user.model \
// RUN:   -fplugin-arg-irqlcheck-check-model -fsyntax-only %t/use.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=CHECKMODEL
// CHECKMODEL: irqlcheck: model: {{.*}}user.model:1: MyAcquire names arg2 but has 2 parameters in the headers
// CHECKMODEL: irqlcheck: model: 0 of {{[0-9]+}} entries declared, 1 mismatches
// Entries within their routine's parameters are fine.
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-model=%t/good.model -fsyntax-only \
// RUN:   %t/use.c 2>&1 | count 0

//--- builtin.model
# ZwClose(Handle) has one parameter.
ZwClose max=PASSIVE_LEVEL if(arg3==1):max=APC_LEVEL
//--- user.model
MyAcquire max=DISPATCH_LEVEL restores=arg2
MyLog max=DISPATCH_LEVEL if(arg5:unicode-format):max=PASSIVE_LEVEL
NotDeclared max=PASSIVE_LEVEL saves=arg7
//--- good.model
MyAcquire max=DISPATCH_LEVEL restores=arg1
ZwClose max=PASSIVE_LEVEL
//--- use.c
void MyAcquire(void *Lock, unsigned char Irql);
void MyLog(const char *Format, ...);
void Use(void) { MyAcquire(0, 0); MyLog("%d", 1); }
