; The pass never changes code; it writes each function's contract back as the
; "irqlcheck.contract" string attribute. An attribute already in canonical
; form comes out unchanged; a routine the kernel model knows gets its
; contract added; a function with no contract gets none.
;
; RUN: %clang --target=x86_64-pc-windows-msvc -fpass-plugin=%irqlcheck -Wno-override-module \
; RUN:   -S -emit-llvm -x ir %s -o - | FileCheck %s
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -S %s \
; RUN:   | FileCheck %s

target triple = "x86_64-pc-windows-msvc"

; CHECK-DAG: declare {{.*}}i8 @my_lock(ptr{{.*}}) [[LOCK:#[0-9]+]]
; CHECK-DAG: declare {{.*}}void @my_unlock(ptr{{.*}}, i8{{.*}}) [[UNLOCK:#[0-9]+]]
; CHECK-DAG: declare {{.*}}void @my_try(ptr{{.*}}) [[TRY:#[0-9]+]]
; CHECK-DAG: declare {{.*}}i32 @KeWaitForSingleObject(ptr{{.*}}, i32{{.*}}, i8{{.*}}, i8{{.*}}, ptr{{.*}}) [[WAIT:#[0-9]+]]
; CHECK-DAG: declare {{.*}}void @no_contract()
; CHECK-NOT: declare {{.*}}@no_contract() #
declare i8 @my_lock(ptr) #0
declare void @my_unlock(ptr, i8) #1
declare void @my_try(ptr) #2
declare i32 @KeWaitForSingleObject(ptr, i32, i8, i8, ptr)
declare void @no_contract()

; CHECK: define void @user(ptr %l) [[USER:#[0-9]+]] {
; CHECK-NEXT: entry:
; CHECK-NEXT:   %old = call i8 @my_lock(ptr %l)
; CHECK-NEXT:   call void @my_unlock(ptr %l, i8 %old)
; CHECK-NEXT:   ret void
define void @user(ptr %l) #3 {
entry:
  %old = call i8 @my_lock(ptr %l)
  call void @my_unlock(ptr %l, i8 %old)
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret" }
attributes #1 = { "irqlcheck.contract"="req=DISPATCH_LEVEL restores=arg1" }
attributes #2 = { "irqlcheck.contract"="max=APC_LEVEL raises=APC_LEVEL saves-global=FastMutexObject:arg0 try" }
attributes #3 = { "irqlcheck.contract"="max=PASSIVE_LEVEL same class=DRIVER_UNLOAD" }

; CHECK-DAG: attributes [[LOCK]] = { "irqlcheck.contract"="max=DISPATCH_LEVEL raises=DISPATCH_LEVEL saves=ret" }
; CHECK-DAG: attributes [[UNLOCK]] = { "irqlcheck.contract"="req=DISPATCH_LEVEL restores=arg1" }
; CHECK-DAG: attributes [[TRY]] = { "irqlcheck.contract"="max=APC_LEVEL raises=APC_LEVEL saves-global=FastMutexObject:arg0 try" }
; CHECK-DAG: attributes [[USER]] = { "irqlcheck.contract"="max=PASSIVE_LEVEL same class=DRIVER_UNLOAD" }
; CHECK-DAG: attributes [[WAIT]] = { "irqlcheck.contract"="max=DISPATCH_LEVEL if(arg4:timeout-nonzero):max=APC_LEVEL" }
