//===- FunctionAnalysis.cpp - Flow-sensitive IRQL checking of one function ===//
#include "analysis/FunctionAnalysis.h"
#include "analysis/AccessPaths.h"
#include "analysis/IrqlValue.h"
#include "analysis/SortedVectorMap.h"
#include "model/KernelModel.h"
#include "report/Reporter.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Operator.h"

#include <map>
#include <set>

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

namespace {

//===----------------------------------------------------------------------===//
// Symbolic values and the abstract state
//===----------------------------------------------------------------------===//

/// What an SSA value or a memory location holds, as far as IRQLs and branch
/// conditions are concerned.
struct SymVal {
  enum Kind : uint8_t {
    Unknown,
    Const,   // N
    Opaque,  // an unknown value with identity Id (for branch facts)
    Saved,   // an IRQL saved by Site; its value was Irql
    CurIrql, // KeGetCurrentIrql() at Epoch N
    Ptr,     // a pointer to path N
    ArgVal,  // the value of integer parameter N
    Cancel,  // Irp->CancelIrql in a cancel routine
    Cmp,     // (Inner Pred N): a comparison with a constant
  } K = Unknown;
  int64_t N = 0;
  uint64_t Id = 0;
  IrqlValue Irql;
  const Instruction *Site = nullptr;
  // Cmp only: the compared value.
  Kind InnerK = Unknown;
  uint64_t InnerId = 0;
  CmpInst::Predicate Pred = CmpInst::ICMP_EQ;

  bool operator==(const SymVal &O) const {
    return K == O.K && N == O.N && Id == O.Id && Irql == O.Irql && Site == O.Site &&
           InnerK == O.InnerK && InnerId == O.InnerId && Pred == O.Pred;
  }
  bool operator!=(const SymVal &O) const { return !(*this == O); }
  static SymVal constant(int64_t C) {
    SymVal S;
    S.K = Const;
    S.N = C;
    return S;
  }
  static SymVal opaque(uint64_t Id) {
    SymVal S;
    S.K = Opaque;
    S.Id = Id;
    return S;
  }
};

/// A branch fact: value Id == C (Eq) or != C.
struct Fact {
  uint64_t Id;
  bool Eq;
  int64_t C;
  bool operator==(const Fact &O) const { return Id == O.Id && Eq == O.Eq && C == O.C; }
};

struct State {
  IrqlValue Cur;
  SmallVector<const Instruction *, 4> Stack; // raises that saved an IRQL
  bool StackUnknown = false;
  unsigned Epoch = 0;
  SortedVectorMap<PathId, SymVal> Mem;
  // Small inline: a state is copied at every edge, and only the values live
  // across blocks travel with it.
  SmallDenseMap<const Value *, SymVal, 8> Ssa;
  SmallVector<Fact, 4> Facts;
  const Instruction *LastChange = nullptr; // the call that last set the IRQL
  const Instruction *ExitVia = nullptr;    // terminator this path arrived by

  /// The part of the state that decides IRQL findings: states that agree on
  /// it are merged (ESP), others kept apart.
  bool sameCore(const State &O) const {
    if (Cur != O.Cur || StackUnknown != O.StackUnknown || Stack != O.Stack)
      return false;
    auto Saved = [](const SortedVectorMap<PathId, SymVal> &M) {
      SmallVector<std::pair<PathId, const Instruction *>, 4> V;
      for (auto &KV : M)
        if (KV.second.K == SymVal::Saved)
          V.push_back({KV.first, KV.second.Site});
      return V;
    };
    return Saved(Mem) == Saved(O.Mem);
  }
  bool operator==(const State &O) const {
    return sameCore(O) && Epoch == O.Epoch && Mem == O.Mem && Facts == O.Facts;
  }

  void join(const State &O) {
    Cur.join(O.Cur);
    if (StackUnknown || O.StackUnknown || Stack != O.Stack) {
      StackUnknown = true;
      Stack.clear();
    }
    if (Epoch != O.Epoch)
      Epoch = std::max(Epoch, O.Epoch) + 1;
    for (auto It = Mem.begin(); It != Mem.end();) {
      auto OIt = O.Mem.find(It->first);
      if (OIt == O.Mem.end()) {
        It = Mem.erase(It);
        continue;
      }
      if (It->second != OIt->second) {
        if (It->second.K == SymVal::Saved && OIt->second.K == SymVal::Saved &&
            It->second.Site == OIt->second.Site) {
          It->second.Irql.join(OIt->second.Irql);
        } else {
          It = Mem.erase(It);
          continue;
        }
      }
      ++It;
    }
    for (auto It = Ssa.begin(); It != Ssa.end(); ++It) {
      auto OIt = O.Ssa.find(It->first);
      if (OIt == O.Ssa.end() || OIt->second != It->second)
        It->second = SymVal();
    }
    SmallVector<Fact, 4> Common;
    for (const Fact &F : Facts)
      if (is_contained(O.Facts, F))
        Common.push_back(F);
    Facts = std::move(Common);
    if (LastChange != O.LastChange && !LastChange)
      LastChange = O.LastChange;
  }

  std::optional<bool> knownEq(uint64_t Id, int64_t C) const {
    for (const Fact &F : Facts)
      if (F.Id == Id) {
        if (F.Eq)
          return F.C == C;
        if (F.C == C)
          return false;
      }
    return std::nullopt;
  }
  void forget(uint64_t Id) {
    Facts.erase(remove_if(Facts, [&](const Fact &F) { return F.Id == Id; }), Facts.end());
  }
};

// Identities of opaque values.
constexpr uint64_t TagInst = 1ull << 60, TagPath = 2ull << 60, TagArg = 3ull << 60;

constexpr unsigned MaxStatesPerBlock = 8;
constexpr unsigned MaxVisitsPerBlock = 24;

//===----------------------------------------------------------------------===//
// The analysis
//===----------------------------------------------------------------------===//

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
  PathTable Paths;
  DenseMap<const Instruction *, unsigned> InstIds;
  SmallPtrSet<const AllocaInst *, 8> Escaped;
  // Instructions used outside their own block: the only SSA facts a state
  // carries along an edge.
  DenseSet<const Value *> LiveOut;
  // Paths a call was given a pointer to, or that received a value we do not
  // track: they may hold the IRQL (for irql-saves-not-written).
  DenseSet<PathId> Clobbered;
  // Raises whose undoing a lower to a constant stood in for (already
  // reported there): a later restore of their saved value is not reported.
  SmallPtrSet<const Instruction *, 4> UndoneByConstant;
  DenseMap<const BasicBlock *, std::vector<State>> In_;
  DenseMap<const BasicBlock *, unsigned> Visits;
  DenseSet<std::pair<const Instruction *, unsigned>> Reported;
  bool Reporting = false;
  // Exit behaviour seen so far, for the summary.
  unsigned NumExits = 0;
  std::optional<Level> ExitLevel;
  bool ExitLevelMixed = false;
  int ExitArg = -2; // -2 none seen, -1 mixed
  bool ExitRetSaved = true;
  SmallVector<bool, 4> ExitParamSaved;
  bool EntryPromised = false;
  // The entry range came from the callers (top-down): a call that breaks
  // the rule at that entry IRQL was already reported at the caller, through
  // this function's summary.
  bool DerivedEntry = false;
  // The function's own bounds while it runs (_IRQL_always_function_max_/min_;
  // _IRQL_raises_ implies a maximum), from its contract.
  std::optional<Level> FnMax, FnMin;
  LevelRange EntryRange;
  int CancelArg = -1;

