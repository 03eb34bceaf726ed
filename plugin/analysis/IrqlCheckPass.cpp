//===- IrqlCheckPass.cpp - The IR pass that checks IRQL rules -------------===//
#include "analysis/IrqlCheckPass.h"
#include "Compat.h"
#include "analysis/AccessPaths.h"
#include "analysis/CallGraphSummaries.h"
#include "analysis/FunctionAnalysis.h"
#include "analysis/IndirectCallees.h"
#include "analysis/Suggestions.h"
#include "model/TUModel.h"
#include "report/Reporter.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Mangler.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace irqlcheck {

namespace {

/// Holds one function's findings until they can be printed in module order.
class BufferedSink : public DiagSink {
public:
  explicit BufferedSink(DiagSink &Out) : Out(Out) {}
  void emit(DiagLevel Level, const DiagLoc &Loc, StringRef Message) override {
    Records.push_back({false, CheckId(), Level, Loc, Message.str(), {}});
  }
  bool suppressed(CheckId Id, const DiagLoc &Loc) override { return Out.suppressed(Id, Loc); }
  void finding(CheckId Id, DiagLevel Level, const DiagLoc &Loc, StringRef Message,
               ArrayRef<DiagNote> Notes) override {
    Records.push_back({true, Id, Level, Loc, Message.str(), {Notes.begin(), Notes.end()}});
  }
  void flush() {
    for (const Record &Rec : Records)
      Rec.IsFinding ? Out.finding(Rec.Id, Rec.Level, Rec.Loc, Rec.Message, Rec.Notes)
                    : Out.emit(Rec.Level, Rec.Loc, Rec.Message);
    Records.clear();
  }

private:
  struct Record {
    bool IsFinding;
    CheckId Id;
    DiagLevel Level;
    DiagLoc Loc;
    std::string Message;
    std::vector<DiagNote> Notes;
  };
  DiagSink &Out;
  std::vector<Record> Records;
};

/// The contract of every function in the module, by precedence: the front
/// end's model, then the IR attribute, then the kernel model.
DenseMap<const Function *, Contract> resolveContracts(Module &M, TUModel &Model,
                                                      bool InProcess, Reporter &R) {
  DenseMap<const Function *, Contract> Result;
  Mangler Mang;
  for (Function &F : M) {
    const Contract *FromModel = nullptr;
    if (InProcess) {
      SmallString<64> Sym;
      Mang.getNameWithPrefix(Sym, &F, /*CannotUsePrivateLabel=*/false);
      auto It = Model.Functions.find(Sym);
      if (It != Model.Functions.end())
        FromModel = &It->second.C;
    }
    Attribute Attr = FromModel ? Attribute() : F.getFnAttribute(ContractAttr);
    const Contract *K =
        FromModel ? nullptr : Model.Kernel.lookup(cNameOfSymbol(F.getName()));
    if (!FromModel && !Attr.isValid() && !K)
      continue;
    // Built in its place: a contract's items (with their strings) cost to move.
    Contract &C = Result[&F];
    if (FromModel)
      C = *FromModel;
    if (Attr.isValid()) {
      std::string Error;
      if (!Contract::parse(Attr.getValueAsString(), Model.Levels, C, Error)) {
        M.getContext().emitError("irqlcheck: bad " + Twine(ContractAttr) + " on '" +
                                 F.getName() + "': " + Error);
        C = Contract();
      }
    }
    if (K)
      C.addMissingFrom(*K);
    if (C.empty())
      Result.erase(&F);
  }
  return Result;
}

/// Says whether the analysis found anything to report, and reports nothing:
/// the probe run on a module without line tables. Nothing is suppressed here
/// (#pragma warning is decided by the exact place, in the located run).
class ProbeSink : public DiagSink {
public:
  void emit(DiagLevel, const DiagLoc &, StringRef) override { Found = true; }
  bool Found = false;
};

/// Forwards everything; after the first finding, says once that its places
/// are only functions.
class FunctionLevelSink : public DiagSink {
public:
  explicit FunctionLevelSink(DiagSink &Out) : Out(Out) {}
  void emit(DiagLevel Level, const DiagLoc &Loc, StringRef Message) override {
    Out.emit(Level, Loc, Message);
  }
  bool suppressed(CheckId Id, const DiagLoc &Loc) override { return Out.suppressed(Id, Loc); }
  void finding(CheckId Id, DiagLevel Level, const DiagLoc &Loc, StringRef Message,
               ArrayRef<DiagNote> Notes) override {
    Out.finding(Id, Level, Loc, Message, Notes);
    if (!Told)
      Out.emit(DiagLevel::Note, Loc,
               "irqlcheck: these findings name only their function: the line tables "
               "could not be rebuilt (compile with -g for exact places)");
    Told = true;
  }

private:
  DiagSink &Out;
  bool Told = false;
};

/// Makes the contracts visible in -emit-llvm output and to later opt runs. A
/// string attribute is invisible to code generation.
void annotateContracts(Module &M, const DenseMap<const Function *, Contract> &Contracts,
                       const LevelTable &Levels) {
  for (auto &KV : Contracts)
    const_cast<Function *>(KV.first)->addFnAttr(ContractAttr, KV.second.str(Levels));
}

/// Do M's functions carry locations? Not "has a compile unit": Clang 22
/// emits one (emissionKind: NoDebug) even without -g, and clang's
/// location-tracking-only line tables have that kind too.
bool hasLineTables(const Module &M) {
  for (const Function &F : M)
    if (!F.isDeclaration() && F.getSubprogram())
      return true;
  return false;
}

/// Checks every analysable function of M, reporting to Sink in module order.
void checkModule(Module &M, TUModel *Model, const CheckSettings *Settings, DiagSink *Sink,
                 bool InProcess, bool Suggest, bool Annotate) {
  Reporter R(*Settings, *Sink);
  auto Contracts = resolveContracts(M, *Model, InProcess, R);
  if (Annotate)
    annotateContracts(M, Contracts, Model->Levels);

  // The functions whose bodies are checked, decided once. Kernel routines
  // (mingw's inline KfRaiseIrql) and anything defined in a system header are
  // modelled by name, never checked by their bodies.
  DenseSet<const Function *> Analyzable;
  Mangler Mang;
  for (const Function &F : M) {
    if (F.isDeclaration() || Model->Kernel.lookup(cNameOfSymbol(F.getName())))
      continue;
    if (InProcess) {
      SmallString<64> Sym;
      Mang.getNameWithPrefix(Sym, &F, false);
      if (Model->SystemDefinitions.contains(Sym))
        continue;
    }
    Analyzable.insert(&F);
  }
  // Calls through function pointers held in locals and TU-filled tables.
  IndirectCallees Indirect(M, Analyzable);
  GepOffsetTable Geps;
  // Internal and called only where the analysis sees the call.
  auto CallersAllKnown = [&](const Function &F) {
    return F.hasLocalLinkage() && (!F.hasAddressTaken() || Indirect.callersAllKnown(F));
  };

  // Where the front end recorded a statement (IndirectCalls, return
  // statements): the instruction's line table entry.
  auto PosOf = [](const DILocation &DL) {
    return sourcePos(DL.getFilename(), DL.getLine(), DL.getColumn());
  };

  // Calls through a pointer of a role type: matched by the call's line/column.
  auto IndirectContractOf = [&](const CallBase &CB) -> const Contract * {
    const DILocation *DL = CB.getDebugLoc().get();
    if (!DL || Model->IndirectCalls.empty())
      return nullptr;
    auto It = Model->IndirectCalls.find(PosOf(*DL));
    return It == Model->IndirectCalls.end() ? nullptr : &It->second;
  };

  // Return statements: matched by the `ret`'s line/column.
  auto AtReturnStatement = [&](const Instruction &I) {
    const DILocation *DL = I.getDebugLoc().get();
    return DL && Model->isReturnStmtAt(PosOf(*DL));
  };

  // Findings are printed in module order, whatever order analysed them.
  DenseMap<const Function *, std::unique_ptr<BufferedSink>> Buffers;
  DenseMap<const Function *, std::unique_ptr<Reporter>> Reporters;
  Buffers.reserve(Analyzable.size());
  Reporters.reserve(Analyzable.size());
  auto ReporterFor = [&](const Function *F) -> Reporter & {
    auto &Buffer = Buffers[F] = std::make_unique<BufferedSink>(*Sink);
    return *(Reporters[F] = std::make_unique<Reporter>(*Settings, *Buffer));
  };
  DenseMap<const Function *, LevelRange> CalledAt;
  auto OnDirectCall = [&](const CallBase &, const Function &Callee, LevelRange At) {
    auto [It, New] = CalledAt.try_emplace(&Callee, At);
    if (!New)
      It->second = It->second.hull(At);
  };

  // The contract a function is checked against: what it says itself. A
  // summary is what the body does; checking the body against it would only
  // repeat, inside the helper, what its callers are told. A lock wrapper is
  // the exception: what it does on every path (raise and save where its
  // caller can name it, or restore from there) is what it is for, so it is
  // held to that, not reported for leaving the IRQL changed; its callers
  // pair it like KeAcquireSpinLock/KeReleaseSpinLock.
  auto DeclaredOf = [&](const Function &F, bool &Wrapper) {
    const Contract *Own = contractIn(Contracts, F);
    auto SavesOrRestores = [](ItemKind K) {
      return K == ItemKind::Saves || K == ItemKind::Restores || K == ItemKind::SavesGlobal ||
             K == ItemKind::RestoresGlobal;
    };
    Contract Declared;
    Wrapper = Own && any_of(Own->items(), [&](const ContractItem &I) {
      return I.From.Src == Origin::Inferred && SavesOrRestores(I.Kind);
    });
    if (Own)
      for (const ContractItem &I : Own->items())
        if (I.From.Src != Origin::Inferred || I.Kind == ItemKind::Class ||
            (Wrapper && (SavesOrRestores(I.Kind) || I.Kind == ItemKind::Sets)))
          Declared.add(I); // (a role found from a registration is inferred)
    return Declared;
  };

  // Bottom-up summaries give unannotated helpers a contract of their own.
  SummaryMap Summaries;
  SCCList BottomUp;
  DenseSet<const Function *> InRecursion;
  // Is a function checked at its callers' IRQL (below)? Asked during the
  // summaries too, when InRecursion holds only the functions that call
  // themselves: then it may say yes where it would not later, never no.
  // (What a function promises itself does not change: asked once.)
  DenseMap<const Function *, bool> PromisesEntry;
  auto UsesCallersIrql = [&](const Function &F) {
    if (!Analyzable.count(&F) || !CallersAllKnown(F) || InRecursion.count(&F))
      return false;
    auto [It, New] = PromisesEntry.try_emplace(&F, false);
    bool Wrapper = false;
    if (New)
      It->second = entryPromised(DeclaredOf(F, Wrapper));
    return !It->second;
  };
  auto WhyOf = [&](const Function &F, bool Max) -> const Instruction * {
    auto It = Summaries.find(&F);
    if (It == Summaries.end())
      return nullptr;
    return Max ? It->second.MaxWhy : It->second.MinWhy;
  };
  // A function whose check would see exactly what its summary run sees (no
  // entry IRQL from its callers: it is external or its address is taken) is
  // checked in that same run: one analysis instead of two.
  DenseSet<const Function *> CheckedWithSummary;
  auto AlsoCheck = [&](const Function &F) -> std::optional<CheckInSummaryRun> {
    if (CallersAllKnown(F))
      return std::nullopt;
    CheckedWithSummary.insert(&F);
    return CheckInSummaryRun{&ReporterFor(&F), WhyOf, OnDirectCall, UsesCallersIrql,
                             AtReturnStatement};
  };
  // The other summary runs keep their fixpoint for the check run, which
  // replays it when only the entry range differs (FunctionAnalysis.cpp).
  DenseMap<const Function *, std::shared_ptr<SavedFixpoint>> Kept;
  auto KeepFixpoint = [&](const Function &F) { return &Kept[&F]; };
  summarizeModule(M, Contracts, Summaries, Analyzable, Model->Levels, R, &BottomUp,
                  &InRecursion, IndirectContractOf, AlsoCheck, KeepFixpoint, &Indirect, &Geps);
  auto ContractOf = [&](const Function &F) { return contractIn(Contracts, F); };

  // Top-down: callers before callees, so that an internal function called
  // only from analysed code gets the union of its callers' IRQLs as entry.
  std::vector<const Function *> Order;
  for (auto It = BottomUp.rbegin(); It != BottomUp.rend(); ++It)
    for (const Function *F : *It) {
      Order.push_back(F);
      if (It->size() > 1)
        InRecursion.insert(F);
    }
  for (const Function *FP : Order) {
    Function &F = const_cast<Function &>(*FP);
    bool Wrapper = false;
    Contract Declared = DeclaredOf(F, Wrapper);
    // Checked with its summary already, unless that summary made it a lock
    // wrapper: then it is held to the wrapper's effects, so checked again.
    if (CheckedWithSummary.count(FP) && !Wrapper)
      continue;
    Reporter &FR = ReporterFor(FP);
    FunctionAnalysisInput In{F,       Declared, ContractOf, Model->Levels, FR, /*Emit=*/true,
                             nullptr, WhyOf,    IndirectContractOf, std::nullopt, nullptr};
    In.OnDirectCall = OnDirectCall;
    In.UsesCallersIrql = UsesCallersIrql;
    In.AtReturnStatement = AtReturnStatement;
    In.Indirect = &Indirect;
    In.Geps = &Geps;
    // Internal, never address-taken, not recursive: every caller is known.
    if (CallersAllKnown(F) && !InRecursion.count(&F)) {
      auto It = CalledAt.find(&F);
      if (It != CalledAt.end())
        In.CallerEntry = It->second;
    }
    std::shared_ptr<SavedFixpoint> Saved;
    if (auto KIt = Kept.find(FP); KIt != Kept.end()) {
      Saved = std::move(KIt->second);
      Kept.erase(KIt);
    }
    In.Reuse = Saved.get();
    analyzeFunction(In);
  }
  for (const Function &F : M) {
    auto It = Buffers.find(&F);
    if (It != Buffers.end())
      It->second->flush();
  }
  if (Suggest)
    printSuggestions(M, Summaries, Contracts, *Model, llvm::outs());
}

} // namespace

