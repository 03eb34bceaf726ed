//===- IrqlValue.h - The abstract IRQL at one program point ---------------===//
//
// The IRQL at a point is one of a few alternatives, each a range:
//  - Entry: the IRQL the function was entered at, narrowed by conditions on
//    KeGetCurrentIrql(). If the function is annotated, every level of its
//    entry range is promised to occur (a violation by any of them is real);
//    otherwise the range only bounds what is possible.
//  - Cancel: the caller's IRQL saved in Irp->CancelIrql (cancel routines).
//  - Arg: the value of an IRQL parameter (_IRQL_restores_ wrappers).
//  - Slot: the IRQL the caller saved in memory it can name (Dev->OldIrql):
//    what a release wrapper returns at.
//  - Abs: an absolute level somewhere in [Lo, Hi], after a raise or lower.
// A rule is certainly broken only if every alternative breaks it.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_IRQLVALUE_H
#define IRQLCHECK_ANALYSIS_IRQLVALUE_H

#include "model/Irql.h"

#include <algorithm>
#include <string>

namespace irqlcheck {

struct LevelRange {
  Level Lo = 0, Hi = 0;
  bool contains(Level L) const { return Lo <= L && L <= Hi; }
  bool within(LevelRange O) const { return O.Lo <= Lo && Hi <= O.Hi; }
  bool disjoint(LevelRange O) const { return Hi < O.Lo || O.Hi < Lo; }
  bool operator==(const LevelRange &O) const { return Lo == O.Lo && Hi == O.Hi; }
  LevelRange hull(LevelRange O) const { return {std::min(Lo, O.Lo), std::max(Hi, O.Hi)}; }
};

struct IrqlValue {
  bool HasEntry = false;
  LevelRange Entry;
  bool HasCancel = false;
  int ArgIndex = -1; // >= 0: the value of that parameter
  unsigned Slot = 0; // != 0: the IRQL saved at that access path (PathId)
  bool HasAbs = false;
  LevelRange Abs;

  static IrqlValue entry(LevelRange R) {
    IrqlValue V;
    V.HasEntry = true;
    V.Entry = R;
    return V;
  }
  static IrqlValue absolute(LevelRange R) {
    IrqlValue V;
    V.HasAbs = true;
    V.Abs = R;
    return V;
  }
  static IrqlValue level(Level L) { return absolute({L, L}); }

  bool empty() const { return !HasEntry && !HasCancel && ArgIndex < 0 && !Slot && !HasAbs; }
  bool isEntryOnly() const { return HasEntry && !HasCancel && ArgIndex < 0 && !Slot && !HasAbs; }
  /// A single known level (only Abs, Lo == Hi).
  bool isExactly(Level L) const {
    return HasAbs && !HasEntry && !HasCancel && ArgIndex < 0 && !Slot && Abs.Lo == L &&
           Abs.Hi == L;
  }
  /// Every level the value may have, as one range (Arg and Slot count as
  /// [0, High], Cancel as [0, DISPATCH]).
  LevelRange hull(Level High) const;

  void join(const IrqlValue &O);
  bool operator==(const IrqlValue &O) const;
  bool operator!=(const IrqlValue &O) const { return !(*this == O); }
};

/// The result of holding a value against a permitted range.
enum class Verdict { Ok, Maybe, Certain };

/// Is the value certainly outside Allowed? EntryPromised says whether the
/// Entry alternative is a promise (annotated) or only a bound.
Verdict outside(const IrqlValue &V, LevelRange Allowed, bool EntryPromised, Level High);

/// "DISPATCH_LEVEL", "APC_LEVEL..DISPATCH_LEVEL", "its entry IRQL (up to ...)".
std::string describe(const IrqlValue &V, const LevelTable &L);

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_IRQLVALUE_H
