//===- Analysis.cpp - Check one translation unit in this process ----------===//
#define IRQLCHECK_COMPAT_TOOL
#include "Compat.h"
#include "tool/Analysis.h"

#include "clang/Basic/DiagnosticDriver.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace irqlcheck {
namespace tool {

namespace {

/// Prints every diagnostic as clang does, into the unit's buffer, and tells
/// irqlcheck's findings ("... [irql-too-high]") from other warnings and
/// errors.
class Recorder : public DiagnosticConsumer {
public:
  Recorder(llvm::raw_ostream &OS, DiagnosticOptions &Opts, AnalysisResult &R)
      : Printer(OS, compat::diagOptionsArg(Opts)), R(R) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Printer.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void finish() override { Printer.finish(); }

  void HandleDiagnostic(DiagnosticsEngine::Level L, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(L, Info);
    Printer.HandleDiagnostic(L, Info);
    if (L < DiagnosticsEngine::Warning)
      return;
    bool Error = L >= DiagnosticsEngine::Error;
    if (isFinding(Info))
      ++(Error ? R.Errors : R.Warnings);
    else if (Error)
      ++OtherErrors;
  }

  unsigned OtherErrors = 0;

private:
  /// The IR pass and the front end report findings through the backend
  /// plugin diagnostics, tagged with the check's name (-Werror keeps the ID).
  static bool isFinding(const Diagnostic &Info) {
    unsigned ID = Info.getID();
    if (ID != diag::warn_fe_backend_plugin && ID != diag::err_fe_backend_plugin)
      return false;
    llvm::SmallString<256> Text;
    Info.FormatDiagnostic(Text);
    llvm::StringRef T(Text);
    size_t Tag = T.rfind(" [irql-");
    return Tag != llvm::StringRef::npos && T.ends_with("]");
  }

  TextDiagnosticPrinter Printer;
  AnalysisResult &R;
};

/// The plugin arguments of the compile command that change what is found;
/// the ones that print or write (dump-contracts, suggest, sarif=) are the
/// tool's business.
bool keepCommandPluginArg(llvm::StringRef A) {
  return A.starts_with("enable=") || A.starts_with("disable=") || A.starts_with("error=") ||
         A.starts_with("model=");
}

/// The invocation the build's compile would run, made to check only: the
/// frontend action of this executable runs (as -fplugin would load it), IR
/// is generated in memory and not optimized, nothing is written.
void prepare(CompilerInvocation &Inv, const AnalysisOptions &Opts,
             const std::string &SarifPath) {
  FrontendOptions &FO = Inv.getFrontendOpts();
  FO.ProgramAction = frontend::EmitLLVMOnly;
  FO.OutputFile.clear();
  FO.DisableFree = false; // many translation units share this process
  // The command may load IrqlCheck itself, or other plugins this process
  // cannot load; irqlcheck's action is built in.
  FO.Plugins.clear();
  FO.AddPluginActions.clear();
  std::vector<std::string> &Args = FO.PluginArgs["irqlcheck"];
  Args.erase(std::remove_if(Args.begin(), Args.end(),
                            [](const std::string &A) { return !keepCommandPluginArg(A); }),
             Args.end());
  Args.insert(Args.end(), Opts.PluginArgs.begin(), Opts.PluginArgs.end());
  if (!SarifPath.empty())
    Args.push_back("sarif=" + SarifPath);

  CodeGenOptions &CGO = Inv.getCodeGenOpts();
  CGO.PassPlugins.clear();
  // No pipeline: the IR pass runs once, before the first module pass, which
  // for in-memory IR is the verifier (frontend/PassRegistration.cpp).
  CGO.DisableLLVMPasses = true;
  CGO.VerifyModule = true;

  Inv.getDependencyOutputOpts() = DependencyOutputOptions();
  DiagnosticOptions &DO = Inv.getDiagnosticOpts();
  DO.DiagnosticSerializationFile.clear();
  DO.ShowColors = Opts.Color;
}

void analyzeInto(const CompileJob &J, const AnalysisOptions &Opts,
                 const std::string &SarifPath, AnalysisResult &R, llvm::raw_ostream &OS) {
  std::vector<std::string> Command = analysisCommand(J, Opts.ResourceDir);
  std::vector<const char *> Args;
  for (const std::string &A : Command)
    Args.push_back(A.c_str());

  // Relative paths are relative to the command's directory, in this thread
  // only (the process has one working directory for all of them).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> VFS(
      llvm::vfs::createPhysicalFileSystem().release());
  if (std::error_code EC = VFS->setCurrentWorkingDirectory(J.Directory)) {
    OS << "irqlcheck: error: cannot enter '" << J.Directory << "': " << EC.message() << "\n";
    R.Failed = true;
    return;
  }

  // The driver: from the command to a compiler invocation.
  compat::DiagOptionsHolder DriverOpts(CreateAndPopulateDiagOpts(Args).release());
  DriverOpts->ShowColors = Opts.Color;
  Recorder DriverDiags(OS, *DriverOpts, R);
  llvm::IntrusiveRefCntPtr<DiagnosticsEngine> Diags(
      new DiagnosticsEngine(llvm::IntrusiveRefCntPtr<DiagnosticIDs>(new DiagnosticIDs()),
                            compat::diagOptionsArg(*DriverOpts), &DriverDiags,
                            /*ShouldOwnClient=*/false));
  // The tool drops -c and the output options the command had, and clang 22's
  // driver says those are unused: noise the user's own build never shows.
  Diags->setSeverity(diag::warn_drv_unused_argument, diag::Severity::Ignored, SourceLocation());
  CreateInvocationOptions CIOpts;
  CIOpts.Diags = Diags;
  CIOpts.VFS = VFS;
  std::shared_ptr<CompilerInvocation> Inv = createInvocation(Args, CIOpts);
  if (!Inv || DriverDiags.OtherErrors) {
    R.Failed = true;
    return;
  }
  prepare(*Inv, Opts, SarifPath);

  // The compile: a crash fails this unit only. What it was doing is left
  // as it was (leaked): nothing of it is touched again.
  Recorder CompileDiags(OS, Inv->getDiagnosticOpts(), R);
  std::unique_ptr<CompilerInstance> CI = compat::makeCompilerInstance(Inv, VFS, &CompileDiags);
  CI->setVerboseOutputStream(OS); // "1 warning generated."
  auto Action = std::make_unique<EmitLLVMOnlyAction>();
  const void *StackTrace = llvm::SavePrettyStackState();
  llvm::CrashRecoveryContext CRC;
  if (!CRC.RunSafely([&] { CI->ExecuteAction(*Action); })) {
    llvm::RestorePrettyStackState(StackTrace);
    (void)CI.release();
    (void)Action.release();
    OS << "irqlcheck: error: the compiler crashed on '" << J.File << "'\n";
    R.Failed = R.Crashed = true;
    return;
  }
  if (CompileDiags.OtherErrors)
    R.Failed = true;
}

} // namespace

AnalysisResult analyze(const CompileJob &J, const AnalysisOptions &Opts,
                       const std::string &SarifPath) {
  AnalysisResult R;
  {
    llvm::raw_string_ostream OS(R.Output);
    analyzeInto(J, Opts, SarifPath, R, OS);
  }
  return R;
}

} // namespace tool
} // namespace irqlcheck
