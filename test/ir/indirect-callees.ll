; Calls through function pointers on hand-written IR (no front end): a
; local that holds one function, a field of an internal table filled by its
; initializer and by a store, and what is not followed: a table whose
; address is passed to a call, and a local that holds either of two
; functions at one IRQL.
;
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 \
; RUN:   | FileCheck %s --implicit-check-not=warning:

target triple = "x86_64-pc-windows-msvc"

%ops = type { i32, ptr, ptr }

@table = internal global %ops { i32 24, ptr @passive_only, ptr null }
@escaped = internal global %ops { i32 24, ptr @passive_only, ptr null }

declare i8 @my_lock(ptr) #0
declare void @my_unlock(ptr, i8) #1
declare void @passive_only() #2
declare void @anywhere() #3
declare void @register(ptr)

define void @init() {
entry:
  store ptr @anywhere, ptr getelementptr inbounds (%ops, ptr @table, i32 0, i32 2)
  call void @register(ptr @escaped)
  ret void
}

define void @local(ptr %l) {
entry:
  %p = alloca ptr
  store ptr @passive_only, ptr %p
  %old = call i8 @my_lock(ptr %l)
  %f = load ptr, ptr %p
  call void %f()
  call void @my_unlock(ptr %l, i8 %old)
  ret void
}
; CHECK: warning: in function 'local': 'passive_only' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'local': IRQL set to DISPATCH_LEVEL here by 'my_lock'
; CHECK-NEXT: requirement of 'passive_only' comes from its annotation
; CHECK-NEXT: note: in function 'local': the pointer called there holds 'passive_only', stored here

define void @fields(ptr %l) {
entry:
  %old = call i8 @my_lock(ptr %l)
  %a = load ptr, ptr getelementptr inbounds (%ops, ptr @table, i32 0, i32 1)
  call void %a()
  %b = load ptr, ptr getelementptr inbounds (%ops, ptr @table, i32 0, i32 2)
  call void %b()
  %c = load ptr, ptr getelementptr inbounds (%ops, ptr @escaped, i32 0, i32 1)
  call void %c()
  call void @my_unlock(ptr %l, i8 %old)
  ret void
}
; CHECK: warning: in function 'fields': 'passive_only' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'fields': IRQL set to DISPATCH_LEVEL here by 'my_lock'
; CHECK-NEXT: requirement of 'passive_only' comes from its annotation
; CHECK-NEXT: 'passive_only' is put in table 'table' by its initializer

define void @merged(ptr %l, i1 %c) {
entry:
  %p = alloca ptr
  store ptr @passive_only, ptr %p
  br i1 %c, label %other, label %join
other:
  store ptr @anywhere, ptr %p
  br label %join
join:
  %old = call i8 @my_lock(ptr %l)
  %f = load ptr, ptr %p
  call void %f()
  call void @my_unlock(ptr %l, i8 %old)
  ret void
}

; On the path that keeps the first store the variable holds passive_only:
; the call is made there under the lock (the other path holds anywhere).
; CHECK: warning: in function 'merged': 'passive_only' called at DISPATCH_LEVEL, but it requires IRQL <= PASSIVE_LEVEL [irql-too-high]
; CHECK-NEXT: note: in function 'merged': IRQL set to DISPATCH_LEVEL here by 'my_lock'
; CHECK-NEXT: requirement of 'passive_only' comes from its annotation
; CHECK-NEXT: note: in function 'merged': the pointer called there holds 'passive_only', stored here

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret" }
attributes #1 = { "irqlcheck.contract"="req=DISPATCH_LEVEL restores=arg1" }
attributes #2 = { "irqlcheck.contract"="max=PASSIVE_LEVEL" }
attributes #3 = { "irqlcheck.contract"="max=HIGH_LEVEL" }
