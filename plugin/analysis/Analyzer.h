//===- Analyzer.h - The flow-sensitive IRQL analysis of one function -----===//
//
// Private to the analysis. One Analyzer runs over one function: a fixpoint
// over block entry states (FunctionAnalysis.cpp), then one replay that
// reports (from the states the fixpoint's last visit of a block kept at
// its calls and return, when they are still current). Its parts live in one
// file each:
//   SymbolicValues.cpp   the variable map: what values and memory hold
//   CallEffects.cpp      calls: held against the callee's contract, and
//                        what they do to the IRQL and the saved-IRQL stack
//   ExitChecks.cpp       returns: held against the function's own contract
//   SummaryInference.cpp what an unannotated function demands and does
//   QuietFunctions.cpp   functions that never change the IRQL, in one pass
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_ANALYZER_H
#define IRQLCHECK_ANALYSIS_ANALYZER_H

#include "analysis/AnalysisState.h"
#include "analysis/FunctionAnalysis.h"
#include "analysis/IndirectCallees.h"
#include "model/KernelModel.h"
#include "report/Reporter.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerIntPair.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/PostDominators.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"
#include <string>
#include <vector>

namespace irqlcheck {
namespace detail {

using namespace llvm;

/// The states at an instruction the replay has something to do at (a call
/// or a return), from the last visit of its block in the fixpoint.
struct KeptPoint {
  const Instruction *I;
  std::vector<State> States;
  bool EffectsFind = true; // the call's effects report something (applyEffects)
};

/// What the fixpoint (phase 1) leaves for the replay (phase 2).
struct Fixpoint {
  std::vector<const BasicBlock *> Order; // reverse post-order
  PathTable Paths;
  DenseMap<const Value *, std::optional<int64_t>> GepOffsets;
  DenseMap<const Value *, std::optional<PathId>> FixedPaths;
  DenseMap<const Instruction *, unsigned> InstIds;
  SmallPtrSet<const AllocaInst *, 8> Escaped;
  DenseSet<const Value *> LiveOut;
  DenseSet<const Instruction *> Unread;
  DenseSet<PathId> Clobbered;
  SmallPtrSet<const Instruction *, 4> UndoneByConstant;
  SmallPtrSet<const Instruction *, 4> SetToLevel;
  // Entry states by RPO index (most blocks have one: kept inline).
  std::vector<SmallVector<State, 1>> In_;
  // The instructions a transfer acts on (calls, stores, and the loads,
  // casts and compares some transfer reads), block after block in RPO:
  // block I's are Steps[StepBegin[I]] up to Steps[StepBegin[I + 1]]. A
  // call's bit: the replay has something to do there (replayedAt).
  std::vector<PointerIntPair<const Instruction *, 1, bool>> Steps;
  std::vector<unsigned> StepBegin;
  // By block (RPO index): the kept points of its last visit, and whether
  // its entry states are still those of that visit.
  std::vector<std::vector<KeptPoint>> Points;
  std::vector<bool> PointsCurrent;
};

} // namespace detail

struct SavedFixpoint {
  LevelRange Entry;    // the entry range it was computed from
  std::string Own;     // the function's own contract it was computed with
  detail::Fixpoint Fix;
};

namespace detail {
/// The abstract slot of a buffer that holds a saved floating-point state.
constexpr const char *FloatStateSlot = "float-state";

class Analyzer {
public:
  explicit Analyzer(const FunctionAnalysisInput &In)
      : In(In), F(In.F), Own(In.Own), L(In.Levels), DL(F.getParent()->getDataLayout()) {}

