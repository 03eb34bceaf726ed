//===- Suggestions.h - Contracts written back as SAL ----------------------===//
//
// The inferred contract of a function, as the annotations a developer would
// paste above it: the note on a chained finding and
// -fplugin-arg-irqlcheck-suggest both speak SAL, not the contract text.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_SUGGESTIONS_H
#define IRQLCHECK_ANALYSIS_SUGGESTIONS_H

#include "analysis/CallGraphSummaries.h"

#include "llvm/Support/raw_ostream.h"
#include <string>

namespace llvm {
class Module;
}

namespace irqlcheck {
struct TUModel;

/// "_IRQL_requires_max_(PASSIVE_LEVEL) _IRQL_requires_same_".
std::string toSal(const Contract &C, const LevelTable &Levels);

/// One line per defined function: "irqlcheck: suggest NAME: SAL".
void printSuggestions(llvm::Module &M, const SummaryMap &Summaries,
                      const ContractMap &Contracts, TUModel &Model, llvm::raw_ostream &OS);

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_SUGGESTIONS_H
