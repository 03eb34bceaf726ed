// How an annotation's value is evaluated: level macros, plain and suffixed
// numbers, constant expressions, casts, enumerators, names defined only after
// the annotation. The legal range comes from the target: HIGH_LEVEL is 15 on
// x64 and ARM64, 31 on x86.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify=x64 %s \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %clang_cc1 -triple aarch64-pc-windows-msvc -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify=x64 %s \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %clang --target=i686-pc-windows-msvc -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts=all -fsyntax-only -Xclang -verify=x86 %s \
// RUN:   | FileCheck %s --check-prefixes=CHECK,X86
// RUN: %clang %mingw32_ddk -fplugin=%irqlcheck -fplugin-arg-irqlcheck-dump-contracts=all \
// RUN:   -fsyntax-only -Xclang -verify=x86 %s | FileCheck %s --check-prefixes=CHECK,X86

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define SYNCH_LEVEL (IPI_LEVEL - 2)
#if defined(_M_IX86) || defined(__i386__)
#define IPI_LEVEL 29
#define HIGH_LEVEL 31
#else
#define IPI_LEVEL 14
#define HIGH_LEVEL 15
#endif
typedef unsigned char KIRQL;
enum LEVELS { E_PASSIVE, E_APC, E_DISPATCH };

_IRQL_requires_max_(DISPATCH_LEVEL) void NamedMacro(void);
// CHECK-LABEL: contract NamedMacro: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(2) void Number(void);
// CHECK-NEXT: contract Number: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(0x1) void Hex(void);
// CHECK-NEXT: contract Hex: max=APC_LEVEL{{$}}
_IRQL_requires_max_(2u) void Suffixed(void);
// CHECK-NEXT: contract Suffixed: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(APC_LEVEL+1) void Sum(void);
// CHECK-NEXT: contract Sum: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_((KIRQL)(DISPATCH_LEVEL)) void Cast(void);
// CHECK-NEXT: contract Cast: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(DISPATCH_LEVEL > APC_LEVEL ? APC_LEVEL : DISPATCH_LEVEL) void Ternary(void);
// CHECK-NEXT: contract Ternary: max=APC_LEVEL{{$}}
_IRQL_requires_max_(1 << 1) void Shift(void);
// CHECK-NEXT: contract Shift: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(E_DISPATCH) void Enumerator(void);
// CHECK-NEXT: contract Enumerator: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(E_APC + 1) void EnumeratorSum(void);
// CHECK-NEXT: contract EnumeratorSum: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(LATER_LEVEL) void DefinedLater(void);
// CHECK-NEXT: contract DefinedLater: max=APC_LEVEL{{$}}
_IRQL_requires_max_(LATER_ENUM) void EnumLater(void);
// CHECK-NEXT: contract EnumLater: max=DISPATCH_LEVEL{{$}}
_IRQL_requires_max_(SYNCH_LEVEL) void Synch(void);
// X64-NEXT: contract Synch: max=SYNCH_LEVEL{{$}}
// X86-NEXT: contract Synch: max=SYNCH_LEVEL{{$}}
_IRQL_requires_max_(HIGH_LEVEL) void High(void);
// CHECK-NEXT: contract High: max=HIGH_LEVEL{{$}}
_IRQL_requires_max_(PASSIVE_LEVEL) void Passive(void);
// CHECK-NEXT: contract Passive: max=PASSIVE_LEVEL{{$}}

// Legal on x86 only.
_IRQL_requires_max_(20) void Twenty(void);  // x64-warning {{20 is not a legal IRQL (_IRQL_requires_max_); levels on this target are 0 to 15 (HIGH_LEVEL) [irql-annotation-value]}}
// X86-NEXT: contract Twenty: max=20{{$}}
_IRQL_requires_max_(31) void ThirtyOne(void);  // x64-warning {{31 is not a legal IRQL}}
// X86-NEXT: contract ThirtyOne: max=HIGH_LEVEL{{$}}

// Illegal everywhere.
_IRQL_requires_max_(32) void ThirtyTwo(void);  // x64-warning {{32 is not a legal IRQL}} x86-warning {{32 is not a legal IRQL (_IRQL_requires_max_); levels on this target are 0 to 31 (HIGH_LEVEL) [irql-annotation-value]}}
_IRQL_requires_max_(APC_LEVEL - 2) void Negative(void);  // x64-warning {{-1 is not a legal IRQL}} x86-warning {{-1 is not a legal IRQL}}
// CHECK-NOT: contract ThirtyTwo
// CHECK-NOT: contract Negative

#define LATER_LEVEL APC_LEVEL
enum { LATER_ENUM = 2 };
