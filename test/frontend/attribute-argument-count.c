// The plugin's own attribute spellings never turn valid code into an error:
// without the plugin a wrong argument count is an unknown attribute (a
// warning); with it, a warning in the plugin's group (-Wbackend-plugin), and
// the attribute is ignored.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -plugin-arg-irqlcheck dump-contracts=all -fsyntax-only -verify %s | FileCheck %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -load %irqlcheck \
// RUN:   -fsyntax-only -Wno-backend-plugin -verify=silenced %s
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -fms-extensions -fsyntax-only \
// RUN:   -Wno-unknown-attributes -Wno-ignored-attributes -verify=silenced %s
// silenced-no-diagnostics
//
// CHECK-NOT: contract Missing
// CHECK-NOT: contract TooMany
// CHECK: contract Right: max=DISPATCH_LEVEL{{$}}
// CHECK-NOT: contract

void Missing(void) __attribute__((irql_requires_max)); // expected-warning {{'irql_requires_max' takes 1 argument(s), not 0; the attribute is ignored}}
void TooMany(void) __attribute__((irql_requires_max(1, 2))); // expected-warning {{takes 1 argument(s), not 2}}
void Many(void) __attribute__((irql_requires_max(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17))); // expected-warning {{not 17}}
void SavesWithArgument(void) __attribute__((irql_saves(1))); // expected-warning {{'irql_saves' takes 0 argument(s), not 1}}
void GlobalOne(void *P) __attribute__((irql_saves_global("SpinLock"))); // expected-warning {{'irql_saves_global' takes 2 argument(s), not 1}}
void AtThree(void) __attribute__((irql_at("a", "b", "c"))); // expected-warning {{'irql_at' takes 1 or 2 argument(s), not 3}}
[[irqlcheck::irql_requires_max]] void ScopedMissing(void); // expected-warning {{takes 1 argument(s), not 0}}
__declspec(irql_requires_max) void DeclspecMissing(void); // expected-warning {{takes 1 argument(s), not 0}}
void Parameter(int __attribute__((irql_saves(3))) X); // expected-warning {{'irql_saves' takes 0 argument(s), not 1}}
int Variable __attribute__((irql_requires_max)); // expected-warning {{takes 1 argument(s), not 0}}
void Right(void) __attribute__((irql_requires_max(2)));
