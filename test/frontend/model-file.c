// model=FILE: a user model file gives contracts to routines (one per line,
// "Name contract", '#' comments); it overrides the built-in model and yields
// to the routine's own annotations. A bad line is an error naming file:line.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify \
// RUN:   -plugin-arg-irqlcheck model=%t/good.model -plugin-arg-irqlcheck dump-contracts \
// RUN:   %t/use.c | FileCheck %s --check-prefix=GOOD
// GOOD-DAG: contract MyApi: max=APC_LEVEL [model {{.*}}good.model:2]{{$}}
// GOOD-DAG: contract MyWait: max=DISPATCH_LEVEL if(arg1==1):max=APC_LEVEL [model {{.*}}good.model:3]{{$}}
// GOOD-DAG: contract ZwClose: max=DISPATCH_LEVEL [model {{.*}}good.model:5]{{$}}
// GOOD-DAG: contract Annotated: max=PASSIVE_LEVEL{{$}}
// An explicit conditional max keeps the model's unconditional one.
// GOOD-DAG: contract CondOnly: max=DISPATCH_LEVEL if(arg0==1):max=APC_LEVEL [model {{.*}}good.model:7]{{$}}
//
// Without the file the built-in model alone speaks.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify \
// RUN:   -plugin-arg-irqlcheck dump-contracts %t/use.c | FileCheck %s --check-prefix=BUILTIN
// BUILTIN-NOT: contract MyApi
// BUILTIN: contract ZwClose: max=PASSIVE_LEVEL [model]{{$}}
//
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/bad.model %t/use.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BAD -DFILE=%t/bad.model
// BAD: error: irqlcheck: [[FILE]]:4: BadApi: 'max=BANANA': expects an IRQL level
// BAD-NOT: error:
// BAD: 1 error generated.
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/empty-contract.model %t/use.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=EMPTY -DFILE=%t/empty-contract.model
// EMPTY: error: irqlcheck: [[FILE]]:1: NoContract: empty contract
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck model=%t/missing.model %t/use.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=MISSING -DFILE=%t/missing.model
// MISSING: error: irqlcheck: [[FILE]]: cannot read model file: {{.*}}

//--- good.model
# A user model: routine name, then its contract.
MyApi max=APC_LEVEL  # trailing comment
MyWait max=DISPATCH_LEVEL if(arg1==1):max=APC_LEVEL

ZwClose max=DISPATCH_LEVEL
Annotated max=DISPATCH_LEVEL
CondOnly max=DISPATCH_LEVEL
//--- bad.model
# line 1
MyApi max=APC_LEVEL

BadApi max=BANANA
//--- empty-contract.model
NoContract
//--- use.c
// expected-no-diagnostics
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
void MyApi(void);
long MyWait(void *Event, unsigned char Wait);
void ZwClose(void *Handle);
_IRQL_requires_max_(PASSIVE_LEVEL) void Annotated(void);
_When_(X == 1, _IRQL_requires_max_(APC_LEVEL)) void CondOnly(int X);
void Use(void) { MyApi(); MyWait(0, 1); ZwClose(0); Annotated(); CondOnly(1); }
