//===- ExitChecks.cpp - Returns against the function contract -------------===//
#include "analysis/Analyzer.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

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
  // Messages are built only for a finding.
  auto FName = [&] { return cNameOfSymbol(F.getName()).str(); };

  // A block like that whose `ret` sits at a return statement is that one
  // statement (`out: return Status;` after a goto ladder; the shared block's
  // `ret` is at the closing brace): its edges are still judged apart, but
  // reported at the statement.
  bool AtStatement = SharedReturn && In.AtReturnStatement && In.AtReturnStatement(RI);
  for (const Instruction *Edge : Order) {
    const auto &Group = ByEdge[Edge];
    const Instruction *Via = AtStatement ? &RI : Edge;
    auto All = [&](auto Pred) { return all_of(Group, [&](const State *S) { return Pred(*S); }); };
    const State &S0 = *Group.front();
    auto Notes = [&] { return std::vector<DiagNote>{raisedNote(S0)}; };
    auto Cur = [&] {
      IrqlValue AllPaths = S0.Cur;
      for (const State *S : Group)
        AllPaths.join(S->Cur);
      return describe(AllPaths, L);
    };
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
               "cancel routine '" + FName() + "' returns at " + Cur() +
                   " without restoring Irp->CancelIrql (call IoReleaseCancelSpinLock(Irp->CancelIrql))",
               States, Notes());
      continue;
    }
    if ((Raises || Sets) && (Raises ? Raises : Sets)->Value.K == ItemValue::Lvl) {
      Level Target = Level((Raises ? Raises : Sets)->Value.N);
      if (Exactly(Target))
        report(*Via, CheckId::ExitRaises,
               "'" + FName() + "' returns at " + Cur() + " but is annotated to return at " +
                   L.name(Target),
               States, Notes());
    } else if (Restores) {
      // The IRQL value itself (an integer parameter), or memory holding a
      // saved one (a lock-state pointer, a handle, a wrapper's slot).
      bool ByValue = restoresValue(
          *Restores, Restores->Value.N < F.arg_size() ? F.getArg(Restores->Value.N) : nullptr);
      PathId Slot = ByValue ? 0 : ownLocation(*Restores);
      // A pointer to a structure that holds the saved KIRQL is restored from
      // a field of it (Ext->OldIrql), of what it points to, at any depth
      // (Dev->Ext->OldIrql), or from a lock handle there, as _IRQL_saves_ is
      // satisfied by a save there.
      auto RestoredFrom = [&](PathId P) {
        return P == Slot || (Slot && P && Paths.holdsInside(P, Slot, FloatStateSlot));
      };
      if (All([&](const State &S) {
            return ByValue ? S.Cur.ArgIndex != int(Restores->Value.N) : !RestoredFrom(S.Cur.Slot);
          }))
        report(*Via, CheckId::RestoresNotRestored,
               "'" + FName() + "' returns without restoring the IRQL passed in its _IRQL_restores_ "
                             "parameter (argument " + std::to_string(Restores->Value.N) + ")",
               States, Notes());
    } else if (Req && !SavesOwn && !Raises && !Sets) {
      if (Exactly(Level(Req->Value.N)))
        report(*Via, CheckId::ExitRequires,
               "'" + FName() + "' returns at " + Cur() + " but _IRQL_requires_(" +
                   L.name(Level(Req->Value.N)) + ") means it must also return at that IRQL",
               States, Notes());
    } else if (!SavesOwn && !Raises && !Sets) {
      bool Changed = All([&](const State &S) {
        if (S.Cur.HasEntry || S.Cur.HasCancel || S.Cur.ArgIndex >= 0 || !S.Cur.HasAbs)
          return false;
        if (!S.StackUnknown && !S.Stack.empty())
          return true;
        if (EntryRange.disjoint(S.Cur.Abs))
          return true;
        bool AlwaysEnteredThere = EntryRange.Lo == EntryRange.Hi && EntryRange == S.Cur.Abs;
        if (EntryPromised && !AlwaysEnteredThere)
          return true;
        // _IRQL_requires_same_ and the IRQL is a level the function set (an
        // _IRQL_raises_ callee that saves nothing): whatever it was entered
        // at, it returns at that level. Same only if always entered there.
        return Same && S.Cur.Abs.Lo == S.Cur.Abs.Hi && S.LastChange &&
               SetToLevel.contains(S.LastChange) && !AlwaysEnteredThere;
      });
      if (Changed)
        report(*Via, Same ? CheckId::ExitNotSame : CheckId::ExitChanged,
               "'" + FName() + "' returns at " + Cur() + ", not at the IRQL it was entered at" +
                   (!S0.StackUnknown && !S0.Stack.empty()
                        ? " (the IRQL saved by '" + calleeName(cast<CallBase>(*S0.Stack.back())) +
                              "' is never restored on this path)"
                        : std::string()),
               States, Notes());
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
        // _IRQL_saves_ on a KIRQL passed by value (irql-annotation-param-type
        // says the annotation is wrong): the caller never sees it, but the
        // function meant its own variable to receive the IRQL, and it is
        // held to that; the value passed in is not a saved IRQL.
        const Argument *ByValue = I.Value.K == ItemValue::Arg && I.Value.N < F.arg_size() &&
                                          F.getArg(I.Value.N)->getType()->isIntegerTy()
                                      ? F.getArg(I.Value.N)
                                      : nullptr;
        PathId P = ByValue ? homeOf(*ByValue) : ownLocation(I);
        if (!P)
          continue;
        Missing = All([&](const State &S) {
          // A pointer to a structure that holds the KIRQL (a lock state) is
          // satisfied by a save into a field of it (&St->OldIrql), or of
          // what it points to (&Dev->Ext->OldIrql), or into a lock handle
          // there (&Dev->Ext->LockHandle): the caller finds it. A saved
          // floating-point state is not a saved IRQL.
          for (const auto &KV : S.Mem)
            if (KV.second.K == SymVal::Saved && KV.first != P &&
                Paths.holdsInside(KV.first, P, FloatStateSlot))
              return false;
          auto It = S.Mem.find(P);
          if (It == S.Mem.end())
            return !Clobbered.contains(P);
          return It->second.K == SymVal::Const ||
                 (ByValue && It->second.K == SymVal::ArgVal &&
                  It->second.N == int64_t(ByValue->getArgNo()));
        });
      }
      if (Missing)
        report(*Via, CheckId::SavesNotWritten,
               "'" + FName() + "' returns without saving the IRQL in its _IRQL_saves_ " +
                   (I.Value.K == ItemValue::Ret ? std::string("return value")
                                                : "parameter (argument " +
                                                      std::to_string(I.Value.N) + ")"),
               States);
    }
  }
}

} // namespace detail
} // namespace irqlcheck
