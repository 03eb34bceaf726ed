//===- IrqlAction.cpp - The frontend action loaded by -fplugin ------------===//
#include "frontend/IrqlAction.h"
#include "Compat.h"
#include "analysis/IrqlCheckPass.h"
#include "frontend/ConstantEvaluator.h"
#include "frontend/FrontendState.h"
#include "frontend/LocatedRegeneration.h"
#include "frontend/ModelSelfCheck.h"
#include "frontend/PagedCode.h"
#include "frontend/PassRegistration.h"
#include "frontend/PreprocessorHooks.h"
#include "frontend/SalMacros.h"
#include "model/TUModel.h"
#include "report/ClangDiagSink.h"
#include "report/Reporter.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace irqlcheck {

static thread_local bool SessionActive = false; // per thread, as FrontendState::current()
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
  DiagnosticsEngine *Diags = nullptr;

  /// Written after the front end (so -fsyntax-only gets one) and again after
  /// the pass. Not in the destructor: cc1 runs with -disable-free. A log that
  /// cannot be written is an error, reported once: the user asked for it, and
  /// a pipeline would otherwise read a stale log as the result.
  void writeSarif() {
    if (!Sarif)
      return;
    std::string Error;
    if (Sarif->write(SarifPath, Error))
      return;
    Diags->Report(Diags->getCustomDiagID(DiagnosticsEngine::Error,
                                         "irqlcheck: cannot write SARIF log '%0': %1"))
        << SarifPath << Error;
    Sarif.reset();
    Sink->Sarif = nullptr;
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

  // The annotations the preprocessor recorded go to the declarations written
  // around them.
  bool HandleTopLevelDecl(DeclGroupRef DG) override {
    S->State.Annotations.declarationsParsed(DG, CI.getSourceManager());
    return true;
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // A TU with errors is not compiled; say nothing more about it.
    if (CI.getDiagnostics().hasErrorOccurred())
      return;
    if (CheckModel && checkModelAgainstDeclarations(Ctx, S->Model->Kernel, llvm::outs())) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                 "irqlcheck: the kernel model disagrees with these headers"));
    }
    if (checkUserModelArity(Ctx, S->Model->Kernel, CI.getDiagnostics()))
      return;
    Reporter R(S->Settings, *S->Sink);
    if (CI.hasSema())
      S->State.TUSema = &CI.getSema();
    buildContracts(Ctx, CI.getPreprocessor(), S->State, *S->Model, R, Dump, llvm::outs());
    S->State.Annotations.release();
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

/// What clang's -clear-ast-before-backend does before the backend, done
/// after the pass: from here on nothing reads the AST (the regeneration is
/// dropped, so a second run of the pass could not reach it either).
void freeASTAfterPass(CompilerInstance &CI, PassContext &Pass) {
  Pass.RegenerateWithLocations = nullptr;
  if (!CI.hasASTContext())
    return;
  ASTContext &Ctx = CI.getASTContext();
  Ctx.cleanup();
  Ctx.getAllocator().Reset();
}

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
      // One log per compile: the last sarif= wins, as the last -o does, and
      // the user hears that the earlier path gets nothing.
      std::string Path = A.split('=').second.str();
      if (Path.empty()) {
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error,
                                   "irqlcheck: plugin argument 'sarif=' needs a path"));
        Opts.Invalid = true;
        continue;
      }
      if (!Opts.SarifPath.empty() && Opts.SarifPath != Path)
        D.Report(diag::warn_fe_backend_plugin)
            << ("irqlcheck: sarif= given more than once; only the last log ('" + Path +
                "') is written, not '" + Opts.SarifPath + "'");
      Opts.SarifPath = std::move(Path);
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

static bool isPreprocessedInput(const CompilerInstance &CI) {
  const auto &Inputs = CI.getFrontendOpts().Inputs;
  return !Inputs.empty() && Inputs[0].getKind().isPreprocessed();
}

