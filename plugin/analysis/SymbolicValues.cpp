//===- SymbolicValues.cpp - What values and memory hold -------------------===//
#include "analysis/Analyzer.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Operator.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

std::string Analyzer::calleeName(const CallBase &CB) const {
  if (const Function *Callee = nameableCallee(CB))
    return cNameOfSymbol(Callee->getName()).str();
  if (In.IndirectContractOf)
    if (const Contract *C = In.IndirectContractOf(CB))
      if (const ContractItem *Class = C->find(ItemKind::Class))
        return "(" + Class->Name + " through a pointer)";
  return "<indirect>";
}

/// V->stripPointerCasts(), without the call for what it never strips (it
/// keeps a visited set: at -O0 most pointers are locals and loads).
static const Value *stripCasts(const Value *V) {
  if (isa<AllocaInst>(V) || isa<LoadInst>(V) || isa<Argument>(V) || isa<GlobalVariable>(V) ||
      isa<Function>(V))
    return V;
  return V->stripPointerCasts();
}

/// The path of a pointer that names memory itself: a local, a global (or a
/// function: what a pointer to it holds), a parameter's pointee.
std::optional<PathId> Analyzer::directPath(const Value *Base) {
  if (const auto *AI = dyn_cast<AllocaInst>(Base))
    return Paths.local(AI);
  if (isa<GlobalVariable>(Base) || isa<Function>(Base))
    return Paths.global(Base);
  if (const auto *A = dyn_cast<Argument>(Base))
    return Paths.paramPointee(A->getArgNo());
  return std::nullopt;
}

/// The path V points to if that does not depend on the state (a local, a
/// global, a parameter's pointee, constant or variable offsets from them),
/// found once per value; nullopt if it goes through a loaded pointer.
std::optional<PathId> Analyzer::fixedPath(const Value *V) {
  // A loaded pointer is answered at once: remembering that would cost more
  // (at -O0 most are used once).
  if (isa<LoadInst>(V))
    return std::nullopt;
  auto Cached = FixedPaths.find(V);
  if (Cached != FixedPaths.end())
    return Cached->second;
  std::optional<PathId> P;
  const Value *Base = stripCasts(V);
  if (std::optional<PathId> Direct = directPath(Base))
    P = Direct;
  else if (isa<LoadInst>(Base))
    P = std::nullopt;
  else if (const auto *GEP = dyn_cast<GEPOperator>(Base)) {
    if (std::optional<PathId> From = fixedPath(GEP->getPointerOperand())) {
      std::optional<int64_t> Off = gepOffset(GEP);
      P = Off ? Paths.offset(*From, *Off) : Paths.anyOffset(*From);
    }
  } else {
    P = 0;
  }
  FixedPaths[V] = P;
  return P;
}

