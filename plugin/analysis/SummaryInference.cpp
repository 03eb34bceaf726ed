//===- SummaryInference.cpp - What unannotated functions demand -----------===//
#include "analysis/Analyzer.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

//===----------------------------------------------------------------------===//
// Summaries
//===----------------------------------------------------------------------===//

/// The highest entry IRQL a call made at the entry IRQL allows the caller:
/// what the callee allows, at most APC_LEVEL for pageable code, and no
/// higher than it raises to.
Level Analyzer::entryMaxFrom(const Contract &CC, LevelRange Allowed) const {
  Level Hi = Allowed.Hi;
  if (CC.has(ItemKind::Paged))
    Hi = std::min<Level>(Hi, ApcLevel);
  if (const ContractItem *R = CC.find(ItemKind::Raises))
    if (R->Value.K == ItemValue::Lvl)
      Hi = std::min<Level>(Hi, Level(R->Value.N));
  return Hi;
}

void Analyzer::noteConstraint(const CallBase &CB, const Contract &CC, LevelRange Allowed,
                              const std::vector<State> &States) {
  // Only calls made at the entry IRQL itself, on every path, say something
  // about the entry IRQL; a call after KeGetCurrentIrql() narrowed it does not.
  bool AtEntry = all_of(States, [](const State &S) {
    return S.Cur.HasEntry && !S.Cur.HasAbs && !S.Cur.HasCancel && S.Cur.ArgIndex < 0;
  });
  if (!AtEntry)
    return;
  bool UpperIntact =
      all_of(States, [&](const State &S) { return S.Cur.Entry.Hi == EntryRange.Hi; });
  bool LowerIntact =
      all_of(States, [&](const State &S) { return S.Cur.Entry.Lo == EntryRange.Lo; });
  Level Hi = entryMaxFrom(CC, Allowed);
  FunctionSummary &Sum = *In.Summary;
  if (UpperIntact && Hi < high() && (!Sum.MaxEntry || Hi < *Sum.MaxEntry))
    Sum.MaxEntry = Hi, Sum.MaxWhy = &CB;
  // A minimum only from a call on every path: under a branch, the branch
  // may test what the caller said about the IRQL (a BOOLEAN DispatchLevel
  // choosing NdisDprAcquireSpinLock), as in callVerdict.
  if (LowerIntact && Allowed.Lo > PassiveLevel && (!Sum.MinEntry || Allowed.Lo > *Sum.MinEntry) &&
      !guardedCall(CB))
    Sum.MinEntry = Allowed.Lo, Sum.MinWhy = &CB;
}

void Analyzer::noteExit(const ReturnInst &RI, const std::vector<State> &States) {
  for (const State &S : States) {
    ++NumExits;
    if (S.Cur.HasAbs && S.Cur.Abs.Lo == S.Cur.Abs.Hi && S.Cur.isExactly(S.Cur.Abs.Lo)) {
      if (ExitLevel && *ExitLevel != S.Cur.Abs.Lo)
        ExitLevelMixed = true;
      ExitLevel = S.Cur.Abs.Lo;
    } else {
      ExitLevelMixed = true;
    }
    bool OnlyArg = S.Cur.ArgIndex >= 0 && !S.Cur.HasAbs && !S.Cur.HasEntry && !S.Cur.HasCancel &&
                   !S.Cur.Slot;
    if (!OnlyArg || (ExitArg != -2 && ExitArg != S.Cur.ArgIndex))
      ExitArg = -1;
    else
      ExitArg = S.Cur.ArgIndex;
    // A release wrapper returns at the IRQL its caller saved (Dev->OldIrql).
    bool OnlySlot = S.Cur.Slot && !S.Cur.HasAbs && !S.Cur.HasEntry && !S.Cur.HasCancel &&
                    S.Cur.ArgIndex < 0;
    if (!OnlySlot || (ExitSlot && ExitSlot != S.Cur.Slot))
      ExitSlotMixed = true;
    else
      ExitSlot = S.Cur.Slot;
    // (Only an integer is a saved IRQL: a pointer's value is not looked at,
    // which would add its path and keep this run's fixpoint from its check.)
    const Value *RV = RI.getReturnValue();
    SymVal V = RV && RV->getType()->isIntegerTy() ? symOf(RV, S) : SymVal();
    ExitRetSaved &= V.K == SymVal::Saved;
    // An acquire wrapper leaves, on every path, a raise outstanding whose
    // saved IRQL is in memory its caller can name (*OldIrql, Dev->OldIrql,
    // a global).
    SmallVector<PathId, 4> Here;
    for (const auto &KV : S.Mem)
      if (KV.second.K == SymVal::Saved && Paths.callerName(KV.first) &&
          Paths.callerName(KV.first)->SlotKind != FloatStateSlot &&
          (S.StackUnknown || is_contained(S.Stack, KV.second.Site)))
        Here.push_back(KV.first);
    noteFloatExit(S);
    if (!ExitSaved)
      ExitSaved = Here;
    else
      ExitSaved->erase(remove_if(*ExitSaved, [&](PathId P) { return !is_contained(Here, P); }),
                       ExitSaved->end());
  }
}

