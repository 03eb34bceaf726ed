// Plugin arguments: enable=CHECK, disable=CHECK and error=CHECK by check name or by
// Microsoft number (C28151 or 28151), each affecting only that check;
// unknown arguments and unknown check names are errors that list what is
// valid; help lists the checks and says which are off by default
// (enable= itself: check-default-off.c).
//
// Default: both checks warn.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=VALUE,UNEVAL
// VALUE: warning: 16 is not a legal IRQL{{.*}}[irql-annotation-value]
// UNEVAL: warning: the value of _IRQL_requires_max_ ('NOPE') cannot be evaluated{{.*}}[irql-annotation-unevaluable]
//
// disable= silences only that check, by name or number.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck disable=irql-annotation-value %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=NOVALUE,UNEVAL
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck disable=C28151 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=NOVALUE,UNEVAL
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-disable=28151 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefixes=NOVALUE,UNEVAL
// NOVALUE-NOT: irql-annotation-value
// RUN: %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-disable=C28151 -fplugin-arg-irqlcheck-disable=C28153 %s 2>&1 \
// RUN:   | count 0
//
// error= makes only that check an error, even under -w.
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck error=irql-annotation-unevaluable %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERR-UNEVAL
// ERR-UNEVAL: warning: 16 is not a legal IRQL{{.*}}[irql-annotation-value] [-Wbackend-plugin]
// ERR-UNEVAL: error: the value of _IRQL_requires_max_ ('NOPE') cannot be evaluated{{.*}}[irql-annotation-unevaluable]{{$}}
// ERR-UNEVAL: 1 warning and 1 error generated.
// RUN: not %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -fsyntax-only -w \
// RUN:   -fplugin-arg-irqlcheck-error=C28151 %s 2>&1 | FileCheck %s --check-prefix=ERR-VALUE
// ERR-VALUE-NOT: warning:
// ERR-VALUE: error: 16 is not a legal IRQL{{.*}}[irql-annotation-value]{{$}}
// ERR-VALUE-NOT: warning:
// ERR-VALUE: 1 error generated.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify \
// RUN:   -plugin-arg-irqlcheck error=irql-annotation-value \
// RUN:   -plugin-arg-irqlcheck disable=irql-annotation-unevaluable -DVERIFY %s
//
// An unknown argument or check name is an error that says what is valid; the
// annotated source still parses (no cascade of errors), and nothing is checked.
// RUN: not %clang --target=x86_64-pc-windows-msvc -fplugin=%irqlcheck -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-bogus %s 2>&1 | FileCheck %s --check-prefix=BADARG
// BADARG: error: irqlcheck: unknown plugin argument 'bogus'; valid arguments: dump-contracts, dump-contracts=all, enable=CHECK, disable=CHECK, error=CHECK, model=FILE, {{.*}}help{{$}}
// BADARG-NOT: error:
// BADARG-NOT: warning:
// BADARG: 1 error generated.
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck disable=irql-no-such-check %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADCHECK
// BADCHECK: error: irqlcheck: unknown check 'irql-no-such-check' in plugin argument 'disable=irql-no-such-check' (see docs/checks/README.md for the list)
// BADCHECK-NOT: error:
// BADCHECK-NOT: warning:
// RUN: not %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck error=C99999 %s 2>&1 | FileCheck %s --check-prefix=BADNUMBER
// BADNUMBER: error: irqlcheck: unknown check 'C99999' in plugin argument 'error=C99999'
//
// help lists the arguments and every check with its number.
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck help -plugin-arg-irqlcheck disable=C28151 \
// RUN:   -plugin-arg-irqlcheck disable=C28153 %s 2>&1 | FileCheck %s --check-prefix=HELP
// HELP: irqlcheck plugin arguments (-fplugin-arg-irqlcheck-ARG): dump-contracts, dump-contracts=all, enable=CHECK, disable=CHECK, error=CHECK, model=FILE, {{.*}}help{{$}}
// HELP-NEXT: checks:
// HELP-NEXT: irql-annotation-value (C28151): an annotation's value is not a legal IRQL
// HELP: irql-paged-code-outside (C28172): {{.*}} [off by default: enable=irql-paged-code-outside]{{$}}
// HELP-NEXT: irql-paged-code-missing (C28170): {{.*}} [off by default: enable=irql-paged-code-missing]{{$}}
// HELP-NEXT: irql-paged-code-twice (C28171): PAGED_CODE() appears more than once in a function{{$}}

#ifdef VERIFY
_IRQL_requires_max_(16) void Bad(void); // expected-error {{16 is not a legal IRQL}}
#else
_IRQL_requires_max_(16) void Bad(void);
#endif
_IRQL_requires_max_(NOPE) void Unevaluable(void);
