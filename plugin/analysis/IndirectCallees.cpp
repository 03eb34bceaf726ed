//===- IndirectCallees.cpp - What a call through a function pointer reaches ===//
#include "analysis/IndirectCallees.h"
#include "analysis/Analyzer.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Operator.h"

#include <algorithm>

using namespace llvm;

namespace irqlcheck {

namespace {

/// The object P points into and the constant byte offset, or no offset when
/// a variable index is on the way (an array element).
std::pair<const Value *, std::optional<int64_t>> rootOf(const Value *P, const DataLayout &DL) {
  std::optional<int64_t> Off = 0;
  for (unsigned Guard = 0; Guard < 32; ++Guard) {
    P = P->stripPointerCasts();
    const auto *GEP = dyn_cast<GEPOperator>(P);
    if (!GEP)
      break;
    APInt C(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
    if (Off && GEP->accumulateConstantOffset(DL, C))
      *Off += C.getSExtValue();
    else
      Off.reset();
    P = GEP->getPointerOperand();
  }
  return {P, Off};
}

/// Is the loaded pointer only called (or compared), in a function whose
/// calls the analysis sees?
bool onlyCalled(const LoadInst &LI, const DenseSet<const Function *> &Analyzable) {
  if (!Analyzable.count(LI.getFunction()))
    return false;
  for (const Use &U : LI.uses()) {
    if (const auto *CB = dyn_cast<CallBase>(U.getUser()))
      if (CB->isCallee(&U))
        continue;
    if (isa<ICmpInst>(U.getUser()))
      continue;
    return false;
  }
  return true;
}

bool isMarker(const User *U) {
  if (const auto *II = dyn_cast<IntrinsicInst>(U))
    return II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II);
  return false;
}

/// A write to (or a value in) a table: Size bytes at Off.
struct Access {
  int64_t Off;
  uint64_t Size;
  const Function *Fn;    // a function put there
  const StoreInst *Store; // null: the initializer
  bool FnOrNull;
};

/// The initializer's non-zero leaves.
void flatten(const Constant *C, int64_t Off, const DataLayout &DL, SmallVectorImpl<Access> &Out) {
  if (C->isNullValue() || isa<UndefValue>(C))
    return;
  if (const auto *Fn = dyn_cast<Function>(C->stripPointerCasts())) {
    Out.push_back({Off, DL.getPointerSize(), Fn, nullptr, true});
    return;
  }
  if (const auto *CS = dyn_cast<ConstantStruct>(C)) {
    const StructLayout *SL = DL.getStructLayout(CS->getType());
    for (unsigned I = 0; I < CS->getNumOperands(); ++I)
      flatten(CS->getOperand(I), Off + int64_t(SL->getElementOffset(I)), DL, Out);
    return;
  }
  if (const auto *CA = dyn_cast<ConstantArray>(C)) {
    uint64_t Elt = DL.getTypeAllocSize(CA->getType()->getElementType());
    for (unsigned I = 0; I < CA->getNumOperands(); ++I)
      flatten(CA->getOperand(I), Off + int64_t(I * Elt), DL, Out);
    return;
  }
  Out.push_back({Off, DL.getTypeStoreSize(C->getType()).getKnownMinValue(), nullptr, nullptr, false});
}

/// The parameter stored into Home, its home local at -O0, or null.
const Argument *homedParam(const AllocaInst *Home) {
  for (const User *U : Home->users())
    if (const auto *SI = dyn_cast<StoreInst>(U))
      if (const auto *A = dyn_cast<Argument>(SI->getValueOperand()))
        return A;
  return nullptr;
}

/// The parameter a pointer is (-O2), or is read back from its home local
/// (-O0), or null.
const Argument *filledParam(const Value *Root) {
  if (const auto *A = dyn_cast<Argument>(Root))
    return A;
  const auto *LI = dyn_cast<LoadInst>(Root);
  const auto *Home = LI ? dyn_cast<AllocaInst>(LI->getPointerOperand()) : nullptr;
  return Home ? homedParam(Home) : nullptr;
}

/// A helper that fills in a table its caller passes (`InitOps(&Ops)` with
/// `static VOID InitOps(OPS *O) { O->Start = F; }`): its writes through
/// parameter N, at byte Base of the table, when the parameter is used for
/// nothing but stores into what it points to (at -O0 through its home
/// local). False, and Acc unchanged, for any other use.
bool fillsOnly(const CallBase &CB, unsigned N, int64_t Base, const DataLayout &DL,
               SmallVectorImpl<Access> &Acc) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || Callee->isDeclaration() || N >= Callee->arg_size())
    return false;
  SmallVector<Access, 4> Found;
  SmallVector<std::pair<const Value *, int64_t>, 8> Work{{Callee->getArg(N), Base}};
  while (!Work.empty()) {
    auto [V, Off] = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      const User *Usr = U.getUser();
      if (const auto *GEP = dyn_cast<GEPOperator>(Usr)) {
        APInt C(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        if (!GEP->accumulateConstantOffset(DL, C))
          return false;
        Work.push_back({GEP, Off + C.getSExtValue()});
      } else if (const auto *SI = dyn_cast<StoreInst>(Usr)) {
        const auto *Home = dyn_cast<AllocaInst>(SI->getPointerOperand());
        if (U.getOperandNo() == 0) {
          // The parameter's home at -O0: followed if only read back.
          if (!Home || !all_of(Home->users(), [&](const User *H) {
                return H == SI || (isa<LoadInst>(H) && cast<LoadInst>(H)->getType()->isPointerTy());
              }))
            return false;
          for (const User *H : Home->users())
            if (H != SI)
              Work.push_back({H, Off});
          continue;
        }
        const Value *Val = SI->getValueOperand()->stripPointerCasts();
        const auto *Fn = dyn_cast<Function>(Val);
        bool Null = isa<Constant>(Val) && cast<Constant>(Val)->isNullValue();
        Found.push_back({Off, DL.getTypeStoreSize(SI->getValueOperand()->getType()).getKnownMinValue(),
                         Fn, SI, Fn || Null});
      } else if (!isMarker(Usr)) {
        return false;
      }
    }
  }
  Acc.append(Found.begin(), Found.end());
  return true;
}

} // namespace

