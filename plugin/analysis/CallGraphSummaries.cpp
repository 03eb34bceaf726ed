//===- CallGraphSummaries.cpp - Summaries of unannotated functions --------===//
#include "analysis/CallGraphSummaries.h"
#include "analysis/IndirectCallees.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#include <algorithm>

using namespace llvm;

namespace irqlcheck {

const Contract *contractIn(const ContractMap &Contracts, const Function &F) {
  auto It = Contracts.find(&F);
  return It == Contracts.end() ? nullptr : &It->second;
}

bool needsSummary(const Contract &C) {
  return !C.has(ItemKind::Max) && !C.has(ItemKind::Min) && !C.has(ItemKind::Req) &&
         !C.has(ItemKind::Class) && !C.has(ItemKind::Raises) && !C.has(ItemKind::Sets) &&
         !C.has(ItemKind::Restores);
}

namespace {

/// Is the function annotated on its entry but silent on its exit (no
/// _IRQL_requires_, which also fixes the exit, no raises, sets, same,
/// saves, restores, cancel or role)? Its callers then take the definite
/// level its body returns at on every path, if it has one: the only part
/// of a summary that does not contradict what it says.
bool needsExitSummary(const Contract &C) {
  static constexpr ItemKind Exit[] = {
      ItemKind::Req,         ItemKind::Raises,         ItemKind::Sets,   ItemKind::Same,
      ItemKind::Saves,       ItemKind::Restores,       ItemKind::SavesGlobal,
      ItemKind::RestoresGlobal, ItemKind::Cancel,      ItemKind::Class,  ItemKind::Try,
      ItemKind::WaitNext};
  return !needsSummary(C) && none_of(Exit, [&](ItemKind K) { return C.has(K); });
}

/// Can the function return at a constant level it set? Only after a call
/// that sets one and saves nothing to restore it from: a callee that sets
/// the IRQL (__drv_setsIRQL, a summary's exit level), raises without
/// saving, or restores a constant (KeLowerIrql(PASSIVE_LEVEL)); or a call
/// through a pointer. Lock pairs (a saving raise, a restore of the saved
/// value) end where they began: their functions need no second run.
bool maySetLevel(const Function &F,
                 const std::function<const Contract *(const Function &)> &ContractOf) {
  for (const BasicBlock &BB : F)
    for (const Instruction &I : BB) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      const auto *G = dyn_cast<Function>(CB->getCalledOperand()->stripPointerCasts());
      if (!G)
        return true;
      const Contract *C = G->isIntrinsic() ? nullptr : ContractOf(*G);
      if (!C)
        continue;
      bool Saves = C->has(ItemKind::Saves) || C->has(ItemKind::SavesGlobal);
      if (C->has(ItemKind::Sets) || (C->has(ItemKind::Raises) && !Saves))
        return true;
      for (const ContractItem &It : C->items())
        if (It.Kind == ItemKind::Restores && It.Value.K == ItemValue::Arg &&
            It.Value.N < CB->arg_size() && isa<ConstantInt>(CB->getArgOperand(It.Value.N)))
          return true;
    }
  return false;
}

/// Tarjan's algorithm over direct calls; SCCs come out callees first.
class SCCFinder {
public:
  SCCFinder(const DenseMap<const Function *, SmallVector<const Function *, 4>> &Edges)
      : Edges(Edges) {
    Index.reserve(Edges.size());
    Low.reserve(Edges.size());
  }

  void visit(const Function *F) {
    if (Index.count(F))
      return;
    // Iterative DFS: driver code can have deep call chains.
    struct Frame {
      const Function *F;
      unsigned Next;
    };
    SmallVector<Frame, 16> DFS;
    auto Push = [&](const Function *G) {
      Index[G] = Low[G] = Counter++;
      Stack.push_back(G);
      OnStack.insert(G);
      DFS.push_back({G, 0});
    };
    Push(F);
    while (!DFS.empty()) {
      Frame &Top = DFS.back();
      auto It = Edges.find(Top.F);
      if (It != Edges.end() && Top.Next < It->second.size()) {
        const Function *G = It->second[Top.Next++];
        if (!Index.count(G))
          Push(G);
        else if (OnStack.count(G))
          Low[Top.F] = std::min(Low[Top.F], Index[G]);
        continue;
      }
      const Function *Done = Top.F;
      DFS.pop_back();
      if (!DFS.empty())
        Low[DFS.back().F] = std::min(Low[DFS.back().F], Low[Done]);
      if (Low[Done] == Index[Done]) {
        SmallVector<const Function *, 4> SCC;
        const Function *G;
        do {
          G = Stack.pop_back_val();
          OnStack.erase(G);
          SCC.push_back(G);
        } while (G != Done);
        SCCs.push_back(std::move(SCC));
      }
    }
  }

  std::vector<SmallVector<const Function *, 4>> SCCs;

private:
  const DenseMap<const Function *, SmallVector<const Function *, 4>> &Edges;
  DenseMap<const Function *, unsigned> Index, Low;
  SmallVector<const Function *, 16> Stack;
  DenseSet<const Function *> OnStack;
  unsigned Counter = 0;
};

} // namespace

