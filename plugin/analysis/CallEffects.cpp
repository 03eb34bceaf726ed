//===- CallEffects.cpp - Calls against contracts --------------------------===//
#include "analysis/Analyzer.h"

#include "llvm/IR/CFG.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace irqlcheck {
namespace detail {

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
  // The implied maximum does not cap a minimum above it (a contradiction
  // reported at the declaration, irql-annotation-range): the minimum wins.
  if (!HasMax && defaultMaxApplies(CC) && R.Lo <= DispatchLevel)
    R.Hi = std::min<Level>(R.Hi, DispatchLevel);
  if (R.Lo > R.Hi)
    R.Lo = R.Hi;
  return R;
}


/// The memory a saves/restores item names, at a call: what the argument
/// points to (plus the item's offset), or the named global.
PathId Analyzer::locationAt(const CallBase &CB, const ContractItem &I, const State &S) {
  PathId ArgPointee = I.Value.K == ItemValue::Arg && I.Value.N < CB.arg_size()
                          ? pointerPath(CB.getArgOperand(I.Value.N), S)
                          : 0;
  return itemLocation(I, ArgPointee);
}

/// An out-of-order release, reported once: go on as if the locks had been
/// released in the right order. The IRQL stays where the later raise put it
/// (the later lock is still held), and the later raise's saved value now
/// stands for the earlier one, so its release restores the IRQL from before
/// both; nothing is reported again at that release or at the return.
void Analyzer::swapWithLatestRaise(State &S, const IrqlValue &EarlierSaved,
                                   std::optional<IrqlValue> &After) {
  const Instruction *Latest = S.Stack.back();
  bool Found = false;
  auto Relabel = [&](SymVal &V) {
    if (V.K == SymVal::Saved && V.Site == Latest) {
      V.Irql = EarlierSaved;
      Found = true;
    }
  };
  for (auto &KV : S.Mem)
    Relabel(KV.second);
  for (auto &KV : S.Ssa)
    Relabel(KV.second);
  if (Found)
    After = S.Cur;
  // The caller erases the earlier raise's stack entry; the later one's stays.
}

