; irql-raise-to-lower on IR: a raises=V routine called above V. KfRaiseIrql
; comes from the kernel model ("max=HIGH_LEVEL raises=arg0 saves=ret"), so
; its raise level is the constant argument; my_raise_to_apc has it in its
; attribute (with the implied maximum of DISPATCH_LEVEL).
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

declare i8 @KfRaiseIrql(i8)
declare void @KeLowerIrql(i8)
declare i8 @my_raise_to_apc() #0
declare void @my_lower(i8) #1

; At DISPATCH_LEVEL (its contract), KfRaiseIrql(APC_LEVEL) would lower.
define void @at_dispatch() #2 !dbg !4 {
entry:
  %old = call i8 @KfRaiseIrql(i8 1), !dbg !10
  call void @KeLowerIrql(i8 %old), !dbg !11
  %old2 = call i8 @my_raise_to_apc(), !dbg !12
  call void @my_lower(i8 %old2), !dbg !13
  ret void, !dbg !14
}
; CHECK: warning: driver.c:5:3: 'KfRaiseIrql' raises to APC_LEVEL but is called at DISPATCH_LEVEL: it would lower the IRQL (use KeLowerIrql with the saved value) [irql-raise-to-lower]
; CHECK: warning: driver.c:7:3: 'my_raise_to_apc' raises to APC_LEVEL but is called at DISPATCH_LEVEL: it would lower the IRQL (use KeLowerIrql with the saved value) [irql-raise-to-lower]
; CHECK-NEXT: note: driver.c:6:3: IRQL set to DISPATCH_LEVEL here by 'KeLowerIrql'

; After raising to HIGH_LEVEL, "raising" to DISPATCH_LEVEL lowers.
define void @after_raise() {
entry:
  %a = call i8 @KfRaiseIrql(i8 15)
  %b = call i8 @KfRaiseIrql(i8 2)
  call void @KeLowerIrql(i8 %b)
  call void @KeLowerIrql(i8 %a)
  ret void
}
; CHECK: warning: in function 'after_raise': 'KfRaiseIrql' raises to DISPATCH_LEVEL but is called at HIGH_LEVEL
; CHECK-NEXT: note: in function 'after_raise': IRQL set to HIGH_LEVEL here by 'KfRaiseIrql'

; Negatives: raising from PASSIVE_LEVEL, raising to the current level, and an
; unannotated function (entry IRQL unknown).
define void @from_passive() #3 {
entry:
  %a = call i8 @KfRaiseIrql(i8 1)
  call void @KeLowerIrql(i8 %a)
  ret void
}

define void @to_same() #2 {
entry:
  %a = call i8 @KfRaiseIrql(i8 2)
  call void @KeLowerIrql(i8 %a)
  ret void
}

define void @unknown_entry() {
entry:
  %a = call i8 @KfRaiseIrql(i8 1)
  call void @KeLowerIrql(i8 %a)
  ret void
}

attributes #0 = { "irqlcheck.contract"="raises=APC_LEVEL saves=ret" }
attributes #1 = { "irqlcheck.contract"="restores=arg0" }
attributes #2 = { "irqlcheck.contract"="req=DISPATCH_LEVEL" }
attributes #3 = { "irqlcheck.contract"="req=PASSIVE_LEVEL" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "hand-written", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "driver.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DISubroutineType(types: !{})
!4 = distinct !DISubprogram(name: "at_dispatch", scope: !1, file: !1, line: 3, type: !3, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 3, scope: !4)
!11 = !DILocation(line: 6, column: 3, scope: !4)
!12 = !DILocation(line: 7, column: 3, scope: !4)
!13 = !DILocation(line: 8, column: 3, scope: !4)
!14 = !DILocation(line: 9, column: 1, scope: !4)
