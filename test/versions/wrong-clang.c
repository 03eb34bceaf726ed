// A plugin built for one clang, loaded into another, refuses in one line and
// fails the compile, before any of its version-specific code runs
// (plugin/VersionCheck.cpp; docs/versions.md). The other build's plugin
// (IRQLCHECK_OTHER_BUILD: .ci/run builds build/ for clang 19 and build-22/
// for clang 22 and points each at the other) goes into this build's clang,
// clang-cl, cc1, -fpass-plugin and opt. Run from both builds, this covers
// 19 into 22 and 22 into 19.
//
// REQUIRES: other-llvm-build
//
// RUN: rm -f %t.o
// RUN: not %clang -fplugin=%other_irqlcheck -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s --check-prefix=CLANG -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
// RUN: count 1 < %t.err
// RUN: not test -e %t.o
//
// RUN: not %clang_cl /c /clang:-fplugin=%other_irqlcheck /Fo%t.obj -- %s 2> %t.err
// RUN: FileCheck %s --check-prefix=CLANG -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
// RUN: count 1 < %t.err
//
// RUN: not %clang_cc1 -load %other_irqlcheck -emit-llvm-only %s 2> %t.err
// RUN: FileCheck %s --check-prefix=CLANG -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
// RUN: count 1 < %t.err
//
// The cc1 in a process of its own, as the driver runs it with -fno-integrated-cc1.
// RUN: not %clang -fno-integrated-cc1 -fplugin=%other_irqlcheck -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s --check-prefix=CLANG -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
//
// RUN: not %clang -fpass-plugin=%other_irqlcheck -c %s -o %t.o 2> %t.err
// RUN: FileCheck %s --check-prefix=CLANG -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
// RUN: count 1 < %t.err
//
// RUN: %clang -S -emit-llvm %s -o %t.ll
// RUN: not opt -load-pass-plugin=%other_irqlcheck -passes=irql-check -disable-output %t.ll 2> %t.err
// RUN: FileCheck %s --check-prefix=OPT -DOTHER=%other_llvm_major -DTHIS=%llvm_major < %t.err
// RUN: count 1 < %t.err
//
// Negative: this build's own plugin, in the same commands, says nothing.
// RUN: %clang -fplugin=%irqlcheck -c %s -o %t.o 2>&1 | count 0
// RUN: %clang_cl /c /clang:-fplugin=%irqlcheck /Fo%t.obj -- %s 2>&1 | count 0
// RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %t.ll 2>&1 | count 0

// CLANG: {{^}}irqlcheck: error: this plugin was built for clang [[OTHER]] but is loaded into clang [[THIS]]; rebuild it with -DIRQLCHECK_LLVM_VERSION=[[THIS]] (docs/versions.md)
// OPT: {{^}}irqlcheck: error: this plugin was built for LLVM [[OTHER]] but is loaded into LLVM [[THIS]]; rebuild it with -DIRQLCHECK_LLVM_VERSION=[[THIS]] (docs/versions.md)

int Answer(void) { return 42; }
