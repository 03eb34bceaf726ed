//===- FloatState.cpp - Floating-point state saved and restored -----------===//
//
// KeSaveFloatingPointState saves the floating-point state in a buffer the
// caller provides, in a way that depends on the IRQL; the matching
// KeRestoreFloatingPointState must run at the same IRQL (C28111). A save is
// remembered in the abstract slot "float-state" of its buffer, as a Saved
// value that records the IRQL of the save: it travels with the state like a
// saved IRQL (joins, loops, unknown calls) but is never on the raise stack.
// Helpers that save or restore the state for their caller are summarised
// with fp-saves=/fp-restores= items (docs/contract-format.md).
//
//===----------------------------------------------------------------------===//
#include "analysis/Analyzer.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

/// Is the IRQL at the save certainly not the IRQL at the restore? Every pair
/// of alternatives must differ for sure. Two entry alternatives are the same
/// entry IRQL; an unknown one (a parameter, Irp->CancelIrql, a caller's
/// slot) may be anything. An entry range that is promised differs from a
/// level as soon as one promised level does.
static bool certainlyDiffer(const IrqlValue &A, const IrqlValue &B, bool Promised) {
  auto Unknown = [](const IrqlValue &V) { return V.HasCancel || V.ArgIndex >= 0 || V.Slot; };
  if (A.empty() || B.empty() || Unknown(A) || Unknown(B))
    return false;
  if (A.HasEntry && B.HasEntry)
    return false;
  auto EntryVsAbs = [&](LevelRange E, LevelRange Abs) {
    return Promised ? !E.within(Abs) : E.disjoint(Abs);
  };
  if (A.HasAbs && B.HasAbs && !A.Abs.disjoint(B.Abs))
    return false;
  if (A.HasEntry && B.HasAbs && !EntryVsAbs(A.Entry, B.Abs))
    return false;
  if (A.HasAbs && B.HasEntry && !EntryVsAbs(B.Entry, A.Abs))
    return false;
  return true;
}

void Analyzer::floatState(const CallBase &CB, const Contract &CC, State &S,
                          std::vector<Finding> *Findings) {
  for (const ContractItem &I : CC.items()) {
    if (I.Cond.K != Condition::Always ||
        (I.Kind != ItemKind::FpSave && I.Kind != ItemKind::FpRestore))
      continue;
    EffectsMayFind = true; // (it may tell the summary too: always replayed)
    PathId P = Paths.slot(FloatStateSlot, locationAt(CB, I, S));
    if (!P)
      continue;
    if (I.Kind == ItemKind::FpSave) {
      SymVal V;
      V.K = SymVal::Saved;
      V.Irql = S.Cur;
      V.Site = &CB;
      S.Mem[P] = V;
      continue;
    }
    // The save stays recorded after a restore: a restore inside a loop
    // meets the same save on every iteration.
    auto It = S.Mem.find(P);
    if (It != S.Mem.end() && It->second.K == SymVal::Saved) {
      if (Findings && certainlyDiffer(It->second.Irql, S.Cur, EntryPromised)) {
        std::string Name = calleeName(CB);
        Findings->push_back(
            {CheckId::FloatStateMismatch,
             "'" + Name + "' restores the floating-point state at " + describe(S.Cur, L) +
                 ", but it was saved at " + describe(It->second.Irql, L) +
                 ": save and restore must run at the same IRQL",
             {DiagNote{DiagLoc::ir(It->second.Site->getDebugLoc().get(), &F,
                                   calleeName(cast<CallBase>(*It->second.Site))),
                       "the floating-point state was saved here, at " +
                           describe(It->second.Irql, L)},
              raisedNote(S)}});
      }
      continue;
    }
    // No save on this path (the first turn of a loop that saves at its
    // end): it neither shows nor rules out a mismatch another path shows.
    if (Findings && It == S.Mem.end())
      Findings->push_back({CheckId::FloatStateMismatch, std::string(), {}});
    // A helper restoring a state its caller saved: the summary says so if
    // it does that at the IRQL it was entered at.
    if (Reporting && In.Summary && It == S.Mem.end() && Paths.callerName(P)) {
      if (S.Cur.isEntryOnly()) {
        if (!is_contained(FpRestoredAtEntry, P))
          FpRestoredAtEntry.push_back(P);
      } else {
        FpRestoreElsewhere = true;
      }
    }
  }
}

/// At an exit: the caller's buffers whose state this path leaves saved at
/// the entry IRQL.
void Analyzer::noteFloatExit(const State &S) {
  SmallVector<PathId, 2> Here;
  for (const auto &KV : S.Mem) {
    if (KV.second.K != SymVal::Saved || !KV.second.Irql.isEntryOnly())
      continue;
    auto N = Paths.callerName(KV.first);
    if (N && N->SlotKind == FloatStateSlot)
      Here.push_back(KV.first);
  }
  if (!ExitFpSaved)
    ExitFpSaved = Here;
  else
    ExitFpSaved->erase(
        remove_if(*ExitFpSaved, [&](PathId P) { return !is_contained(Here, P); }),
        ExitFpSaved->end());
}

void Analyzer::finishFloatSummary() {
  FunctionSummary &Sum = *In.Summary;
  auto Add = [&](ItemKind K, PathId P) {
    std::optional<PathTable::CallerName> N = Paths.callerName(P);
    if (!N || N->Off != int32_t(N->Off))
      return;
    ContractItem I{K, {}, {}, {}, {}, {}};
    if (N->Param >= 0) {
      I.Value = ItemValue::arg(unsigned(N->Param), int32_t(N->Off));
    } else if (N->Global->hasName()) {
      I.Value = ItemValue::global(int32_t(N->Off));
      I.Var = N->Global->getName().str();
    } else {
      return;
    }
    I.From.Src = Origin::Inferred;
    I.From.Via = "inferred from the body";
    Sum.Inferred.add(std::move(I));
  };
  if (ExitFpSaved)
    for (PathId P : *ExitFpSaved)
      Add(ItemKind::FpSave, P);
  if (!FpRestoreElsewhere)
    for (PathId P : FpRestoredAtEntry)
      Add(ItemKind::FpRestore, P);
}

} // namespace detail
} // namespace irqlcheck