/// A GEP's constant offset does not depend on the state: computed once.
std::optional<int64_t> Analyzer::gepOffset(const GEPOperator *GEP) {
  auto [It, New] = GepOffsets.try_emplace(GEP);
  if (New) {
    if (In.Geps) {
      It->second = In.Geps->of(*GEP, DL);
    } else {
      APInt Off(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
      if (GEP->accumulateConstantOffset(DL, Off))
        It->second = Off.getSExtValue();
    }
  }
  return It->second;
}

PathId Analyzer::pointerPath(const Value *V, const State &S) {
  if (std::optional<PathId> P = fixedPath(V))
    return *P;
  for (unsigned Guard = 0; Guard < 64; ++Guard) {
    V = stripCasts(V);
    if (std::optional<PathId> Direct = directPath(V))
      return *Direct;
    if (const auto *GEP = dyn_cast<GEPOperator>(V)) {
      PathId Base = pointerPath(GEP->getPointerOperand(), S);
      std::optional<int64_t> Off = gepOffset(GEP);
      return Off ? Paths.offset(Base, *Off) : Paths.anyOffset(Base);
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

/// The memory a saves/restores item names: byte Off of what argument N
/// points to (ArgPointee, as the caller or the function sees it), or of the
/// named global.
PathId Analyzer::itemLocation(const ContractItem &I, PathId ArgPointee) {
  PathId P = 0;
  if (I.Value.K == ItemValue::Arg)
    P = ArgPointee;
  else if (I.Value.K == ItemValue::Global)
    if (const GlobalValue *G = F.getParent()->getNamedValue(I.Var))
      P = Paths.global(G);
  return Paths.offset(P, I.Value.Off);
}

/// The memory a saves/restores item of this function's own contract names,
/// as the function sees it.
PathId Analyzer::ownLocation(const ContractItem &I) {
  return itemLocation(I, I.Value.K == ItemValue::Arg ? Paths.paramPointee(I.Value.N) : 0);
}

/// The local variable a parameter is copied into on entry (clang's
/// "%x.addr"), or 0.
PathId Analyzer::homeOf(const Argument &A) {
  for (const User *U : A.users())
    if (const auto *St = dyn_cast<StoreInst>(U); St && St->getValueOperand() == &A)
      if (const auto *AI = dyn_cast<AllocaInst>(St->getPointerOperand()))
        return Paths.local(AI);
  return 0;
}

/// Does a restores item name the IRQL value itself (restores=argN on an
/// integer argument), rather than memory that holds a saved one (a
/// lock-state pointer, a handle, a wrapper's slot)? Arg is argument N at a
/// call, or the function's own parameter N.
bool Analyzer::restoresValue(const ContractItem &I, const Value *Arg) const {
  return I.Value.K == ItemValue::Arg && I.Value.Off == 0 && Arg &&
         !Arg->getType()->isPointerTy();
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
      P.Id = Paths.kind(Id) == PathTable::Global && isa<Function>(V->stripPointerCasts())
                 ? SymVal::FunctionAddress
                 : 0;
    } else if (const Instruction *Choice = IndirectCallees::functionChoice(V)) {
      // `Flag ? A : B`: one of known functions, which is not known here.
      P = SymVal::opaque(instId(Choice));
      P.Site = Choice;
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
  // Looked at without writing first: the memory is shared with other
  // states, and most calls leave it alone.
  auto Drop = [&](const std::pair<PathId, SymVal> &KV) {
    const AllocaInst *Local = Paths.localRoot(KV.first);
    return !(KV.second.K == SymVal::Saved || (Local && !Escaped.count(Local)));
  };
  for (const auto &KV : std::as_const(S.Mem))
    if (Drop(KV)) {
      S.forget(TagPath | KV.first);
      if (KV.second.K == SymVal::Opaque)
        S.forget(KV.second.Id);
    }
  S.Mem.eraseIf(Drop);
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
  case Condition::TimeoutNonZero:
  case Condition::PointeeEq:
  case Condition::PointeeNe: {
    if (isa<ConstantPointerNull>(A->stripPointerCasts()))
      return C.K == Condition::TimeoutNonZero;
    // What the argument points to, when this path stored a constant there.
    PathId P = pointerPath(A, S);
    auto It = S.Mem.find(P);
    if (It == S.Mem.end() || It->second.K != SymVal::Const)
      return false;
    if (C.K == Condition::TimeoutNonZero)
      return It->second.N != 0;
    return (It->second.N == C.Value) == (C.K == Condition::PointeeEq);
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


//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

void Analyzer::transferInst(const Instruction &I, std::vector<State> &States) {
  if (const auto *CB = dyn_cast<CallBase>(&I)) {
    transferAnyCall(*CB, States);
    return;
  }
  // (Only the instructions a transfer acts on come here: Fixpoint::Steps.)
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
        S.Mem.set(P, V);
      }
    } else if (const auto *LI = dyn_cast<LoadInst>(&I)) {
      if (LI->getType()->isPointerTy())
        continue; // pointers are resolved through pointerPath
      PathId P = pointerPath(LI->getPointerOperand(), S);
      const auto &Mem = S.Mem; // a read: no copy of shared memory
      auto It = P ? Mem.find(P) : Mem.end();
      if (It != Mem.end()) {
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


} // namespace detail
} // namespace irqlcheck
