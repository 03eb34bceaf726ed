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
#include "llvm/ADT/SmallVector.h"
#include <vector>
#include <functional>

namespace llvm {
class Module;
}

namespace irqlcheck {

using ContractMap = llvm::DenseMap<const llvm::Function *, Contract>;
using SummaryMap = llvm::DenseMap<const llvm::Function *, FunctionSummary>;

/// Does the function need a summary (no entry IRQL of its own: no min, max,
/// requires or role)?
bool needsSummary(const Contract &C);

/// Computes summaries for the functions Analyzable accepts, bottom-up, and
/// merges each summary into Contracts below what the function already says.
/// BottomUp receives the analysable functions' SCCs, callees first.
void summarizeModule(llvm::Module &M, ContractMap &Contracts, SummaryMap &Summaries,
                     const std::function<bool(const llvm::Function &)> &Analyzable,
                     const LevelTable &Levels, Reporter &R,
                     std::vector<llvm::SmallVector<const llvm::Function *, 4>> *BottomUp = nullptr);

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_CALLGRAPHSUMMARIES_H
