; Under opt, notes about a whole function (its declared entry IRQL) point at
; the function's DISubprogram line when the IR has one.
; RUN: opt -load-pass-plugin=%irqlcheck -passes=irql-check -disable-output %s 2>&1 | FileCheck %s
; CHECK: warning: drv.c:12:3: 'f' is annotated to be callable at DISPATCH_LEVEL, but calls 'apc_max', which requires IRQL <= APC_LEVEL [irql-too-high]
; CHECK-NEXT: note: drv.c:10: if 'f' is never called above it, narrow this annotation to _IRQL_requires_max_(APC_LEVEL)

target triple = "x86_64-pc-windows-msvc"

declare void @apc_max() #1

define void @f() #0 !dbg !5 {
  call void @apc_max(), !dbg !8
  ret void
}

attributes #0 = { "irqlcheck.contract"="max=DISPATCH_LEVEL" }
attributes #1 = { "irqlcheck.contract"="max=APC_LEVEL" }

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}
!0 = distinct !DICompileUnit(language: DW_LANG_C11, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "drv.c", directory: "/src")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "f", scope: !1, file: !1, line: 10, type: !6, spFlags: DISPFlagDefinition, unit: !0)
!6 = !DISubroutineType(types: !7)
!7 = !{null}
!8 = !DILocation(line: 12, column: 3, scope: !5)