IndirectCallees::IndirectCallees(const Module &M, const DenseSet<const Function *> &Analyzable) {
  // Where functions are put: the candidate tables and locals, found from the
  // uses of functions (few), not from every global and instruction.
  SmallPtrSet<const GlobalVariable *, 8> TableSeen;
  SmallVector<const GlobalVariable *, 8> TableList;
  SmallPtrSet<const Value *, 8> LocalSeen;
  // The globals whose initializer holds each function (through constants).
  DenseMap<const Function *, SmallVector<const GlobalVariable *, 2>> InInitializers;
  DenseSet<const Function *> InOtherConstants;
  const DataLayout &DL = M.getDataLayout();
  for (const Function &F : M) {
    for (const Use &U : F.uses()) {
      const User *Usr = U.getUser();
      if (const auto *SI = dyn_cast<StoreInst>(Usr)) {
        if (U.getOperandNo() != 0)
          continue;
        const Value *Root = rootOf(SI->getPointerOperand(), DL).first;
        if (const auto *G = dyn_cast<GlobalVariable>(Root)) {
          if (TableSeen.insert(G).second)
            TableList.push_back(G);
        } else if (isa<AllocaInst>(Root) && LocalSeen.insert(Root).second) {
          addLocal(*Root, Analyzable);
        } else if (const Argument *A = filledParam(Root)) {
          // A helper filling in a table its callers pass (fillsOnly).
          for (const Use &CU : A->getParent()->uses())
            if (const auto *CB = dyn_cast<CallBase>(CU.getUser());
                CB && CB->isCallee(&CU) && A->getArgNo() < CB->arg_size())
              if (const auto *G = dyn_cast<GlobalVariable>(
                      rootOf(CB->getArgOperand(A->getArgNo()), DL).first))
                if (TableSeen.insert(G).second)
                  TableList.push_back(G);
        }
      } else if (const auto *G = dyn_cast<GlobalVariable>(Usr)) {
        // static CALLBACK_FN *Callback = F;
        InInitializers[&F].push_back(G);
        if (TableSeen.insert(G).second)
          TableList.push_back(G);
      } else if (isa<Constant>(Usr) && !isa<GlobalValue>(Usr)) {
        // Up the constants to the globals they initialize (bounded).
        SmallVector<const User *, 8> Work{Usr};
        SmallPtrSet<const User *, 8> Seen{Usr};
        while (!Work.empty() && Seen.size() < 64) {
          const User *C = Work.pop_back_val();
          for (const User *Up : C->users()) {
            if (const auto *G = dyn_cast<GlobalVariable>(Up)) {
              InInitializers[&F].push_back(G);
              if (TableSeen.insert(G).second)
                TableList.push_back(G);
            } else if (isa<Constant>(Up) && !isa<GlobalValue>(Up)) {
              if (Seen.insert(Up).second)
                Work.push_back(Up);
            } else {
              InOtherConstants.insert(&F); // a constant used by code: not a table
            }
          }
        }
        if (!Work.empty())
          InOtherConstants.insert(&F);
      }
    }
  }
  for (const GlobalVariable *G : TableList)
    addTable(M, *G, Analyzable);

  // Internal functions every call of which the analysis sees: called
  // directly, or stored only where it follows them and called from there.
  for (const Function &F : M) {
    if (!F.hasLocalLinkage() || F.isDeclaration() || InOtherConstants.count(&F))
      continue;
    bool Ok = true;
    for (const Use &U : F.uses()) {
      const User *Usr = U.getUser();
      if (const auto *CB = dyn_cast<CallBase>(Usr)) {
        Ok = CB->isCallee(&U);
      } else if (const auto *SI = dyn_cast<StoreInst>(Usr)) {
        auto [Root, Off] = rootOf(SI->getPointerOperand(), DL);
        auto LIt = Locals.find(Root);
        auto TIt = Tables.find(Root);
        Ok = U.getOperandNo() == 0 &&
             ((LIt != Locals.end() && LIt->second.CallOnly) ||
              (TIt != Tables.end() && TIt->second.CallOnly && Off &&
               !fieldTargets(Root, Off).empty()));
      } else {
        // In an initializer: the tables are checked below.
        Ok = (isa<Constant>(Usr) && !isa<GlobalValue>(Usr)) || isa<GlobalVariable>(Usr);
      }
      if (!Ok)
        break;
    }
    for (const GlobalVariable *G : InInitializers.lookup(&F)) {
      auto TIt = Tables.find(G);
      Ok &= TIt != Tables.end() && TIt->second.CallOnly && TIt->second.InAll.count(&F) &&
            !TIt->second.InUnresolvable.count(&F);
    }
    if (Ok)
      OnlyFollowedCalls.insert(&F);
  }
}

