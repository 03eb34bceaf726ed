//===- IrqlAction.cpp - The frontend action loaded by -fplugin ------------===//
#include "frontend/IrqlAction.h"
#include "Compat.h"
#include "analysis/IrqlCheckPass.h"
#include "frontend/FrontendState.h"
#include "frontend/LocatedRegeneration.h"
#include "frontend/ModelSelfCheck.h"
#include "frontend/PagedCode.h"
#include "frontend/PreprocessorHooks.h"
#include "frontend/SalMacros.h"
#include "model/TUModel.h"
#include "report/ClangDiagSink.h"
#include "report/Reporter.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace irqlcheck {

static bool SessionActive = false;
bool inProcessSessionActive() { return SessionActive; }

namespace {

/// Everything one compile owns; shared by the consumer and the pass callback.
struct Session {
  FrontendState State;
  std::unique_ptr<TUModel> Model;
  CheckSettings Settings;
  std::unique_ptr<ClangDiagSink> Sink;
  std::shared_ptr<PassContext> Pass;

  std::unique_ptr<SarifLog> Sarif;
  std::string SarifPath;

  /// Written after the front end (so -fsyntax-only gets one) and again after
  /// the pass. Not in the destructor: cc1 runs with -disable-free.
  void writeSarif() {
    if (!Sarif)
      return;
    std::string Error;
    if (!Sarif->write(SarifPath, Error))
      llvm::errs() << "irqlcheck: cannot write SARIF log '" << SarifPath << "': " << Error
                   << "\n";
  }

  /// This compile is over for the process-wide hooks.
  void detach() {
    if (FrontendState::current() == &State)
      FrontendState::setCurrent(nullptr);
    SessionActive = false;
  }
  ~Session() { detach(); }
};

class IrqlConsumer : public ASTConsumer {
public:
  IrqlConsumer(CompilerInstance &CI, std::shared_ptr<Session> S, const PluginOptions &Opts)
      : CI(CI), S(std::move(S)), Dump(Opts.Dump), CheckModel(Opts.CheckModel) {}

  ~IrqlConsumer() override {
    // Under -disable-free (what the driver gives cc1) clang leaves its own
    // AST to the end of the process; the model goes the same way instead of
    // being torn down entry by entry.
    if (S && CI.getFrontendOpts().DisableFree) {
      S->detach();
      llvm::BuryPointer(new std::shared_ptr<Session>(std::move(S)));
    }
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A TU with errors is not compiled; say nothing more about it.
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    if (CheckModel && checkModelAgainstDeclarations(Ctx, llvm::outs())) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "irqlcheck: the kernel model disagrees with these headers"));
    }
    Reporter R(S->Settings, *S->Sink);
    buildContracts(Ctx, CI.getPreprocessor(), S->State, *S->Model, R, Dump, llvm::outs());
    for (auto &KV : S->Model->Functions)
      S->Sink->FunctionLocs[KV.first()] = KV.second.DeclLoc;
    S->writeSarif();
    for (auto &KV : S->Model->DefinitionLocs)
      S->Sink->FunctionLocs.try_emplace(KV.first(), KV.second);
    FrontendState::setCurrent(nullptr);
  }

private:
  CompilerInstance &CI;
  std::shared_ptr<Session> S;
  DumpMode Dump;
  bool CheckModel;
};

const char *const ValidArgs =
    "dump-contracts, dump-contracts=all, enable=CHECK, disable=CHECK, error=CHECK, model=FILE, "
    "sarif=PATH, suggest, check-model, help";

} // namespace

bool IrqlAction::ParseArgs(const CompilerInstance &CI, const std::vector<std::string> &Args) {
  DiagnosticsEngine &D = CI.getDiagnostics();
  for (const std::string &Arg : Args) {
    llvm::StringRef A(Arg);
    if (A == "dump-contracts") {
      Opts.Dump = DumpMode::Used;
    } else if (A == "dump-contracts=all") {
      Opts.Dump = DumpMode::All;
    } else if (A.starts_with("enable=") || A.starts_with("disable=") || A.starts_with("error=")) {
      auto [Verb, Name] = A.split('=');
      auto Ids = findChecks(Name);
      if (Ids.empty()) {
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "irqlcheck: unknown check '%0' in plugin argument '%1' "
                                   "(see docs/checks/README.md for the list)"))
            << Name << Arg;
        Opts.Invalid = true;
        continue;
      }
      for (CheckId Id : Ids) {
        if (Verb == "enable")
          Opts.Settings.enable(Id);
        else if (Verb == "disable")
          Opts.Settings.disable(Id);
        else
          Opts.Settings.makeError(Id);
      }
    } else if (A.starts_with("sarif=")) {
      Opts.SarifPath = A.split('=').second.str();
    } else if (A == "suggest") {
      Opts.Suggest = true;
    } else if (A == "check-model") {
      Opts.CheckModel = true;
    } else if (A.starts_with("model=")) {
      Opts.ModelFiles.push_back(A.split('=').second.str());
    } else if (A == "help") {
      llvm::errs() << "irqlcheck plugin arguments (-fplugin-arg-irqlcheck-ARG): " << ValidArgs
                   << "\nchecks:";
      for (unsigned I = 0; I < NumChecks; ++I) {
        const CheckInfo &Info = checkInfo(CheckId(I));
        llvm::errs() << "\n  " << Info.Name << (Info.Alias.empty() ? "" : " (") << Info.Alias
                     << (Info.Alias.empty() ? "" : ")") << ": " << Info.Summary;
        if (Info.Default == ByDefault::Off)
          llvm::errs() << " [off by default: enable=" << Info.Name << "]";
      }
      llvm::errs() << "\n";
    } else {
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "irqlcheck: unknown plugin argument '%0'; valid arguments: %1"))
          << Arg << ValidArgs;
      Opts.Invalid = true;
    }
  }
  // Returning false would drop the action, and with it the SAL macro
  // definitions: the user would get a cascade of parse errors in annotated
  // code on top of the one that matters. The error above already fails the
  // compile.
  return true;
}