/// clang -E runs no plugin, so preprocessed input (a .i of -save-temps,
/// distcc, ccache) has lost what only the preprocessor saw: the SAL
/// annotations (expanded by the headers' empty definitions) and PAGED_CODE()
/// markers. The checks whose finding would claim such a thing is absent are
/// off (a missing PAGED_CODE(); an exit IRQL that a lost _IRQL_raises_ or
/// _IRQL_saves_ would have allowed), the rest run, and the user is told.
static void limitToWhatSurvivesPreprocessing(CompilerInstance &CI, CheckSettings &Settings) {
  Settings.disable(CheckId::PagedCodeMissing);
  Settings.disable(CheckId::ExitChanged);
  DiagnosticsEngine &D = CI.getDiagnostics();
  D.Report(diag::warn_fe_backend_plugin)
      << ("irqlcheck: '" + CI.getFrontendOpts().Inputs[0].getFile().str() +
          "' was preprocessed without irqlcheck (clang -E runs no plugin): its SAL "
          "annotations and PAGED_CODE() markers are gone, so findings may be missing "
          "and irql-exit-changed and irql-paged-code-missing are off; check the source "
          "file instead");
}

std::unique_ptr<ASTConsumer> IrqlAction::CreateASTConsumer(CompilerInstance &CI,
                                                           llvm::StringRef) {
  auto S = std::make_shared<Session>();
  S->Settings = Opts.Settings;
  S->Model = std::make_unique<TUModel>(
      LevelTable::forTriple(CI.getTarget().getTriple().str()));
  S->Sink = std::make_unique<ClangDiagSink>(CI.getDiagnostics(), CI.getSourceManager());
  forgetOwnArguments(CI.getCodeGenOpts());

  if (isPreprocessedInput(CI))
    limitToWhatSurvivesPreprocessing(CI, S->Settings);

  // The SAL macros mean something from the first line on. Plugin actions get
  // no BeginSourceFileAction, but the main file is entered only after all
  // consumers exist, so changing the predefines here is in time. They go
  // first: the predefines end with the -include (/FI) files, and a header
  // defining the SAL macros must come after our definitions, as it does when
  // the source includes it, or each of ours would be a redefinition warning.
  Preprocessor &PP = CI.getPreprocessor();
  PP.setPredefines(salMacroPredefines() + PP.getPredefines());

  bool Invalid = Opts.Invalid;
  for (const std::string &File : Opts.ModelFiles) {
    std::string Error;
    if (!S->Model->Kernel.loadFile(File, Error)) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "irqlcheck: %0")) << Error;
      Invalid = true;
    }
  }
  // The annotations are recorded as text, unless nothing is checked. A level
  // in the user's code is read where it is written, with the enumerators the
  // parser has seen by then (Sema exists once parsing starts).
  auto Sal = std::make_unique<SalMacroGuard>(
      PP, Invalid ? nullptr : &S->State.Annotations,
      [&CI](llvm::StringRef Name) -> std::optional<int64_t> {
        return CI.hasSema() ? visibleEnumerator(CI.getSema(), Name) : std::nullopt;
      });
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
    S->Diags = &CI.getDiagnostics();
    S->Sink->Sarif = S->Sarif.get();
  }
  FrontendState::setCurrent(&S->State);
  SessionActive = true;

  // Without -g the pass checks a module without line tables and, only if
  // there is something to place, asks for the IR again with them.
  CodeGenOptions &CGO = CI.getCodeGenOpts();
  S->Pass = std::make_shared<PassContext>();
  // The driver's -clear-ast-before-backend would free the AST the
  // regeneration reads; objects do not depend on it. The AST is freed once
  // the pass is done instead, so the backend runs in the memory it would
  // have had without the plugin.
  bool FreeASTAfterPass = false;
  if (CGO.getDebugInfo() == llvm::codegenoptions::NoDebugInfo) {
    S->Pass->RegenerateWithLocations = regeneratorWithLocations(CI);
    FreeASTAfterPass = CGO.ClearASTBeforeBackend;
    CGO.ClearASTBeforeBackend = false;
  }
  S->Pass->Model = S->Model.get();
  S->Pass->Settings = &S->Settings;
  S->Pass->Sink = S->Sink.get();
  S->Pass->Suggest = Opts.Suggest;
  // The contracts are written into the IR only where someone can read them.
  frontend::ActionKind Out = CI.getFrontendOpts().ProgramAction;
  S->Pass->AnnotateIR = Out != frontend::EmitObj && Out != frontend::EmitAssembly;
  // The session owns the pass context; the pass runs inside CodeGen's
  // HandleTranslationUnit, while the session is alive.
  Session *Raw = S.get();
  S->Pass->OnFinish = [Raw, &CI, FreeASTAfterPass] {
    Raw->writeSarif();
    if (FreeASTAfterPass)
      freeASTAfterPass(CI, *Raw->Pass);
  };
  registerIrqlCheckPass(CI, S->Pass);
  return std::make_unique<IrqlConsumer>(CI, S, Opts);
}

} // namespace irqlcheck