  Level high() const { return L.high(); }
  uint64_t instId(const Instruction *I) {
    auto [It, New] = InstIds.try_emplace(I, InstIds.size() + 1);
    return TagInst | It->second;
  }

  // Values and pointers.
  PathId pointerPath(const Value *V, const State &S);
  SymVal symOf(const Value *V, const State &S);
  void invalidateForCall(const CallBase &CB, State &S);

  // Transfer.
  void transferInst(const Instruction &I, std::vector<State> &States);
  void transferCall(const CallBase &CB, std::vector<State> &States);
  struct Finding {
    CheckId Id;
    std::string Msg;
    std::vector<DiagNote> Notes;
  };
  void applyEffects(const CallBase &CB, const Contract &CC, State &S,
                    std::vector<Finding> *Findings);
  void successors(const Instruction &Term, const State &S,
                  SmallVectorImpl<std::pair<const BasicBlock *, State>> &Out);
  void checkExit(const ReturnInst &RI, std::vector<State> &States);
  void noteConstraint(const CallBase &CB, const Contract &CC, LevelRange Allowed,
                      const std::vector<State> &States);
  void noteExit(const ReturnInst &RI, const std::vector<State> &States);
  void addChain(const Function &Callee, bool Max, std::vector<DiagNote> &Notes);
  void finishSummary();

  // Helpers.
  LevelRange allowedAt(const CallBase &CB, const Contract &CC, const State &S, bool &HasReq,
                       const ContractItem *&Why);
  bool conditionHolds(const Condition &C, const CallBase &CB, const State &S);
  void report(const Instruction &I, CheckId Id, const std::string &Msg,
              const std::vector<State> &States, std::vector<DiagNote> Notes = {});
  DiagNote raisedNote(const State &S);
  bool addState(const BasicBlock *BB, State S);
  std::string calleeName(const CallBase &CB) const;
};

std::string Analyzer::calleeName(const CallBase &CB) const {
  if (const Function *Callee =
          dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts()))
    return cNameOfSymbol(Callee->getName()).str();
  if (In.IndirectContractOf)
    if (const Contract *C = In.IndirectContractOf(CB))
      if (const ContractItem *Class = C->find(ItemKind::Class))
        return "(" + Class->Name + " through a pointer)";
  return "<indirect>";
}

PathId Analyzer::pointerPath(const Value *V, const State &S) {
  for (unsigned Guard = 0; Guard < 64; ++Guard) {
    V = V->stripPointerCasts();
    if (const auto *AI = dyn_cast<AllocaInst>(V))
      return Paths.local(AI);
    if (isa<GlobalVariable>(V))
      return Paths.global(V);
    if (const auto *A = dyn_cast<Argument>(V))
      return Paths.paramPointee(A->getArgNo());
    if (const auto *GEP = dyn_cast<GEPOperator>(V)) {
      PathId Base = pointerPath(GEP->getPointerOperand(), S);
      APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
      if (GEP->accumulateConstantOffset(DL, Off))
        return Paths.offset(Base, Off.getSExtValue());
      return Paths.anyOffset(Base);
    }
    if (const auto *LI = dyn_cast<LoadInst>(V)) {
      PathId From = pointerPath(LI->getPointerOperand(), S);
      auto It = S.Mem.find(From);
      if (It != S.Mem.end() && It->second.K == SymVal::Ptr)
        return PathId(It->second.N);
      return Paths.pointee(From);
    }
    return 0;
  }
  return 0;
}

SymVal Analyzer::symOf(const Value *V, const State &S) {
  if (const auto *CI = dyn_cast<ConstantInt>(V))
    return SymVal::constant(CI->getSExtValue());
  if (isa<ConstantPointerNull>(V))
    return SymVal::constant(0);
  if (V->getType()->isPointerTy()) {
    SymVal P;
    if (PathId Id = pointerPath(V, S)) {
      P.K = SymVal::Ptr;
      P.N = Id;
    }
    return P;
  }
  if (const auto *A = dyn_cast<Argument>(V)) {
    SymVal P;
    P.K = SymVal::ArgVal;
    P.N = A->getArgNo();
    P.Id = TagArg | A->getArgNo();
    return P;
  }
  auto It = S.Ssa.find(V);
  return It == S.Ssa.end() ? SymVal() : It->second;
}

void Analyzer::invalidateForCall(const CallBase &CB, State &S) {
  // An unknown callee may write what its pointer arguments reach and any
  // memory outside this function's unescaped locals. Saved IRQLs are kept:
  // nothing but a store should overwrite them, and forgetting them would
  // only lose precision, never add a finding.
  for (auto It = S.Mem.begin(); It != S.Mem.end();) {
    const AllocaInst *Local = Paths.localRoot(It->first);
    bool Keep = It->second.K == SymVal::Saved || (Local && !Escaped.count(Local));
    if (!Keep) {
      S.forget(TagPath | It->first);
      if (It->second.K == SymVal::Opaque)
        S.forget(It->second.Id);
      It = S.Mem.erase(It);
    } else {
      ++It;
    }
  }
  // Facts about loads from memory that has no entry: drop the non-local ones.
  S.Facts.erase(remove_if(S.Facts,
                          [&](const Fact &Fa) {
                            if ((Fa.Id & (3ull << 60)) != TagPath)
                              return false;
                            const AllocaInst *Local =
                                Paths.localRoot(PathId(Fa.Id & ~(3ull << 60)));
                            return !Local || Escaped.count(Local);
                          }),
                S.Facts.end());
}

