//===- FunctionAnalysis.h - Flow-sensitive IRQL checking of one function --===//
//
// A path-sensitive dataflow over the function's CFG (ESP-style: states with
// different IRQL facts stay apart, up to a bound), tracking the current IRQL,
// the stack of raises that saved an IRQL, where saved values live (locals,
// struct fields, _IRQL_saves_global_ slots) and simple branch facts, so that
// `if (locked) acquire; ... if (locked) release;` and try-locks stay silent.
// Every call is held against the callee's contract and every return against
// the function's own. A finding is reported only if every state reaching the
// point breaks the rule.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_FUNCTIONANALYSIS_H
#define IRQLCHECK_ANALYSIS_FUNCTIONANALYSIS_H

#include "analysis/IrqlValue.h"
#include "model/Contract.h"

#include <functional>
#include <memory>
#include <optional>

namespace llvm {
class CallBase;
class Function;
class Instruction;
} // namespace llvm

namespace irqlcheck {
class GepOffsetTable;
class IndirectCallees;
class Reporter;

/// What an unannotated function demands and does, inferred from its body:
/// the entry IRQL its calls tolerate (and the call that limits it), and its
/// effect on the IRQL. Callers use it exactly like an annotation.
struct FunctionSummary {
  std::optional<Level> MaxEntry, MinEntry;
  const llvm::Instruction *MaxWhy = nullptr, *MinWhy = nullptr;
  Contract Inferred; // max/min plus the exit effect, Origin::Inferred

  bool operator==(const FunctionSummary &O) const {
    return MaxEntry == O.MaxEntry && MinEntry == O.MinEntry &&
           Inferred.str(LevelTable()) == O.Inferred.str(LevelTable());
  }
};

/// The fixpoint of a summary run, kept for the same function's check run
/// (FunctionAnalysis.cpp says when it can stand in for that run's own).
struct SavedFixpoint;

struct FunctionAnalysisInput {
  const llvm::Function &F;
  /// The function's own contract (may be empty).
  const Contract &Own;
  /// The contract of a callee, or null.
  std::function<const Contract *(const llvm::Function &)> ContractOf;
  const LevelTable &Levels;
  Reporter &R;
  /// Report findings (false while computing summaries).
  bool Emit = true;
  /// If set, filled with the function's inferred summary.
  FunctionSummary *Summary = nullptr;
  /// For a callee whose requirement was inferred: the call in its body that
  /// imposes it (for the call chain in notes), or null.
  std::function<const llvm::Instruction *(const llvm::Function &, bool Max)> WhyOf;
  /// The contract of an indirect call through a pointer of a role type, or null.
  std::function<const Contract *(const llvm::CallBase &)> IndirectContractOf;
  /// For an internal function without an entry IRQL of its own: the union
  /// of the IRQLs its callers call it at (top-down).
  std::optional<LevelRange> CallerEntry;
  /// Told the IRQL (all paths together) at each direct call, for the above
  /// (and at each call through a pointer, with the target on those paths).
  std::function<void(const llvm::CallBase &, const llvm::Function &, LevelRange)> OnDirectCall;
  /// Does a callee take the above into account (null: assume it does)?
  std::function<bool(const llvm::Function &)> UsesCallersIrql = nullptr;
  /// The targets of calls through pointers the analysis follows, or null.
  IndirectCallees *Indirect = nullptr;
  /// GEP offsets by shape, shared by the module's runs, or null.
  GepOffsetTable *Geps = nullptr;
  /// Summary run: set to the fixpoint, if a check run that differs only in
  /// its entry range can replay it (else left null).
  std::shared_ptr<SavedFixpoint> *Keep = nullptr;
  /// Check run: a fixpoint kept by the summary run, replayed instead of
  /// computed again when it fits (consumed).
  SavedFixpoint *Reuse = nullptr;
  /// Does an instruction sit where a return statement of the source starts
  /// (null: none is known)? A `ret` there is that statement's own.
  std::function<bool(const llvm::Instruction &)> AtReturnStatement = nullptr;
};

void analyzeFunction(const FunctionAnalysisInput &In);

/// Does the function's own contract promise that it is really entered at
/// every level of its entry range (so its callers' IRQL does not narrow it)?
bool entryPromised(const Contract &Own);
/// Is the entry range's top a Guarded role's (Roles.def)?
bool entryGuarded(const Contract &Own);

/// Does the documented default _IRQL_requires_max_(DISPATCH_LEVEL) apply?
/// (Annotations that mention the IRQL but give no maximum.)
bool defaultMaxApplies(const Contract &C);

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_FUNCTIONANALYSIS_H
