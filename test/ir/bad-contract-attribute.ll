; A contract attribute that does not parse is an error that names the
; function and the problem; the function is then checked as if it had none.
;
; RUN: not %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s
; RUN: not opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s

target triple = "x86_64-pc-windows-msvc"

declare void @typo() #0

define void @user() {
entry:
  call void @typo()
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPACH_LEVEL" }
; CHECK: error: irqlcheck: bad irqlcheck.contract on 'typo': {{.*}}DISPACH_LEVEL
