//===- IrqlCheckPass.cpp - The IR pass that checks IRQL rules -------------===//
#include "analysis/IrqlCheckPass.h"
#include "analysis/CallGraphSummaries.h"
#include "analysis/FunctionAnalysis.h"
#include "analysis/Suggestions.h"
#include "model/TUModel.h"
#include "report/Reporter.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Mangler.h"
#include "llvm/Support/Path.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace irqlcheck {

namespace {

/// The contract of every function in the module, by precedence: the front
/// end's model, then the IR attribute, then the kernel model.
DenseMap<const Function *, Contract> resolveContracts(Module &M, TUModel &Model,
                                                      bool InProcess, Reporter &R) {
  DenseMap<const Function *, Contract> Result;
  Mangler Mang;
  for (Function &F : M) {
    Contract C;
    bool Found = false;
    if (InProcess) {
      SmallString<64> Sym;
      Mang.getNameWithPrefix(Sym, &F, /*CannotUsePrivateLabel=*/false);
      auto It = Model.Functions.find(Sym);
      if (It != Model.Functions.end()) {
        C = It->second.C;
        Found = true;
      }
    }
    if (!Found && F.hasFnAttribute(ContractAttr)) {
      StringRef Text = F.getFnAttribute(ContractAttr).getValueAsString();
      std::string Error;
      if (!Contract::parse(Text, Model.Levels, C, Error)) {
        M.getContext().emitError("irqlcheck: bad " + Twine(ContractAttr) + " on '" +
                                 F.getName() + "': " + Error);
        C = Contract();
      }
    }
    if (!Found)
      if (const Contract *K = Model.Kernel.lookup(cNameOfSymbol(F.getName())))
        C.addMissingFrom(*K);
    if (!C.empty())
      Result[&F] = std::move(C);
  }
  return Result;
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
  if (!Model) {
    OwnModel = std::make_unique<TUModel>(LevelTable::forTriple(M.getTargetTriple()));
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
  Reporter R(*Settings, *Sink);

  auto Contracts = resolveContracts(M, *Model, InProcess, R);
  // Make the contracts visible in -emit-llvm output and to later opt runs. A
  // string attribute is invisible to code generation.
  for (auto &KV : Contracts)
    const_cast<Function *>(KV.first)->addFnAttr(ContractAttr, KV.second.str(Model->Levels));

  Mangler Mang;
  auto Analyzable = [&](const Function &F) {
    if (F.isDeclaration())
      return false;
    // Kernel routines (mingw's inline KfRaiseIrql) and anything defined in a
    // system header are modelled by name, never checked by their bodies.
    if (Model->Kernel.lookup(cNameOfSymbol(F.getName())))
      return false;
    if (InProcess) {
      SmallString<64> Sym;
      Mang.getNameWithPrefix(Sym, &F, false);
      if (Model->SystemDefinitions.contains(Sym))
        return false;
    }
    return true;
  };

  // Bottom-up summaries give unannotated helpers a contract of their own.
  SummaryMap Summaries;
  summarizeModule(M, Contracts, Summaries, Analyzable, Model->Levels, R);
  auto ContractOf = [&](const Function &F) -> const Contract * {
    auto It = Contracts.find(&F);
    return It == Contracts.end() ? nullptr : &It->second;
  };
  auto WhyOf = [&](const Function &F, bool Max) -> const Instruction * {
    auto It = Summaries.find(&F);
    if (It == Summaries.end())
      return nullptr;
    return Max ? It->second.MaxWhy : It->second.MinWhy;
  };

  // Calls through a pointer of a role type: matched by the call's line/column.
  auto IndirectContractOf = [&](const CallBase &CB) -> const Contract * {
    const DILocation *DL = CB.getDebugLoc().get();
    if (!DL || Model->IndirectCalls.empty())
      return nullptr;
    auto It = Model->IndirectCalls.find(
        {sys::path::filename(DL->getFilename()).str(), DL->getLine(), DL->getColumn()});
    return It == Model->IndirectCalls.end() ? nullptr : &It->second;
  };

  Contract None;
  for (Function &F : M) {
    if (!Analyzable(F))
      continue;
    const Contract *Own = ContractOf(F);
    // A summary is what the body does; checking the body against it would
    // only repeat, inside the helper, what its callers are told.
    Contract Declared;
    if (Own)
      for (const ContractItem &I : Own->items())
        if (I.From.Src != Origin::Inferred)
          Declared.add(I);
    analyzeFunction({F, Declared, ContractOf, Model->Levels, R, /*Emit=*/true, nullptr, WhyOf,
                     IndirectContractOf});
  }
  if (Ctx && Ctx->Suggest)
    printSuggestions(M, Summaries, Contracts, *Model, llvm::outs());
  if (Ctx && Ctx->OnFinish)
    Ctx->OnFinish();

  return PreservedAnalyses::all();
}

} // namespace irqlcheck