void IndirectCallees::addLocal(const Value &A,
                               const DenseSet<const Function *> &Analyzable) {
  Local &L = Locals[&A];
  bool CallOnly = true;
  SmallVector<const Value *, 8> Work{&A};
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      const User *Usr = U.getUser();
      if (isa<GetElementPtrInst>(Usr) || isa<BitCastInst>(Usr)) {
        Work.push_back(Usr);
      } else if (const auto *SI = dyn_cast<StoreInst>(Usr)) {
        if (U.getOperandNo() == 0)
          CallOnly = false; // the local's address escapes
        else if (const auto *Fn = dyn_cast<Function>(SI->getValueOperand()->stripPointerCasts()))
          if (!is_contained(L.Fns, Fn))
            L.Fns.push_back(Fn);
      } else if (const auto *LI = dyn_cast<LoadInst>(Usr)) {
        CallOnly &= !LI->getType()->isPointerTy() || onlyCalled(*LI, Analyzable);
      } else if (!isMarker(Usr)) {
        CallOnly = false;
      }
    }
  }
  L.CallOnly = CallOnly;
}

void IndirectCallees::addTable(const Module &M, const GlobalVariable &G,
                               const DenseSet<const Function *> &Analyzable) {
  Table &T = Tables[&G];
  const DataLayout &DL = M.getDataLayout();
  const uint64_t P = DL.getPointerSize();
  // Only a global no other translation unit may write: internal, or
  // constant (writing it is undefined). Its initializer is the one we see.
  if (!(G.hasLocalLinkage() || G.isConstant()) || !G.hasDefinitiveInitializer())
    return;
  SmallVector<Access, 8> Acc;
  flatten(G.getInitializer(), 0, DL, Acc);
  SmallVector<std::pair<const LoadInst *, std::optional<int64_t>>, 8> Loads;
  bool Escaped = false, AnyWrite = false, Copied = false;
  SmallVector<std::pair<const Value *, std::optional<int64_t>>, 8> Work{{&G, 0}};
  while (!Work.empty() && !Escaped) {
    auto [V, Off] = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      const User *Usr = U.getUser();
      if (const auto *GEP = dyn_cast<GEPOperator>(Usr)) {
        APInt C(DL.getIndexTypeSizeInBits(GEP->getType()), 0);
        std::optional<int64_t> N;
        if (Off && GEP->accumulateConstantOffset(DL, C))
          N = *Off + C.getSExtValue();
        Work.push_back({GEP, N});
      } else if (isa<BitCastOperator>(Usr) || isa<AddrSpaceCastOperator>(Usr)) {
        Work.push_back({Usr, Off});
      } else if (const auto *LI = dyn_cast<LoadInst>(Usr)) {
        Loads.push_back({LI, Off});
      } else if (const auto *SI = dyn_cast<StoreInst>(Usr)) {
        if (U.getOperandNo() == 0) {
          Escaped = true; // the table's address is stored: unknown writers
          break;
        }
        if (!Off) {
          AnyWrite = true;
          continue;
        }
        const Value *Val = SI->getValueOperand()->stripPointerCasts();
        uint64_t Size = DL.getTypeStoreSize(SI->getValueOperand()->getType()).getKnownMinValue();
        const auto *Fn = dyn_cast<Function>(Val);
        bool Null = isa<Constant>(Val) && cast<Constant>(Val)->isNullValue();
        Acc.push_back({*Off, Size, Fn, SI, Fn || Null});
      } else if (const auto *MT = dyn_cast<MemTransferInst>(Usr);
                 MT && U.getOperandNo() == 1 && rootOf(MT->getDest(), DL).first != &G) {
        Copied = true; // a structure copy reads it: its functions go elsewhere
      } else if (const auto *CB = dyn_cast<CallBase>(Usr);
                 CB && Off && CB->isArgOperand(&U) &&
                 fillsOnly(*CB, CB->getArgOperandNo(&U), *Off, DL, Acc)) {
        continue; // a helper that fills it in
      } else if (!isMarker(Usr) && !isa<ICmpInst>(Usr)) {
        Escaped = true; // a call (a registration, a copy into it), a cast to an integer
        break;
      }
    }
  }
  if (Escaped || AnyWrite)
    return;

  // A field holds functions only if every write that overlaps it writes a
  // whole pointer there: a function or null.
  llvm::sort(Acc, [](const Access &A, const Access &B) { return A.Off < B.Off; });
  SmallVector<int64_t, 8> EndBefore(Acc.size() + 1, INT64_MIN); // max end of Acc[0..i)
  for (size_t I = 0; I < Acc.size(); ++I)
    EndBefore[I + 1] = std::max(EndBefore[I], Acc[I].Off + int64_t(Acc[I].Size));
  for (const Access &A : Acc)
    if (A.Fn) {
      T.Fields[A.Off].Fns.push_back({A.Fn, A.Store});
      if (T.InAll.insert(A.Fn).second)
        T.All.push_back({A.Fn, A.Store});
    }
  bool AllFns = true;
  for (const Access &A : Acc)
    AllFns &= A.FnOrNull && A.Size == P && A.Off % int64_t(P) == 0;
  bool AllFieldsResolvable = true;
  for (auto &[Off, F] : T.Fields) {
    size_t First = std::lower_bound(Acc.begin(), Acc.end(), Off,
                                    [](const Access &A, int64_t O) { return A.Off < O; }) -
                   Acc.begin();
    bool Ok = EndBefore[First] <= Off; // nothing from before reaches into it
    for (size_t I = First; Ok && I < Acc.size() && Acc[I].Off < Off + int64_t(P); ++I)
      Ok = Acc[I].Off == Off && Acc[I].Size == P && Acc[I].FnOrNull;
    F.Resolvable = Ok;
    AllFieldsResolvable &= Ok;
    if (!Ok)
      for (const Source &Src : F.Fns)
        T.InUnresolvable.insert(Src.Fn);
  }
  T.AllResolvable = AllFns && AllFieldsResolvable;

  // Whoever loads a function from it calls it at once, in code we see.
  bool CallOnly = !Copied;
  for (auto &[LI, Off] : Loads) {
    uint64_t Size = DL.getTypeStoreSize(LI->getType()).getKnownMinValue();
    bool Touches = !Off;
    if (Off)
      for (auto It = T.Fields.lower_bound(*Off - int64_t(P) + 1);
           It != T.Fields.end() && It->first < *Off + int64_t(Size); ++It)
        Touches = true;
    if (Touches)
      CallOnly &= Off && T.Fields.count(*Off) && Size == P && onlyCalled(*LI, Analyzable);
    if (!Off && !T.All.empty())
      CallOnly &= T.AllResolvable && onlyCalled(*LI, Analyzable);
  }
  T.CallOnly = CallOnly;
}

