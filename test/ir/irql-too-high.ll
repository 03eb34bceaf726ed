; irql-too-high on hand-written IR: the contracts come from the
; "irqlcheck.contract" attributes (docs/contract-format.md) and, for routines
; named like kernel routines, from the built-in kernel model. With !dbg
; locations the message carries file:line:col; without, the function name.
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

declare i8 @my_lock(ptr) #0
declare void @my_unlock(ptr, i8) #1
declare void @passive_only() #2
; No attribute: the kernel model knows these.
declare i32 @KeWaitForSingleObject(ptr, i32, i8, i8, ptr)
declare i32 @ZwClose(ptr)

; A lock held across a PASSIVE-only call, located.
define void @under_lock(ptr %l) !dbg !4 {
entry:
  %old = call i8 @my_lock(ptr %l), !dbg !10
  call void @passive_only(), !dbg !11
  call void @my_unlock(ptr %l, i8 %old), !dbg !12
  call void @passive_only(), !dbg !13
  ret void, !dbg !14
}
; CHECK: warning: driver.c:6:3: 'passive_only' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: driver.c:5:3: IRQL set to DISPATCH_LEVEL here by 'my_lock'
; CHECK-NEXT: note: driver.c:6:3: requirement of 'passive_only' comes from its annotation

; The same without debug locations.
define void @under_lock_nodbg(ptr %l, ptr %h) {
entry:
  %old = call i8 @my_lock(ptr %l)
  %r = call i32 @ZwClose(ptr %h)
  call void @my_unlock(ptr %l, i8 %old)
  ret void
}
; CHECK: warning: in function 'under_lock_nodbg': 'ZwClose' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'under_lock_nodbg': IRQL set to DISPATCH_LEVEL here by 'my_lock'
; CHECK-NEXT: requirement of 'ZwClose' comes from the built-in kernel model

; A DPC (its contract says so) waiting with a NULL timeout.
define void @dpc(ptr %obj) #3 {
entry:
  %b = call i32 @KeWaitForSingleObject(ptr %obj, i32 0, i8 0, i8 0, ptr null)
  ret void
}
; CHECK: warning: in function 'dpc': 'KeWaitForSingleObject' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'dpc': 'dpc' runs at DISPATCH_LEVEL (its annotations or function class)
; CHECK-NEXT: requirement of 'KeWaitForSingleObject' comes from the built-in kernel model

; Negative: a zero timeout only polls, which DISPATCH_LEVEL allows.
define void @dpc_poll(ptr %obj) #3 {
entry:
  %zero = alloca i64
  store i64 0, ptr %zero
  %a = call i32 @KeWaitForSingleObject(ptr %obj, i32 0, i8 0, i8 0, ptr %zero)
  ret void
}

; The declared range: annotated up to DISPATCH_LEVEL, calls an APC_LEVEL-max
; routine.
declare void @apc_max() #4
define void @declared_range() #5 {
entry:
  call void @apc_max()
  ret void
}
; CHECK: warning: in function 'declared_range': 'declared_range' is annotated to be callable at DISPATCH_LEVEL, but calls 'apc_max', which requires IRQL <= APC_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'declared_range': if 'declared_range' is never called above it, narrow this annotation to _IRQL_requires_max_(APC_LEVEL)

; Negative: no contract on the function itself, nothing raised.
define void @unannotated() {
entry:
  call void @apc_max()
  call void @passive_only()
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret" }
attributes #1 = { "irqlcheck.contract"="req=DISPATCH_LEVEL restores=arg1" }
attributes #2 = { "irqlcheck.contract"="max=PASSIVE_LEVEL" }
attributes #3 = { "irqlcheck.contract"="req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE" }
attributes #4 = { "irqlcheck.contract"="max=APC_LEVEL" }
attributes #5 = { "irqlcheck.contract"="max=DISPATCH_LEVEL" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "hand-written", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "driver.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DISubroutineType(types: !{})
!4 = distinct !DISubprogram(name: "under_lock", scope: !1, file: !1, line: 3, type: !3, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 3, scope: !4)
!11 = !DILocation(line: 6, column: 3, scope: !4)
!12 = !DILocation(line: 7, column: 3, scope: !4)
!13 = !DILocation(line: 8, column: 3, scope: !4)
!14 = !DILocation(line: 9, column: 1, scope: !4)
