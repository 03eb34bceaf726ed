// Every built-in kernel-model entry that the real mingw-w64 DDK headers
// declare must have the arity the headers give it, and every contract in the
// table must parse for the target (x64 and x86 levels differ).

// RUN: %clang %mingw_ddk -DTU_NTIFS -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=NTIFS
// RUN: %clang %mingw_ddk -DTU_NTDDK -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=NTDDK
// RUN: %clang %mingw32_ddk -DTU_NTIFS -fplugin=%irqlcheck -fplugin-arg-irqlcheck-check-model -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=X86

// NTIFS-NOT: mismatch{{es}}{{$}}
// NTIFS-NOT: has {{[0-9]+}} parameters
// NTIFS: irqlcheck: model: {{[0-9]+}} of {{[0-9]+}} entries declared, 0 mismatches
// NTDDK: irqlcheck: model: {{[0-9]+}} of {{[0-9]+}} entries declared, 0 mismatches
// X86-NOT: bad contract
// X86: irqlcheck: model: {{[0-9]+}} of {{[0-9]+}} entries declared, 0 mismatches

#ifdef TU_NTIFS
#include <ntifs.h>
#endif
#ifdef TU_NTDDK
#include <ntddk.h>
#include <wmilib.h>
#include <csq.h>
#endif
