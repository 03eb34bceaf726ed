//===- QuietFunctions.cpp - Functions that never change the IRQL ----------===//
//
// Most functions never change the IRQL: no call in them raises, lowers,
// saves or restores it, reads it (KeGetCurrentIrql), needs a wait next, or
// goes through a pointer. There every state the fixpoint builds has the
// entry IRQL and an empty raise stack; what else the states carry (values
// in memory, branch facts) decides only which blocks are reached, never a
// verdict: the callees' conditions are decided by the call alone (a
// constant argument), and no call is held against anything but the entry
// IRQL. Such a function is checked here, with one state, in one pass over
// its calls, when the result cannot depend on which blocks are reached:
//  - no call and no return breaks a rule at the entry IRQL (otherwise the
//    full analysis runs, to report exactly what it reports, with its
//    paths);
//  - a call that tells something to others (the IRQL an internal callee is
//    called at, if the callee uses it; the entry constraint of the summary)
//    is in a block every run of the analysis reaches, or one in such a
//    block tells the same (when no call tells anything, which blocks are
//    reached does not matter at all, and they are not ordered).
// A block is certainly reached if it is the entry, or if every way on from
// a certainly reached block leads to it without going round a loop: each
// state at a block's end goes on along at least one edge (successors()
// only drops an edge that a constant or a branch fact rules out, never
// all), and no state is ever dropped. The summary then is what the full
// analysis infers: the entry constraints of those calls (its exits add
// nothing at the entry IRQL, with nothing saved).
//
//===----------------------------------------------------------------------===//
#include "analysis/Analyzer.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/CFG.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

namespace {

/// Does the condition read what a path holds (a value, memory) rather than
/// only the call? Only a constant integer passes the value tests, and a
/// pointer, a parameter or a constant is the same on every path.
bool conditionReadsState(const Condition &C, const CallBase &CB) {
  if (C.K == Condition::Always || C.Arg >= CB.arg_size())
    return false;
  const Value *A = CB.getArgOperand(C.Arg);
  switch (C.K) {
  case Condition::ArgEq:
  case Condition::ArgNe:
  case Condition::PagedPool:
  case Condition::PagedFlags:
    return isa<Instruction>(A) && !A->getType()->isPointerTy();
  case Condition::TimeoutNonZero:
  case Condition::PointeeEq:
  case Condition::PointeeNe:
    return !isa<ConstantPointerNull>(A->stripPointerCasts());
  default:
    return false; // the format string's text; an opaque condition never holds
  }
}

/// The blocks every run of the analysis reaches, by index in Blocks (reverse
/// post-order). Next[I] is the nearest block every way on from block I
/// leads to without a loop (N: none): Cooper, Harvey and Kennedy's
/// dominator walk, backwards over the forward edges. Its meets can walk far
/// on odd control flow; past a budget linear in the blocks it answers "none
/// certain", which only sends the function to the full analysis.
std::vector<bool> certainlyReached(ArrayRef<const BasicBlock *> Blocks,
                                   const DenseMap<const BasicBlock *, unsigned> &Index) {
  unsigned N = Blocks.size();
  std::vector<unsigned> Next(N, N);
  size_t Budget = 8 * size_t(N) + 64;
  auto Meet = [&](unsigned A, unsigned B) {
    while (A != B && Budget) {
      --Budget;
      A < B ? A = Next[A] : B = Next[B];
    }
    return A == B ? A : N;
  };
  for (unsigned I = N; I-- > 0;) {
    std::optional<unsigned> Common;
    bool Loops = false;
    for (const BasicBlock *Succ : successors(Blocks[I])) {
      unsigned J = Index.lookup(Succ);
      Loops |= J <= I; // a path may go round it for ever
      Common = Common ? Meet(*Common, J) : J;
    }
    Next[I] = Loops || !Common ? N : *Common;
  }
  std::vector<bool> Certain(N, false);
  if (!Budget)
    return Certain;
  for (unsigned I = 0; I < N; I = Next[I])
    Certain[I] = true;
  return Certain;
}

} // namespace