bool Analyzer::conditionHolds(const Condition &C, const CallBase &CB, const State &S) {
  if (C.K == Condition::Always)
    return true;
  if (C.Arg >= CB.arg_size())
    return false;
  const Value *A = CB.getArgOperand(C.Arg);
  SymVal V = symOf(A, S);
  switch (C.K) {
  case Condition::ArgEq:
  case Condition::ArgNe:
    if (V.K == SymVal::Const)
      return (V.N == C.Value) == (C.K == Condition::ArgEq);
    return false;
  case Condition::PagedPool:
    return V.K == SymVal::Const && (V.N & 1);
  case Condition::PagedFlags:
    return V.K == SymVal::Const && (V.N & 0x100);
  case Condition::TimeoutNonZero: {
    if (isa<ConstantPointerNull>(A->stripPointerCasts()))
      return true;
    PathId P = pointerPath(A, S);
    auto It = S.Mem.find(P);
    return It != S.Mem.end() && It->second.K == SymVal::Const && It->second.N != 0;
  }
  case Condition::UnicodeFormat: {
    const auto *GV = dyn_cast<GlobalVariable>(A->stripInBoundsOffsets());
    const auto *CDA = GV && GV->hasInitializer()
                          ? dyn_cast<ConstantDataArray>(GV->getInitializer())
                          : nullptr;
    if (!CDA || !CDA->isCString())
      return false;
    StringRef Fmt = CDA->getAsCString();
    for (size_t I = 0; I + 1 < Fmt.size(); ++I) {
      if (Fmt[I] != '%')
        continue;
      size_t J = I + 1;
      if (Fmt[J] == '%') {
        I = J;
        continue;
      }
      while (J < Fmt.size() && StringRef("-+ #0123456789.*").contains(Fmt[J]))
        ++J;
      StringRef Spec = Fmt.drop_front(J);
      if (Spec.starts_with("wc") || Spec.starts_with("ws") || Spec.starts_with("wZ") ||
          Spec.starts_with("lc") || Spec.starts_with("ls") || Spec.starts_with("C") ||
          Spec.starts_with("S") || Spec.starts_with("Z"))
        return true;
    }
    return false;
  }
  default:
    return false;
  }
}

LevelRange Analyzer::allowedAt(const CallBase &CB, const Contract &CC, const State &S,
                               bool &HasReq, const ContractItem *&Why) {
  LevelRange R{PassiveLevel, high()};
  bool HasMax = false;
  HasReq = false;
  for (const ContractItem &I : CC.items()) {
    if (I.Value.K != ItemValue::Lvl || !conditionHolds(I.Cond, CB, S))
      continue;
    Level V = Level(I.Value.N);
    if (I.Kind == ItemKind::Max && V < R.Hi)
      R.Hi = V, HasMax = true, Why = &I;
    else if (I.Kind == ItemKind::Max)
      HasMax = true;
    else if (I.Kind == ItemKind::Min && V > R.Lo)
      R.Lo = V, Why = Why ? Why : &I;
    else if (I.Kind == ItemKind::Req) {
      R = {V, V};
      HasReq = HasMax = true;
      Why = &I;
      break;
    }
  }
  if (!HasMax && defaultMaxApplies(CC))
    R.Hi = std::min<Level>(R.Hi, DispatchLevel);
  if (R.Lo > R.Hi)
    R.Lo = R.Hi;
  return R;
}

DiagNote Analyzer::raisedNote(const State &S) {
  const Instruction *Site = !S.Stack.empty() ? S.Stack.back() : S.LastChange;
  if (!Site)
    return DiagNote{DiagLoc(), ""};
  const auto &CB = cast<CallBase>(*Site);
  return DiagNote{DiagLoc::ir(Site->getDebugLoc().get(), &F, calleeName(CB)),
                  "IRQL set to " + describe(S.Cur, L) + " here by '" + calleeName(CB) + "'"};
}

