// The plugin never changes the object file: compiled with and without it,
// objects are byte-identical at -O0 and -O2, with and without debug info,
// even when it reports findings. Checked on the example driver (which has
// deliberate IRQL bugs) for x86_64-w64-mingw32 with the real mingw-w64 DDK
// headers and for x86_64/i686-pc-windows-msvc and clang-cl with the
// WDK-style headers. (COFF objects for MSVC targets carry a timestamp unless
// built reproducibly: -mno-incremental-linker-compatible, clang-cl /Brepro.
// CodeView records the compiler command line; the plugin keeps its own
// arguments out of that record.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cp %srcroot/docs/examples/example_driver.c driver.c
//
// RUN: %clang %mingw_ddk -w -O0 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang %mingw_ddk -w -O0 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang %mingw_ddk -w -O2 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang %mingw_ddk -w -O2 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang %mingw_ddk -w -O0 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang %mingw_ddk -w -O0 -g -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang %mingw_ddk -w -O2 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang %mingw_ddk -w -O2 -g -c driver.c -o x.o -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-dump-contracts > /dev/null && cmp plain.o x.o
//
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -g -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=x86_64-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -g -c driver.c -o x.o -fplugin=%irqlcheck -fplugin-arg-irqlcheck-disable=C28151 && cmp plain.o x.o
//
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O0 -g -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -g -c driver.c -o x.o && mv x.o plain.o
// RUN: %clang --target=i686-pc-windows-msvc -mno-incremental-linker-compatible -I %inputs/wdk -w -O2 -g -c driver.c -o x.o -fplugin=%irqlcheck && cmp plain.o x.o
//
// clang-cl, both ways of loading the plugin.
// RUN: %clang_cl /c /Brepro /Od /I %inputs/wdk /w /Fox.obj -- driver.c && mv x.obj plain.obj
// RUN: %clang_cl /c /Brepro /Od /I %inputs/wdk /w /Fox.obj /clang:-fplugin=%irqlcheck -- driver.c && cmp plain.obj x.obj
// RUN: %clang_cl /c /Brepro /O2 /Z7 /I %inputs/wdk /w /Fox.obj -- driver.c && mv x.obj plain.obj
// RUN: %clang_cl /c /Brepro /O2 /Z7 /I %inputs/wdk /w /Fox.obj /clang:-fplugin=%irqlcheck \
// RUN:   /clang:-fplugin-arg-irqlcheck-disable=C28151 -- driver.c && cmp plain.obj x.obj
// RUN: %clang_cl /c /Brepro /O2 /Z7 /I %inputs/wdk /w /Fox.obj -Xclang -load -Xclang %irqlcheck \
// RUN:   -Xclang -plugin-arg-irqlcheck -Xclang dump-contracts -- driver.c > /dev/null && cmp plain.obj x.obj
//
// Negative: the comparison is meaningful; the plugin did run and report.
// RUN: %clang --target=x86_64-pc-windows-msvc -I %inputs/wdk -O2 -c driver.c -o x.o \
// RUN:   -fplugin=%irqlcheck 2>&1 | FileCheck %s
// CHECK: warning: {{.*}}[irql-too-high] [-Wbackend-plugin]
