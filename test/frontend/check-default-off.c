// Style rules are off by default: irql-paged-code-missing (C28170) and
// irql-paged-code-outside (C28172) find code that is correct at run time, and
// Microsoft's recommended CodeQL suite for drivers leaves them out too.
// irql-paged-code-twice (C28171) stays on. enable= turns a check on by name
// or by number; error= of an off check turns it on as an error; disable= wins
// over both, wherever it appears.
//
// Default: only the check that is on by default reports.
// RUN: %wdk_cc1 -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=DEFAULT
// DEFAULT-NOT: irql-paged-code-missing
// DEFAULT-NOT: irql-paged-code-outside
// DEFAULT: warning: PAGED_CODE() appears more than once in 'Twice'{{.*}}[irql-paged-code-twice]
// DEFAULT-NOT: irql-paged-code-missing
// DEFAULT-NOT: irql-paged-code-outside
// DEFAULT: 1 warning generated.
//
// enable= by name, by C-number and by bare number.
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck enable=irql-paged-code-missing \
// RUN:   -plugin-arg-irqlcheck enable=irql-paged-code-outside %s 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck enable=C28170 \
// RUN:   -plugin-arg-irqlcheck enable=28172 %s 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: %clang --target=x86_64-pc-windows-msvc -I %inputs/wdk -fplugin=%irqlcheck -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-enable=C28170 -fplugin-arg-irqlcheck-enable=C28172 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ALL
// ALL-DAG: warning: 'Missing' is in a pageable section but does not start with PAGED_CODE(){{.*}}[irql-paged-code-missing]
// ALL-DAG: warning: PAGED_CODE() in 'Outside', which is not placed in a pageable (PAGE) section{{.*}}[irql-paged-code-outside]
// ALL-DAG: warning: PAGED_CODE() appears more than once in 'Twice'{{.*}}[irql-paged-code-twice]
// ALL: 3 warnings generated.
//
// Only the check named is turned on.
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck enable=C28170 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ONE
// ONE-NOT: irql-paged-code-outside
// ONE: [irql-paged-code-missing]
// ONE-NOT: irql-paged-code-outside
// ONE: 2 warnings generated.
//
// error= of an off check turns it on, as an error (even under -w).
// RUN: not %wdk_cc1 -fsyntax-only -w -plugin-arg-irqlcheck error=irql-paged-code-outside %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=ERROR
// ERROR-NOT: irql-paged-code-missing
// ERROR: error: PAGED_CODE() in 'Outside', which is not placed in a pageable (PAGE) section{{.*}}[irql-paged-code-outside]
// ERROR-NOT: irql-paged-code-missing
// ERROR: 1 error generated.
//
// disable= wins over enable= and error=, before or after them.
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck disable=C28170 \
// RUN:   -plugin-arg-irqlcheck enable=C28170 -plugin-arg-irqlcheck error=C28170 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DEFAULT
// RUN: %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck enable=irql-paged-code-outside \
// RUN:   -plugin-arg-irqlcheck disable=irql-paged-code-outside %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=DEFAULT
//
// An unknown check in enable= is an error, like disable=.
// RUN: not %wdk_cc1 -fsyntax-only -plugin-arg-irqlcheck enable=irql-paged-code-sometimes %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: irqlcheck: unknown check 'irql-paged-code-sometimes' in plugin argument 'enable=irql-paged-code-sometimes'

#include <ntddk.h>

void Missing(void);
void Outside(void);
void Twice(void);
#pragma alloc_text(PAGE, Missing)
#pragma alloc_text(PAGE, Twice)

void Missing(void) {}
void Outside(void) { PAGED_CODE(); }
void Twice(void)
{
    PAGED_CODE();
    PAGED_CODE();
}