ArrayRef<IndirectCallees::Source> IndirectCallees::fieldTargets(const Value *G,
                                                                std::optional<int64_t> Off) const {
  auto It = Tables.find(G);
  if (It == Tables.end())
    return {};
  const Table &T = It->second;
  if (!Off)
    return T.AllResolvable ? ArrayRef<Source>(T.All) : ArrayRef<Source>();
  auto F = T.Fields.find(*Off);
  if (F == T.Fields.end() || !F->second.Resolvable)
    return {};
  return F->second.Fns;
}

void IndirectCallees::possibleTargets(const CallBase &CB,
                                      SmallVectorImpl<const Function *> &Out) const {
  const Value *Called = CB.getCalledOperand()->stripPointerCasts();
  if (const auto *A = dyn_cast<Argument>(Called)) {
    if (const Function *T = paramTarget(*A->getParent(), A->getArgNo()))
      Out.push_back(T);
    return;
  }
  const auto *LI = dyn_cast<LoadInst>(Called);
  if (!LI)
    return;
  auto [Root, Off] = rootOf(LI->getPointerOperand(), CB.getModule()->getDataLayout());
  // (-O0: the parameter's copy in a local.)
  if (const auto *Home = dyn_cast<AllocaInst>(Root); Home && Off == 0)
    if (const Argument *A = homedParam(Home))
      if (const Function *T = paramTarget(*A->getParent(), A->getArgNo()))
        Out.push_back(T);
  if (auto L = Locals.find(Root); L != Locals.end()) {
    Out.append(L->second.Fns.begin(), L->second.Fns.end());
    return;
  }
  // A local filled in by a copy of a constant (constantCopy).
  if (isa<AllocaInst>(Root)) {
    SmallVector<std::pair<int64_t, const Function *>, 4> Fns;
    for (const User *U : Root->users())
      if (const auto *Copy = dyn_cast<CallBase>(U);
          Copy && constantCopy(*Copy, CB.getModule()->getDataLayout(), Fns) == Root) {
        for (auto [FOff, Fn] : Fns)
          if (!Off || FOff == *Off)
            Out.push_back(Fn);
        Fns.clear();
      }
  }
  for (const Source &S : fieldTargets(Root, Off))
    Out.push_back(S.Fn);
}

