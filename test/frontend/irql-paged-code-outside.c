// irql-paged-code-outside (C28172): PAGED_CODE() in a function that is not
// placed in a pageable section. Reported only when the build can place code
// in sections (Microsoft extensions: #pragma alloc_text is honoured). A style
// rule, off by default (see check-default-off.c); enable= turns it on.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck enable=irql-paged-code-outside -fsyntax-only -verify %s
// RUN: %wdk_cc1 -DWDK -plugin-arg-irqlcheck enable=C28172 -fsyntax-only -verify %s
// RUN: %clang_cl /Zs /clang:-fplugin=%irqlcheck /clang:-fplugin-arg-irqlcheck-enable=28172 \
// RUN:   -Xclang -verify -- %s
//
// Without Microsoft extensions (mingw-w64) #pragma alloc_text is ignored, so
// whether the function was meant to be pageable cannot be told: no warning.
// RUN: %clang %mingw_ddk -DWDK -Wno-#warnings -fplugin=%irqlcheck -fsyntax-only \
// RUN:   -fplugin-arg-irqlcheck-enable=irql-paged-code-outside -Xclang -verify=mingw %s
// mingw-no-diagnostics

#ifdef WDK
#include <ntddk.h>
#else
#define PAGED_CODE()
#define PAGED_CODE_LOCKED() ((void)0);
#define ALLOC_PRAGMA 1
#endif

void NotInPage(void) { PAGED_CODE(); } // expected-warning {{PAGED_CODE() in 'NotInPage', which is not placed in a pageable (PAGE) section; add #pragma alloc_text(PAGE, NotInPage) [irql-paged-code-outside]}}

void InInit(void);
#ifdef ALLOC_PRAGMA
#pragma alloc_text(INIT, InInit)
#endif
void InInit(void) { PAGED_CODE(); } // expected-warning {{PAGED_CODE() in 'InInit', which is not placed in a pageable (PAGE) section}}

// Negative: in a PAGE section, or PAGED_CODE_LOCKED().
void InPage(void);
#ifdef ALLOC_PRAGMA
#pragma alloc_text(PAGE, InPage)
#endif
void InPage(void) { PAGED_CODE(); }
#pragma code_seg("PAGE")
void InCodeSeg(void) { PAGED_CODE(); }
#pragma code_seg()
void Locked(void) { PAGED_CODE_LOCKED(); }
