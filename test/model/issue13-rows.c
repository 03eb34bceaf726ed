// Rows added to the kernel model for issue 13, used from real code with the
// real mingw-w64 headers (no annotations: the model decides). Each routine is
// called where its page allows it (silent) and once where it is really wrong.
// RUN: %clang %mingw_ddk -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o
// RUN: %clang %mingw32_ddk -Wno-#warnings -fplugin=%irqlcheck -Xclang -verify -c %s -o %t.o

#include <ntifs.h>

static KSPIN_LOCK Lock;
static LIST_ENTRY Pending;

// IoGetInitialStack (<= APC_LEVEL) was missing before issue 13.
VOID InitialStack(VOID) {
  KIRQL Old;
  PVOID Base = IoGetInitialStack();
  KeAcquireSpinLock(&Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  Base = IoGetInitialStack(); // expected-warning {{'IoGetInitialStack' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  KeReleaseSpinLock(&Lock, Old);
  (void)Base;
}

// The list macros run at any IRQL on resident lists (RemoveHeadList's page).
VOID ListsUnderLock(PLIST_ENTRY Entry) {
  KIRQL Old;
  KeAcquireSpinLock(&Lock, &Old);
  InsertTailList(&Pending, Entry);
  if (!IsListEmpty(&Pending))
    RemoveHeadList(&Pending);
  KeReleaseSpinLock(&Lock, Old);
}

// KeQueryLogicalProcessorRelationship: <= DISPATCH_LEVEL; RtlUnicodeToOemN:
// < DISPATCH_LEVEL (APC_LEVEL is fine, DISPATCH_LEVEL is not).
VOID Conversions(PCHAR Oem, PWCH Wide) {
  KIRQL Old;
  ULONG Length = 0;
  KeRaiseIrql(APC_LEVEL, &Old);
  RtlUnicodeToOemN(Oem, 16, NULL, Wide, 32);
  KeLowerIrql(Old);
  KeAcquireSpinLock(&Lock, &Old); // expected-note {{IRQL set to DISPATCH_LEVEL here}}
  KeQueryLogicalProcessorRelationship(NULL, RelationAll, NULL, &Length);
  RtlUnicodeToOemN(Oem, 16, NULL, Wide, 32); // expected-warning {{'RtlUnicodeToOemN' called at DISPATCH_LEVEL, but it requires IRQL <= APC_LEVEL}} expected-note {{built-in kernel model}}
  KeReleaseSpinLock(&Lock, Old);
}

// FsRtlIsNameInExpression is PASSIVE_LEVEL only (its page).
BOOLEAN Matches(PUNICODE_STRING Expression, PUNICODE_STRING Name) {
  KIRQL Old;
  BOOLEAN Result = FsRtlIsNameInExpression(Expression, Name, TRUE, NULL);
  KeRaiseIrql(APC_LEVEL, &Old); // expected-note {{IRQL set to APC_LEVEL here}}
  Result = FsRtlIsNameInExpression(Expression, Name, TRUE, NULL); // expected-warning {{'FsRtlIsNameInExpression' called at APC_LEVEL, but it requires IRQL <= PASSIVE_LEVEL}} expected-note {{built-in kernel model}}
  KeLowerIrql(Old);
  return Result;
}
