//===- IrqlValue.cpp - The abstract IRQL at one program point -------------===//
#include "analysis/IrqlValue.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace irqlcheck {

LevelRange IrqlValue::hull(Level High) const {
  bool Any = false;
  LevelRange R;
  auto Add = [&](LevelRange X) {
    R = Any ? R.hull(X) : X;
    Any = true;
  };
  if (HasEntry)
    Add(Entry);
  if (HasCancel)
    Add({PassiveLevel, DispatchLevel});
  if (ArgIndex >= 0 || Slot)
    Add({PassiveLevel, High});
  if (HasAbs)
    Add(Abs);
  return Any ? R : LevelRange{PassiveLevel, High};
}

void IrqlValue::join(const IrqlValue &O) {
  if (O.HasEntry)
    Entry = HasEntry ? Entry.hull(O.Entry) : O.Entry, HasEntry = true;
  HasCancel |= O.HasCancel;
  if (O.ArgIndex >= 0)
    ArgIndex = (ArgIndex < 0 || ArgIndex == O.ArgIndex) ? O.ArgIndex : ArgIndex;
  if (O.Slot)
    Slot = (!Slot || Slot == O.Slot) ? O.Slot : Slot;
  if (O.HasAbs)
    Abs = HasAbs ? Abs.hull(O.Abs) : O.Abs, HasAbs = true;
}

bool IrqlValue::operator==(const IrqlValue &O) const {
  return HasEntry == O.HasEntry && (!HasEntry || Entry == O.Entry) &&
         HasCancel == O.HasCancel && ArgIndex == O.ArgIndex && Slot == O.Slot &&
         HasAbs == O.HasAbs &&
         (!HasAbs || Abs == O.Abs);
}

Verdict outside(const IrqlValue &V, LevelRange Allowed, bool EntryPromised, Level High) {
  if (V.empty())
    return Verdict::Ok;
  bool AllCertain = true, AnyPossible = false;
  auto Alt = [&](LevelRange R, bool Promised) {
    bool Certain = Promised ? !R.within(Allowed) : R.disjoint(Allowed);
    bool Possible = !R.within(Allowed);
    AllCertain &= Certain;
    AnyPossible |= Possible;
  };
  if (V.HasEntry)
    Alt(V.Entry, EntryPromised);
  if (V.HasCancel)
    Alt({PassiveLevel, DispatchLevel}, false);
  if (V.ArgIndex >= 0 || V.Slot)
    Alt({PassiveLevel, High}, false);
  if (V.HasAbs)
    Alt(V.Abs, false);
  return AllCertain ? Verdict::Certain : AnyPossible ? Verdict::Maybe : Verdict::Ok;
}

static std::string rangeText(LevelRange R, const LevelTable &L) {
  if (R.Lo == R.Hi)
    return L.name(R.Lo);
  return L.name(R.Lo) + ".." + L.name(R.Hi);
}

std::string describe(const IrqlValue &V, const LevelTable &L) {
  std::string S;
  SmallVector<std::string, 4> Seen; // entry and absolute alternatives may name the same level
  auto Add = [&](const std::string &T) {
    if (is_contained(Seen, T))
      return;
    Seen.push_back(T);
    S += S.empty() ? T : " or " + T;
  };
  if (V.HasAbs)
    Add(rangeText(V.Abs, L));
  if (V.HasEntry)
    Add(V.Entry.Lo == V.Entry.Hi ? L.name(V.Entry.Lo)
                                 : "the entry IRQL (" + rangeText(V.Entry, L) + ")");
  if (V.HasCancel)
    Add("Irp->CancelIrql");
  if (V.ArgIndex >= 0)
    Add("the IRQL passed as argument " + std::to_string(V.ArgIndex));
  if (V.Slot)
    Add("the IRQL its caller saved");
  return S.empty() ? "an unknown IRQL" : S;
}

} // namespace irqlcheck