/// Does the call leave the IRQL, the raise stack and the saved values alone,
/// whatever the path?
bool Analyzer::quietCall(const CallBase &CB, const Contract &CC, const State &Entry) {
  for (const ContractItem &I : CC.items())
    switch (I.Kind) {
    case ItemKind::Min:
    case ItemKind::Max:
    case ItemKind::Req:
      if (conditionReadsState(I.Cond, CB))
        return false;
      break;
    case ItemKind::WaitNext:
      if (conditionReadsState(I.Cond, CB) || conditionHolds(I.Cond, CB, Entry))
        return false;
      break;
    case ItemKind::Raises:
    case ItemKind::Sets:
    case ItemKind::Saves:
    case ItemKind::SavesGlobal:
    case ItemKind::Restores:
    case ItemKind::RestoresGlobal:
    case ItemKind::Cancel:
    case ItemKind::FpSave:
    case ItemKind::FpRestore:
      // (a conditional one applies only where its condition holds)
      if (I.Cond.K == Condition::Always || conditionReadsState(I.Cond, CB) ||
          conditionHolds(I.Cond, CB, Entry))
        return false;
      break;
    case ItemKind::Try:
      return false;
    case ItemKind::Same:
    case ItemKind::FnMax:
    case ItemKind::FnMin:
    case ItemKind::Class:
    case ItemKind::Paged:
      break;
    }
  return true;
}

