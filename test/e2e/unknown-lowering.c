// Lowering to a value nobody is known to have saved, and an entry range left
// empty by its annotations.
//  - irql-function-min: with _IRQL_always_function_min_(L), KeLowerIrql (or
//    any restore) to a value read through a pointer parameter or passed in
//    is not known to stay at or above L: reported. A saved value, the entry
//    IRQL and constants at or above L are known.
//  - irql-annotation-range: _IRQL_requires_min_ above the implied
//    _IRQL_requires_max_(DISPATCH_LEVEL) of a function with no maximum
//    leaves no IRQL. The body is still checked, from the minimum up.
//
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note %s
// RUN: %wdk_cc1 -emit-llvm-only -verify -verify-ignore-unexpected=note -O2 %s
// The annotation finding comes from the front end alone:
// RUN: %wdk_cc1 -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: warning: _IRQL_requires_min_(3) is above the implied _IRQL_requires_max_(DISPATCH_LEVEL) of a function without a maximum: no IRQL satisfies both; add _IRQL_requires_max_ [irql-annotation-range]
// SYNTAX-NOT: warning:

#include <ntddk.h>

_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID LowerThroughPointer(PKIRQL Saved) {
  KeLowerIrql(*Saved); // expected-warning {{'KeLowerIrql' lowers the IRQL to a value not known to be at or above this function's minimum of DISPATCH_LEVEL (_IRQL_always_function_min_) [irql-function-min]}}
}

_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID LowerToParameter(KIRQL NewIrql) {
  KeLowerIrql(NewIrql); // expected-warning {{'KeLowerIrql' lowers the IRQL to a value not known to be at or above this function's minimum of DISPATCH_LEVEL}}
}

// Any routine that sets the IRQL to its argument (__drv_setsIRQL(NewIrql)).
__drv_setsIRQL(NewIrql) VOID SetIrqlTo(KIRQL NewIrql);

_IRQL_requires_(DISPATCH_LEVEL)
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID SetToParameter(PKIRQL Level) {
  SetIrqlTo(*Level); // expected-warning {{'SetIrqlTo' lowers the IRQL to a value not known to be at or above this function's minimum of DISPATCH_LEVEL}}
  SetIrqlTo(DISPATCH_LEVEL);
}

// Known values: the one the raise saved (the entry IRQL, at or above the
// minimum), and a constant at the minimum.
_IRQL_requires_min_(DISPATCH_LEVEL)
_IRQL_always_function_min_(DISPATCH_LEVEL)
VOID LowerToSaved(VOID) {
  KIRQL Old;
  KeRaiseIrql(HIGH_LEVEL, &Old);
  KeLowerIrql(Old);
}

// Without a minimum, lowering to a caller's value is what release helpers do.
_IRQL_requires_(DISPATCH_LEVEL)
__drv_setsIRQL(APC_LEVEL)
VOID ReleaseHelper(PKIRQL Saved) {
  KeLowerIrql(*Saved);
}

// No maximum, so DISPATCH_LEVEL is implied, below the minimum.
_IRQL_requires_min_(DIRQL) // expected-warning {{_IRQL_requires_min_(3) is above the implied _IRQL_requires_max_(DISPATCH_LEVEL) of a function without a maximum: no IRQL satisfies both; add _IRQL_requires_max_ [irql-annotation-range]}}
VOID DeviceLevelOnly(VOID) {
  // Checked from DIRQL up: a paged allocation is wrong at every such IRQL.
  (VOID)ExAllocatePoolWithTag(PagedPool, 16, 'tseT'); // expected-warning {{'ExAllocatePoolWithTag' called at the entry IRQL (3..HIGH_LEVEL), but it requires IRQL <= APC_LEVEL [irql-too-high]}}
  KeStallExecutionProcessor(1);
}

// Its callers are held to the minimum, not to the implied maximum.
_IRQL_requires_(HIGH_LEVEL)
VOID CallsDeviceLevel(VOID) {
  DeviceLevelOnly();
}

// Negative: a minimum the implied maximum allows, and an explicit maximum.
_IRQL_requires_min_(DISPATCH_LEVEL) VOID AtLeastDispatch(VOID);
_IRQL_requires_min_(DIRQL) _IRQL_requires_max_(HIGH_LEVEL) VOID DeviceLevelExplicit(VOID);
