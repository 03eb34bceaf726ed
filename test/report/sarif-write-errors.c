// A SARIF log that cannot be written is an error through clang's
// diagnostics, never a crash; a log is replaced atomically (a temporary file
// in the same directory, renamed into place), and sarif= given twice warns
// that only the last path gets the log.
//
// A full device, a missing directory, a file in a directory nobody may create
// files in: one clear error each, no stack dump.
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=/dev/full -c %s -o %t.o 2>&1 \
// RUN:   | FileCheck %s --check-prefix=FULL --implicit-check-not=PLEASE --implicit-check-not='Stack dump'
// FULL: error: irqlcheck: cannot write SARIF log '/dev/full': No space left on device
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.missing/log.sarif -c %s \
// RUN:   -o %t.o 2>&1 | FileCheck %s --check-prefix=MISSING --implicit-check-not=PLEASE
// MISSING: error: irqlcheck: cannot write SARIF log '{{.*}}missing/log.sarif': cannot create a temporary file next to it: No such file or directory
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=/proc/version -fsyntax-only %s \
// RUN:   2>&1 | FileCheck %s --check-prefix=PROC --implicit-check-not=PLEASE
// PROC: error: irqlcheck: cannot write SARIF log '/proc/version': cannot create a temporary file next to it
//
// Replaced, not rewritten in place: the log is a new file (a reader of the
// old one, here a hard link to it, never sees it change or torn), and no
// temporary file is left behind.
// RUN: rm -rf %t.dir %t.old && mkdir %t.dir && echo old > %t.dir/log.sarif
// RUN: ln %t.dir/log.sarif %t.old
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.dir/log.sarif -c %s -o %t.o
// RUN: echo old | diff - %t.old
// RUN: ls %t.dir | FileCheck %s --check-prefix=LS
// LS: log.sarif
// LS-NOT: tmp
// RUN: /usr/bin/python3 %S/Inputs/check_sarif.py %t.dir/log.sarif %S/Inputs/sarif-2.1.0-subset.schema.json | FileCheck %s --check-prefix=VALID
// VALID: valid
//
// Parallel compiles writing one path leave one complete log.
// RUN: for i in 1 2 3 4 5 6; do (%clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.dir/log.sarif -c %s -o %t.$i.o &) ; done; wait
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.dir/log.sarif -c %s -o %t.o
// RUN: /usr/bin/python3 %S/Inputs/check_sarif.py %t.dir/log.sarif %S/Inputs/sarif-2.1.0-subset.schema.json | FileCheck %s --check-prefix=VALID
//
// A path that is not a regular file is written in place, not replaced.
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=/dev/stdout -fsyntax-only %s | FileCheck %s --check-prefix=STDOUT
// STDOUT: "version": "2.1.0"
//
// sarif= twice: the last wins, with a warning that names both.
// RUN: rm -f %t.first.sarif %t.last.sarif
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.first.sarif \
// RUN:   -fplugin-arg-irqlcheck-sarif=%t.last.sarif -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: warning: irqlcheck: sarif= given more than once; only the last log ('{{.*}}last.sarif') is written, not '{{.*}}first.sarif' [-Wbackend-plugin]
// RUN: test -f %t.last.sarif && not test -e %t.first.sarif
// An empty path is an error, not a log silently not written.
// RUN: not %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif= -fsyntax-only %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=EMPTY
// EMPTY: error: irqlcheck: plugin argument 'sarif=' needs a path
// The same path twice is no conflict.
// RUN: %clang -fplugin=%irqlcheck -fplugin-arg-irqlcheck-sarif=%t.last.sarif \
// RUN:   -fplugin-arg-irqlcheck-sarif=%t.last.sarif -c %s -o %t.o 2>&1 | count 0

int Clean(int X) { return X + 1; }
