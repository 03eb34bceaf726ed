; opt has no Clang in it: IrqlCheck.so must load there all the same (the
; pass, IrqlCheckPassPlugin.so, which it loads, has no Clang symbol; the Clang
; half is the separate IrqlCheckFrontend.so, loaded only inside Clang), and the
; pass must register under the pipeline name irql-check.
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 | count 0
; RUN: nm -D --undefined-only %irql_build/plugin/IrqlCheckPassPlugin%pluginext | not grep -q clang

target triple = "x86_64-pc-windows-msvc"
define void @f() {
  ret void
}
