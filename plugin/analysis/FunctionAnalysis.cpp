//===- FunctionAnalysis.cpp - The fixpoint over one function --------------===//
#include "analysis/FunctionAnalysis.h"
#include "analysis/Analyzer.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/PatternMatch.h"

#include <queue>

using namespace llvm;

namespace irqlcheck {

bool defaultMaxApplies(const Contract &C) {
  if (C.has(ItemKind::Max) || C.has(ItemKind::Req))
    return false;
  for (const ContractItem &I : C.items())
    if (I.From.Src != Origin::KernelModel && I.From.Src != Origin::UserModel &&
        I.Kind != ItemKind::Class && I.Kind != ItemKind::Paged && I.Kind != ItemKind::Try)
      return true;
  return false;
}

namespace detail {

DiagNote Analyzer::raisedNote(const State &S) {
  return raisedNote(!S.Stack.empty() ? S.Stack.back() : S.LastChange, S.Cur);
}

/// The note on the call that set the IRQL (Cur) last, at Site (or none).
DiagNote Analyzer::raisedNote(const Instruction *Site, const IrqlValue &Cur) {
  if (!Site)
    return DiagNote{DiagLoc(), ""};
  const auto &CB = cast<CallBase>(*Site);
  return DiagNote{DiagLoc::ir(Site->getDebugLoc().get(), &F, calleeName(CB)),
                  "IRQL set to " + describe(Cur, L) + " here by '" + calleeName(CB) + "'"};
}

void Analyzer::report(const Instruction &I, CheckId Id, const std::string &Msg,
                      const std::vector<State> &States, std::vector<DiagNote> Notes) {
  if (!Reporting || !In.Emit || !Reported.insert({&I, unsigned(Id)}).second)
    return;
  if (const auto *CB = dyn_cast<CallBase>(&I))
    addTargetNotes(*CB, Notes);
  Notes.erase(remove_if(Notes, [](const DiagNote &N) { return N.Message.empty(); }),
              Notes.end());
  std::string Token = isa<CallBase>(I) ? calleeName(cast<CallBase>(I)) : "return";
  // A compiler-made branch (the way out of a scope at -O1 and up) has no
  // location: use the closest located instruction before it in its block.
  const DILocation *DL = I.getDebugLoc().get();
  for (const Instruction *P = I.getPrevNode(); !DL && P; P = P->getPrevNode())
    DL = P->getDebugLoc().get();
  In.R.report(Id, DiagLoc::ir(DL, &F, Token), Msg, Notes);
}

/// The epoch BB gives the states that reach it under different ones: fixed
/// per block, so a loop's states settle; spaced so that the IRQL changes
/// counted from one never reach the next.
unsigned Analyzer::joinEpoch(const BasicBlock *BB) {
  auto [It, New] = JoinEpochs.try_emplace(BB, 0);
  if (New)
    It->second = (1u << 30) + (unsigned(JoinEpochs.size()) << 12);
  return It->second;
}

/// How many times states may reach BB before it is widened: a block is
/// reached once per incoming edge before any loop goes round (the join after
/// a switch of thirty cases, thirty times), and MaxVisitsPerBlock more for
/// its loops to settle.
/// (By RPO index, counted when first asked: 0 is not counted yet.)
unsigned Analyzer::visitLimit(unsigned Index) {
  unsigned &Limit = VisitLimits[Index];
  if (!Limit)
    Limit = MaxVisitsPerBlock + unsigned(pred_size(Order[Index]));
  return Limit;
}

/// Adds S to BB's entry states; true if they changed (as State::operator==
/// sees them). Only the state that changes is compared, not the whole list.
/// Touched is set if they changed in any way.
bool Analyzer::addState(const BasicBlock *BB, SmallVectorImpl<State> &List, State &&S,
                        bool &Touched) {
  for (State &Old : List)
    if (Old.sameCore(S)) {
      if (Old.Epoch == S.Epoch)
        return Old.join(S, &Touched);
      unsigned E = joinEpoch(BB);
      bool Relabelled = Old.Epoch != E;
      Old.relabelEpoch(E);
      S.relabelEpoch(E);
      Touched |= Relabelled;
      return Old.join(S, &Touched) || Relabelled;
    }
  Touched = true;
  if (List.size() < MaxStatesPerBlock) {
    List.push_back(std::move(S));
    return true;
  }
  SmallVector<State, MaxStatesPerBlock> Before(List.begin(), List.end());
  List.push_back(std::move(S));
  unsigned E = joinEpoch(BB);
  for (State &St : List)
    St.relabelEpoch(E);
  for (unsigned I = 1; I < List.size(); ++I)
    List[0].join(List[I]);
  List.resize(1);
  return !(Before.size() == 1 && List[0] == Before[0]);
}


//===----------------------------------------------------------------------===//
// Branches and exits
//===----------------------------------------------------------------------===//

static std::optional<LevelRange> narrow(LevelRange R, CmpInst::Predicate P, int64_t C,
                                        bool Taken) {
  if (!Taken)
    P = CmpInst::getInversePredicate(P);
  int64_t Lo = R.Lo, Hi = R.Hi;
  switch (P) {
  case CmpInst::ICMP_EQ: Lo = std::max<int64_t>(Lo, C), Hi = std::min<int64_t>(Hi, C); break;
  case CmpInst::ICMP_NE:
    if (Lo == Hi && Lo == C)
      return std::nullopt;
    if (Lo == C)
      ++Lo;
    else if (Hi == C)
      --Hi;
    break;
  case CmpInst::ICMP_ULT: case CmpInst::ICMP_SLT: Hi = std::min<int64_t>(Hi, C - 1); break;
  case CmpInst::ICMP_ULE: case CmpInst::ICMP_SLE: Hi = std::min<int64_t>(Hi, C); break;
  case CmpInst::ICMP_UGT: case CmpInst::ICMP_SGT: Lo = std::max<int64_t>(Lo, C + 1); break;
  case CmpInst::ICMP_UGE: case CmpInst::ICMP_SGE: Lo = std::max<int64_t>(Lo, C); break;
  default: break;
  }
  if (Lo > Hi)
    return std::nullopt;
  return LevelRange{Level(Lo), Level(Hi)};
}

void Analyzer::successors(const Instruction &Term, State &S,
                          SmallVectorImpl<std::pair<const BasicBlock *, State>> &Out) {
  // (N is a State& to copy or a State&& to move: straight into Out, as
  // a state moves at some cost, its SSA map being inline.)
  auto Edge = [&](const BasicBlock *BB, auto &&N) {
    // A join with no source location is compiler-made (the cleanup block and
    // switch clang emits at -O1 and up, where lifetime markers end a scope):
    // it must not hide which return statement the path came from.
    auto &Added = Out.emplace_back(BB, std::forward<decltype(N)>(N)).second;
    if (Term.getDebugLoc() || Term.getParent()->getSinglePredecessor() || !Added.ExitVia)
      Added.ExitVia = &Term;
  };
  // A switch: clang's cleanup blocks at -O1 and up dispatch on a slot that
  // says which statement left the scope (a return, or going on with a
  // loop); on each path the slot holds a known constant.
  if (const auto *SI = dyn_cast<SwitchInst>(&Term)) {
    SymVal C = symOf(SI->getCondition(), S);
    if (C.K == SymVal::Const) {
      auto Case = llvm::find_if(SI->cases(), [&](const auto &Cs) {
        return Cs.getCaseValue()->getSExtValue() == C.N;
      });
      Edge(Case != SI->case_end() ? Case->getCaseSuccessor() : SI->getDefaultDest(),
           std::move(S));
      return;
    }
    if (C.K == SymVal::Opaque || C.K == SymVal::ArgVal) {
      // The cases take copies of S, the default S itself (last).
      SmallVector<Fact, 4> NotCases;
      bool DefaultFeasible = true;
      for (const auto &Cs : SI->cases()) {
        int64_t V = Cs.getCaseValue()->getSExtValue();
        std::optional<bool> Known = S.knownEq(C.Id, V);
        if (Known && *Known)
          DefaultFeasible = false;
        if (!Known || *Known) {
          Edge(Cs.getCaseSuccessor(), S);
          if (!Known)
            Out.back().second.Facts.push_back({C.Id, true, V});
        }
        if (!Known)
          NotCases.push_back({C.Id, false, V});
      }
      if (DefaultFeasible) {
        Edge(SI->getDefaultDest(), std::move(S));
        Out.back().second.Facts.append(NotCases.begin(), NotCases.end());
      }
      return;
    }
  }
  const auto *BI = dyn_cast<BranchInst>(&Term);
  if (!BI || !BI->isConditional()) {
    // The last edge takes the state itself.
    for (unsigned I = 0, N = Term.getNumSuccessors(); I < N; ++I)
      if (I + 1 < N)
        Edge(Term.getSuccessor(I), S);
      else
        Edge(Term.getSuccessor(I), std::move(S));
    return;
  }
  // A minifilter post-operation called with FLTFL_POST_OPERATION_DRAINING
  // (bit 0 of its Flags, parameter 3) runs at APC_LEVEL or below: on the
  // edge where `Flags & FLTFL_POST_OPERATION_DRAINING` is set, the entry
  // IRQL is at most APC_LEVEL. (Taken: the branch is taken when it is set.)
  auto DrainingTest = [&]() -> std::optional<bool> {
    using namespace PatternMatch;
    const Value *Cond = BI->getCondition();
    bool Taken = true;
    if (const auto *X = dyn_cast<BinaryOperator>(Cond);
        X && X->getOpcode() == Instruction::Xor && match(X->getOperand(1), m_One())) {
      Cond = X->getOperand(0); // !FlagOn(Flags, FLTFL_POST_OPERATION_DRAINING)
      Taken = false;
    }
    // The compare is taken apart by hand: m_ICmp's predicate binding has a
    // different type from LLVM 20 on.
    const auto *Cmp = dyn_cast<ICmpInst>(Cond);
    const Value *Masked;
    if (!Cmp || !Cmp->isEquality() ||
        !match(Cmp->getOperand(0), m_And(m_Value(Masked), m_One())) ||
        !match(Cmp->getOperand(1), m_Zero()))
      return std::nullopt;
    CmpInst::Predicate P = Cmp->getPredicate();
    const ContractItem *Class = Own.find(ItemKind::Class);
    if (!Class || Class->Name != "PFLT_POST_OPERATION_CALLBACK" || F.arg_size() != 4)
      return std::nullopt;
    // The parameter itself, or (before mem2reg) a load of the slot it was
    // spilled to, which nothing else is stored to and whose address is not
    // taken.
    const Argument *Flags = F.getArg(3);
    if (const auto *LI = dyn_cast<LoadInst>(Masked)) {
      const auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand());
      if (!Slot || !all_of(Slot->users(), [&](const User *U) {
            const auto *St = dyn_cast<StoreInst>(U);
            return isa<LoadInst>(U) || (St && St->getValueOperand() == Flags &&
                                        St->getPointerOperand() == Slot);
          }))
        return std::nullopt;
    } else if (Masked != Flags) {
      return std::nullopt;
    }
    return Taken == (P == CmpInst::ICMP_NE);
  };
  if (std::optional<bool> Draining = DrainingTest()) {
    for (unsigned I = 0; I < 2; ++I) {
      if (I == 0)
        Edge(BI->getSuccessor(0), S);
      else
        Edge(BI->getSuccessor(1), std::move(S));
      IrqlValue &V = Out.back().second.Cur;
      if ((I == 0) != *Draining || !V.HasEntry)
        continue;
      if (auto R = narrow(V.Entry, CmpInst::ICMP_ULE, ApcLevel, true)) {
        EntryNarrowed = true;
        V.Entry = *R;
      }
    }
    return;
  }
  SymVal C = symOf(BI->getCondition(), S);
  if (C.K == SymVal::Opaque || C.K == SymVal::ArgVal) {
    SymVal Cmp;
    Cmp.K = SymVal::Cmp;
    Cmp.InnerK = C.K;
    Cmp.InnerId = C.Id;
    Cmp.Pred = CmpInst::ICMP_NE;
    C = Cmp;
  }
  for (unsigned I = 0; I < 2; ++I) {
    bool Taken = I == 0;
    const BasicBlock *Succ = BI->getSuccessor(I);
    // The edge's state, made once the edge is known to be feasible: a copy
    // of S on the first edge, S itself on the last.
    auto Take = [&]() -> State & {
      if (Taken)
        Edge(Succ, S);
      else
        Edge(Succ, std::move(S));
      return Out.back().second;
    };
    if (C.K == SymVal::Const) {
      if ((C.N != 0) == Taken)
        Edge(Succ, std::move(S)); // (one edge only)
      continue;
    }
    if (C.K != SymVal::Cmp) {
      Take();
      continue;
    }
    CmpInst::Predicate P = Taken ? C.Pred : CmpInst::getInversePredicate(C.Pred);
    if (C.InnerK == SymVal::CurIrql) {
      IrqlValue V = S.Cur;
      if (C.InnerId == S.Epoch) {
        EntryNarrowed |= V.HasEntry;
        if (V.HasEntry) {
          auto R = narrow(V.Entry, C.Pred, C.N, Taken);
          V.HasEntry = bool(R);
          if (R)
            V.Entry = *R;
        }
        if (V.HasAbs) {
          auto R = narrow(V.Abs, C.Pred, C.N, Taken);
          V.HasAbs = bool(R);
          if (R)
            V.Abs = *R;
        }
        if (V.empty())
          continue; // infeasible
      }
      Take().Cur = V;
      continue;
    }
    // A fact about an opaque value.
    std::optional<Fact> New;
    if (P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_NE) {
      bool Eq = P == CmpInst::ICMP_EQ;
      std::optional<bool> Known = S.knownEq(C.InnerId, C.N);
      if (Known && *Known != Eq)
        continue; // infeasible
      if (!Known)
        New = Fact{C.InnerId, Eq, C.N};
    }
    State &N = Take();
    if (New)
      N.Facts.push_back(*New);
  }
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

/// Does an entry item promise that the function is really entered at every
/// level of its range (so a call wrong at the top of it is a bug)? What is
/// written on the function itself does (an annotation, the IR attribute, a
/// model file), and so does a role the system really calls at the top of its
/// range (a DPC, a completion routine). A bound that only limits where the
/// function may run (the DRIVER_DISPATCH typedef's DISPATCH_LEVEL, most
/// dispatch routines running at PASSIVE_LEVEL) does not.
static bool promisesEntry(const ContractItem &I, const Contract &Own) {
  switch (I.From.Src) {
  case Origin::Annotation:
  case Origin::IR:
  case Origin::UserModel:
  case Origin::KernelModel:
    return true;
  case Origin::FunctionClass: {
    if (I.From.BoundOnly)
      return false;
    const ContractItem *Class = Own.find(ItemKind::Class);
    return KernelModel::rolePromisesEntry(Class ? StringRef(Class->Name) : StringRef(I.From.Via));
  }
  case Origin::Inferred:
    return false;
  }
  return false;
}

} // namespace detail

bool entryGuarded(const Contract &Own) {
  const ContractItem *Mx = Own.find(ItemKind::Max);
  if (!Mx || Own.find(ItemKind::Req) || Mx->From.Src != Origin::FunctionClass || Mx->From.BoundOnly)
    return false;
  const ContractItem *Class = Own.find(ItemKind::Class);
  return KernelModel::roleGuardsEntry(Class ? StringRef(Class->Name) : StringRef(Mx->From.Via));
}

bool entryPromised(const Contract &Own) {
  if (const ContractItem *R = Own.find(ItemKind::Req))
    return detail::promisesEntry(*R, Own);
  const ContractItem *Mn = Own.find(ItemKind::Min), *Mx = Own.find(ItemKind::Max);
  return Mx && detail::promisesEntry(*Mx, Own) && (!Mn || detail::promisesEntry(*Mn, Own));
}

namespace detail {

//===----------------------------------------------------------------------===//
// One fixpoint for the summary run and the check run
//===----------------------------------------------------------------------===//
//
// An unannotated internal helper is analysed bottom-up for its summary, with
// the entry range its own contract gives, and again top-down for its
// findings, with the range its callers call it at. When the fixpoint cannot
// tell the two ranges apart, the second run replays the first one's instead
// of computing it again: the fixpoint only ever carries the entry range as a
// whole (copied into states, saved values, joined with itself), unless a
// KeGetCurrentIrql() test narrows it (EntryNarrowed) or a raise to an unknown
// level takes its lower bound (raisesToUnknownLevel); everything that reads
// the bounds (the verdicts, the messages, the summary's constraints) runs in
// the replay. So the first run's states, with the range renamed, are those
// the second run would compute, and the replay reports what it would.

/// Does a call raise to a level only known at run time (the new IRQL's
/// lower bound is then taken from the current one)?
bool Analyzer::raisesToUnknownLevel() const {
  for (const Instruction &I : instructions(F)) {
    const auto *CB = dyn_cast<CallBase>(&I);
    if (!CB)
      continue;
    const auto *Callee = dyn_cast<Function>(CB->getCalledOperand()->stripPointerCasts());
    const Contract *CC = Callee                 ? In.ContractOf(*Callee)
                         : In.IndirectContractOf ? In.IndirectContractOf(*CB)
                                                 : nullptr;
    if (CC && any_of(CC->items(), [](const ContractItem &It) {
          return It.Kind == ItemKind::Raises && It.Value.K != ItemValue::Lvl;
        }))
      return true;
  }
  return false;
}

void Analyzer::keep(SavedFixpoint &Saved) {
  Saved.Entry = EntryRange;
  Saved.Own = Own.str(L);
  Saved.Fix = std::move(Fix);
}

/// Takes over a kept fixpoint if it was computed from this function's own
/// contract and every entry value in it is the whole entry range it was
/// computed from; renames that range to this run's.
bool Analyzer::adopt(SavedFixpoint &Saved) {
  if (Saved.Own != Own.str(L))
    return false;
  LevelRange From = Saved.Entry, To = EntryRange;
  auto Whole = [&](const IrqlValue &V) { return !V.HasEntry || V.Entry == From; };
  auto HasEntry = [](const auto &KV) { return KV.second.Irql.HasEntry; };
  // The entry states and the states kept at calls and returns (the
  // replay starts from those of a block whose entry states did not change
  // after its last visit).
  auto EveryState = [](Fixpoint &Fx, auto Do) {
    for (auto &List : Fx.In_)
      for (State &S : List)
        if (!Do(S))
          return false;
    for (auto &Block : Fx.Points)
      for (KeptPoint &P : Block)
        for (State &S : P.States)
          if (!Do(S))
            return false;
    return true;
  };
  if (!EveryState(Saved.Fix, [&](const State &S) {
        return Whole(S.Cur) &&
               all_of(S.Mem, [&](const auto &M) { return Whole(M.second.Irql); }) &&
               all_of(S.Ssa, [&](const auto &X) { return Whole(X.second.Irql); });
      }))
    return false;
  Fix = std::move(Saved.Fix);
  // What a kept call's effects report was found at the summary run's entry
  // range and without its callers' (DerivedEntry): asked again.
  for (auto &Block : Points)
    for (KeptPoint &P : Block)
      P.EffectsFind = true;
  if (From == To)
    return true;
  EveryState(Fix, [&](State &S) {
    if (S.Cur.HasEntry)
      S.Cur.Entry = To;
    // (Read first: writing a map shared with another state copies it.)
    if (any_of(std::as_const(S.Mem), HasEntry))
      for (auto &M : S.Mem)
        if (M.second.Irql.HasEntry)
          M.second.Irql.Entry = To;
    if (any_of(std::as_const(S.Ssa), HasEntry))
      for (auto &X : S.Ssa)
        if (X.second.Irql.HasEntry)
          X.second.Irql.Entry = To;
    return true;
  });
  return true;
}

/// Keeps only the SSA facts about values used outside their block (and
/// Keep): what travels along an edge; the successors' copies share what is
/// left.
void Analyzer::keepLiveOut(State &S, const Value *Keep) {
  S.Ssa.eraseIf([&](const auto &KV) { return KV.first != Keep && !LiveOut.count(KV.first); });
}

void Analyzer::run() {
  // Entry IRQL from the contract. The documented default maximum
  // (DISPATCH_LEVEL, when the annotations mention the IRQL but give none)
  // bounds the range but promises nothing.
  EntryRange = {PassiveLevel, high()};
  EntryPromised = entryPromised(Own);
  EntryGuarded = !EntryPromised && entryGuarded(Own);
  if (const ContractItem *R = Own.find(ItemKind::Req)) {
    EntryRange = {Level(R->Value.N), Level(R->Value.N)};
    EntryTop = R;
  } else {
    const ContractItem *Mn = Own.find(ItemKind::Min), *Mx = Own.find(ItemKind::Max);
    if (Mn)
      EntryRange.Lo = Level(Mn->Value.N);
    // A function that never runs below a level is not entered below it: an
    // _IRQL_always_function_min_ above DISPATCH_LEVEL is not capped by the
    // implied maximum either.
    Level AlwaysMin = EntryRange.Lo;
    if (const ContractItem *Fm = Own.find(ItemKind::FnMin))
      AlwaysMin = std::max<Level>(AlwaysMin, Level(Fm->Value.N));
    if (Mx)
      EntryRange.Hi = Level(Mx->Value.N);
    else if (defaultMaxApplies(Own) && AlwaysMin <= DispatchLevel)
      EntryRange.Hi = DispatchLevel; // (a higher minimum wins: irql-annotation-range)
    EntryTop = Mx;
  }
  if (!EntryPromised && In.CallerEntry && In.CallerEntry->within(EntryRange)) {
    EntryRange = *In.CallerEntry;
    DerivedEntry = true;
  }
  if (const ContractItem *Fm = Own.find(ItemKind::FnMin))
    EntryRange.Lo = std::max<Level>(EntryRange.Lo, Level(Fm->Value.N));
  // Never running above a level includes the entry (_IRQL_raises_ implies
  // the same bound).
  if (const ContractItem *Fm = Own.find(ItemKind::FnMax))
    EntryRange.Hi = std::min<Level>(EntryRange.Hi, Level(Fm->Value.N));
  if (const ContractItem *R = Own.find(ItemKind::Raises); R && R->Value.K == ItemValue::Lvl)
    EntryRange.Hi = std::min<Level>(EntryRange.Hi, Level(R->Value.N));
  if (EntryRange.Lo > EntryRange.Hi)
    EntryRange.Lo = EntryRange.Hi;
  if (const ContractItem *C = Own.find(ItemKind::Cancel))
    CancelArg = int(C->Value.N);
  if (const ContractItem *I = Own.find(ItemKind::FnMax))
    FnMax = Level(I->Value.N);
  if (const ContractItem *I = Own.find(ItemKind::Raises))
    if (I->Value.K == ItemValue::Lvl)
      FnMax = FnMax ? std::max<Level>(*FnMax, Level(I->Value.N)) : Level(I->Value.N);
  if (const ContractItem *I = Own.find(ItemKind::FnMin))
    FnMin = Level(I->Value.N);
  if (Own.has(ItemKind::Paged)) {
    // Annotated to run above APC_LEVEL (a promise, or a minimum such as
    // _IRQL_always_function_min_(DISPATCH_LEVEL)): the annotation and the
    // section disagree. The body is then checked at what was written.
    bool AnnotatedAbove = EntryRange.Lo > ApcLevel && (EntryPromised || !DerivedEntry);
    if (AnnotatedAbove) {
      Reporting = true;
      In.R.report(CheckId::PagedCall, DiagLoc::ir(nullptr, &F),
                  "pageable function '" + cNameOfSymbol(F.getName()).str() +
                      "' is annotated to run at " + L.name(EntryRange.Lo) +
                      "; pageable code must run at APC_LEVEL or below");
    } else if (!EntryPromised) {
      EntryRange.Hi = std::min<Level>(EntryRange.Hi, ApcLevel);
    }
  }

  // Reported from before the fixpoint: not a run another can stand in for.
  bool ReportedEarly = Reporting;
  if (quietRun())
    return;
  if (In.Reuse && !ReportedEarly && adopt(*In.Reuse)) {
    replay();
    return;
  }
  fixpoint();
  // What the runs intern and record as they go (the tables a kept fixpoint carries).
  auto Recorded = [&] {
    return Paths.size() + InstIds.size() + FixedPaths.size() + GepOffsets.size() +
           Clobbered.size() + UndoneByConstant.size() + SetToLevel.size();
  };
  size_t Grown = Recorded();
  replay();
  // The replay added nothing the fixpoint had not (it went over the same
  // blocks from the same states): what it leaves is what phase 1 left.
  if (In.Keep && !ReportedEarly && !EntryNarrowed && !raisesToUnknownLevel() &&
      Grown == Recorded()) {
    *In.Keep = std::make_shared<SavedFixpoint>();
    keep(**In.Keep);
  }
}

/// Is V's value read by no transfer? Arithmetic, phis, selects and GEP
/// indices get no value from the analysis, and neither do casts and compares
/// used only there (a counter's increment, an array index at -O0); a direct
/// call to an intrinsic or to a function without a contract reads only its
/// pointer arguments (transferCall).
bool Analyzer::unreadValue(const Value *V, unsigned Depth) const {
  return all_of(V->users(), [&](const User *U) {
    if (const auto *CB = dyn_cast<CallBase>(U)) {
      const auto *Callee = dyn_cast<Function>(CB->getCalledOperand());
      return Callee && (Callee->isIntrinsic() || !In.ContractOf(*Callee));
    }
    return isa<BinaryOperator>(U) || isa<UnaryOperator>(U) || isa<PHINode>(U) ||
           isa<SelectInst>(U) || isa<GetElementPtrInst>(U) ||
           ((isa<CastInst>(U) || isa<ICmpInst>(U)) && Depth < 2 && unreadValue(U, Depth + 1));
  });
}

/// What the visits need to know of the function's instructions, found in
/// one walk over the blocks reached (in RPO).
void Analyzer::prepare() {
  // One walk over the reached blocks: what travels along edges, what no
  // transfer reads, and the steps each visit goes through.
  size_t NumInsts = 0;
  Fix.StepBegin.reserve(Order.size() + 1);
  Fix.Steps.reserve(6 * Order.size()); // (about as many as a block has at -O0)
  SmallVector<const AllocaInst *, 16> Allocas;
  for (const BasicBlock *BB : Order) {
    Fix.StepBegin.push_back(Fix.Steps.size());
    for (const Instruction &I : *BB) {
      ++NumInsts;
      if (const auto *AI = dyn_cast<AllocaInst>(&I))
        Allocas.push_back(AI);
      if (any_of(I.users(), [&](const User *U) { return cast<Instruction>(U)->getParent() != BB; }))
        LiveOut.insert(&I);
      if (I.isTerminator() && !isa<InvokeInst>(I))
        continue; // (an invoke is a call: it ends its block, in __try)
      if (const auto *CB = dyn_cast<CallBase>(&I)) {
        // (An intrinsic other than memset/memcpy changes nothing.)
        const Function *Callee = calledFunction(*CB);
        if (!Callee || !Callee->isIntrinsic() || isa<MemIntrinsic>(CB))
          Fix.Steps.push_back({&I, replayedAt(I)});
        continue;
      }
      bool Value = isa<LoadInst>(I) || isa<CastInst>(I) || isa<ICmpInst>(I);
      if (Value && !I.getType()->isPointerTy() && unreadValue(&I)) {
        Unread.insert(&I);
        continue;
      }
      // (Other instructions change no state: addresses, arithmetic, allocas,
      // phis, loads of pointers, resolved through pointerPath.)
      if (isa<StoreInst>(I) || (Value && !(isa<LoadInst>(I) && I.getType()->isPointerTy())))
        Fix.Steps.push_back({&I, false});
    }
  }
  Fix.StepBegin.push_back(Fix.Steps.size());
  // At -O0 about a third of the instructions are pointers whose path is
  // asked for, a seventh GEPs: room for them up front, not grown step by
  // step (each step rehashes).
  FixedPaths.reserve(NumInsts / 3);
  GepOffsets.reserve(NumInsts / 7);
  Paths.reserve(NumInsts / 8);

  // Locals whose address reaches a call or is stored may change behind our back.
  // (Those of the blocks reached: no other block's value is used there.)
  for (const AllocaInst *AI : Allocas) {
    SmallVector<const Value *, 8> Work{AI};
    while (!Work.empty() && !Escaped.count(AI)) {
      const Value *V = Work.pop_back_val();
      for (const User *U : V->users()) {
        if (isa<GetElementPtrInst>(U) || isa<BitCastInst>(U))
          Work.push_back(U);
        else if (const auto *SI = dyn_cast<StoreInst>(U)) {
          if (SI->getValueOperand() == V)
            Escaped.insert(AI);
        } else if (const auto *CB = dyn_cast<CallBase>(U)) {
          if (!CB->isLifetimeStartOrEnd() && !isa<DbgInfoIntrinsic>(CB))
            Escaped.insert(AI);
        } else if (!isa<LoadInst>(U)) {
          Escaped.insert(AI);
        }
      }
    }
  }
}

/// Phase 1: the entry states of every block, to a fixpoint.
void Analyzer::fixpoint() {
  ReversePostOrderTraversal<const Function *> RPOT(&F);
  Order.assign(RPOT.begin(), RPOT.end());
  // (The maps by block get their room at once: no rehash as they fill.)
  DenseMap<const BasicBlock *, unsigned> RPOIndex;
  RPOIndex.reserve(Order.size());
  for (unsigned I = 0; I < Order.size(); ++I)
    RPOIndex[Order[I]] = I;

  prepare();

  In_.resize(Order.size());

  State Entry;
  Entry.Cur = IrqlValue::entry(EntryRange);
  In_[0].push_back(Entry);

  // Phase 1: fixpoint over block entry states (a worklist in RPO order).
  // The lowest RPO index first; a block is queued at most once at a time.
  std::vector<unsigned> WorkRoom;
  WorkRoom.reserve(Order.size());
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>> Work(
      std::greater<unsigned>(), std::move(WorkRoom));
  std::vector<bool> Queued(Order.size(), false);
  auto Enqueue = [&](unsigned I) {
    if (!Queued[I]) {
      Queued[I] = true;
      Work.push(I);
    }
  };
  Enqueue(0);
  Points.assign(Order.size(), {});
  Visits.assign(Order.size(), 0);
  VisitLimits.assign(Order.size(), 0);
  PointsCurrent.assign(Order.size(), false);
  std::vector<State> States; // reused: its capacity stays
  while (!Work.empty()) {
    unsigned Index = Work.top();
    Work.pop();
    Queued[Index] = false;
    const BasicBlock *BB = Order[Index];
    const SmallVectorImpl<State> &EntryStates = In_[Index];
    States.assign(EntryStates.begin(), EntryStates.end());
    auto &Here = Points[Index];
    Here.clear();
    // (Room for its points at once: a state list moved on growth costs.)
    unsigned NumKept = isa_and_nonnull<ReturnInst>(BB->getTerminator());
    for (unsigned J = Fix.StepBegin[Index], E = Fix.StepBegin[Index + 1]; J < E; ++J)
      NumKept += Fix.Steps[J].getInt();
    Here.reserve(NumKept);
    PointsCurrent[Index] = true;
    // An invoke (a call inside __try, or one that may throw in C++) ends its
    // block but is a call all the same: its normal successor sees its
    // effect, its unwind successor the states from before it (the call did
    // not complete).
    std::vector<State> BeforeInvoke;
    for (unsigned J = Fix.StepBegin[Index], E = Fix.StepBegin[Index + 1]; J < E; ++J) {
      const Instruction &I = *Fix.Steps[J].getPointer();
      bool Kept = Fix.Steps[J].getInt(); // (returns come after the loop)
      if (Kept) {
        Here.push_back({&I, States});
        EffectsMayFind = false;
      }
      if (isa<InvokeInst>(I))
        BeforeInvoke = States;
      transferInst(I, States);
      if (Kept)
        Here.back().EffectsFind = EffectsMayFind;
    }
    const Instruction *Term = BB->getTerminator();
    if (!Term)
      continue;
    if (isa<ReturnInst>(Term))
      Here.push_back({Term, States});
    // Only values used outside their block travel along edges: the rest
    // are dropped before the states are copied to the successors (the
    // branch condition only once the edges are decided).
    const Value *Cond = nullptr;
    if (const auto *BI = dyn_cast<BranchInst>(Term); BI && BI->isConditional())
      Cond = BI->getCondition();
    else if (const auto *SI = dyn_cast<SwitchInst>(Term))
      Cond = SI->getCondition();
    bool CondLocal = Cond && !LiveOut.count(Cond);
    SmallVector<std::pair<const BasicBlock *, State>, 4> Succs;
    for (State &S : States) {
      keepLiveOut(S, Cond);
      successors(*Term, S, Succs);
    }
    if (const auto *II = dyn_cast<InvokeInst>(Term)) {
      const BasicBlock *Unwind = II->getUnwindDest();
      llvm::erase_if(Succs, [&](const auto &E) { return E.first == Unwind; });
      SmallVector<std::pair<const BasicBlock *, State>, 4> Before;
      for (State &S : BeforeInvoke) {
        keepLiveOut(S, nullptr);
        successors(*Term, S, Before);
      }
      for (auto &E : Before)
        if (E.first == Unwind)
          Succs.push_back(std::move(E));
    }
    for (auto &[Succ, S] : Succs) {
      if (CondLocal)
        S.Ssa.erase(Cond);
      // (A successor of a block reached from the entry is reached too.)
      auto RPO = RPOIndex.find(Succ);
      if (RPO == RPOIndex.end())
        continue;
      unsigned SuccIndex = RPO->second;
      SmallVectorImpl<State> &Entry = In_[SuccIndex];
      size_t SizeBefore = Entry.size();
      bool Changed, Touched = false;
      unsigned Limit = visitLimit(SuccIndex);
      unsigned SuccVisits = ++Visits[SuccIndex];
      if (SuccVisits > Limit) {
        // Widen: one state that knows nothing it cannot be sure of.
        State W = std::move(S);
        W.relabelEpoch(joinEpoch(Succ));
        for (State O : Entry) {
          O.relabelEpoch(W.Epoch);
          W.join(O);
        }
        W.StackUnknown = true;
        W.Stack.clear();
        W.Facts.clear();
        Changed = !(SizeBefore == 1 && Entry[0] == W);
        Touched = true;
        Entry.clear();
        Entry.push_back(std::move(W));
      } else {
        Changed = addState(Succ, Entry, std::move(S), Touched);
      }
      if (Touched)
        PointsCurrent[SuccIndex] = false;
      if (Changed && !(SuccVisits > Limit + 1 && Entry.size() == 1 && SizeBefore == 1))
        Enqueue(SuccIndex);
    }
  }

}

/// Does the replay have anything to do at I: a call that may be reported
/// or tells the summary or the callee something (one with a contract, or
/// through a pointer), or a return?
bool Analyzer::replayedAt(const Instruction &I) {
  if (isa<ReturnInst>(I))
    return true;
  const auto *CB = dyn_cast<CallBase>(&I);
  if (!CB)
    return false;
  const Function *Callee = calledFunction(*CB);
  if (!Callee)
    return true;
  if (Callee->isIntrinsic())
    return false;
  CalleeFacts Facts = calleeFacts(*CB, Callee);
  return Facts.CC && !Facts.CurIrql;
}

/// The callee's contract and whether it is KeGetCurrentIrql(): asked at
/// every visit of a call, found once per call site (a call through a
/// pointer checked now as a call to one target is asked afresh).
Analyzer::CalleeFacts Analyzer::calleeFacts(const CallBase &CB, const Function *Callee) {
  auto Find = [&] {
    CalleeFacts R;
    R.CurIrql = Callee && cNameOfSymbol(Callee->getName()) == "KeGetCurrentIrql";
    R.CC = Callee                   ? In.ContractOf(*Callee)
           : In.IndirectContractOf ? In.IndirectContractOf(CB)
                                   : nullptr;
    return R;
  };
  if (&CB == ForcedCall)
    return Find();
  auto [It, New] = CalleeFactsAt.try_emplace(&CB);
  if (New)
    It->second = Find();
  return It->second;
}

/// Phase 2: replay every block once from its final entry states, reporting
/// (and noting what the summary needs). A block whose entry states did not
/// change after its last visit in phase 1 is not gone over again: that
/// visit kept the states at the instructions the replay has anything to do
/// at, and the replay takes it up there.
void Analyzer::replay() {
  Reporting = true;
  for (unsigned Index = 0; Index < Order.size(); ++Index) {
    const BasicBlock *BB = Order[Index];
    if (Index >= In_.size() || In_[Index].empty())
      continue;
    if (Index < PointsCurrent.size() && PointsCurrent[Index]) {
      FromKeptVisit = true;
      for (KeptPoint &P : Points[Index]) {
        KeptEffectsFind = P.EffectsFind;
        // A fixpoint that may be kept for another run keeps its states as
        // they were before the call (the transfer changes them in place).
        std::vector<State> Copy;
        std::vector<State> &States = In.Keep ? (Copy = P.States) : P.States;
        if (const auto *RI = dyn_cast<ReturnInst>(P.I))
          checkExit(*RI, States);
        else
          transferInst(*P.I, States);
      }
      FromKeptVisit = false;
      KeptEffectsFind = true;
      continue;
    }
    std::vector<State> States(In_[Index].begin(), In_[Index].end());
    for (unsigned J = Fix.StepBegin[Index], E = Fix.StepBegin[Index + 1]; J < E; ++J)
      transferInst(*Fix.Steps[J].getPointer(), States);
    if (const auto *RI = dyn_cast_or_null<ReturnInst>(BB->getTerminator()))
      checkExit(*RI, States);
  }
  if (In.Summary)
    finishSummary();
}

} // namespace detail

void analyzeFunction(const FunctionAnalysisInput &In) { detail::Analyzer(In).run(); }

} // namespace irqlcheck