void Analyzer::applyEffects(const CallBase &CB, const Contract &CC, State &S,
                            std::vector<Finding> *Findings) {
  // Findings is null during the fixpoint: no message is built there, and
  // in the replay only for a finding. The note on the last IRQL change is
  // about the state before the call.
  const Instruction *RaisedSite = !S.Stack.empty() ? S.Stack.back() : S.LastChange;
  const IrqlValue RaisedAt = S.Cur;
  auto Raised = [&] { return raisedNote(RaisedSite, RaisedAt); };
  auto Found = [&](CheckId Id, std::string Msg, std::vector<DiagNote> Notes = {}) {
    Findings->push_back({Id, std::move(Msg), std::move(Notes)});
  };
  // Does the call report something here? Noted in the fixpoint too, where
  // nothing is built: a replay from that visit's states skips the effects
  // of a call that reports nothing (they only change states it drops).
  auto Finds = [&](bool Cond) {
    EffectsMayFind |= Cond;
    return Cond && Findings;
  };
  auto SiteNote = [&](const Instruction *Site, const std::string &What) {
    return DiagNote{DiagLoc::ir(Site->getDebugLoc().get(), &F), What};
  };
  auto Name = [&] { return calleeName(CB); };
  IrqlValue Before = S.Cur;
  floatState(CB, CC, S, Findings);
  SymVal SavedHere; // the IRQL this call saves
  SavedHere.K = SymVal::Saved;
  SavedHere.Irql = Before;
  SavedHere.Site = &CB;
  bool SavesSomething = false;
  // An item under a condition applies where its condition is known to hold
  // (StorPortAcquireSpinLock's lock type, a constant argument, says how far
  // it raises); elsewhere only the unconditional items do.
  for (const ContractItem &I : CC.items()) {
    if (!conditionHolds(I.Cond, CB, S))
      continue;
    if (I.Kind == ItemKind::Saves) {
      if (I.Value.K == ItemValue::Ret)
        S.Ssa[&CB] = SavedHere;
      else if (PathId P = locationAt(CB, I, S))
        S.Mem[P] = SavedHere;
      SavesSomething = true;
    } else if (I.Kind == ItemKind::SavesGlobal) {
      if (PathId P = Paths.slot(I.Name, locationAt(CB, I, S)))
        S.Mem[P] = SavedHere;
      SavesSomething = true;
    }
  }

  // The IRQL the callee returns at.
  std::optional<IrqlValue> After;
  // A call restores the IRQL once, however many items say where from (the
  // model gives NdisReleaseRWLock both restores=arg1 and a restores-global
  // slot on the same lock state).
  bool Restored = false;
  // The value restored did not come from a save, a constant or the entry
  // IRQL (a parameter, something read through a pointer): where it lowers
  // to is unknown.
  bool RestoresUnknown = false;
  // Inside a release wrapper, memory holding the IRQL its caller saved: a
  // place the caller can name (Dev->OldIrql), or anything below the
  // structure the wrapper's own _IRQL_restores_ pointer names
  // (Dev->Ext->OldIrql, a lock handle in it).
  auto CallerSaved = [&](PathId P) {
    if (Paths.callerName(P))
      return true;
    const ContractItem *R = Own.find(ItemKind::Restores);
    return R && R->Value.K == ItemValue::Arg && R->Value.N < F.arg_size() &&
           F.getArg(R->Value.N)->getType()->isPointerTy() &&
           Paths.holdsInside(P, ownLocation(*R), FloatStateSlot);
  };
  auto Restore = [&](const SymVal &V) {
    if (Restored)
      return;
    Restored = true;
    RestoresUnknown = V.K != SymVal::Saved && V.K != SymVal::Const && V.K != SymVal::Cancel &&
                      V.K != SymVal::CurIrql;
    switch (V.K) {
    case SymVal::CurIrql:
      // KeLowerIrql(KeGetCurrentIrql()): stays where it is.
      if (unsigned(V.N) == S.Epoch) {
        After = S.Cur;
        break;
      }
      After = IrqlValue::absolute({PassiveLevel, high()});
      S.StackUnknown = true;
      S.Stack.clear();
      break;
    case SymVal::Saved: {
      After = V.Irql;
      if (S.StackUnknown)
        break;
      auto Pos = find(S.Stack, V.Site);
      if (Pos == S.Stack.end()) {
        if (Finds(!UndoneByConstant.contains(V.Site)))
          Found(CheckId::RestoreUnsaved,
                "'" + Name() + "' restores an IRQL whose raise was already undone",
                {SiteNote(V.Site, "the IRQL was saved here")});
      } else {
        if (Finds(Pos + 1 != S.Stack.end()))
          Found(CheckId::RestoreOrder,
                "'" + Name() + "' restores the IRQL saved by '" +
                    calleeName(cast<CallBase>(**Pos)) + "' while the later raise by '" +
                    calleeName(cast<CallBase>(*S.Stack.back())) +
                    "' is still in effect: release locks in the reverse order of acquiring them",
                {SiteNote(*Pos, "the IRQL being restored was saved here"),
                 SiteNote(S.Stack.back(), "this later raise has not been undone yet")});
        if (Pos + 1 != S.Stack.end())
          swapWithLatestRaise(S, V.Irql, After);
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
      if (Finds(true))
        Found(CheckId::RestoreUnsaved,
            "'" + Name() + "' sets the IRQL to the constant " + L.name(Level(V.N)) +
                " instead of restoring the value saved by the matching raise",
            {Raised()});
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
    case SymVal::Opaque:
      // Inside a release wrapper: the IRQL its caller saved in memory the
      // caller can name (Dev->OldIrql). The raise is on the caller's stack,
      // not on this function's.
      if ((V.Id & TagMask) == TagPath && CallerSaved(PathId(V.Id & ~TagMask))) {
        IrqlValue A;
        A.Slot = PathId(V.Id & ~TagMask);
        After = A;
        break;
      }
      [[fallthrough]];
    default:
      After = IrqlValue::absolute({PassiveLevel, high()});
      S.StackUnknown = true;
      S.Stack.clear();
      break;
    }
  };
  // The saved IRQL held in memory: restores through a pointer or handle
  // (NDIS's PLOCK_STATE_EX, KMDF's WDFSPINLOCK) and lock-wrapper summaries.
  auto RestoreFrom = [&](PathId P) {
    auto It = P ? S.Mem.find(P) : S.Mem.end();
    // Inside a release wrapper: the IRQL its caller saved there.
    if (It == S.Mem.end() && P && CallerSaved(P))
      return Restore(SymVal::opaque(TagPath | P));
    Restore(It != S.Mem.end() ? It->second : SymVal());
    if (It != S.Mem.end())
      S.Mem.erase(It);
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
  // KeRaiseIrql(KeGetCurrentIrql(), &Old): raising to the IRQL it already
  // runs at changes nothing (the save still happens).
  auto CurrentIrqlArg = [&](const ItemValue &V) {
    if (V.K != ItemValue::Arg || V.N >= CB.arg_size())
      return false;
    SymVal A = symOf(CB.getArgOperand(V.N), S);
    return A.K == SymVal::CurIrql && unsigned(A.N) == S.Epoch;
  };
  for (const ContractItem &I : CC.items()) {
    if (!conditionHolds(I.Cond, CB, S))
      continue;
    if ((I.Kind == ItemKind::Raises || I.Kind == ItemKind::Sets) && CurrentIrqlArg(I.Value)) {
      After = Before;
    } else if (I.Kind == ItemKind::Raises) {
      if (auto Lv = LevelOrArg(I.Value)) {
        if (Finds(!(DerivedEntry && Before.isEntryOnly()) &&
                  outside(Before, {PassiveLevel, *Lv}, EntryPromised, high()) == Verdict::Certain))
          Found(CheckId::RaiseToLower,
                "'" + Name() + "' raises to " + L.name(*Lv) + " but is called at " +
                    describe(Before, L) + ": it would lower the IRQL (use KeLowerIrql "
                    "with the saved value)",
                {Raised()});
        After = IrqlValue::level(*Lv);
        SetToLevel.insert(&CB);
      } else {
        After = IrqlValue::absolute({Before.hull(high()).Lo, high()});
      }
    } else if (I.Kind == ItemKind::Sets) {
      auto Lv = LevelOrArg(I.Value);
      After = Lv ? IrqlValue::level(*Lv) : IrqlValue::absolute({PassiveLevel, high()});
      if (Lv)
        SetToLevel.insert(&CB);
      RestoresUnknown |= !Lv; // __drv_setsIRQL(NewIrql) to a value not known
    } else if (I.Kind == ItemKind::Restores &&
               restoresValue(I, I.Value.N < CB.arg_size() ? CB.getArgOperand(I.Value.N)
                                                          : nullptr)) {
      Restore(symOf(CB.getArgOperand(I.Value.N), S));
    } else if (I.Kind == ItemKind::Restores) {
      RestoreFrom(locationAt(CB, I, S));
    } else if (I.Kind == ItemKind::RestoresGlobal) {
      RestoreFrom(Paths.slot(I.Name, locationAt(CB, I, S)));
    } else if (I.Kind == ItemKind::Cancel && I.Value.N < CB.arg_size()) {
      // Calling a cancel routine with the cancel spin lock held hands the
      // lock over: it returns at the IRQL saved in Irp->CancelIrql.
      PathId Irp = pointerPath(CB.getArgOperand(I.Value.N), S);
      for (auto &KV : S.Mem)
        if (Irp && KV.second.K == SymVal::Saved && Paths.base(KV.first) == Irp) {
          RestoreFrom(KV.first);
          break;
        }
    }
  }
  // KeSetEvent(..., Wait=TRUE): returns at DISPATCH_LEVEL holding the
  // dispatcher lock, which only the KeWaitForXxx call that must come next
  // releases (returning at the IRQL from before): the pair changes nothing.
  // A missing wait is reported here, once; the analysis then goes on as if
  // the IRQL were back, so the one bug does not come back at every later
  // call and at the return.
  const ContractItem *WaitNext = nullptr;
  for (const ContractItem &I : CC.items())
    if (I.Kind == ItemKind::WaitNext && conditionHolds(I.Cond, CB, S))
      WaitNext = &I;
  auto FName = [&] { return cNameOfSymbol(F.getName()).str(); };
  if (WaitNext) {
    if (Finds(Own.has(ItemKind::Paged)))
      Found(CheckId::PagedRaise,
            "pageable function '" + FName() + "' calls '" + Name() +
                "' with Wait=TRUE: it returns at DISPATCH_LEVEL and runs on from a page that "
                "can be paged out until the wait (bug check 0xD1 if the page is not resident)");
    if (!followedByWait(CB)) {
      if (Finds(true))
        Found(CheckId::SetEventWait,
              "'" + Name() + "' is called with Wait=TRUE but the next call is not a "
              "KeWaitForXxx routine: it returns at DISPATCH_LEVEL, holding the dispatcher "
              "lock that only that wait releases (pass Wait=FALSE, or wait at once)");
    }
  }
  // Pageable code that raises itself to DISPATCH_LEVEL or above (a spin
  // lock) keeps running from a page that can be paged out.
  if (Finds(After && !WaitNext && Own.has(ItemKind::Paged) &&
            outside(*After, {PassiveLevel, ApcLevel}, false, high()) == Verdict::Certain &&
            outside(Before, {PassiveLevel, ApcLevel}, EntryPromised, high()) != Verdict::Certain))
    Found(CheckId::PagedRaise,
          "pageable function '" + FName() + "' raises the IRQL to " + describe(*After, L) +
              " with '" + Name() + "' and runs on from a page that can be paged out (bug check "
              "0xD1 if the page is not resident): move this code to a non-pageable section");
  if (After) {
    if (SavesSomething && !S.StackUnknown)
      S.Stack.push_back(&CB);
    if (*After != S.Cur)
      ++S.Epoch;
    S.Cur = *After;
    S.LastChange = &CB;
    // The function's own bounds while it runs.
    if (Finds(FnMax && outside(S.Cur, {PassiveLevel, *FnMax}, false, high()) == Verdict::Certain))
      Found(CheckId::FunctionMax, "'" + Name() + "' raises the IRQL to " + describe(S.Cur, L) +
                                        ", above this function's limit of " + L.name(*FnMax));
    Verdict BelowMin = FnMin ? outside(S.Cur, {*FnMin, high()}, false, high()) : Verdict::Ok;
    if (Finds(BelowMin == Verdict::Certain))
      Found(CheckId::FunctionMin, "'" + Name() + "' lowers the IRQL to " + describe(S.Cur, L) +
                                        ", below this function's minimum of " + L.name(*FnMin));
    // A restore to a value nobody is known to have saved (read through a
    // pointer parameter, passed in) may be anything: the minimum the
    // function promises is not kept.
    else if (Finds(BelowMin == Verdict::Maybe && RestoresUnknown))
      Found(CheckId::FunctionMin,
            "'" + Name() + "' lowers the IRQL to a value not known to be at or above this "
            "function's minimum of " + L.name(*FnMin) + " (_IRQL_always_function_min_)");
  } else if (SavesSomething && !S.StackUnknown) {
    S.Stack.push_back(&CB); // saves without changing (e.g. a save at the same level)
  }
}

/// The first call on each path after CB, within a few blocks: is one of
/// them a KeWaitForXxx? (Only a path that certainly calls something else
/// first, or returns, breaks the rule; one wait is enough to stay silent.)
/// Does some path from just after CB make a KeWaitForXxx call its next
/// call? A path that returns first continues in the caller: it counts when
/// the function is a static helper every call of which is itself followed
/// by a wait (`static VOID Signal(VOID) { KeSetEvent(&E, 0, TRUE); }` called
/// as `Signal(); KeWaitForSingleObject(...)`). Depth bounds that climb.
static bool nextCallIsWait(const CallBase &CB, unsigned Depth) {
  // An invoke (a call inside __try) goes on in its normal destination.
  const auto *II = dyn_cast<InvokeInst>(&CB);
  SmallVector<const Instruction *, 8> Work{II ? &II->getNormalDest()->front()
                                              : CB.getNextNode()};
  SmallPtrSet<const BasicBlock *, 8> Seen;
  // A path back to CB itself first (KeSetEvent(..., TRUE) in a loop that
  // waits only after it) breaks the rule on every turn but the last,
  // whatever the loop's exit path does.
  bool Found = false, Returns = false, Again = false;
  while (!Work.empty() && !Again && Seen.size() < 32) {
    for (const Instruction *I = Work.pop_back_val(); I; I = I->getNextNode()) {
      if (const auto *Call = dyn_cast<CallBase>(I)) {
        const Function *Callee = dyn_cast<Function>(Call->getCalledOperand()->stripPointerCasts());
        if (Callee && Callee->isIntrinsic())
          continue; // debug info, lifetime markers
        Again = Call == &CB;
        Found |= Callee && cNameOfSymbol(Callee->getName()).starts_with("KeWaitFor");
        break;
      }
      if (isa<ReturnInst>(I))
        Returns = true;
      if (I->isTerminator()) {
        for (const BasicBlock *Succ : llvm::successors(I->getParent()))
          if (Seen.insert(Succ).second)
            Work.push_back(&Succ->front());
        break;
      }
    }
  }
  if (Again)
    return false;
  if (Found || !Returns || !Depth)
    return Found;
  const Function &F = *CB.getFunction();
  if (!F.hasLocalLinkage() || F.use_empty())
    return false;
  return all_of(F.uses(), [&](const Use &U) {
    const auto *Caller = dyn_cast<CallBase>(U.getUser());
    return Caller && Caller->isCallee(&U) && nextCallIsWait(*Caller, Depth - 1);
  });
}

bool Analyzer::followedByWait(const CallBase &CB) {
  auto [It, New] = WaitFollows.try_emplace(&CB, false);
  if (!New)
    return It->second;
  return WaitFollows[&CB] = nextCallIsWait(CB, 2);
}

/// Does the call run only on some paths from the entry (under a branch)?
/// The post-dominator tree is built the first time it is asked, which is
/// only for a call that needs a level inside a promised entry range.
bool Analyzer::guardedCall(const CallBase &CB) {
  if (!PostDom)
    PostDom = std::make_unique<PostDominatorTree>(const_cast<Function &>(F));
  return !PostDom->dominates(CB.getParent(), &F.getEntryBlock());
}

/// Is the call made where the callee allows, on every path? (Paths that
/// only narrowed a promised entry range count together.)
///
/// Below a minimum: a promised entry range that reaches the callee's
/// minimum (NdisDprAcquireSpinLock, exactly DISPATCH_LEVEL, in a send
/// handler called at PASSIVE_LEVEL..DISPATCH_LEVEL) is wrong at its bottom
/// only when the call runs on every path. Under a branch, the branch may
/// test what the caller said about the IRQL (NDIS_TEST_SEND_AT_DISPATCH_LEVEL
/// on the send flags, a BOOLEAN DispatchLevel passed down from it), which
/// the analysis does not relate to the IRQL: stay silent.
Analyzer::CallVerdict Analyzer::callVerdict(const CallBase &CB, const Contract &CC,
                                            const std::vector<State> &States) {
  CallVerdict V;
  bool AllHigh = true, AllLow = true, AllPaged = CC.has(ItemKind::Paged);
  LevelRange &Allowed = V.Allowed;
  for (const State &S : States) {
    Allowed = allowedAt(CB, CC, S, V.HasReq, V.Why);
    bool High = outside(S.Cur, {PassiveLevel, Allowed.Hi}, EntryPromised, high()) ==
                Verdict::Certain;
    if (!High && EntryGuarded && S.Cur.isEntryOnly() &&
        outside(S.Cur, {PassiveLevel, Allowed.Hi}, true, high()) == Verdict::Certain) {
      V.Positional = true;
      High = !guardedCall(CB);
    }
    AllHigh &= High;
    bool Low = outside(S.Cur, {Allowed.Lo, high()}, EntryPromised, high()) == Verdict::Certain;
    if (Low && EntryPromised && S.Cur.isEntryOnly() && S.Cur.Entry.Hi >= Allowed.Lo) {
      V.Positional = true;
      Low = !guardedCall(CB);
    }
    AllLow &= Low;
    AllPaged &= outside(S.Cur, {PassiveLevel, ApcLevel}, EntryPromised, high()) ==
                Verdict::Certain;
  }
  // Paths that only narrowed a promised entry range (KeGetCurrentIrql()
  // branches that joined again) still cover the whole of it together: the
  // promise is broken if their union leaves what the callee allows. (One
  // path's union is its own range, judged above.)
  if (EntryPromised && States.size() > 1 &&
      all_of(States, [](const State &S) { return S.Cur.isEntryOnly(); })) {
    LevelRange Union = States.front().Cur.Entry;
    for (const State &S : States)
      Union = Union.hull(S.Cur.Entry);
    IrqlValue U = IrqlValue::entry(Union);
    AllHigh |= outside(U, {PassiveLevel, Allowed.Hi}, true, high()) == Verdict::Certain;
    if (outside(U, {Allowed.Lo, high()}, true, high()) == Verdict::Certain) {
      bool InRange = Union.Hi >= Allowed.Lo;
      V.Positional |= InRange;
      AllLow |= !InRange || !guardedCall(CB);
    }
    AllPaged |= CC.has(ItemKind::Paged) &&
                outside(U, {PassiveLevel, ApcLevel}, true, high()) == Verdict::Certain;
  }
  if (DerivedEntry && all_of(States, [](const State &S) { return S.Cur.isEntryOnly(); }))
    AllHigh = AllLow = AllPaged = false;
  V.High = AllHigh;
  V.Low = AllLow;
  V.Paged = AllPaged;
  return V;
}

/// Tells a defined callee the IRQL (all paths together) it is called at here.
void Analyzer::tellCallee(const CallBase &CB, const Function &Callee,
                          const std::vector<State> &States) {
  if (!In.OnDirectCall || Callee.isDeclaration())
    return;
  LevelRange At = States.front().Cur.hull(high());
  for (const State &S : States)
    At = At.hull(S.Cur.hull(high()));
  In.OnDirectCall(CB, Callee, At);
}

void Analyzer::transferCall(const CallBase &CB, std::vector<State> &States) {
  const Function *Callee = calledFunction(CB);
  if (Callee && Callee->isIntrinsic()) {
    if (isa<MemIntrinsic>(CB)) {
      // A whole local overwritten from a constant (`const OPS Ops = {...};`)
      // holds the constant's functions; any other copy or fill leaves what
      // it writes unknown.
      SmallVector<std::pair<int64_t, const Function *>, 4> Fns;
      const AllocaInst *Into = IndirectCallees::constantCopy(CB, DL, Fns);
      for (State &S : States)
        if (PathId P = pointerPath(CB.getArgOperand(0), S)) {
          for (auto It = S.Mem.begin(); It != S.Mem.end();)
            It = Paths.base(It->first) == Paths.base(P) && It->second.K != SymVal::Saved
                     ? S.Mem.erase(It)
                     : std::next(It);
          for (auto [Off, Fn] : Fns) {
            PathId Field = Paths.offset(Paths.local(Into), Off);
            S.forget(TagPath | Field);
            S.Mem.set(Field, symOf(Fn, S));
          }
        }
    }
    return;
  }
  CalleeFacts Facts = calleeFacts(CB, Callee);
  if (Facts.CurIrql) {
    for (State &S : States) {
      SymVal V;
      V.K = SymVal::CurIrql;
      V.N = S.Epoch;
      S.Ssa[&CB] = V;
    }
    return;
  }
  const Contract *CC = Facts.CC;
  // A callee that says where it saves the IRQL (its return value, or one
  // _IRQL_saves_ parameter) writes no IRQL through its other pointers: the
  // spin lock of KeAcquireSpinLock(&Ext->Lock, &GlobalOld) does not receive
  // it, whatever an _IRQL_saves_ Ext of the caller expects.
  auto SavesOnlyElsewhere = [&](unsigned ArgNo) {
    bool Saves = false;
    if (!CC)
      return false;
    for (const ContractItem &I : CC->items()) {
      if (I.Kind != ItemKind::Saves)
        continue;
      if (I.Cond.K != Condition::Always ||
          (I.Value.K != ItemValue::Ret && I.Value.K != ItemValue::Arg) ||
          (I.Value.K == ItemValue::Arg && I.Value.N == ArgNo))
        return false;
      Saves = true;
    }
    return Saves;
  };
  // (From a kept visit's states, the visit did this already.)
  if (!FromKeptVisit)
    for (unsigned ArgNo = 0, E = CB.arg_size(); ArgNo != E; ++ArgNo)
      if (CB.getArgOperand(ArgNo)->getType()->isPointerTy() && !SavesOnlyElsewhere(ArgNo))
        for (const State &S : States)
          if (PathId P = pointerPath(CB.getArgOperand(ArgNo), S))
            Clobbered.insert(P);
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
  bool CallTooHigh = false;
  if (Reporting && !States.empty()) {
    CallVerdict V = callVerdict(CB, *CC, States);
    bool AllHigh = V.High, AllLow = V.Low, AllPaged = V.Paged, HasReq = V.HasReq;
    LevelRange Allowed = V.Allowed;
    const ContractItem *Why = V.Why;
    if (In.Summary)
      noteConstraint(CB, *CC, Allowed, States);
    if (Callee)
      tellCallee(CB, *Callee, States);
    CallTooHigh = AllHigh;
    // Messages and notes are built only for a finding that is reported.
    if (In.Emit && (AllHigh || AllLow || AllPaged)) {
      std::string NameStorage = calleeName(CB);
      StringRef Name = NameStorage;
      const State &S0 = States.front();
      // Say what the verdict was reached on: every path's IRQL together, not
      // one path's (a KeGetCurrentIrql() test may have narrowed it).
      IrqlValue AllPaths = S0.Cur;
      for (const State &S : States)
        AllPaths.join(S.Cur);
      std::string Cur = describe(AllPaths, L);
      std::vector<DiagNote> Notes{raisedNote(S0)};
      // Wrong only at the top of a range the function promises: the call may
      // be fine where the function really runs, but its annotation (or role)
      // says it can run higher. That is a contract inconsistency; say so, and
      // which annotation to narrow.
      bool OnlyAtTop = false;
      if ((EntryPromised || EntryGuarded) && EntryTop &&
          all_of(States, [](const State &S) { return S.Cur.isEntryOnly(); })) {
        LevelRange Union = S0.Cur.Entry;
        for (const State &S : States)
          Union = Union.hull(S.Cur.Entry);
        OnlyAtTop = Union.Lo < Union.Hi && Union.Lo <= Allowed.Hi;
      }
      std::string FName = cNameOfSymbol(F.getName()).str();
      bool TopFromRole = EntryTop && EntryTop->From.Src == Origin::FunctionClass;
      if (OnlyAtTop) {
        std::string Narrow = "_IRQL_requires_max_(" + L.name(CC->has(ItemKind::Paged)
                                                                  ? std::min<Level>(Allowed.Hi, ApcLevel)
                                                                  : Allowed.Hi) + ")";
        Notes.push_back(DiagNote{
            EntryTop->From.RawLoc ? DiagLoc::clang(EntryTop->From.RawLoc) : DiagLoc::ir(nullptr, &F),
            TopFromRole ? EntryTop->From.Via + " routines are called at up to " +
                              L.name(EntryRange.Hi) +
                              "; do this work at a lower IRQL (a work item, for PASSIVE_LEVEL)"
                        : "if '" + FName + "' is never called above it, narrow this annotation to " +
                              Narrow + "; otherwise lower the IRQL before the call"});
      } else if (S0.Cur.HasEntry && EntryPromised && !S0.Cur.HasAbs) {
        Notes.push_back(DiagNote{DiagLoc::ir(nullptr, &F),
                                 "'" + FName + "' runs at " +
                                     (EntryRange.Lo == EntryRange.Hi
                                          ? L.name(EntryRange.Lo)
                                          : L.name(EntryRange.Lo) + ".." + L.name(EntryRange.Hi)) +
                                     " (its annotations or function class)"});
      }
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
      if (HasReq && (AllHigh || AllLow))
        report(CB, CheckId::NotRequired,
               "'" + Name.str() + "' must be called at " + Range + ", but the IRQL here is " + Cur,
               States, Notes);
      else if (AllHigh && OnlyAtTop)
        report(CB, CheckId::TooHigh,
               "'" + FName + "' " +
                   (TopFromRole ? "can be called at " + L.name(EntryRange.Hi) + " (its role " +
                                      EntryTop->From.Via + ")"
                                : "is annotated to be callable at " + L.name(EntryRange.Hi)) +
                   ", but calls " +
                   (Allowed.Hi == PassiveLevel ? "PASSIVE_LEVEL-only '" + Name.str() + "'"
                                               : "'" + Name.str() + "', which requires " + Range),
               States, Notes);
      else if (AllHigh)
        report(CB, CheckId::TooHigh,
               "'" + Name.str() + "' called at " + Cur + ", but it requires " + Range, States,
               Notes);
      else if (AllLow)
        report(CB, CheckId::TooLow,
               "'" + Name.str() + "' called at " + Cur + ", but it requires " + Range, States,
               Notes);
      if (AllPaged && !AllHigh && OnlyAtTop)
        report(CB, CheckId::PagedCall,
               "'" + FName + "' is " +
                   (TopFromRole ? "called at up to " : "annotated to be callable at ") +
                   L.name(EntryRange.Hi) + ", but calls pageable function '" + Name.str() +
                   "' (bug check 0xD1 if its page is not resident)",
               States, Notes);
      else if (AllPaged && !AllHigh)
        report(CB, CheckId::PagedCall,
               "pageable function '" + Name.str() + "' called at " + Cur +
                   " (bug check 0xD1 if its page is not resident); pageable code runs at "
                   "APC_LEVEL or below",
               States, Notes);
  
    }
}

  // From a kept visit whose effects report nothing: the states after the
  // call are not looked at (the visit found them).
  if (FromKeptVisit && !KeptEffectsFind)
    return;

  // 2. What the call does to the IRQL, split for try-acquires (a state
  // that fails to acquire goes before the one that acquires; the states
  // change in place otherwise).
  std::vector<State> Out;
  std::vector<std::vector<Finding>> PerState; // (the replay's only)
  bool Try = CC->has(ItemKind::Try);
  if (Try)
    Out.reserve(2 * States.size());
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
    if (Reporting)
      PerState.emplace_back();
    applyEffects(CB, *CC, S, Reporting ? &PerState.back() : nullptr);
    if (CB.getType()->isIntegerTy() && !S.Ssa.count(&CB)) {
      S.forget(instId(&CB));
      S.Ssa[&CB] = SymVal::opaque(instId(&CB));
    }
    if (Try)
      Out.push_back(std::move(S));
  }
  if (Try)
    States = std::move(Out);
  // A stack finding is reported only if every state found it. A finding
  // without a message only stands aside: its state has nothing to say
  // either way, and another state's finding is reported for it.
  auto Spoken = [&](const Finding &F) -> const Finding * {
    if (!F.Msg.empty())
      return &F;
    for (const std::vector<Finding> &V : PerState)
      for (const Finding &P : V)
        if (P.Id == F.Id && !P.Msg.empty())
          return &P;
    return nullptr;
  };
  if (Reporting && !PerState.empty())
    for (const Finding &Front : PerState.front()) {
      const Finding *Rep = Spoken(Front);
      if (!Rep)
        continue;
      const Finding &F0 = *Rep;
      bool All = all_of(PerState, [&](const std::vector<Finding> &V) {
        return any_of(V, [&](const Finding &P) { return P.Id == F0.Id; });
      });
      // A raise from above the callee's maximum was reported as too high
      // already: one bug, one finding.
      if (All && F0.Id == CheckId::PagedRaise && std::exchange(PagedRaiseReported, true))
        continue;
      if (All && !((F0.Id == CheckId::RaiseToLower || F0.Id == CheckId::SetEventWait) &&
                   CallTooHigh))
        report(CB, F0.Id, F0.Msg, States, F0.Notes);
    }
}

} // namespace detail
} // namespace irqlcheck