/// Checks a function that never changes the IRQL, if it is one and the
/// result cannot depend on which blocks are reached (see the top of the
/// file); returns false, having changed nothing, otherwise.
bool Analyzer::quietRun() {
  // The return checks that could report at the entry IRQL.
  for (ItemKind K : {ItemKind::Cancel, ItemKind::Raises, ItemKind::Sets, ItemKind::Restores,
                     ItemKind::Saves, ItemKind::SavesGlobal, ItemKind::RestoresGlobal})
    if (Own.has(K))
      return false;
  State Entry;
  Entry.Cur = IrqlValue::entry(EntryRange);
  if (const ContractItem *Req = Own.find(ItemKind::Req))
    if (outside(Entry.Cur, {Level(Req->Value.N), Level(Req->Value.N)}, EntryPromised,
                high()) == Verdict::Certain)
      return false;
  const std::vector<State> One{Entry};
  // Every call with a contract, in the order the replay meets them.
  struct Call {
    const CallBase *CB;
    const Contract *CC;
    const Function *Callee;
    unsigned Block; // index in reverse post-order
    LevelRange Allowed;
    bool Certain;
  };
  SmallVector<Call, 16> Calls;
  // First, in one scan: is every call quiet? (Most functions that are not
  // fail here, before the blocks are ordered.) What symOf and pointerPath
  // intern on the way is dropped if the full analysis runs after all (it
  // starts from an empty Fix).
  auto Fail = [&] {
    Fix = Fixpoint();
    return false;
  };
  // (Blocks, then instructions: cheaper than an instruction iterator.)
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue; // loads, stores and arithmetic move values, not the IRQL
      const Function *Callee = calledFunction(*CB);
      if (!Callee || CB->isIndirectCall() ||
          (!Callee->isIntrinsic() && cNameOfSymbol(Callee->getName()) == "KeGetCurrentIrql"))
        return Fail();
      const Contract *CC = Callee->isIntrinsic() ? nullptr : In.ContractOf(*Callee);
      if (!CC)
        continue;
      if (!quietCall(*CB, *CC, Entry))
        return Fail();
      Calls.push_back({CB, CC, Callee, 0, {}, false});
    }

  // Held against the entry IRQL (a call in a block the analysis never
  // reaches too: a finding there only means the full analysis decides).
  // A callee's verdict depends on the call only through its items'
  // conditions and, for a minimum inside the entry range, on whether the
  // call is guarded (CallVerdict::Positional): a callee with neither is
  // judged once.
  SmallDenseMap<const Contract *, CallVerdict, 16> Judged;
  for (Call &C : Calls) {
    auto Judge = [&] { return callVerdict(*C.CB, *C.CC, One); };
    bool Plain = all_of(C.CC->items(),
                        [](const ContractItem &I) { return I.Cond.K == Condition::Always; });
    CallVerdict V;
    if (Plain) {
      auto [It, New] = Judged.try_emplace(C.CC);
      if (New || It->second.Positional)
        It->second = Judge();
      V = It->second;
    } else {
      V = Judge();
    }
    if (In.Emit && (V.High || V.Low || V.Paged))
      return Fail();
    C.Allowed = V.Allowed;
  }
  // What a call tells others: the summary's entry constraints, the IRQL a
  // callee checked at its callers' IRQL is called at.
  auto Hi = [&](const Call &C) -> std::optional<Level> {
    Level H = entryMaxFrom(*C.CC, C.Allowed);
    return H < high() ? std::optional<Level>(H) : std::nullopt;
  };
  auto Lo = [&](const Call &C) -> std::optional<Level> {
    return C.Allowed.Lo > PassiveLevel ? std::optional<Level>(C.Allowed.Lo) : std::nullopt;
  };
  auto TellsCallee = [&](const Call &C) {
    return In.OnDirectCall && !C.Callee->isDeclaration() &&
           (!In.UsesCallersIrql || In.UsesCallersIrql(*C.Callee));
  };
  if (none_of(Calls, [&](const Call &C) {
        return (In.Summary && (Hi(C) || Lo(C))) || TellsCallee(C);
      })) {
    if (In.Summary)
      finishSummary();
    return true; // (nothing to tell: which blocks are reached does not matter)
  }

  ReversePostOrderTraversal<const Function *> RPOT(&F);
  std::vector<const BasicBlock *> Blocks(RPOT.begin(), RPOT.end());
  DenseMap<const BasicBlock *, unsigned> Index;
  for (unsigned I = 0; I < Blocks.size(); ++I)
    Index[Blocks[I]] = I;
  std::vector<bool> Certain = certainlyReached(Blocks, Index);
  // Blocks in reverse post-order, calls in a block in their order; a block
  // the analysis never reaches (not in the order) has nothing to say.
  erase_if(Calls, [&](const Call &C) { return !Index.count(C.CB->getParent()); });
  for (Call &C : Calls) {
    C.Block = Index.lookup(C.CB->getParent());
    C.Certain = Certain[C.Block];
  }
  llvm::stable_sort(Calls, [](const Call &A, const Call &B) { return A.Block < B.Block; });

  // A call that may not be reached must not change what the reached ones
  // tell: the summary keeps the first call with the lowest maximum (the
  // highest minimum), a callee the hull of the IRQLs it is called at.
  if (In.Summary) {
    auto FirstCertain = [&](auto Key, auto Better) {
      std::optional<unsigned> Best;
      for (unsigned I = 0; I < Calls.size(); ++I)
        if (Calls[I].Certain && Key(Calls[I]) && (!Best || Better(*Key(Calls[I]), *Key(Calls[*Best]))))
          Best = I;
      return Best;
    };
    auto Lower = [](Level A, Level B) { return A < B; };
    auto Higher = [](Level A, Level B) { return A > B; };
    std::optional<unsigned> BestHi = FirstCertain(Hi, Lower), BestLo = FirstCertain(Lo, Higher);
    for (unsigned I = 0; I < Calls.size(); ++I) {
      if (Calls[I].Certain)
        continue;
      // Would it come first if reached? Then it matters.
      if (auto H = Hi(Calls[I]); H && (!BestHi || *H < *Hi(Calls[*BestHi]) ||
                                       (*H == *Hi(Calls[*BestHi]) && I < *BestHi)))
        return Fail();
      if (auto M = Lo(Calls[I]); M && (!BestLo || *M > *Lo(Calls[*BestLo]) ||
                                       (*M == *Lo(Calls[*BestLo]) && I < *BestLo)))
        return Fail();
    }
  }
  for (const Call &C : Calls)
    if (!C.Certain && TellsCallee(C) &&
        none_of(Calls, [&](const Call &O) { return O.Certain && O.Callee == C.Callee; }))
      return Fail();

  // What the replay would do at the calls it certainly reaches.
  Reporting = true;
  for (const Call &C : Calls) {
    if (!C.Certain)
      continue;
    if (In.Summary)
      noteConstraint(*C.CB, *C.CC, C.Allowed, One);
    tellCallee(*C.CB, *C.Callee, One);
  }
  if (In.Summary)
    finishSummary();
  return true;
}

} // namespace detail
} // namespace irqlcheck
