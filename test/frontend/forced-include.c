// A header forced in with -include (clang-cl /FI), as builds do for a common
// header, defines the SAL macros (mingw-w64's driverspecs.h, or our WDK-style
// headers) before any line of the source. The plugin's own definitions must
// come first, as for an #include in the source: otherwise each was a
// -Wmacro-redefined warning in <built-in>, which fails a -Werror build.
//
// Negative: no warning at all, -Werror holds, with either header set and
// with clang-cl's /FI.
// RUN: %clang %mingw_ddk -Werror -Wall -include wdm.h -fplugin=%irqlcheck -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: %clang --target=x86_64-pc-windows-msvc -fms-extensions -isystem %inputs/wdk -Werror -Wall \
// RUN:   -include wdm.h -fplugin=%irqlcheck -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=QUIET
// RUN: %clang_cl /c /W4 /WX /Fo%t.obj /I %inputs/wdk /FIwdm.h /clang:-fplugin=%irqlcheck -- %s 2>&1 \
// RUN:   | FileCheck %s --allow-empty --check-prefix=QUIET
// QUIET-NOT: warning
// QUIET-NOT: error
//
// Positive: the annotations are still read through the forced header, so the
// bug below is still found.
// RUN: %clang %mingw_ddk -DBUG -include wdm.h -fplugin=%irqlcheck -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BUG
// RUN: %clang_cl /c /W4 /Fo%t.obj /I %inputs/wdk /FIwdm.h /clang:-fplugin=%irqlcheck -DBUG -- %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BUG
// BUG-NOT: macro redefined
// BUG: forced-include.c{{[:(]}}[[@LINE+10]]{{[:,]}}{{[0-9]+}}{{\)?}}: warning: {{.*}}'Helper'{{.*}}DISPATCH_LEVEL{{.*}}[irql-too-high]
// BUG-NOT: macro redefined

_IRQL_requires_max_(PASSIVE_LEVEL)
void Helper(void) {}

void Run(PKSPIN_LOCK Lock) {
  KIRQL Old;
  KeAcquireSpinLock(Lock, &Old);
#ifdef BUG
  Helper();
#endif
  KeReleaseSpinLock(Lock, Old);
}