void summarizeModule(Module &M, ContractMap &Contracts, SummaryMap &Summaries,
                     const DenseSet<const Function *> &Analyzable, const LevelTable &Levels,
                     Reporter &R, SCCList *BottomUp, DenseSet<const Function *> *SelfCalls,
                     const std::function<const Contract *(const CallBase &)> &IndirectContractOf,
                     const std::function<std::optional<CheckInSummaryRun>(const Function &)>
                         &AlsoCheck,
                     const std::function<std::shared_ptr<SavedFixpoint> *(const Function &)>
                         &KeepFixpoint,
                     IndirectCallees *Indirect, GepOffsetTable *Geps) {

  DenseMap<const Function *, SmallVector<const Function *, 4>> Edges;
  Edges.reserve(Analyzable.size()); // (a rehash would move every list)
  for (Function &F : M) {
    if (!Analyzable.count(&F))
      continue;
    auto &Out = Edges[&F];
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB) {
        const auto *CB = dyn_cast<CallBase>(&I);
        if (!CB)
          continue;
        SmallVector<const Function *, 2> Callees;
        const Value *Called = CB->getCalledOperand();
        if (const auto *G = dyn_cast<Function>(isa<Function>(Called) ? Called
                                                                     : Called->stripPointerCasts()))
          Callees.push_back(G);
        else if (Indirect)
          Indirect->possibleTargets(*CB, Callees);
        for (const Function *G : Callees)
          if (Analyzable.count(G) && !is_contained(Out, G))
            Out.push_back(G);
      }
    if (SelfCalls && is_contained(Out, &F))
      SelfCalls->insert(&F);
  }
  SCCFinder Finder(Edges);
  for (auto &KV : Edges)
    Finder.visit(KV.first);
  if (BottomUp)
    *BottomUp = Finder.SCCs;

  // The contract each function had before any summary: what it says itself.
  ContractMap Declared;
  SummaryMap ExitSummaries; // of annotated functions: their exit level only
  auto ContractOf = [&](const Function &F) { return contractIn(Contracts, F); };
  Contract None;
  for (auto &SCC : Finder.SCCs) {
    SmallVector<const Function *, 4> ToDo;
    for (const Function *F : SCC) {
      const Contract *C = ContractOf(*F);
      if (C && !needsSummary(*C) && !(needsExitSummary(*C) && maySetLevel(*F, ContractOf)))
        continue;
      ToDo.push_back(F);
      if (C) // (only a summarized function's own contract is asked for)
        Declared[F] = *C;
    }
    // Recursion: start from "demands nothing" and iterate; the levels only
    // tighten, so a few rounds reach the fixpoint.
    bool Recursive = SCC.size() > 1 || is_contained(Edges[SCC.front()], SCC.front());
    for (unsigned Round = 0; Round < 4 && !ToDo.empty(); ++Round) {
      bool Changed = false;
      for (const Function *F : ToDo) {
        FunctionSummary S;
        auto DIt = Declared.find(F);
        const Contract &Own = DIt == Declared.end() ? None : DIt->second;
        std::optional<CheckInSummaryRun> Check;
        if (!Recursive && AlsoCheck)
          Check = AlsoCheck(*F);
        FunctionAnalysisInput In{*F,      Own,     ContractOf,         Levels,
                                 Check ? *Check->R : R, /*Emit=*/bool(Check), &S,
                                 nullptr, IndirectContractOf, std::nullopt, nullptr};
        In.Indirect = Indirect;
        In.Geps = Geps;
        if (Check) {
          In.WhyOf = Check->WhyOf;
          In.OnDirectCall = Check->OnDirectCall;
          In.UsesCallersIrql = Check->UsesCallersIrql;
          In.AtReturnStatement = Check->AtReturnStatement;
        } else if (!Recursive && KeepFixpoint) {
          In.Keep = KeepFixpoint(*F);
        }
        analyzeFunction(In);
        // An annotated entry stays as written: only the exit level is taken,
        // and the function keeps no summary of its own (it is annotated).
        bool ExitOnly = needsExitSummary(Own);
        if (ExitOnly) {
          Contract Exit;
          for (const ContractItem &I : S.Inferred.items())
            if (I.Kind == ItemKind::Sets && I.Value.K == ItemValue::Lvl)
              Exit.add(I);
          S = FunctionSummary();
          S.Inferred = std::move(Exit);
        }
        FunctionSummary &Old = ExitOnly ? ExitSummaries[F] : Summaries[F];
        if (!(Old == S)) {
          Changed = true;
          Old = S;
          Contract Merged = Own;
          Merged.addMissingFrom(S.Inferred);
          if (Merged.empty())
            Contracts.erase(F);
          else
            Contracts[F] = std::move(Merged);
        }
      }
      if (!Recursive)
        break; // no recursion: one round is exact
      if (!Changed)
        break;
    }
  }
}

} // namespace irqlcheck
