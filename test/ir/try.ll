; The `try` contract item: a try-acquire changes the IRQL only when it
; returns non-zero. The state splits on its result, and a branch on the
; result selects the side.
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

declare i8 @my_try_acquire(ptr) #0
declare void @my_release(ptr) #1
declare void @passive_only() #2

; Acquired: at APC_LEVEL, so a PASSIVE-only call is reported there, and only
; there; the failure side is still at PASSIVE_LEVEL.
define void @use_try(ptr %m) #3 !dbg !4 {
entry:
  %got = call i8 @my_try_acquire(ptr %m), !dbg !10
  %ok = icmp ne i8 %got, 0, !dbg !11
  br i1 %ok, label %locked, label %busy, !dbg !11

locked:
  call void @passive_only(), !dbg !12
  call void @my_release(ptr %m), !dbg !13
  br label %exit, !dbg !13

busy:
  call void @passive_only(), !dbg !14
  br label %exit, !dbg !14

exit:
  ret void, !dbg !15
}
; CHECK: warning: driver.c:7:5: 'passive_only' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: driver.c:5:7: IRQL set to APC_LEVEL here by 'my_try_acquire'

; Acquired but not released on the success path: the exit is reported on
; that path only.
define void @leak_on_success(ptr %m) #3 !dbg !5 {
entry:
  %got = call i8 @my_try_acquire(ptr %m), !dbg !20
  %ok = icmp eq i8 %got, 0, !dbg !21
  br i1 %ok, label %busy, label %locked, !dbg !21

busy:
  br label %exit, !dbg !22

locked:
  br label %exit, !dbg !23

exit:
  ret void, !dbg !24
}
; CHECK: warning: driver.c:25:5: 'leak_on_success' returns at APC_LEVEL, not at the IRQL it was entered at {{.*}}[irql-exit-not-same]

; Negative: the early return when the try failed has nothing to release.
define void @early_out(ptr %m) #3 {
entry:
  %got = call i8 @my_try_acquire(ptr %m)
  %tobool = icmp eq i8 %got, 0
  br i1 %tobool, label %fail, label %locked

fail:
  ret void

locked:
  call void @my_release(ptr %m)
  ret void
}

; Negative: the result kept in a local and tested twice (as at -O0).
define void @tested_twice(ptr %m) #3 {
entry:
  %slot = alloca i8
  %got = call i8 @my_try_acquire(ptr %m)
  store i8 %got, ptr %slot
  %a = load i8, ptr %slot
  %c1 = icmp ne i8 %a, 0
  br i1 %c1, label %work, label %mid

work:
  br label %mid

mid:
  %b = load i8, ptr %slot
  %c2 = icmp ne i8 %b, 0
  br i1 %c2, label %rel, label %exit

rel:
  call void @my_release(ptr %m)
  br label %exit

exit:
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=APC_LEVEL raises=APC_LEVEL saves-global=FastMutexObject:arg0 try" }
attributes #1 = { "irqlcheck.contract"="req=APC_LEVEL restores-global=FastMutexObject:arg0" }
attributes #2 = { "irqlcheck.contract"="max=PASSIVE_LEVEL" }
attributes #3 = { "irqlcheck.contract"="max=PASSIVE_LEVEL same" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "hand-written", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "driver.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DISubroutineType(types: !{})
!4 = distinct !DISubprogram(name: "use_try", scope: !1, file: !1, line: 3, type: !3, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!5 = distinct !DISubprogram(name: "leak_on_success", scope: !1, file: !1, line: 20, type: !3, scopeLine: 20, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 7, scope: !4)
!11 = !DILocation(line: 5, column: 7, scope: !4)
!12 = !DILocation(line: 7, column: 5, scope: !4)
!13 = !DILocation(line: 8, column: 5, scope: !4)
!14 = !DILocation(line: 10, column: 5, scope: !4)
!15 = !DILocation(line: 12, column: 1, scope: !4)
!20 = !DILocation(line: 22, column: 7, scope: !5)
!21 = !DILocation(line: 22, column: 7, scope: !5)
!22 = !DILocation(line: 23, column: 5, scope: !5)
!23 = !DILocation(line: 25, column: 5, scope: !5)
!24 = !DILocation(line: 26, column: 1, scope: !5)
