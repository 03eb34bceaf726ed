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
constexpr uint64_t TagInst = 1ull << 60, TagPath = 2ull << 60, TagArg = 3ull << 60,
                   TagMask = 3ull << 60;

constexpr unsigned MaxStatesPerBlock = 8;
constexpr unsigned MaxVisitsPerBlock = 24;

} // namespace detail
} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_ANALYSISSTATE_H