  void run();

private:
  const FunctionAnalysisInput &In;
  const Function &F;
  const Contract &Own;
  const LevelTable &L;
  const DataLayout &DL;
  // What the fixpoint computes, kept together so that a check run can take
  // over a summary run's (adopt); the names below are its parts.
  Fixpoint Fix;
  PathTable &Paths = Fix.Paths;
  DenseMap<const Value *, std::optional<int64_t>> &GepOffsets = Fix.GepOffsets; // constant, or unknown
  // Pointers whose path does not depend on the state (nullopt: it does).
  DenseMap<const Value *, std::optional<PathId>> &FixedPaths = Fix.FixedPaths;
  DenseMap<const Instruction *, unsigned> &InstIds = Fix.InstIds;
  SmallPtrSet<const AllocaInst *, 8> &Escaped = Fix.Escaped;
  // Instructions used outside their own block: the only SSA facts a state
  // carries along an edge.
  DenseSet<const Value *> &LiveOut = Fix.LiveOut;
  // Loads, casts and compares whose value no transfer reads (only
  // arithmetic, phis, selects and GEP indices use it): not transferred.
  DenseSet<const Instruction *> &Unread = Fix.Unread;
  // Paths a call was given a pointer to, or that received a value we do not
  // track: they may hold the IRQL (for irql-saves-not-written).
  DenseSet<PathId> &Clobbered = Fix.Clobbered;
  // Raises whose undoing a lower to a constant stood in for (already
  // reported there): a later restore of their saved value is not reported.
  SmallPtrSet<const Instruction *, 4> &UndoneByConstant = Fix.UndoneByConstant;
  // Calls that set the IRQL to a known level by raising or setting it (not
  // by a restore): an IRQL they left is the function's own doing.
  SmallPtrSet<const Instruction *, 4> &SetToLevel = Fix.SetToLevel;
  std::vector<SmallVector<State, 1>> &In_ = Fix.In_;
  // What a direct call's callee is to the analysis, found once per call
  // site rather than at every visit (see calleeFacts).
  struct CalleeFacts {
    const Contract *CC = nullptr;
    bool CurIrql = false; // KeGetCurrentIrql()
  };
  DenseMap<const CallBase *, CalleeFacts> CalleeFactsAt;
  CalleeFacts calleeFacts(const CallBase &CB, const Function *Callee);
  std::vector<const BasicBlock *> &Order = Fix.Order; // reverse post-order
  std::vector<unsigned> Visits; // by RPO index
  DenseMap<const BasicBlock *, unsigned> JoinEpochs; // see joinEpoch()
  std::vector<unsigned> VisitLimits; // by RPO index; see visitLimit()
  // By block (RPO index): the states at each instruction the replay has
  // anything to do at, from the block's last visit in the fixpoint, and
  // whether its entry states are still those of that visit.
  std::vector<std::vector<KeptPoint>> &Points = Fix.Points;
  std::vector<bool> &PointsCurrent = Fix.PointsCurrent;
  bool FromKeptVisit = false; // the replay runs from those states now
  bool KeptEffectsFind = true; // ... and this one's effects report something
  bool EffectsMayFind = false; // set by applyEffects when it reports or would
  DenseSet<std::pair<const Instruction *, unsigned>> Reported;
  bool Reporting = false;
  // A KeGetCurrentIrql() test narrowed the entry range on some path: the
  // fixpoint depends on the range's bounds, not only on it being the entry.
  bool EntryNarrowed = false;
  // Exit behaviour seen so far, for the summary.
  unsigned NumExits = 0;
  std::optional<Level> ExitLevel;
  bool ExitLevelMixed = false;
  int ExitArg = -2; // -2 none seen, -1 mixed
  bool ExitRetSaved = true;
  PathId ExitSlot = 0; // the caller's saved IRQL every exit returns at
  bool ExitSlotMixed = false;
  // Caller-visible locations that hold an outstanding saved IRQL at every
  // exit (the acquire-wrapper summary).
  std::optional<SmallVector<PathId, 4>> ExitSaved;
  bool EntryPromised = false;
  // The range's top is promised only to calls on every path (a Guarded role).
  bool EntryGuarded = false;
  // The item that sets the top of the entry range (for the message when a
  // call is wrong only there), or null.
  const ContractItem *EntryTop = nullptr;
  // The entry range came from the callers (top-down): a call that breaks
  // the rule at that entry IRQL was already reported at the caller, through
  // this function's summary.
  bool DerivedEntry = false;
  // The function's own bounds while it runs (_IRQL_always_function_max_/min_;
  // _IRQL_raises_ implies a maximum), from its contract.
  std::optional<Level> FnMax, FnMin;
  LevelRange EntryRange;
  int CancelArg = -1;
  // Floating-point state (FloatState.cpp): for the summary, the buffers the
  // caller names whose state every exit leaves saved at the entry IRQL, and
  // those restored (at the entry IRQL) from a save the caller made.
  std::optional<SmallVector<PathId, 2>> ExitFpSaved;
  SmallVector<PathId, 2> FpRestoredAtEntry;
  bool FpRestoreElsewhere = false;
  // Is a call followed, on some path, by a KeWaitForXxx call before any
  // other call (the wait that must follow KeSetEvent(..., TRUE))?
  DenseMap<const Instruction *, bool> WaitFollows;
  // Built on first use (guardedCall): does a block run on every path from
  // the entry?
  std::unique_ptr<PostDominatorTree> PostDom;
  // A pageable function that raises is reported at its first raise only:
  // the fix (a non-pageable section) is one.
  bool PagedRaiseReported = false;

  Level high() const { return L.high(); }
  uint64_t instId(const Instruction *I) {
    auto [It, New] = InstIds.try_emplace(I, InstIds.size() + 1);
    return TagInst | It->second;
  }

