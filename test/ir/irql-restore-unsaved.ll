; irql-restore-unsaved on IR: a restore to a constant, and a restore of a
; value whose raise was already undone.
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

declare i8 @KfRaiseIrql(i8)
declare void @KeLowerIrql(i8)
declare i8 @my_lock(ptr) #0
declare void @my_unlock(ptr, i8) #1

define void @lower_to_constant() !dbg !4 {
entry:
  %old = call i8 @KfRaiseIrql(i8 2), !dbg !10
  call void @KeLowerIrql(i8 0), !dbg !11
  ret void, !dbg !12
}
; CHECK: warning: driver.c:6:3: 'KeLowerIrql' sets the IRQL to the constant PASSIVE_LEVEL instead of restoring the value saved by the matching raise [irql-restore-unsaved]
; CHECK-NEXT: note: driver.c:5:3: IRQL set to DISPATCH_LEVEL here by 'KfRaiseIrql'

; The saved value travels through memory, as at -O0.
define void @unlock_twice(ptr %l) {
entry:
  %slot = alloca i8
  %old = call i8 @my_lock(ptr %l)
  store i8 %old, ptr %slot
  %v1 = load i8, ptr %slot
  call void @my_unlock(ptr %l, i8 %v1)
  %v2 = load i8, ptr %slot
  call void @my_unlock(ptr %l, i8 %v2)
  ret void
}
; CHECK: warning: in function 'unlock_twice': 'my_unlock' restores an IRQL whose raise was already undone [irql-restore-unsaved]
; CHECK-NEXT: note: in function 'unlock_twice': the IRQL was saved here

; Negative: each restore gets the value its raise saved, in stack order.
define void @balanced(ptr %l) {
entry:
  %a = call i8 @KfRaiseIrql(i8 1)
  %b = call i8 @my_lock(ptr %l)
  call void @my_unlock(ptr %l, i8 %b)
  call void @KeLowerIrql(i8 %a)
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret" }
attributes #1 = { "irqlcheck.contract"="req=DISPATCH_LEVEL restores=arg1" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "hand-written", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "driver.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DISubroutineType(types: !{})
!4 = distinct !DISubprogram(name: "lower_to_constant", scope: !1, file: !1, line: 3, type: !3, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 3, scope: !4)
!11 = !DILocation(line: 6, column: 3, scope: !4)
!12 = !DILocation(line: 7, column: 1, scope: !4)
