// irqlcheck warnings are clang warnings in the -Wbackend-plugin group: -w,
// -Werror, -Wno-backend-plugin, -Werror=backend-plugin and
// #pragma clang diagnostic control them like any other warning.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WARN
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -w %s 2>&1 \
// RUN:   | count 0
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -Wno-backend-plugin %s 2>&1 | count 0
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -DPRAGMA %s 2>&1 | count 0
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -Werror %s 2>&1 | FileCheck %s --check-prefix=ERROR
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -Werror=backend-plugin %s 2>&1 | FileCheck %s --check-prefix=ERROR
// ERROR: error: 16 is not a legal IRQL {{.*}} [irql-annotation-value] [-Werror,-Wbackend-plugin]
// ERROR: 1 error generated.

#ifdef PRAGMA
#pragma clang diagnostic ignored "-Wbackend-plugin"
#endif

_IRQL_requires_max_(16) void Bad(void);
_IRQL_requires_max_(15) void Good(void);

// The exact text, with the caret under the annotation:
// WARN: diagnostic-control.c:[[@LINE-4]]:1: warning: 16 is not a legal IRQL (_IRQL_requires_max_); levels on this target are 0 to 15 (HIGH_LEVEL) [irql-annotation-value] [-Wbackend-plugin]
// WARN-NEXT: {{^ *}}[[@LINE-5]] | _IRQL_requires_max_(16) void Bad(void);
// WARN-NEXT: {{^ *}}| ^
// WARN-NOT: warning:
// WARN: 1 warning generated.
