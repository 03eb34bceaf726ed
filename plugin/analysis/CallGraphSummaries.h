//===- CallGraphSummaries.h - Summaries of unannotated functions ----------===//
//
// Real drivers do not annotate their helpers. Walking the call graph bottom-up
// (strongly connected components first, recursion iterated to a fixpoint),
// each unannotated function gets a summary of what its body demands and does,
// which its callers then use exactly like an annotation. A PASSIVE-only call
// three helpers deep is so reported once, at the call made at too high an
// IRQL, with the chain in notes.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_CALLGRAPHSUMMARIES_H
#define IRQLCHECK_ANALYSIS_CALLGRAPHSUMMARIES_H

#include "analysis/FunctionAnalysis.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <functional>
#include <optional>
#include <vector>

namespace llvm {
class Module;
}

namespace irqlcheck {

using ContractMap = llvm::DenseMap<const llvm::Function *, Contract>;
using SummaryMap = llvm::DenseMap<const llvm::Function *, FunctionSummary>;

/// The function's contract in Contracts, or null.
const Contract *contractIn(const ContractMap &Contracts, const llvm::Function &F);

/// Does the function need a summary (no entry IRQL of its own: no min, max,
/// requires or role)?
bool needsSummary(const Contract &C);

/// The call graph's strongly connected components, callees first.
using SCCList = std::vector<llvm::SmallVector<const llvm::Function *, 4>>;

/// What a summary run needs to check the function as well, in the same run.
struct CheckInSummaryRun {
  Reporter *R;
  std::function<const llvm::Instruction *(const llvm::Function &, bool Max)> WhyOf;
  std::function<void(const llvm::CallBase &, const llvm::Function &, LevelRange)> OnDirectCall;
  std::function<bool(const llvm::Function &)> UsesCallersIrql;
  std::function<bool(const llvm::Instruction &)> AtReturnStatement = nullptr;
};

/// Computes summaries for the functions in Analyzable, bottom-up, and
/// merges each summary into Contracts below what the function already says.
/// BottomUp receives the analysable functions' SCCs, callees first; a
/// function that calls itself is alone in its SCC and listed in SelfCalls.
/// IndirectContractOf gives calls through role-typed pointers their role's
/// contract, so that they count in the summary like direct calls.
/// Indirect, if given, follows calls through function pointers: their
/// targets are callees in the call graph and in the analysis.
/// AlsoCheck, asked for a function whose summary takes one run (no
/// recursion), may return how to report its findings in that same run: then
/// the function is analysed once, not once for the summary and again for
/// the check. KeepFixpoint, asked for any other function whose summary takes
/// one run, may say where to keep that run's fixpoint for its check run.
void summarizeModule(
    llvm::Module &M, ContractMap &Contracts, SummaryMap &Summaries,
    const llvm::DenseSet<const llvm::Function *> &Analyzable, const LevelTable &Levels,
    Reporter &R, SCCList *BottomUp = nullptr,
    llvm::DenseSet<const llvm::Function *> *SelfCalls = nullptr,
    const std::function<const Contract *(const llvm::CallBase &)> &IndirectContractOf = nullptr,
    const std::function<std::optional<CheckInSummaryRun>(const llvm::Function &)> &AlsoCheck =
        nullptr,
    const std::function<std::shared_ptr<SavedFixpoint> *(const llvm::Function &)>
        &KeepFixpoint = nullptr,
    IndirectCallees *Indirect = nullptr, GepOffsetTable *Geps = nullptr);

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_CALLGRAPHSUMMARIES_H
