// A function body in a system header is never checked by its body, even
// when CodeGen emits it though nothing in the user's code reaches it (an
// external, non-inline definition in a header, mentioned only by an unused
// inline function or by nothing at all). The same header included as user
// code is checked.
//
// RUN: rm -rf %t && split-file %s %t
// RUN: %clang %mingw_ddk -isystem %t/sys -Werror -c %t/main.c -o %t/sys.o -fplugin=%irqlcheck \
// RUN:   -fplugin-arg-irqlcheck-sarif=%t/sys.sarif
// RUN: FileCheck %s --check-prefix=SARIF < %t/sys.sarif
// RUN: not %clang %mingw_ddk -I %t/sys -Werror -c %t/main.c -o %t/user.o -fplugin=%irqlcheck 2>&1 \
// RUN:   | FileCheck %s --check-prefix=USER
//
// SARIF: "results": []
// USER-DAG: defs.h:7:3: error: 'ZwClose' called at DISPATCH_LEVEL
// USER-DAG: defs.h:14:3: error: 'ZwClose' called at DISPATCH_LEVEL

//--- sys/defs.h
#include <ntddk.h>
KSPIN_LOCK HeaderLock;

void MentionedByUnusedInline(HANDLE H) {
  KIRQL Old;
  KeAcquireSpinLock(&HeaderLock, &Old);
  ZwClose(H);
  KeReleaseSpinLock(&HeaderLock, Old);
}

void NeverMentioned(HANDLE H) {
  KIRQL Old;
  KeAcquireSpinLock(&HeaderLock, &Old);
  ZwClose(H);
  KeReleaseSpinLock(&HeaderLock, Old);
}

static __inline void UnusedInline(void) { MentionedByUnusedInline(0); }

//--- main.c
#include <defs.h>
void UserFunction(void) {}
