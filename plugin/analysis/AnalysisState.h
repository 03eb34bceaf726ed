//===- AnalysisState.h - What the analysis knows at one program point ----===//
//
// The fact set of the flow-sensitive analysis: the current IRQL, the stack of
// raises whose saved IRQL is still to be restored, what memory locations and
// SSA values hold (saved IRQLs, constants, KeGetCurrentIrql() results) and
// branch facts about opaque values. States that agree on the IRQL facts are
// merged at joins; others stay apart (ESP-style), up to a bound.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_ANALYSISSTATE_H
#define IRQLCHECK_ANALYSIS_ANALYSISSTATE_H

#include "analysis/AccessPaths.h"
#include "analysis/IrqlValue.h"
#include "analysis/SortedVectorMap.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/InstrTypes.h"
#include <optional>

namespace irqlcheck {
namespace detail {

using llvm::CmpInst;
using llvm::Instruction;
using llvm::SmallDenseMap;
using llvm::SmallVector;
using llvm::Value;

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
  };
  // (The wide fields first: states copy many of these.)
  int64_t N = 0;
  uint64_t Id = 0; // Opaque: its identity; Ptr: FunctionAddress for a function's address
  static constexpr uint64_t FunctionAddress = 1;
  const Instruction *Site = nullptr;
  uint64_t InnerId = 0; // Cmp only: the compared value (with InnerK)
  IrqlValue Irql;
  CmpInst::Predicate Pred = CmpInst::ICMP_EQ;
  Kind K = Unknown;
  Kind InnerK = Unknown;

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
  SortedVectorMap<PathId, SymVal, 12> Mem;
  // Small inline: a state is copied at every edge, and only the values live
  // across blocks travel with it (the rest are dropped before the copy).
  // Mem and Ssa are shared between copies until one writes them
  // (SortedVectorMap): a hash map past its inline size copied 64 buckets.
  SortedVectorMap<const Value *, SymVal, 6> Ssa;
  SmallVector<Fact, 4> Facts;
  const Instruction *LastChange = nullptr; // the call that last set the IRQL
  const Instruction *ExitVia = nullptr;    // terminator this path arrived by

  /// The part of the state that decides IRQL findings: states that agree on
  /// it are merged (ESP), others kept apart.
  bool sameCore(const State &O) const {
    if (Cur != O.Cur || StackUnknown != O.StackUnknown || Stack != O.Stack)
      return false;
    if (Mem.sharesWith(O.Mem))
      return true;
    // The saved IRQLs (location and site) and the functions held in memory
    // (a call through a variable that holds one of two functions is two
    // calls), in key order, without a copy.
    auto Decides = [](const SymVal &V) {
      return V.K == SymVal::Saved || (V.K == SymVal::Ptr && V.Id == SymVal::FunctionAddress);
    };
    auto NextSaved = [&](auto It, auto End) {
      while (It != End && !Decides(It->second))
        ++It;
      return It;
    };
    auto A = NextSaved(Mem.begin(), Mem.end()), AE = Mem.end();
    auto B = NextSaved(O.Mem.begin(), O.Mem.end()), BE = O.Mem.end();
    for (; A != AE && B != BE; A = NextSaved(++A, AE), B = NextSaved(++B, BE))
      if (A->first != B->first || A->second.K != B->second.K ||
          A->second.Site != B->second.Site || A->second.N != B->second.N)
        return false;
    return A == AE && B == BE;
  }
  bool operator==(const State &O) const {
    return sameCore(O) && Epoch == O.Epoch && Mem == O.Mem && Facts == O.Facts;
  }

