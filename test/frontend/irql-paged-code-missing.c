// irql-paged-code-missing (C28170): a function placed in a pageable section
// does not start with PAGED_CODE() (or PAGED_CODE_LOCKED()). A style rule, off
// by default (see check-default-off.c); enable= turns it on by name or number.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck enable=irql-paged-code-missing -fsyntax-only -verify %s
// RUN: %wdk_cc1 -DWDK -plugin-arg-irqlcheck enable=C28170 -fsyntax-only -verify %s

#ifdef WDK
#include <ntddk.h>
#else
#define PAGED_CODE()
#define PAGED_CODE_LOCKED() ((void)0);
#endif

void AllocText(void);
#pragma alloc_text(PAGE, AllocText)
void AllocText(void) {} // expected-warning {{'AllocText' is in a pageable section but does not start with PAGED_CODE() (or PAGED_CODE_LOCKED()) [irql-paged-code-missing]}}
#pragma code_seg("PAGE")
void CodeSeg(void) {} // expected-warning {{'CodeSeg' is in a pageable section but does not start with PAGED_CODE()}}
#pragma code_seg()
__declspec(code_seg("PAGEDATA")) int Declspec(int X) { return X; } // expected-warning {{'Declspec' is in a pageable section}}

// Negative: with the marker; not in a PAGE section; declared but not defined.
void Marked(void);
#pragma alloc_text(PAGE, Marked)
void Marked(void) { PAGED_CODE(); }
void MarkedLocked(void);
#pragma alloc_text(PAGE, MarkedLocked)
void MarkedLocked(void) { PAGED_CODE_LOCKED(); }
void InInit(void);
#pragma alloc_text(INIT, InInit)
void InInit(void) {}
void DeclaredOnly(void);
#pragma alloc_text(PAGE, DeclaredOnly)