void Analyzer::report(const Instruction &I, CheckId Id, const std::string &Msg,
                      const std::vector<State> &States, std::vector<DiagNote> Notes) {
  if (!Reporting || !In.Emit || !Reported.insert({&I, unsigned(Id)}).second)
    return;
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

/// Adds S to BB's entry states; true if they changed (as State::operator==
/// sees them). Only the state that changes is compared, not the whole list.
bool Analyzer::addState(const BasicBlock *BB, State S) {
  std::vector<State> &List = In_[BB];
  for (State &Old : List)
    if (Old.sameCore(S)) {
      State Before = Old;
      Old.join(S);
      return !(Old == Before);
    }
  if (List.size() < MaxStatesPerBlock) {
    List.push_back(std::move(S));
    return true;
  }
  std::vector<State> Before = List;
  List.push_back(std::move(S));
  for (unsigned I = 1; I < List.size(); ++I)
    List[0].join(List[I]);
  List.resize(1);
  return !(Before.size() == 1 && List[0] == Before[0]);
}

//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

void Analyzer::transferInst(const Instruction &I, std::vector<State> &States) {
  if (const auto *CB = dyn_cast<CallBase>(&I)) {
    transferCall(*CB, States);
    return;
  }
  for (State &S : States) {
    if (const auto *SI = dyn_cast<StoreInst>(&I)) {
      PathId P = pointerPath(SI->getPointerOperand(), S);
      if (!P)
        continue;
      S.forget(TagPath | P);
      SymVal V = symOf(SI->getValueOperand(), S);
      if (V.K == SymVal::Unknown) {
        S.Mem.erase(P);
        Clobbered.insert(P);
      } else {
        S.Mem[P] = V;
      }
    } else if (const auto *LI = dyn_cast<LoadInst>(&I)) {
      if (LI->getType()->isPointerTy())
        continue; // pointers are resolved through pointerPath
      PathId P = pointerPath(LI->getPointerOperand(), S);
      auto It = P ? S.Mem.find(P) : S.Mem.end();
      if (It != S.Mem.end()) {
        S.Ssa[LI] = It->second;
      } else if (P && CancelArg >= 0 && Paths.paramRoot(P) == CancelArg &&
                 LI->getType()->isIntegerTy(8)) {
        SymVal C;
        C.K = SymVal::Cancel;
        S.Ssa[LI] = C;
      } else if (P) {
        S.Ssa[LI] = SymVal::opaque(TagPath | P);
      }
    } else if (const auto *Cast = dyn_cast<CastInst>(&I)) {
      SymVal V = symOf(Cast->getOperand(0), S);
      if (Cast->getType()->isIntegerTy(1) && isa<TruncInst>(Cast) &&
          (V.K == SymVal::Opaque || V.K == SymVal::ArgVal || V.K == SymVal::CurIrql)) {
        SymVal C;
        C.K = SymVal::Cmp;
        C.InnerK = V.K;
        C.InnerId = V.K == SymVal::CurIrql ? uint64_t(V.N) : V.Id;
        C.Pred = CmpInst::ICMP_NE;
        C.N = 0;
        S.Ssa[Cast] = C;
      } else if (V.K != SymVal::Unknown) {
        S.Ssa[Cast] = V;
      }
    } else if (const auto *IC = dyn_cast<ICmpInst>(&I)) {
      SymVal A = symOf(IC->getOperand(0), S), B = symOf(IC->getOperand(1), S);
      CmpInst::Predicate P = IC->getPredicate();
      if (A.K == SymVal::Const && B.K != SymVal::Const) {
        std::swap(A, B);
        P = CmpInst::getSwappedPredicate(P);
      }
      if (B.K != SymVal::Const)
        continue;
      SymVal C;
      C.K = SymVal::Cmp;
      C.Pred = P;
      C.N = B.N;
      if (A.K == SymVal::Const) {
        C = SymVal::constant(ICmpInst::compare(APInt(64, A.N, true), APInt(64, B.N, true), P));
      } else if (A.K == SymVal::Opaque || A.K == SymVal::ArgVal) {
        C.InnerK = A.K;
        C.InnerId = A.Id;
      } else if (A.K == SymVal::CurIrql) {
        C.InnerK = A.K;
        C.InnerId = uint64_t(A.N);
      } else {
        continue;
      }
      S.Ssa[IC] = C;
    }
  }
}

void Analyzer::applyEffects(const CallBase &CB, const Contract &CC, State &S,
                            std::vector<Finding> *Findings) {
  // Findings is null during the fixpoint: no message is built there, only
  // in the reporting replay.
  DiagNote Raised = Findings ? raisedNote(S) : DiagNote();
  auto Found = [&](CheckId Id, std::string Msg, std::vector<DiagNote> Notes = {}) {
    Findings->push_back({Id, std::move(Msg), std::move(Notes)});
  };
  auto SiteNote = [&](const Instruction *Site, const std::string &What) {
    return DiagNote{DiagLoc::ir(Site->getDebugLoc().get(), &F), What};
  };
  std::string Name = calleeName(CB);
  IrqlValue Before = S.Cur;
  bool SavesSomething = false;
  for (const ContractItem &I : CC.items()) {
    if (I.Cond.K != Condition::Always)
      continue;
    if (I.Kind == ItemKind::Saves) {
      SymVal V;
      V.K = SymVal::Saved;
      V.Irql = Before;
      V.Site = &CB;
      if (I.Value.K == ItemValue::Ret)
        S.Ssa[&CB] = V;
      else if (I.Value.N < CB.arg_size())
        if (PathId P = pointerPath(CB.getArgOperand(I.Value.N), S))
          S.Mem[P] = V;
      SavesSomething = true;
    } else if (I.Kind == ItemKind::SavesGlobal && I.Value.N < CB.arg_size()) {
      if (PathId P = Paths.slot(I.Name, pointerPath(CB.getArgOperand(I.Value.N), S))) {
        SymVal V;
        V.K = SymVal::Saved;
        V.Irql = Before;
        V.Site = &CB;
        S.Mem[P] = V;
      }
      SavesSomething = true;
    }
  }

  // The IRQL the callee returns at.
  std::optional<IrqlValue> After;
  auto Restore = [&](const SymVal &V) {
    switch (V.K) {
    case SymVal::Saved: {
      After = V.Irql;
      if (S.StackUnknown)
        break;
      auto Pos = find(S.Stack, V.Site);
      if (Pos == S.Stack.end()) {
        if (Findings && !UndoneByConstant.contains(V.Site))
          Found(CheckId::RestoreUnsaved,
                "'" + Name + "' restores an IRQL whose raise was already undone",
                {SiteNote(V.Site, "the IRQL was saved here")});
      } else {
        if (Findings && Pos + 1 != S.Stack.end())
          Found(CheckId::RestoreOrder,
                "'" + Name + "' restores the IRQL saved by '" +
                    calleeName(cast<CallBase>(**Pos)) + "' while the later raise by '" +
                    calleeName(cast<CallBase>(*S.Stack.back())) +
                    "' is still in effect: release locks in the reverse order of acquiring them",
                {SiteNote(*Pos, "the IRQL being restored was saved here"),
                 SiteNote(S.Stack.back(), "this later raise has not been undone yet")});
        S.Stack.erase(Pos);
      }
      break;
    }
    case SymVal::Const:
      After = IrqlValue::level(Level(std::min<int64_t>(std::max<int64_t>(V.N, 0), high())));
      // Take it as the (wrong) undoing of the latest raise, so the one bug is
      // not reported again at every later restore and at the return.
      if (!S.StackUnknown && !S.Stack.empty()) {
        UndoneByConstant.insert(S.Stack.back());
        S.Stack.pop_back();
      }
      if (Findings)
        Found(CheckId::RestoreUnsaved,
            "'" + Name + "' sets the IRQL to the constant " + L.name(Level(V.N)) +
                " instead of restoring the value saved by the matching raise",
            {Raised});
      break;
    case SymVal::ArgVal: {
      IrqlValue A;
      A.ArgIndex = int(V.N);
      After = A;
      break;
    }
    case SymVal::Cancel: {
      IrqlValue A;
      A.HasCancel = true;
      After = A;
      break;
    }
    default:
      After = IrqlValue::absolute({PassiveLevel, high()});
      S.StackUnknown = true;
      S.Stack.clear();
      break;
    }
  };
  auto LevelOrArg = [&](const ItemValue &V) -> std::optional<Level> {
    if (V.K == ItemValue::Lvl)
      return Level(V.N);
    if (V.K == ItemValue::Arg && V.N < CB.arg_size()) {
      SymVal A = symOf(CB.getArgOperand(V.N), S);
      if (A.K == SymVal::Const && A.N >= 0 && A.N <= high())
        return Level(A.N);
    }
    return std::nullopt;
  };
  for (const ContractItem &I : CC.items()) {
    if (I.Cond.K != Condition::Always)
      continue;
    if (I.Kind == ItemKind::Raises) {
      if (auto Lv = LevelOrArg(I.Value)) {
        if (Findings && !(DerivedEntry && Before.isEntryOnly()) &&
            outside(Before, {PassiveLevel, *Lv}, EntryPromised, high()) == Verdict::Certain)
          Found(CheckId::RaiseToLower,
                "'" + Name + "' raises to " + L.name(*Lv) + " but is called at " +
                    describe(Before, L) + ": it would lower the IRQL (use KeLowerIrql "
                    "with the saved value)",
                {Raised});
        After = IrqlValue::level(*Lv);
      } else {
        After = IrqlValue::absolute({Before.hull(high()).Lo, high()});
      }
    } else if (I.Kind == ItemKind::Sets) {
      auto Lv = LevelOrArg(I.Value);
      After = Lv ? IrqlValue::level(*Lv) : IrqlValue::absolute({PassiveLevel, high()});
    } else if (I.Kind == ItemKind::Restores && I.Value.N < CB.arg_size()) {
      Restore(symOf(CB.getArgOperand(I.Value.N), S));
    } else if (I.Kind == ItemKind::RestoresGlobal && I.Value.N < CB.arg_size()) {
      PathId P = Paths.slot(I.Name, pointerPath(CB.getArgOperand(I.Value.N), S));
      auto It = P ? S.Mem.find(P) : S.Mem.end();
      Restore(It != S.Mem.end() ? It->second : SymVal());
      if (It != S.Mem.end())
        S.Mem.erase(It);
    }
  }
  if (After) {
    if (SavesSomething && !S.StackUnknown)
      S.Stack.push_back(&CB);
    if (*After != S.Cur)
      ++S.Epoch;
    S.Cur = *After;
    S.LastChange = &CB;
    // The function's own bounds while it runs.
    if (Findings && FnMax && outside(S.Cur, {PassiveLevel, *FnMax}, false, high()) == Verdict::Certain)
      Found(CheckId::FunctionMax, "'" + Name + "' raises the IRQL to " + describe(S.Cur, L) +
                                        ", above this function's limit of " + L.name(*FnMax));
    if (Findings && FnMin && outside(S.Cur, {*FnMin, high()}, false, high()) == Verdict::Certain)
      Found(CheckId::FunctionMin, "'" + Name + "' lowers the IRQL to " + describe(S.Cur, L) +
                                        ", below this function's minimum of " + L.name(*FnMin));
  } else if (SavesSomething && !S.StackUnknown) {
    S.Stack.push_back(&CB); // saves without changing (e.g. a save at the same level)
  }
}

void Analyzer::transferCall(const CallBase &CB, std::vector<State> &States) {
  const Function *Callee = dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  if (Callee && Callee->isIntrinsic()) {
    if (isa<MemIntrinsic>(CB))
      for (State &S : States)
        if (PathId P = pointerPath(CB.getArgOperand(0), S))
          for (auto It = S.Mem.begin(); It != S.Mem.end();)
            It = Paths.base(It->first) == Paths.base(P) && It->second.K != SymVal::Saved
                     ? S.Mem.erase(It)
                     : std::next(It);
    return;
  }
  std::string NameStorage = calleeName(CB);
  StringRef Name = NameStorage;
  if (Name == "KeGetCurrentIrql") {
    for (State &S : States) {
      SymVal V;
      V.K = SymVal::CurIrql;
      V.N = S.Epoch;
      S.Ssa[&CB] = V;
    }
    return;
  }
  for (const Value *A : CB.args())
    if (A->getType()->isPointerTy())
      for (const State &S : States)
        if (PathId P = pointerPath(A, S))
          Clobbered.insert(P);
  const Contract *CC = Callee                   ? In.ContractOf(*Callee)
                       : In.IndirectContractOf ? In.IndirectContractOf(CB)
                                               : nullptr;
  if (!CC) {
    for (State &S : States) {
      invalidateForCall(CB, S);
      if (CB.getType()->isIntegerTy()) {
        S.forget(instId(&CB));
        S.Ssa[&CB] = SymVal::opaque(instId(&CB));
      }
    }
    return;
  }

  // 1. Is the call made at an IRQL the callee allows?
  if (Reporting && !States.empty()) {
    bool AllHigh = true, AllLow = true, AllPaged = CC->has(ItemKind::Paged);
    bool HasReq = false;
    const ContractItem *Why = nullptr;
    LevelRange Allowed{};
    for (const State &S : States) {
      Allowed = allowedAt(CB, *CC, S, HasReq, Why);
      AllHigh &= outside(S.Cur, {PassiveLevel, Allowed.Hi}, EntryPromised, high()) ==
                 Verdict::Certain;
      AllLow &= outside(S.Cur, {Allowed.Lo, high()}, EntryPromised, high()) ==
                Verdict::Certain;
      AllPaged &= outside(S.Cur, {PassiveLevel, ApcLevel}, EntryPromised, high()) ==
                  Verdict::Certain;
    }
    // Paths that only narrowed a promised entry range (KeGetCurrentIrql()
    // branches that joined again) still cover the whole of it together: the
    // promise is broken if their union leaves what the callee allows.
    if (EntryPromised && all_of(States, [](const State &S) { return S.Cur.isEntryOnly(); })) {
      LevelRange Union = States.front().Cur.Entry;
      for (const State &S : States)
        Union = Union.hull(S.Cur.Entry);
      IrqlValue U = IrqlValue::entry(Union);
      AllHigh |= outside(U, {PassiveLevel, Allowed.Hi}, true, high()) == Verdict::Certain;
      AllLow |= outside(U, {Allowed.Lo, high()}, true, high()) == Verdict::Certain;
      AllPaged |= CC->has(ItemKind::Paged) &&
                  outside(U, {PassiveLevel, ApcLevel}, true, high()) == Verdict::Certain;
    }
    if (In.Summary)
      noteConstraint(CB, *CC, Allowed, States);
    const State &S0 = States.front();
    std::string Cur = describe(S0.Cur, L);
    std::vector<DiagNote> Notes{raisedNote(S0)};
    if (S0.Cur.HasEntry && EntryPromised && !S0.Cur.HasAbs)
      Notes.push_back(DiagNote{
          DiagLoc::ir(nullptr, &F),
          EntryRange.Lo == EntryRange.Hi
              ? "'" + cNameOfSymbol(F.getName()).str() + "' runs at " + L.name(EntryRange.Lo) +
                    " (its annotations or function class)"
              : "'" + cNameOfSymbol(F.getName()).str() + "' is annotated to run at up to " +
                    L.name(EntryRange.Hi) +
                    "; narrow its _IRQL_requires_max_ or lower the IRQL first"});
    if (Why) {
      std::string Src = Why->From.Src == Origin::Inferred ? "what it calls (inferred)"
                        : Why->From.Src == Origin::KernelModel ? "the built-in kernel model"
                        : Why->From.Src == Origin::UserModel ? "the model file " + Why->From.Via
                        : Why->From.Src == Origin::FunctionClass
                            ? "its function class (" + Why->From.Via + ")"
                            : "its annotation";
      // An inferred requirement is explained by the chain of calls instead.
      if (Why->From.Src == Origin::Inferred && Callee)
        addChain(*Callee, Why->Kind != ItemKind::Min, Notes);
      else
        Notes.push_back(DiagNote{Why->From.RawLoc
                                     ? DiagLoc::clang(Why->From.RawLoc)
                                     : DiagLoc::ir(CB.getDebugLoc().get(), &F, Name.str()),
                                 "requirement of '" + Name.str() + "' comes from " + Src});
    }
    // A minimum with the implied maximum of DISPATCH_LEVEL can be one level.
    bool Exact = HasReq || (Allowed.Lo > 0 && Allowed.Lo == Allowed.Hi);
    std::string Range = Exact ? "exactly " + L.name(Allowed.Lo)
                        : Allowed.Lo > 0 && Allowed.Hi < high()
                            ? L.name(Allowed.Lo) + ".." + L.name(Allowed.Hi)
                        : Allowed.Lo > 0 ? "IRQL >= " + L.name(Allowed.Lo)
                                         : "IRQL <= " + L.name(Allowed.Hi);
    if (DerivedEntry && all_of(States, [](const State &S) { return S.Cur.isEntryOnly(); }))
      AllHigh = AllLow = AllPaged = false;
    if (In.OnDirectCall && Callee && !Callee->isDeclaration()) {
      LevelRange At = States.front().Cur.hull(high());
      for (const State &S : States)
        At = At.hull(S.Cur.hull(high()));
      In.OnDirectCall(CB, At);
    }
    if (HasReq && (AllHigh || AllLow))
      report(CB, CheckId::NotRequired,
             "'" + Name.str() + "' must be called at " + Range + ", but the IRQL here is " + Cur,
             States, Notes);
    else if (AllHigh)
      report(CB, CheckId::TooHigh,
             "'" + Name.str() + "' called at " + Cur + ", but it requires " + Range, States,
             Notes);
    else if (AllLow)
      report(CB, CheckId::TooLow,
             "'" + Name.str() + "' called at " + Cur + ", but it requires " + Range, States,
             Notes);
    if (AllPaged && !AllHigh)
      report(CB, CheckId::PagedCall,
             "pageable function '" + Name.str() + "' called at " + Cur +
                 " (bug check 0xD1 if its page is not resident); pageable code runs at "
                 "APC_LEVEL or below",
             States, Notes);
  }

  // 2. What the call does to the IRQL, split for try-acquires.
  std::vector<State> Out;
  Out.reserve(States.size());
  std::vector<std::vector<Finding>> PerState;
  bool Try = CC->has(ItemKind::Try);
  for (State &S : States) {
    if (Try) {
      uint64_t Id = instId(&CB);
      S.forget(Id);
      State Fail = S;
      Fail.Ssa[&CB] = SymVal::opaque(Id);
      Fail.Facts.push_back({Id, true, 0});
      Out.push_back(std::move(Fail));
      S.Ssa[&CB] = SymVal::opaque(Id);
      S.Facts.push_back({Id, false, 0});
    }
    PerState.emplace_back();
    applyEffects(CB, *CC, S, Reporting ? &PerState.back() : nullptr);
    if (CB.getType()->isIntegerTy() && !S.Ssa.count(&CB)) {
      S.forget(instId(&CB));
      S.Ssa[&CB] = SymVal::opaque(instId(&CB));
    }
    Out.push_back(std::move(S));
  }
  // A stack finding is reported only if every state found it.
  if (Reporting && !PerState.empty())
    for (const Finding &F0 : PerState.front()) {
      bool All = all_of(PerState, [&](const std::vector<Finding> &V) {
        return any_of(V, [&](const Finding &P) { return P.Id == F0.Id; });
      });
      if (All)
        report(CB, F0.Id, F0.Msg, Out, F0.Notes);
    }
  States = std::move(Out);
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

void Analyzer::successors(const Instruction &Term, const State &S,
                          SmallVectorImpl<std::pair<const BasicBlock *, State>> &Out) {
  auto Edge = [&](const BasicBlock *BB, State N) {
    // A join with no source location is compiler-made (the cleanup block and
    // switch clang emits at -O1 and up, where lifetime markers end a scope):
    // it must not hide which return statement the path came from.
    if (Term.getDebugLoc() || Term.getParent()->getSinglePredecessor() || !N.ExitVia)
      N.ExitVia = &Term;
    Out.push_back({BB, std::move(N)});
  };
  const auto *BI = dyn_cast<BranchInst>(&Term);
  if (!BI || !BI->isConditional()) {
    for (const BasicBlock *Succ : llvm::successors(Term.getParent()))
      Edge(Succ, S);
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
    if (C.K == SymVal::Const) {
      if ((C.N != 0) == Taken)
        Edge(Succ, S);
      continue;
    }
    if (C.K != SymVal::Cmp) {
      Edge(Succ, S);
      continue;
    }
    State N = S;
    CmpInst::Predicate P = Taken ? C.Pred : CmpInst::getInversePredicate(C.Pred);
    if (C.InnerK == SymVal::CurIrql) {
      if (C.InnerId == S.Epoch) {
        IrqlValue &V = N.Cur;
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
      Edge(Succ, std::move(N));
      continue;
    }
    // A fact about an opaque value.
    if (P == CmpInst::ICMP_EQ || P == CmpInst::ICMP_NE) {
      bool Eq = P == CmpInst::ICMP_EQ;
      std::optional<bool> Known = S.knownEq(C.InnerId, C.N);
      if (Known && *Known != Eq)
        continue; // infeasible
      if (!Known)
        N.Facts.push_back({C.InnerId, Eq, C.N});
    }
    Edge(Succ, std::move(N));
  }
}

void Analyzer::checkExit(const ReturnInst &RI, std::vector<State> &States) {
  if (!Reporting || States.empty())
    return;
  if (In.Summary)
    noteExit(RI, States);
  // Each return statement reaches clang's shared return block (which only
  // loads the return value) by its own edge; judge each edge by the states
  // that came along it. A block that does more is one return statement.
  const BasicBlock *RB = RI.getParent();
  bool SharedReturn = pred_size(RB) > 1 && all_of(*RB, [&](const Instruction &I) {
    return &I == &RI || isa<LoadInst>(I) || isa<CastInst>(I) || isa<PHINode>(I) ||
           isa<DbgInfoIntrinsic>(I) || I.isLifetimeStartOrEnd();
  });
  DenseMap<const Instruction *, std::vector<const State *>> ByEdge;
  SmallVector<const Instruction *, 4> Order;
  for (const State &S : States) {
    const Instruction *Via = S.ExitVia && SharedReturn ? S.ExitVia : &RI;
    if (!ByEdge.count(Via))
      Order.push_back(Via);
    ByEdge[Via].push_back(&S);
  }
  const ContractItem *Raises = Own.find(ItemKind::Raises), *Sets = Own.find(ItemKind::Sets),
                     *Req = Own.find(ItemKind::Req), *Same = Own.find(ItemKind::Same),
                     *Restores = Own.find(ItemKind::Restores),
                     *Cancel = Own.find(ItemKind::Cancel);
  bool SavesOwn = Own.has(ItemKind::Saves) || Own.has(ItemKind::SavesGlobal) ||
                  Own.has(ItemKind::RestoresGlobal);
  std::string FName = cNameOfSymbol(F.getName()).str();

  for (const Instruction *Via : Order) {
    const auto &Group = ByEdge[Via];
    auto All = [&](auto Pred) { return all_of(Group, [&](const State *S) { return Pred(*S); }); };
    const State &S0 = *Group.front();
    std::vector<DiagNote> Notes{raisedNote(S0)};
    std::string Cur = describe(S0.Cur, L);
    auto Exactly = [&](Level Lv) {
      return All([&](const State &S) {
        // An annotated entry range is a promise: returning at the entry
        // IRQL is wrong if any promised level differs from Lv.
        return outside(S.Cur, {Lv, Lv}, EntryPromised, high()) == Verdict::Certain;
      });
    };
    if (Cancel) {
      if (All([](const State &S) { return !S.Cur.HasCancel; }))
        report(*Via, CheckId::CancelNotRestored,
               "cancel routine '" + FName + "' returns at " + Cur +
                   " without restoring Irp->CancelIrql (call IoReleaseCancelSpinLock(Irp->CancelIrql))",
               States, Notes);
      continue;
    }
    if ((Raises || Sets) && (Raises ? Raises : Sets)->Value.K == ItemValue::Lvl) {
      Level Target = Level((Raises ? Raises : Sets)->Value.N);
      if (Exactly(Target))
        report(*Via, CheckId::ExitRaises,
               "'" + FName + "' returns at " + Cur + " but is annotated to return at " +
                   L.name(Target),
               States, Notes);
    } else if (Restores) {
      if (All([&](const State &S) { return S.Cur.ArgIndex != int(Restores->Value.N); }))
        report(*Via, CheckId::RestoresNotRestored,
               "'" + FName + "' returns without restoring the IRQL passed in its _IRQL_restores_ "
                             "parameter (argument " + std::to_string(Restores->Value.N) + ")",
               States, Notes);
    } else if (Req && !SavesOwn && !Raises && !Sets) {
      if (Exactly(Level(Req->Value.N)))
        report(*Via, CheckId::ExitRequires,
               "'" + FName + "' returns at " + Cur + " but _IRQL_requires_(" +
                   L.name(Level(Req->Value.N)) + ") means it must also return at that IRQL",
               States, Notes);
    } else if (!SavesOwn && !Raises && !Sets) {
      bool Changed = All([&](const State &S) {
        if (S.Cur.HasEntry || S.Cur.HasCancel || S.Cur.ArgIndex >= 0 || !S.Cur.HasAbs)
          return false;
        if (!S.StackUnknown && !S.Stack.empty())
          return true;
        if (EntryRange.disjoint(S.Cur.Abs))
          return true;
        return EntryPromised && !(EntryRange.Lo == EntryRange.Hi && EntryRange == S.Cur.Abs);
      });
      if (Changed)
        report(*Via, Same ? CheckId::ExitNotSame : CheckId::ExitChanged,
               "'" + FName + "' returns at " + Cur + ", not at the IRQL it was entered at" +
                   (!S0.StackUnknown && !S0.Stack.empty()
                        ? " (the IRQL saved by '" + calleeName(cast<CallBase>(*S0.Stack.back())) +
                              "' is never restored on this path)"
                        : std::string()),
               States, Notes);
    }
    // _IRQL_saves_ locations must have received the IRQL.
    for (const ContractItem &I : Own.items()) {
      if (I.Kind != ItemKind::Saves || I.Cond.K != Condition::Always)
        continue;
      bool Missing;
      if (I.Value.K == ItemValue::Ret) {
        Missing = All([&](const State &S) {
          // Only a constant is certainly not the IRQL: an unknown call's
          // result or KeGetCurrentIrql() may well be.
          SymVal V = RI.getReturnValue() ? symOf(RI.getReturnValue(), S) : SymVal();
          return V.K == SymVal::Const;
        });
      } else {
        PathId P = Paths.paramPointee(I.Value.N);
        Missing = All([&](const State &S) {
          auto It = S.Mem.find(P);
          if (It == S.Mem.end())
            return !Clobbered.contains(P);
          return It->second.K == SymVal::Const;
        });
      }
      if (Missing)
        report(*Via, CheckId::SavesNotWritten,
               "'" + FName + "' returns without saving the IRQL in its _IRQL_saves_ " +
                   (I.Value.K == ItemValue::Ret ? std::string("return value")
                                                : "parameter (argument " +
                                                      std::to_string(I.Value.N) + ")"),
               States);
    }
  }
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

void Analyzer::run() {
  // Entry IRQL from the contract.
  EntryRange = {PassiveLevel, high()};
  if (const ContractItem *R = Own.find(ItemKind::Req)) {
    EntryRange = {Level(R->Value.N), Level(R->Value.N)};
    EntryPromised = true;
  } else {
    if (const ContractItem *Mn = Own.find(ItemKind::Min))
      EntryRange.Lo = Level(Mn->Value.N), EntryPromised = true;
    if (const ContractItem *Mx = Own.find(ItemKind::Max))
      EntryRange.Hi = Level(Mx->Value.N), EntryPromised = true;
    else if (defaultMaxApplies(Own))
      EntryRange.Hi = DispatchLevel, EntryPromised = true;
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
    if (EntryPromised && EntryRange.Lo > ApcLevel) {
      Reporting = true;
      In.R.report(CheckId::PagedCall, DiagLoc::ir(nullptr, &F),
                  "pageable function '" + cNameOfSymbol(F.getName()).str() +
                      "' is annotated to run at " + L.name(EntryRange.Lo) +
                      "; pageable code must run at APC_LEVEL or below");
    }
    if (!EntryPromised)
      EntryRange.Hi = std::min<Level>(EntryRange.Hi, ApcLevel);
  }

  for (const Instruction &I : instructions(F))
    if (any_of(I.users(), [&](const User *U) {
          return cast<Instruction>(U)->getParent() != I.getParent();
        }))
      LiveOut.insert(&I);

  // Locals whose address reaches a call or is stored may change behind our back.
  for (const Instruction &I : instructions(F))
    if (const auto *AI = dyn_cast<AllocaInst>(&I)) {
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

  State Entry;
  Entry.Cur = IrqlValue::entry(EntryRange);
  const BasicBlock *EntryBB = &F.getEntryBlock();
  In_[EntryBB].push_back(Entry);

  ReversePostOrderTraversal<const Function *> RPOT(&F);
  std::vector<const BasicBlock *> Order(RPOT.begin(), RPOT.end());
  DenseMap<const BasicBlock *, unsigned> RPOIndex;
  for (unsigned I = 0; I < Order.size(); ++I)
    RPOIndex[Order[I]] = I;

  // Phase 1: fixpoint over block entry states (a worklist in RPO order).
  std::set<unsigned> Work{0};
  while (!Work.empty()) {
    const BasicBlock *BB = Order[*Work.begin()];
    Work.erase(Work.begin());
    std::vector<State> States = In_[BB];
    for (const Instruction &I : *BB) {
      if (I.isTerminator())
        break;
      transferInst(I, States);
    }
    const Instruction *Term = BB->getTerminator();
    if (!Term)
      continue;
    SmallVector<std::pair<const BasicBlock *, State>, 4> Succs;
    for (const State &S : States)
      successors(*Term, S, Succs);
    for (auto &[Succ, S] : Succs) {
      // Only values used outside their block need to travel along edges.
      for (auto It = S.Ssa.begin(); It != S.Ssa.end();) {
        auto Next = std::next(It);
        if (!LiveOut.count(It->first))
          S.Ssa.erase(It);
        It = Next;
      }
      std::vector<State> &Entry = In_[Succ];
      size_t SizeBefore = Entry.size();
      bool Changed;
      if (++Visits[Succ] > MaxVisitsPerBlock) {
        // Widen: one state that knows nothing it cannot be sure of.
        State W = S;
        for (const State &O : Entry)
          W.join(O);
        W.StackUnknown = true;
        W.Stack.clear();
        W.Facts.clear();
        Changed = !(SizeBefore == 1 && Entry[0] == W);
        Entry = {std::move(W)};
      } else {
        Changed = addState(Succ, std::move(S));
      }
      if (Changed && RPOIndex.count(Succ) &&
          !(Visits[Succ] > MaxVisitsPerBlock + 1 && In_[Succ].size() == 1 && SizeBefore == 1))
        Work.insert(RPOIndex[Succ]);
    }
  }

  // Phase 2: replay every block once from its final entry states, reporting.
  Reporting = true;
  for (const BasicBlock *BB : Order) {
    auto It = In_.find(BB);
    if (It == In_.end() || It->second.empty())
      continue;
    std::vector<State> States = It->second;
    for (const Instruction &I : *BB) {
      if (const auto *RI = dyn_cast<ReturnInst>(&I)) {
        checkExit(*RI, States);
        break;
      }
      if (I.isTerminator())
        break;
      transferInst(I, States);
    }
  }
  if (In.Summary)
    finishSummary();
}

//===----------------------------------------------------------------------===//
// Summaries
//===----------------------------------------------------------------------===//

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
  Level Hi = Allowed.Hi;
  if (CC.has(ItemKind::Paged))
    Hi = std::min<Level>(Hi, ApcLevel);
  if (const ContractItem *R = CC.find(ItemKind::Raises))
    if (R->Value.K == ItemValue::Lvl)
      Hi = std::min<Level>(Hi, Level(R->Value.N));
  FunctionSummary &Sum = *In.Summary;
  if (UpperIntact && Hi < high() && (!Sum.MaxEntry || Hi < *Sum.MaxEntry))
    Sum.MaxEntry = Hi, Sum.MaxWhy = &CB;
  if (LowerIntact && Allowed.Lo > PassiveLevel && (!Sum.MinEntry || Allowed.Lo > *Sum.MinEntry))
    Sum.MinEntry = Allowed.Lo, Sum.MinWhy = &CB;
}

void Analyzer::noteExit(const ReturnInst &RI, const std::vector<State> &States) {
  if (ExitParamSaved.empty())
    ExitParamSaved.assign(F.arg_size(), true);
  for (const State &S : States) {
    ++NumExits;
    if (S.Cur.HasAbs && S.Cur.Abs.Lo == S.Cur.Abs.Hi && S.Cur.isExactly(S.Cur.Abs.Lo)) {
      if (ExitLevel && *ExitLevel != S.Cur.Abs.Lo)
        ExitLevelMixed = true;
      ExitLevel = S.Cur.Abs.Lo;
    } else {
      ExitLevelMixed = true;
    }
    bool OnlyArg = S.Cur.ArgIndex >= 0 && !S.Cur.HasAbs && !S.Cur.HasEntry && !S.Cur.HasCancel;
    if (!OnlyArg || (ExitArg != -2 && ExitArg != S.Cur.ArgIndex))
      ExitArg = -1;
    else
      ExitArg = S.Cur.ArgIndex;
    SymVal V = RI.getReturnValue() ? symOf(RI.getReturnValue(), S) : SymVal();
    ExitRetSaved &= V.K == SymVal::Saved;
    for (unsigned I = 0; I < ExitParamSaved.size(); ++I) {
      auto It = S.Mem.find(Paths.paramPointee(I));
      ExitParamSaved[I] = ExitParamSaved[I] && It != S.Mem.end() && It->second.K == SymVal::Saved;
    }
  }
}

void Analyzer::finishSummary() {
  FunctionSummary &Sum = *In.Summary;
  auto Add = [&](ItemKind K, ItemValue V) {
    ContractItem I{K, V, {}, {}, {}};
    I.From.Src = Origin::Inferred;
    I.From.Via = "inferred from the body";
    Sum.Inferred.add(std::move(I));
  };
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
  if (ExitRetSaved && F.getReturnType()->isIntegerTy())
    Add(ItemKind::Saves, ItemValue::ret());
  for (unsigned I = 0; I < ExitParamSaved.size(); ++I)
    if (ExitParamSaved[I])
      Add(ItemKind::Saves, ItemValue::arg(I));
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

} // namespace

void analyzeFunction(const FunctionAnalysisInput &In) { Analyzer(In).run(); }

} // namespace irqlcheck