/// The plugin must not change the object file. CodeView debug info records
/// the cc1 command line (LF_BUILDINFO), so the plugin's own arguments
/// (-load .../IrqlCheck.so, -plugin-arg-irqlcheck X) are dropped from the copy
/// CodeGen records.
static void forgetOwnArguments(CodeGenOptions &CGO) {
  std::vector<std::string> &Args = CGO.CommandLineArgs;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (I + 1 < Args.size()) {
      if (A == "-load" &&
          llvm::sys::path::stem(Args[I + 1]).equals_insensitive("IrqlCheck")) {
        ++I;
        continue;
      }
      if (A == "-plugin-arg-irqlcheck" ||
          ((A == "-add-plugin" || A == "-plugin") && Args[I + 1] == "irqlcheck")) {
        ++I;
        continue;
      }
    }
    if (A.starts_with("-fplugin-arg-irqlcheck-") ||
        (A.starts_with("-fplugin=") &&
         llvm::sys::path::stem(A.drop_front(9)).equals_insensitive("IrqlCheck")))
      continue;
    Kept.push_back(Args[I]);
  }
  Args = std::move(Kept);
}

std::unique_ptr<ASTConsumer> IrqlAction::CreateASTConsumer(CompilerInstance &CI,
                                                           llvm::StringRef) {
  auto S = std::make_shared<Session>();
  S->Settings = Opts.Settings;
  S->Model = std::make_unique<TUModel>(
      LevelTable::forTriple(CI.getTarget().getTriple().str()));
  S->Sink = std::make_unique<ClangDiagSink>(CI.getDiagnostics(), CI.getSourceManager());
  forgetOwnArguments(CI.getCodeGenOpts());

  // The SAL macros mean something from the first line on. Plugin actions get
  // no BeginSourceFileAction, but the main file is entered only after all
  // consumers exist, so appending to the predefines here is in time.
  Preprocessor &PP = CI.getPreprocessor();
  PP.setPredefines(PP.getPredefines() + "\n" + salMacroPredefines());
  auto Sal = std::make_unique<SalMacroGuard>(PP);

  bool Invalid = Opts.Invalid;
  for (const std::string &File : Opts.ModelFiles) {
    std::string Error;
    if (!S->Model->Kernel.loadFile(File, Error)) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "irqlcheck: %0")) << Error;
      Invalid = true;
    }
  }
  // Bad arguments were reported: parse with the macros, check nothing.
  if (Invalid) {
    PP.addPPCallbacks(std::make_unique<PreprocessorHooks>(CI.getSourceManager(), std::move(Sal),
                                                          nullptr, nullptr));
    return std::make_unique<ASTConsumer>();
  }
  PP.addPPCallbacks(std::make_unique<PreprocessorHooks>(
      CI.getSourceManager(), std::move(Sal), std::make_unique<PagedCodeRecorder>(PP, S->State),
      &S->Sink->Pragmas));
  if (!Opts.SarifPath.empty()) {
    S->Sarif = std::make_unique<SarifLog>();
    S->SarifPath = Opts.SarifPath;
    S->Sink->Sarif = S->Sarif.get();
  }
  FrontendState::setCurrent(&S->State);
  SessionActive = true;

  // Without -g the pass checks a module without line tables and, only if
  // there is something to place, asks for the IR again with them.
  CodeGenOptions &CGO = CI.getCodeGenOpts();
  S->Pass = std::make_shared<PassContext>();
  // The driver's -clear-ast-before-backend would free the AST the
  // regeneration reads; objects do not depend on it.
  if (CGO.getDebugInfo() == llvm::codegenoptions::NoDebugInfo) {
    S->Pass->RegenerateWithLocations = regeneratorWithLocations(CI);
    CGO.ClearASTBeforeBackend = false;
  }
  S->Pass->Model = S->Model.get();
  S->Pass->Settings = &S->Settings;
  S->Pass->Sink = S->Sink.get();
  S->Pass->Suggest = Opts.Suggest;
  // The session owns the pass context; the pass runs inside CodeGen's
  // HandleTranslationUnit, while the session is alive.
  Session *Raw = S.get();
  S->Pass->OnFinish = [Raw] { Raw->writeSarif(); };
#if IRQLCHECK_HAS_PASS_BUILDER_CALLBACKS
  std::weak_ptr<PassContext> Weak = S->Pass;
  CGO.PassBuilderCallbacks.push_back([Weak](llvm::PassBuilder &PB) {
    PB.registerPipelineStartEPCallback(
        [Weak](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          if (auto P = Weak.lock())
            MPM.addPass(IrqlCheckPass(P));
        });
  });
#else
#error "Clang 16/17: load the pass through CodeGenOptions::PassPlugins (not yet wired up)"
#endif
  return std::make_unique<IrqlConsumer>(CI, S, Opts);
}

} // namespace irqlcheck
