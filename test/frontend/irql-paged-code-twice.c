// irql-paged-code-twice (C28171): PAGED_CODE() appears more than once in a
// function.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -fsyntax-only -verify %s
// RUN: %wdk_cc1 -DWDK -DDBG=1 -fsyntax-only -verify %s

#ifdef WDK
#include <ntddk.h>
#else
#define PAGED_CODE()
#define PAGED_CODE_LOCKED() ((void)0);
#endif

void Twice(void);
#pragma alloc_text(PAGE, Twice)
void Twice(void) {
  PAGED_CODE(); // expected-note {{first PAGED_CODE() is here}}
  PAGED_CODE(); // expected-warning {{PAGED_CODE() appears more than once in 'Twice' [irql-paged-code-twice]}}
}

void Mixed(int X);
#pragma alloc_text(PAGE, Mixed)
void Mixed(int X) {
  PAGED_CODE(); // expected-note {{first PAGED_CODE() is here}}
  if (X) {
    PAGED_CODE_LOCKED(); // expected-warning {{PAGED_CODE() appears more than once in 'Mixed'}}
  }
}

// Negative: once per function, in several functions.
void Once(void);
void AlsoOnce(void);
#pragma alloc_text(PAGE, Once, AlsoOnce)
void Once(void) { PAGED_CODE(); }
void AlsoOnce(void) { PAGED_CODE(); }