  /// Joins O into this state. Returns whether the state changed, as
  /// operator== sees it; Touched (if given) is set if anything changed at
  /// all, the SSA facts and the last change too.
  bool join(const State &O, bool *Touched = nullptr) {
    bool Changed = false, SideChanged = false;
    IrqlValue OldCur = Cur;
    Cur.join(O.Cur);
    Changed |= Cur != OldCur;
    if (StackUnknown || O.StackUnknown || Stack != O.Stack) {
      Changed |= !StackUnknown || !Stack.empty();
      StackUnknown = true;
      Stack.clear();
    }
    if (Epoch != O.Epoch) {
      Epoch = std::max(Epoch, O.Epoch) + 1;
      Changed = true;
    }
    Changed |= joinMem(O.Mem);
    // (Read first: writing a map shared with another state copies it.)
    auto Differs = [&](const auto &KV) {
      auto OIt = O.Ssa.find(KV.first);
      return (OIt == O.Ssa.end() || OIt->second != KV.second) && KV.second != SymVal();
    };
    if (llvm::any_of(std::as_const(Ssa), Differs)) {
      for (auto &KV : Ssa)
        if (Differs(KV))
          KV.second = SymVal();
      SideChanged = true;
    }
    if (!llvm::all_of(Facts, [&](const Fact &F) { return is_contained(O.Facts, F); })) {
      SmallVector<Fact, 4> Common;
      for (const Fact &F : Facts)
        if (is_contained(O.Facts, F))
          Common.push_back(F);
      Facts = std::move(Common);
      Changed = true;
    }
    if (LastChange != O.LastChange && !LastChange) {
      LastChange = O.LastChange;
      SideChanged = true;
    }
    if (Touched)
      *Touched |= Changed || SideChanged;
    return Changed;
  }

  /// Labels the state with epoch E, the one a join point gives the states
  /// that reach it under different epochs. KeGetCurrentIrql() values read
  /// under another epoch are stale by that alone; those read under E itself
  /// (on an earlier visit of a loop whose body changes the IRQL) are dropped.
  /// A counter bumped at every such join would never settle in that loop.
  void relabelEpoch(unsigned E) {
    if (Epoch == E)
      return;
    auto Stale = [E](const SymVal &V) {
      return (V.K == SymVal::CurIrql && unsigned(V.N) == E) ||
             (V.K == SymVal::Cmp && V.InnerK == SymVal::CurIrql && unsigned(V.InnerId) == E);
    };
    if (llvm::any_of(std::as_const(Mem), [&](const auto &KV) { return Stale(KV.second); }))
      for (auto It = Mem.begin(); It != Mem.end();)
        It = Stale(It->second) ? Mem.erase(It) : std::next(It);
    if (llvm::any_of(std::as_const(Ssa), [&](const auto &KV) { return Stale(KV.second); }))
      for (auto &KV : Ssa)
        if (Stale(KV.second))
          KV.second = SymVal();
    Epoch = E;
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

private:
  /// Keeps what both maps hold alike (a saved IRQL from the same site with
  /// the two values joined). Memory shared with O, or already within it,
  /// is not copied.
  bool joinMem(const SortedVectorMap<PathId, SymVal, 12> &OMem) {
    if (Mem.sharesWith(OMem))
      return false;
    // Both are sorted by key and the walks go in order: one walk over OMem
    // each. What O holds at KV's key if both may keep it (the same value,
    // or saves from the same site), else null.
    auto At = OMem.begin(), OEnd = OMem.end();
    bool Same = false;
    auto Counterpart = [&](const std::pair<PathId, SymVal> &KV) -> const SymVal * {
      Same = false;
      while (At != OEnd && At->first < KV.first)
        ++At;
      if (At == OEnd || At->first != KV.first)
        return nullptr;
      const SymVal &O = At->second;
      Same = KV.second == O;
      bool Kept = Same || (KV.second.K == SymVal::Saved && O.K == SymVal::Saved &&
                           KV.second.Site == O.Site);
      return Kept ? &O : nullptr;
    };
    if (llvm::all_of(std::as_const(Mem), [&](const std::pair<PathId, SymVal> &KV) {
          const SymVal *O = Counterpart(KV);
          if (!O || Same)
            return Same;
          IrqlValue J = KV.second.Irql;
          J.join(O->Irql);
          return J == KV.second.Irql;
        }))
      return false;
    // Not within: the same walk again, keeping what O holds too.
    At = OMem.begin();
    Mem.retain([&](std::pair<PathId, SymVal> &KV) {
      const SymVal *O = Counterpart(KV);
      if (O && !Same)
        KV.second.Irql.join(O->Irql);
      return O != nullptr;
    });
    return true;
  }
};

// Identities of opaque values.
constexpr uint64_t TagInst = 1ull << 60, TagPath = 2ull << 60, TagArg = 3ull << 60,
                   TagMask = 3ull << 60;

constexpr unsigned MaxStatesPerBlock = 8;
constexpr unsigned MaxVisitsPerBlock = 24;

} // namespace detail
} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_ANALYSISSTATE_H
