// Findings about annotations (irql-annotation-*, function classes, paged
// code) are not reported in the driver kit's headers, even when the kit is
// brought in with -I rather than -isystem: a header is the kit's when its
// directory (or a ddk/ or km/ directory beside it) holds a kit anchor header
// (wdm.h, ntddk.h, ntifs.h, ndis.h, wdf.h, fltKernel.h), or when its path
// goes through "Windows Kits". The user's own headers are still checked, also
// in a project directory beside a vendored ddk/.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: mkdir -p "%t/Windows Kits/10/Include/shared"
// RUN: cp %t/bad.h "%t/Windows Kits/10/Include/shared/winkit.h"
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only -verify \
// RUN:   -I %t/kit -I %t/sdk/shared -I "%t/Windows Kits/10/Include/shared" -I %t/mine \
// RUN:   -I %t/mingw/include -I %t/project/src %t/main.c

//--- kit/wdm.h
#define PASSIVE_LEVEL 0

//--- kit/hidport.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void KitRoutine(void);
_Function_class_(ROLE_A) _Function_class_(ROLE_B) void KitTwoClasses(void);

//--- sdk/km/ntddk.h
/* an anchor only: the km/ directory beside shared/ makes shared/ the kit's */
#define APC_LEVEL 1

//--- sdk/shared/sharedhdr.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void SharedRoutine(void);

//--- mingw/include/ddk/ntddk.h
/* mingw-w64's layout: include/ holds ddk/ */

//--- mingw/include/ntdef.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void MingwRoutine(void);

//--- project/ddk/wdm.h
/* a DDK vendored into the project */

//--- project/src/driver.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void ProjectRoutine(void); // expected-warning {{cannot be evaluated}}

//--- bad.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void WinKitRoutine(void);

//--- mine/own.h
_IRQL_requires_max_(NO_SUCH_LEVEL) void OwnRoutine(void); // expected-warning {{the value of _IRQL_requires_max_ ('NO_SUCH_LEVEL') cannot be evaluated}}
_Function_class_(ROLE_A) _Function_class_(ROLE_B) void OwnTwoClasses(void); // expected-warning {{is given a second function class}} expected-note {{first function class}}

//--- main.c
#include <wdm.h>
#include <hidport.h>
#include <sharedhdr.h>
#include <winkit.h>
#include <own.h>
#include <ntdef.h>
#include <driver.h>
_IRQL_requires_max_(NO_SUCH_LEVEL) void MainRoutine(void); // expected-warning {{cannot be evaluated}}
void Use(void) {
  KitRoutine(); KitTwoClasses(); SharedRoutine(); WinKitRoutine(); OwnRoutine();
  OwnTwoClasses(); MainRoutine(); MingwRoutine(); ProjectRoutine();
}