const Function *IndirectCallees::paramTarget(const Function &F, unsigned N) {
  if (!F.hasLocalLinkage() || N >= F.arg_size())
    return nullptr;
  const Function *Target = nullptr;
  for (const Use &U : F.uses()) {
    const auto *CB = dyn_cast<CallBase>(U.getUser());
    if (!CB || !CB->isCallee(&U) || N >= CB->arg_size())
      return nullptr;
    const auto *Fn = dyn_cast<Function>(CB->getArgOperand(N)->stripPointerCasts());
    if (!Fn || (Target && Fn != Target))
      return nullptr;
    Target = Fn;
  }
  return Target;
}

const AllocaInst *IndirectCallees::constantCopy(
    const CallBase &CB, const DataLayout &DL,
    SmallVectorImpl<std::pair<int64_t, const Function *>> &Fns) {
  const auto *MT = dyn_cast<MemTransferInst>(&CB);
  const auto *Len = MT ? dyn_cast<ConstantInt>(MT->getLength()) : nullptr;
  if (!Len || MT->isVolatile())
    return nullptr;
  const auto *AI = dyn_cast<AllocaInst>(MT->getDest()->stripPointerCasts());
  const auto *G = dyn_cast<GlobalVariable>(MT->getSource()->stripPointerCasts());
  // Constant: no writer anywhere; definitive: the initializer we see is it.
  if (!AI || !G || !G->isConstant() || !G->hasDefinitiveInitializer())
    return nullptr;
  std::optional<TypeSize> Size = AI->getAllocationSize(DL);
  uint64_t N = Len->getZExtValue();
  if (!Size || Size->isScalable() || Size->getFixedValue() != N ||
      DL.getTypeAllocSize(G->getValueType()) != N)
    return nullptr;
  SmallVector<Access, 8> Acc;
  flatten(G->getInitializer(), 0, DL, Acc);
  for (const Access &A : Acc)
    if (A.Fn)
      Fns.push_back({A.Off, A.Fn});
  return AI;
}