PreservedAnalyses IrqlCheckPass::run(Module &M, ModuleAnalysisManager &) {
  std::unique_ptr<TUModel> OwnModel;
  std::unique_ptr<CheckSettings> OwnSettings;
  std::unique_ptr<DiagSink> OwnSink;
  TUModel *Model = Ctx ? Ctx->Model : nullptr;
  const CheckSettings *Settings = Ctx ? Ctx->Settings : nullptr;
  DiagSink *Sink = Ctx ? Ctx->Sink : nullptr;
  bool InProcess = Model != nullptr;
  bool Suggest = Ctx && Ctx->Suggest;
  bool Annotate = !Ctx || Ctx->AnnotateIR;
  if (!Model) {
    OwnModel = std::make_unique<TUModel>(LevelTable::forTriple(compat::moduleTriple(M)));
    Model = OwnModel.get();
  }
  if (!Settings) {
    OwnSettings = std::make_unique<CheckSettings>();
    Settings = OwnSettings.get();
  }
  if (!Sink) {
    OwnSink = std::make_unique<LLVMContextSink>(M.getContext());
    Sink = OwnSink.get();
  }

  if (!Ctx || !Ctx->RegenerateWithLocations || hasLineTables(M)) {
    checkModule(M, Model, Settings, Sink, InProcess, Suggest, Annotate);
  } else {
    // No line tables. Role-typed indirect calls are matched by line and
    // column, so without them the analysis would differ: no probe then.
    bool NeedLocations = Suggest || !Model->IndirectCalls.empty();
    if (!NeedLocations) {
      ProbeSink Probe;
      checkModule(M, Model, Settings, &Probe, InProcess, /*Suggest=*/false, Annotate);
      NeedLocations = Probe.Found;
    } else if (Annotate) {
      // The contracts still go on this module's functions (-emit-llvm).
      ProbeSink Unused;
      Reporter R(*Settings, Unused);
      annotateContracts(M, resolveContracts(M, *Model, InProcess, R), Model->Levels);
    }
    if (NeedLocations) {
      // A context of its own: nothing of the copy can reach this module.
      LLVMContext LocatedContext;
      LocatedContext.setDiscardValueNames(M.getContext().shouldDiscardValueNames());
      LocatedContext.setDiagnosticHandlerCallBack(
          [](const DiagnosticInfo *, void *) {}, nullptr);
      std::unique_ptr<Module> Located = Ctx->RegenerateWithLocations(LocatedContext);
      if (Located && hasLineTables(*Located)) {
        checkModule(*Located, Model, Settings, Sink, InProcess, Suggest, /*Annotate=*/false);
      } else {
        FunctionLevelSink Told(*Sink);
        checkModule(M, Model, Settings, &Told, InProcess, Suggest, Annotate);
      }
    }
  }
  if (Ctx && Ctx->OnFinish)
    Ctx->OnFinish();
  return PreservedAnalyses::all();
}

} // namespace irqlcheck
