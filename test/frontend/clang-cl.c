// clang-cl: the plugin loads with /clang:-fplugin= (or -Xclang -load), takes
// its arguments as /clang:-fplugin-arg-irqlcheck-ARG (or -Xclang
// -plugin-arg-irqlcheck -Xclang ARG), and reports in the MSVC file(line,col)
// format. Compiled with the WDK-style headers, as a WDK driver would be.
//
// RUN: %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   /clang:-fplugin-arg-irqlcheck-dump-contracts -- %s 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=DIAG < %t.err
// RUN: %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk -Xclang -load -Xclang %irqlcheck \
// RUN:   -Xclang -plugin-arg-irqlcheck -Xclang dump-contracts -- %s 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=DIAG < %t.err
// RUN: %clang_cl --target=i686-pc-windows-msvc /c /W4 /Fo%t.obj /I %inputs/wdk \
// RUN:   /clang:-fplugin=%irqlcheck /clang:-fplugin-arg-irqlcheck-dump-contracts -- %s 2>%t.err \
// RUN:   | FileCheck %s
// RUN: FileCheck %s --check-prefix=DIAG < %t.err
//
// The checks can be selected the clang-cl way too.
// RUN: %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk /clang:-fplugin=%irqlcheck \
// RUN:   /clang:-fplugin-arg-irqlcheck-disable=C28151 -- %s 2>&1 | count 0
// RUN: not %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk /clang:-fplugin=%irqlcheck /WX -- %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=WX
//
// Negative: -fplugin= itself is not a clang-cl option; the plugin is not loaded.
// RUN: %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk -fplugin=%irqlcheck -- %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=IGNORED
// IGNORED: warning: unknown argument ignored in clang-cl: '-fplugin={{.*}}'
// IGNORED-NOT: irql-annotation-value

#include <ntddk.h>

KDEFERRED_ROUTINE MyDpc;
// CHECK: contract MyDpc: {{.*}}req=DISPATCH_LEVEL{{.*}}class=KDEFERRED_ROUTINE

_IRQL_requires_max_(99) VOID BadAnnotation(VOID);
// DIAG: clang-cl.c([[@LINE-1]],1): warning: 99 is not a legal IRQL (_IRQL_requires_max_); levels on this target are 0 to {{15|31}} (HIGH_LEVEL) [irql-annotation-value] [-Wbackend-plugin]
// DIAG-NOT: warning:
// WX: clang-cl.c([[@LINE-3]],1): error: 99 is not a legal IRQL{{.*}} [irql-annotation-value] [-Werror,-Wbackend-plugin]

VOID MyDpc(PKDPC Dpc, PVOID Context, PVOID Arg1, PVOID Arg2) {
  UNREFERENCED_PARAMETER(Dpc);
  UNREFERENCED_PARAMETER(Context);
  UNREFERENCED_PARAMETER(Arg1);
  UNREFERENCED_PARAMETER(Arg2);
}