void Analyzer::finishSummary() {
  FunctionSummary &Sum = *In.Summary;
  auto Add = [&](ItemKind K, ItemValue V, std::string Name = {}, std::string Var = {}) {
    ContractItem I{K, V, std::move(Name), {}, {}, std::move(Var)};
    I.From.Src = Origin::Inferred;
    I.From.Via = "inferred from the body";
    Sum.Inferred.add(std::move(I));
  };
  // A location in the caller's terms: argN+K or @GLOBAL+K, or the slot of
  // such an object (a fast mutex, an in-stack queued spin lock's handle).
  auto AddLocation = [&](ItemKind K, PathId P) {
    std::optional<PathTable::CallerName> N = Paths.callerName(P);
    if (!N || N->Off != int32_t(N->Off))
      return;
    std::string Kind = N->SlotKind.str();
    if (!Kind.empty())
      K = K == ItemKind::Saves ? ItemKind::SavesGlobal : ItemKind::RestoresGlobal;
    if (N->Param >= 0)
      Add(K, ItemValue::arg(unsigned(N->Param), int32_t(N->Off)), Kind);
    else if (N->Global->hasName())
      Add(K, ItemValue::global(int32_t(N->Off)), Kind, N->Global->getName().str());
  };
  finishFloatSummary();
  if (Sum.MinEntry)
    Add(ItemKind::Min, ItemValue::level(*Sum.MinEntry));
  if (Sum.MaxEntry)
    Add(ItemKind::Max, ItemValue::level(*Sum.MaxEntry));
  if (!NumExits)
    return;
  if (ExitLevel && !ExitLevelMixed)
    Add(ItemKind::Sets, ItemValue::level(*ExitLevel));
  else if (ExitArg >= 0)
    Add(ItemKind::Restores, ItemValue::arg(unsigned(ExitArg)));
  else if (ExitSlot && !ExitSlotMixed)
    AddLocation(ItemKind::Restores, ExitSlot);
  if (ExitRetSaved && F.getReturnType()->isIntegerTy())
    Add(ItemKind::Saves, ItemValue::ret());
  if (ExitSaved)
    for (PathId P : *ExitSaved)
      AddLocation(ItemKind::Saves, P);
}

void Analyzer::addChain(const Function &Callee, bool Max, std::vector<DiagNote> &Notes) {
  if (!In.WhyOf)
    return;
  const Function *Fn = &Callee;
  for (unsigned Depth = 0; Fn && Depth < 8; ++Depth) {
    const Instruction *Why = In.WhyOf(*Fn, Max);
    if (!Why)
      break;
    const auto &CB = cast<CallBase>(*Why);
    std::string Next = calleeName(CB);
    Notes.push_back(DiagNote{DiagLoc::ir(Why->getDebugLoc().get(), Fn, Next),
                             "'" + cNameOfSymbol(Fn->getName()).str() + "' calls '" + Next +
                                 "' here" + (Depth == 0 ? ", at the IRQL it was entered at" : "")});
    Fn = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  }
  // The annotation that would make the helper's requirement explicit.
  if (const Contract *C = In.ContractOf(Callee))
    if (const ContractItem *I = C->find(Max ? ItemKind::Max : ItemKind::Min))
      if (I->From.Src == Origin::Inferred)
        Notes.push_back(DiagNote{DiagLoc::ir(nullptr, &Callee),
                                 "consider annotating '" + cNameOfSymbol(Callee.getName()).str() +
                                     "' with " + (Max ? "_IRQL_requires_max_(" : "_IRQL_requires_min_(") +
                                     L.name(Max && C->has(ItemKind::Paged)
                                                ? std::min<Level>(Level(I->Value.N), ApcLevel)
                                                : Level(I->Value.N)) +
                                     ")"});
}


} // namespace detail
} // namespace irqlcheck
