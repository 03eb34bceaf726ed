; Correct IR in the shapes the checks look at: nothing may be reported.
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -c -x ir %s -o %t.o 2>&1 | FileCheck %s --allow-empty
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --allow-empty
; CHECK-NOT: {{.}}

target triple = "x86_64-pc-windows-msvc"

declare i8 @KeAcquireSpinLockRaiseToDpc(ptr)
declare void @KeReleaseSpinLock(ptr, i8)
declare void @KeAcquireSpinLockAtDpcLevel(ptr)
declare void @KeReleaseSpinLockFromDpcLevel(ptr)
declare i8 @KfRaiseIrql(i8)
declare void @KeLowerIrql(i8)
declare i8 @KeGetCurrentIrql()
declare i32 @ZwClose(ptr)
declare void @KeAcquireInStackQueuedSpinLock(ptr, ptr)
declare void @KeReleaseInStackQueuedSpinLock(ptr)
declare void @apc_max() #0

; Nested locks released in order, then a PASSIVE-only call.
define void @nested(ptr %a, ptr %b, ptr %h) #1 {
entry:
  %oa = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %a)
  %ob = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %b)
  call void @KeReleaseSpinLock(ptr %b, i8 %ob)
  call void @KeReleaseSpinLock(ptr %a, i8 %oa)
  %r = call i32 @ZwClose(ptr %h)
  ret void
}

; A lock per loop iteration.
define void @loop(ptr %l, i32 %n) #1 {
entry:
  br label %head

head:
  %i = phi i32 [ 0, %entry ], [ %next, %body ]
  %more = icmp slt i32 %i, %n
  br i1 %more, label %body, label %done

body:
  %o = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %l)
  call void @KeReleaseSpinLock(ptr %l, i8 %o)
  %next = add i32 %i, 1
  br label %head

done:
  ret void
}

; In-stack queued spin lock: the saved IRQL lives in the handle (a local).
define void @queued(ptr %l) #1 {
entry:
  %handle = alloca [24 x i8]
  call void @KeAcquireInStackQueuedSpinLock(ptr %l, ptr %handle)
  call void @KeReleaseInStackQueuedSpinLock(ptr %handle)
  ret void
}

; The saved IRQL stored in a structure field.
%struct.ext = type { i64, i8 }
define void @field(ptr %ext) #1 {
entry:
  %irql = getelementptr inbounds %struct.ext, ptr %ext, i32 0, i32 1
  %o = call i8 @KeAcquireSpinLockRaiseToDpc(ptr %ext)
  store i8 %o, ptr %irql
  %v = load i8, ptr %irql
  call void @KeReleaseSpinLock(ptr %ext, i8 %v)
  ret void
}

; Narrowing on KeGetCurrentIrql().
define void @narrow(ptr %h) #2 {
entry:
  %cur = call i8 @KeGetCurrentIrql()
  %passive = icmp eq i8 %cur, 0
  br i1 %passive, label %close, label %done

close:
  %r = call i32 @ZwClose(ptr %h)
  br label %done

done:
  ret void
}

; A DPC: AtDpcLevel routines at DISPATCH_LEVEL; an APC-max call after a
; KeGetCurrentIrql() test that can never hold there.
define void @dpc(ptr %l) #3 {
entry:
  call void @KeAcquireSpinLockAtDpcLevel(ptr %l)
  call void @KeReleaseSpinLockFromDpcLevel(ptr %l)
  %cur = call i8 @KeGetCurrentIrql()
  %low = icmp ult i8 %cur, 2
  br i1 %low, label %apc, label %done

apc:
  call void @apc_max()
  br label %done

done:
  ret void
}

; A raise and its lower around an unknown call.
declare void @unknown()
define void @raise_lower() #1 {
entry:
  %o = call i8 @KfRaiseIrql(i8 15)
  call void @unknown()
  call void @KeLowerIrql(i8 %o)
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=APC_LEVEL" }
attributes #1 = { "irqlcheck.contract"="req=PASSIVE_LEVEL same" }
attributes #2 = { "irqlcheck.contract"="max=DISPATCH_LEVEL" }
attributes #3 = { "irqlcheck.contract"="req=DISPATCH_LEVEL same class=KDEFERRED_ROUTINE" }