const Instruction *IndirectCallees::functionChoice(const Value *V,
                                                   SmallVectorImpl<const Function *> *Fns) {
  const auto *I = dyn_cast<Instruction>(V);
  if (!I || !(isa<SelectInst>(I) || isa<PHINode>(I)))
    return nullptr;
  auto Ops = isa<SelectInst>(I) ? drop_begin(I->operands()) : I->operands();
  SmallVector<const Function *, 4> Seen;
  for (const Value *Op : Ops) {
    const auto *Fn = dyn_cast<Function>(Op->stripPointerCasts());
    if (!Fn || Seen.size() > 8)
      return nullptr;
    if (!is_contained(Seen, Fn))
      Seen.push_back(Fn);
  }
  if (Seen.size() < 2)
    return nullptr;
  if (Fns)
    Fns->append(Seen.begin(), Seen.end());
  return I;
}

bool IndirectCallees::callersAllKnown(const Function &F) const {
  return OnlyFollowedCalls.count(&F) && !UnknownCaller.count(&F);
}

void IndirectCallees::unresolvedOnSomePath(const CallBase &CB) {
  SmallVector<const Function *, 4> Targets;
  possibleTargets(CB, Targets);
  UnknownCaller.insert(Targets.begin(), Targets.end());
}

//===----------------------------------------------------------------------===//
// The analysis' half: the target on each path
//===----------------------------------------------------------------------===//

