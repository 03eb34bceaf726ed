// What makes a function pageable (`paged` in its contract): a code section
// whose name starts with PAGE, from #pragma alloc_text, #pragma code_seg or
// __declspec(code_seg), or a PAGED_CODE() at the start of its body, whatever
// PAGED_CODE() expands to (nothing, or the checked-build assertion).
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s | FileCheck %s
// RUN: %wdk_cc1 -DWDK -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s \
// RUN:   | FileCheck %s
// RUN: %wdk_cc1 -DWDK -DDBG=1 -plugin-arg-irqlcheck dump-contracts -fsyntax-only -verify %s \
// RUN:   | FileCheck %s
// RUN: %clang --target=i686-pc-windows-msvc -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts -fsyntax-only -Xclang -verify %s | FileCheck %s
// expected-no-diagnostics

#ifdef WDK
#include <ntddk.h>
#else
#define PAGED_CODE()
#define PAGED_CODE_LOCKED() ((void)0);
#endif

void AllocText(void);
#pragma alloc_text(PAGE, AllocText)
void AllocText(void) { PAGED_CODE(); }
// CHECK-LABEL: contract AllocText: paged{{$}}

void AllocTextQuoted(void);
#pragma alloc_text("PAGE", AllocTextQuoted)
void AllocTextQuoted(void) { PAGED_CODE(); }
// CHECK-NEXT: contract AllocTextQuoted: paged{{$}}

// Any section whose name starts with PAGE is pageable (PAGEwx1, PAGEVRFY).
void AllocTextSuffix(void);
#pragma alloc_text(PAGEwx1, AllocTextSuffix)
void AllocTextSuffix(void) { PAGED_CODE(); }
// CHECK-NEXT: contract AllocTextSuffix: paged{{$}}

#pragma code_seg("PAGE")
void CodeSegPragma(void) { PAGED_CODE(); }
// CHECK-NEXT: contract CodeSegPragma: paged{{$}}
#pragma code_seg()

__declspec(code_seg("PAGE")) void CodeSegDeclspec(void) { PAGED_CODE(); }
// CHECK-NEXT: contract CodeSegDeclspec: paged{{$}}

// PAGED_CODE() alone (the driver forgot the pragma; irql-paged-code-outside
// says so when it can tell, see check-paged-code-outside.c).
#pragma clang diagnostic ignored "-Wbackend-plugin"
void PagedCodeOnly(void) { PAGED_CODE(); }
// CHECK-NEXT: contract PagedCodeOnly: paged{{$}}

// PAGED_CODE() behind another macro counts where that macro is written.
#define MY_PROLOGUE() PAGED_CODE()
void ThroughMacro(void);
#pragma alloc_text(PAGE, ThroughMacro)
void ThroughMacro(void) { MY_PROLOGUE(); }
// CHECK-NEXT: contract ThroughMacro: paged{{$}}

// Negative: after #pragma code_seg() functions are in .text again.
void AfterCodeSeg(void) {}
// Negative: other sections (INIT is discarded after DriverEntry, not paged).
void InitSection(void);
#pragma alloc_text(INIT, InitSection)
void InitSection(void) {}
// Negative: PAGED_CODE_LOCKED() marks code in a PAGE section that is locked
// in memory while it runs.
void Locked(void);
#pragma alloc_text(PAGE, Locked)
void Locked(void) { PAGED_CODE_LOCKED(); }
// CHECK-NOT: contract AfterCodeSeg
// CHECK-NOT: contract InitSection
// CHECK-NOT: contract Locked
