// A project's own definition of a SAL macro is respected: a definition of
// another shape than the annotation (object- instead of function-like, another
// parameter count, variadic) stays, and irqlcheck drops capture for that
// macro with one remark per translation unit (a remark, because clang
// drops a note that follows no warning; it fails no -Werror build). Names nobody defines stay free:
// the object-like annotations are not predefined. Valid code compiles exactly
// as it does without the plugin (same diagnostics apart from the remark, same
// object).
//
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -Wall -c %s -o %t.without.o 2>&1 | count 0
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -Wall -fplugin=%irqlcheck -c %s -o %t.with.o \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts 2>%t.err | FileCheck %s --check-prefix=DUMP
// RUN: FileCheck %s --input-file=%t.err --check-prefix=NOTE
// RUN: cmp %t.without.o %t.with.o
//
// The remark is given once, at the first definition of another shape; its
// annotations are not read, those of same-shaped macros still are.
// NOTE: user-sal-definitions.c:{{[0-9]+}}:9: remark: irqlcheck: '_IRQL_requires_max_' is defined here with another shape than the SAL annotation; irqlcheck keeps this definition and does not read its annotations
// NOTE-NOT: remark:
// NOTE-NOT: error:
// NOTE-NOT: warning:
// DUMP-NOT: contract UsesObjectLike
// DUMP-NOT: contract UsesVariadic
// DUMP-NOT: contract UsesOneParameter
// DUMP: contract StillCaptured: max=APC_LEVEL{{$}}

#define APC_LEVEL 1

#undef _IRQL_requires_max_
#define _IRQL_requires_max_ /* the project's: no parameters */
_IRQL_requires_max_ void UsesObjectLike(void);
void UsesObjectLike(void) {}

#define _When_(...) /* the project's: variadic */
_When_(a, b, c) void UsesVariadic(void);
void UsesVariadic(void) {}

#define __drv_at(a) /* the project's: one parameter */
__drv_at(x) void UsesOneParameter(void);
void UsesOneParameter(void) {}

// A same-shaped definition is still replaced by the plugin's.
#define __drv_maxIRQL(x) /* expands to nothing without the plugin */
__drv_maxIRQL(APC_LEVEL) void StillCaptured(void);
void StillCaptured(void) {}

// Names nobody defines are the program's.
int _IRQL_is_cancel_ = 1;
int _IRQL_saves_;
static int _IRQL_requires_same_(void) { return _IRQL_is_cancel_ + _IRQL_saves_; }
int Use(void) { return _IRQL_requires_same_(); }
