// Well-known level names that are no constant where irqlcheck evaluates them
// mean what they mean on the target: DIRQL (no header defines it), SYNCH_LEVEL
// (12 on x64, 27 on x86) when the level it is built from is missing, and
// PASSIVE_LEVEL in a header read before the one that defines it (a HID
// header before wdm.h). No irql-annotation-unevaluable for them; a name the
// level table does not know is still reported.
//
// RUN: %clang_cc1 -triple x86_64-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts -verify %s | FileCheck %s --check-prefixes=CHECK,X64
// RUN: %clang_cc1 -triple i686-pc-windows-msvc -load %irqlcheck -fsyntax-only \
// RUN:   -plugin-arg-irqlcheck dump-contracts -verify %s | FileCheck %s --check-prefixes=CHECK,X86

// No header defines any level here.
_IRQL_requires_max_(DIRQL) void DeviceLevel(void);
_IRQL_requires_max_(SYNCH_LEVEL) void Synch(void);
_IRQL_requires_(PASSIVE_LEVEL) void Passive(void);
_IRQL_requires_max_(DISPATCH_LEVEL) void Dispatch(void);
// IPI_LEVEL is missing, so the header's SYNCH_LEVEL is not a constant.
#define MY_SYNCH (IPI_LEVEL - 2)
_IRQL_requires_max_(MY_SYNCH) void SynchBuilt(void);
// DIRQL is any device IRQL: exactly DIRQL is the range 3..DIRQL, at least
// DIRQL is at least the lowest of them.
_IRQL_requires_(DIRQL) void AnyDeviceLevel(void);
_IRQL_requires_min_(DIRQL) void AtLeastDevice(void); // expected-warning {{is above the implied _IRQL_requires_max_(DISPATCH_LEVEL)}}
// The values are the target's: SYNCH_LEVEL - 2 is 10 on x64, 25 on x86.
_IRQL_requires_max_(SYNCH_LEVEL - 2) void BelowSynch(void);
_IRQL_requires_max_(DIRQL - 1) void BelowDirql(void);
_IRQL_requires_max_(NO_SUCH_LEVEL) void Unknown(void); // expected-warning {{the value of _IRQL_requires_max_ ('NO_SUCH_LEVEL') cannot be evaluated to a constant}}

void Use(void) {
  DeviceLevel(); Synch(); Passive(); Dispatch(); SynchBuilt(); AnyDeviceLevel(); AtLeastDevice(); BelowSynch(); BelowDirql();
  Unknown();
}

// CHECK: contract DeviceLevel: max=DIRQL{{$}}
// CHECK-NEXT: contract Synch: max=SYNCH_LEVEL{{$}}
// CHECK-NEXT: contract Passive: req=PASSIVE_LEVEL{{$}}
// CHECK-NEXT: contract Dispatch: max=DISPATCH_LEVEL{{$}}
// CHECK-NEXT: contract SynchBuilt: max=SYNCH_LEVEL{{$}}
// CHECK-NEXT: contract AnyDeviceLevel: min=3 max=DIRQL{{$}}
// CHECK-NEXT: contract AtLeastDevice: min=3{{$}}
// X64-NEXT: contract BelowSynch: max=10{{$}}
// X86-NEXT: contract BelowSynch: max=25{{$}}
// X64-NEXT: contract BelowDirql: max=10{{$}}
// X86-NEXT: contract BelowDirql: max=25{{$}}