  // Values and pointers.
  PathId pointerPath(const Value *V, const State &S);
  std::optional<PathId> directPath(const Value *Base);
  std::optional<PathId> fixedPath(const Value *V);
  std::optional<int64_t> gepOffset(const GEPOperator *GEP);
  SymVal symOf(const Value *V, const State &S);
  void invalidateForCall(const CallBase &CB, State &S);

  // Transfer.
  bool unreadValue(const Value *V, unsigned Depth = 0) const;
  void transferInst(const Instruction &I, std::vector<State> &States);
  void transferCall(const CallBase &CB, std::vector<State> &States);
  struct Finding {
    CheckId Id;
    std::string Msg;
    std::vector<DiagNote> Notes;
  };
  bool restoresValue(const ContractItem &I, const Value *Arg) const;
  PathId itemLocation(const ContractItem &I, PathId ArgPointee);
  PathId locationAt(const CallBase &CB, const ContractItem &I, const State &S);
  PathId ownLocation(const ContractItem &I);
  PathId homeOf(const Argument &A);
  void swapWithLatestRaise(State &S, const IrqlValue &EarlierSaved,
                           std::optional<IrqlValue> &After);
  void applyEffects(const CallBase &CB, const Contract &CC, State &S,
                    std::vector<Finding> *Findings);
  void floatState(const CallBase &CB, const Contract &CC, State &S,
                  std::vector<Finding> *Findings);
  void noteFloatExit(const State &S);
  void finishFloatSummary();
  bool followedByWait(const CallBase &CB);
  bool guardedCall(const CallBase &CB);
  void successors(const Instruction &Term, State &S,
                  SmallVectorImpl<std::pair<const BasicBlock *, State>> &Out);
  void checkExit(const ReturnInst &RI, std::vector<State> &States);
  struct CallVerdict {
    LevelRange Allowed{};
    bool HasReq = false;
    const ContractItem *Why = nullptr; // the item that limits Allowed
    bool High = false, Low = false, Paged = false; // broken on every path
    bool Positional = false; // High or Low depended on where the call is (guardedCall)
  };
  CallVerdict callVerdict(const CallBase &CB, const Contract &CC,
                          const std::vector<State> &States);
  void tellCallee(const CallBase &CB, const Function &Callee, const std::vector<State> &States);
  Level entryMaxFrom(const Contract &CC, LevelRange Allowed) const;
  void noteConstraint(const CallBase &CB, const Contract &CC, LevelRange Allowed,
                      const std::vector<State> &States);
  void noteExit(const ReturnInst &RI, const std::vector<State> &States);
  void addChain(const Function &Callee, bool Max, std::vector<DiagNote> &Notes);
  void finishSummary();
  void prepare();
  void fixpoint();
  void replay();
  bool replayedAt(const Instruction &I);
  bool adopt(SavedFixpoint &Saved);
  void keep(SavedFixpoint &Saved);
  bool raisesToUnknownLevel() const;
  // Functions that never change the IRQL (QuietFunctions.cpp).
  bool quietRun();
  bool quietCall(const CallBase &CB, const Contract &CC, const State &Entry);

  // Helpers.
  LevelRange allowedAt(const CallBase &CB, const Contract &CC, const State &S, bool &HasReq,
                       const ContractItem *&Why);
  bool conditionHolds(const Condition &C, const CallBase &CB, const State &S);
  void report(const Instruction &I, CheckId Id, const std::string &Msg,
              const std::vector<State> &States, std::vector<DiagNote> Notes = {});
  DiagNote raisedNote(const State &S);
  DiagNote raisedNote(const Instruction *Site, const IrqlValue &Cur);
  bool addState(const BasicBlock *BB, SmallVectorImpl<State> &List, State &&S, bool &Touched);
  unsigned joinEpoch(const BasicBlock *BB);
  unsigned visitLimit(unsigned Index);
  void keepLiveOut(State &S, const Value *Keep);
  std::string calleeName(const CallBase &CB) const;

  // Calls through function pointers (IndirectCallees.cpp).
  const CallBase *ForcedCall = nullptr; // checked now against ForcedCallee
  const Function *ForcedCallee = nullptr;
  const Function *calledFunction(const CallBase &CB) const;
  const Function *nameableCallee(const CallBase &CB) const;
  const Function *targetOnPath(const CallBase &CB, const State &S);
  const Instruction *choiceOnPath(const CallBase &CB, const State &S);
  void transferAnyCall(const CallBase &CB, std::vector<State> &States);
  void addTargetNotes(const CallBase &CB, std::vector<DiagNote> &Notes);
};

} // namespace detail
} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_ANALYZER_H