namespace detail {

const Function *Analyzer::calledFunction(const CallBase &CB) const {
  if (&CB == ForcedCall)
    return ForcedCallee;
  const Value *Called = CB.getCalledOperand();
  if (const auto *Fn = dyn_cast<Function>(Called))
    return Fn; // (most calls: no cast to strip)
  return dyn_cast<Function>(Called->stripPointerCasts());
}

const Function *Analyzer::nameableCallee(const CallBase &CB) const {
  if (const Function *Fn = calledFunction(CB))
    return Fn;
  return In.Indirect ? In.Indirect->resolvedAt(CB) : nullptr;
}

/// The function the called pointer holds on this path, or null: what the
/// variable map says the loaded location holds, else (a table field the
/// path knows nothing about) the one function every write puts there.
const Function *Analyzer::targetOnPath(const CallBase &CB, const State &S) {
  const Value *Called = CB.getCalledOperand()->stripPointerCasts();
  if (const auto *A = dyn_cast<Argument>(Called))
    return IndirectCallees::paramTarget(F, A->getArgNo());
  const auto *LI = dyn_cast<LoadInst>(Called);
  if (!LI)
    return nullptr;
  PathId From = pointerPath(LI->getPointerOperand(), S);
  if (!From)
    return nullptr;
  if (auto It = S.Mem.find(From); It != S.Mem.end()) {
    if (It->second.K != SymVal::Ptr)
      return nullptr;
    auto Name = Paths.callerName(PathId(It->second.N));
    if (!Name || Name->Off || !Name->SlotKind.empty())
      return nullptr;
    // A parameter's value, still held in a local: what every caller passes.
    if (Name->Param >= 0)
      return Paths.kind(PathId(It->second.N)) == PathTable::ParamPointee
                 ? IndirectCallees::paramTarget(F, unsigned(Name->Param))
                 : nullptr;
    return Name->Global ? dyn_cast<Function>(Name->Global) : nullptr;
  }
  if (Paths.localRoot(From))
    return nullptr;
  ArrayRef<IndirectCallees::Source> Targets;
  if (Paths.kind(From) == PathTable::AnyOffset) {
    if (auto Name = Paths.callerName(Paths.base(From)); Name && Name->Global && !Name->Off)
      Targets = In.Indirect->fieldTargets(Name->Global, std::nullopt);
  } else if (auto Name = Paths.callerName(From); Name && Name->Global && Name->SlotKind.empty()) {
    Targets = In.Indirect->fieldTargets(Name->Global, Name->Off);
  }
  // (One function, maybe stored in several places.)
  if (Targets.empty() || any_of(Targets, [&](const IndirectCallees::Source &Src) {
        return Src.Fn != Targets.front().Fn;
      }))
    return nullptr;
  return Targets.front().Fn;
}

/// The select or phi of functions (IndirectCallees::functionChoice) the
/// called pointer is on this path: called itself, or stored in the memory
/// the pointer is loaded from; or null.
const Instruction *Analyzer::choiceOnPath(const CallBase &CB, const State &S) {
  const Value *Called = CB.getCalledOperand()->stripPointerCasts();
  if (const Instruction *C = IndirectCallees::functionChoice(Called))
    return C;
  const auto *LI = dyn_cast<LoadInst>(Called);
  PathId From = LI ? pointerPath(LI->getPointerOperand(), S) : 0;
  auto It = From ? S.Mem.find(From) : S.Mem.end();
  if (It == S.Mem.end() || It->second.K != SymVal::Opaque || !It->second.Site)
    return nullptr;
  return IndirectCallees::functionChoice(It->second.Site);
}

/// A call through a pointer: the paths that agree on the target are checked
/// as a direct call to it, each group on its own (the call is the dispatch
/// `if (p == f) f(); else if (p == g) g();`, and a path that knows p == f
/// is a path into the first branch). Paths whose target is unknown stay as
/// before: the role of the pointer's type, or an unknown call.
void Analyzer::transferAnyCall(const CallBase &CB, std::vector<State> &States) {
  if (!In.Indirect || !CB.isIndirectCall() || States.empty())
    return transferCall(CB, States);
  SmallVector<std::pair<const Function *, std::vector<State>>, 2> Groups;
  for (State &S : States) {
    const Function *T = targetOnPath(CB, S);
    // A target of no contract at all is left to the pointer's type, as a
    // direct call to it would be an unknown call.
    if (T && !In.ContractOf(*T))
      T = nullptr;
    auto G = find_if(Groups, [&](const auto &Gr) { return Gr.first == T; });
    if (G == Groups.end()) {
      Groups.push_back({T, {}});
      G = Groups.end() - 1;
    }
    G->second.push_back(std::move(S));
  }
  // Paths where the pointer is one of several known functions (`Fn = Flag ?
  // A : B`, the path does not say which): a direct call to each of them, if
  // every one of them would be reported there (the verdict holds whichever
  // it is); if any is fine there, the call stays unknown.
  SmallVector<const Function *, 4> Choices;
  if (auto G = find_if(Groups, [](const auto &Gr) { return !Gr.first; }); G != Groups.end()) {
    const Instruction *Choice = nullptr;
    for (const State &S : G->second) {
      const Instruction *C = choiceOnPath(CB, S);
      if (!C || (Choice && C != Choice)) {
        Choice = nullptr;
        break;
      }
      Choice = C;
    }
    if (Choice) {
      IndirectCallees::functionChoice(Choice, &Choices);
      bool AllWrong = all_of(Choices, [&](const Function *T) {
        const Contract *CC = In.ContractOf(*T);
        if (!CC)
          return false;
        CallVerdict V = callVerdict(CB, *CC, G->second);
        return V.High || V.Low || V.Paged;
      });
      if (AllWrong) {
        std::vector<State> Unresolved = std::move(G->second);
        Groups.erase(G);
        for (const Function *T : Choices)
          Groups.push_back({T, Unresolved});
      } else {
        Choices.clear();
      }
    }
  }
  bool Unknown = any_of(Groups, [](const auto &Gr) { return !Gr.first; });
  // (The checking run, the one that tells callees their callers' IRQL,
  // says which calls lost their target; any run names the callee for the
  // notes of other functions' call chains.)
  if (Reporting && Unknown && In.OnDirectCall)
    In.Indirect->unresolvedOnSomePath(CB);
  if (Reporting && !Unknown && Groups.size() == 1 && Choices.empty())
    In.Indirect->resolved(CB, *Groups.front().first);
  States.clear();
  for (auto &[T, Group] : Groups) {
    ForcedCall = T ? &CB : nullptr;
    ForcedCallee = T;
    transferCall(CB, Group);
    for (State &S : Group)
      States.push_back(std::move(S));
  }
  ForcedCall = nullptr;
  ForcedCallee = nullptr;
}

/// Where the pointer called at CB got its value: the stores in this function
/// that put the target in the same place, else the table's own writes.
void Analyzer::addTargetNotes(const CallBase &CB, std::vector<DiagNote> &Notes) {
  const Function *T = &CB == ForcedCall ? ForcedCallee : nullptr;
  const auto *LI = dyn_cast<LoadInst>(CB.getCalledOperand()->stripPointerCasts());
  if (!T || !LI)
    return;
  std::string Name = cNameOfSymbol(T->getName()).str();
  const Value *Where = LI->getPointerOperand()->stripPointerCasts();
  unsigned Added = 0;
  for (const User *U : Where->users())
    if (const auto *SI = dyn_cast<StoreInst>(U))
      if (SI->getFunction() == &F && SI->getPointerOperand() == Where &&
          SI->getValueOperand()->stripPointerCasts() == T && Added++ < 3)
        Notes.push_back(DiagNote{DiagLoc::ir(SI->getDebugLoc().get(), &F, Name),
                                 "the pointer called there holds '" + Name + "', stored here"});
  if (Added)
    return;
  auto [Root, Off] = rootOf(Where, DL);
  for (const IndirectCallees::Source &S : In.Indirect->fieldTargets(Root, Off)) {
    if (S.Fn != T || Added++ >= 3)
      continue;
    std::string Table = cNameOfSymbol(Root->getName()).str();
    Notes.push_back(
        S.Store ? DiagNote{DiagLoc::ir(S.Store->getDebugLoc().get(), S.Store->getFunction(), Name),
                           "'" + Name + "' is stored in table '" + Table + "' here"}
                : DiagNote{DiagLoc::ir(nullptr, T),
                           "'" + Name + "' is put in table '" + Table + "' by its initializer"});
  }
}

} // namespace detail
} // namespace irqlcheck
