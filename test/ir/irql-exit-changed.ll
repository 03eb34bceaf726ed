; irql-exit-changed on IR: a function without a contract returns with a lock
; held on one path. Each edge into the shared return block is judged on its
; own, and the finding is placed at the branch of the leaking path (the
; `return` statement it was compiled from).
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=warning:
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

declare i8 @KeAcquireSpinLockRaiseToDpc(ptr)
declare void @KeReleaseSpinLock(ptr, i8)
declare i32 @validate(ptr)

define i32 @enqueue(ptr %lock, ptr %ctx) !dbg !4 {
entry:
  %old = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %lock), !dbg !10
  %st = call i32 @validate(ptr %ctx), !dbg !11
  %bad = icmp slt i32 %st, 0, !dbg !12
  br i1 %bad, label %error, label %ok, !dbg !12

error:
  br label %exit, !dbg !13

ok:
  call void @KeReleaseSpinLock(ptr %lock, i8 %old), !dbg !14
  br label %exit, !dbg !15

exit:
  %r = phi i32 [ %st, %error ], [ 0, %ok ]
  ret i32 %r, !dbg !16
}
; CHECK: warning: driver.c:8:5: 'enqueue' returns at DISPATCH_LEVEL, not at the IRQL it was entered at (the IRQL saved by 'KeAcquireSpinLockRaiseToDpc' is never restored on this path) [irql-exit-changed]
; CHECK-NEXT: note: driver.c:5:3: IRQL set to DISPATCH_LEVEL here by 'KeAcquireSpinLockRaiseToDpc'

; A function whose contract says "same" gets irql-exit-not-same instead.
define void @same_leaks(ptr %lock) #0 {
entry:
  %old = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %lock)
  ret void
}
; CHECK: warning: in function 'same_leaks': 'same_leaks' returns at DISPATCH_LEVEL, not at the IRQL it was entered at {{.*}}[irql-exit-not-same]

; Negative: released on both paths.
define i32 @enqueue_fixed(ptr %lock, ptr %ctx) {
entry:
  %old = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %lock)
  %st = call i32 @validate(ptr %ctx)
  %bad = icmp slt i32 %st, 0
  br i1 %bad, label %error, label %ok

error:
  call void @KeReleaseSpinLock(ptr %lock, i8 %old)
  br label %exit

ok:
  call void @KeReleaseSpinLock(ptr %lock, i8 %old)
  br label %exit

exit:
  %r = phi i32 [ %st, %error ], [ 0, %ok ]
  ret i32 %r
}

; Negative: conditional lock and unlock on the same condition.
define void @maybe_locked(ptr %lock, i1 %locked) {
entry:
  %slot = alloca i8
  br i1 %locked, label %acq, label %work

acq:
  %old = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %lock)
  store i8 %old, ptr %slot
  br label %work

work:
  br i1 %locked, label %rel, label %done

rel:
  %v = load i8, ptr %slot
  call void @KeReleaseSpinLock(ptr %lock, i8 %v)
  br label %done

done:
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL same" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2}
!0 = distinct !DICompileUnit(language: DW_LANG_C99, file: !1, producer: "hand-written", isOptimized: false, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "driver.c", directory: "/src")
!2 = !{i32 2, !"Debug Info Version", i32 3}
!3 = !DISubroutineType(types: !{})
!4 = distinct !DISubprogram(name: "enqueue", scope: !1, file: !1, line: 3, type: !3, scopeLine: 3, spFlags: DISPFlagDefinition, unit: !0)
!10 = !DILocation(line: 5, column: 3, scope: !4)
!11 = !DILocation(line: 6, column: 12, scope: !4)
!12 = !DILocation(line: 7, column: 7, scope: !4)
!13 = !DILocation(line: 8, column: 5, scope: !4)
!14 = !DILocation(line: 9, column: 3, scope: !4)
!15 = !DILocation(line: 10, column: 3, scope: !4)
!16 = !DILocation(line: 11, column: 1, scope: !4)
