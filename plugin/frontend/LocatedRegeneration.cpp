//===- LocatedRegeneration.cpp - The module again, with line tables -------===//
#include "frontend/LocatedRegeneration.h"

#include "Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/CodeGen/ModuleBuilder.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace irqlcheck {

// For tests: shows which compiles paid for a second code generation.
static llvm::cl::opt<bool>
    ReportRegeneration("irqlcheck-report-regeneration", llvm::cl::Hidden,
                       llvm::cl::desc("irqlcheck: say when the IR is generated again to "
                                      "place findings (without -g)"));

// For tests: the regeneration fails, as it would if code generation reported
// an error the first time did not.
static llvm::cl::opt<bool>
    FailRegeneration("irqlcheck-fail-regeneration", llvm::cl::Hidden,
                     llvm::cl::desc("irqlcheck: fail to generate the IR again (tests)"));

/// The code generation options the compile uses, with line tables that
/// emit no debug sections, and nothing that reads files or makes records
/// of its own (profiles to use, coverage maps): only the code matters.
static CodeGenOptions locatedOptions(const CodeGenOptions &Main) {
  CodeGenOptions CGO = Main;
  CGO.setDebugInfo(llvm::codegenoptions::LocTrackingOnly);
  CGO.CoverageMapping = false;
  CGO.ProfileInstrumentUsePath.clear();
  CGO.SampleProfileFile.clear();
  CGO.setProfileUse(compat::ProfileNone);
  return CGO;
}

static std::unique_ptr<llvm::Module> regenerate(CompilerInstance &CI, llvm::LLVMContext &LLVMCtx) {
  if (FailRegeneration || !CI.hasASTContext() || !CI.hasSourceManager())
    return nullptr;
  ASTContext &Ctx = CI.getASTContext();
  // The first code generation printed every diagnostic already.
  DiagnosticsEngine Diags(CI.getDiagnostics().getDiagnosticIDs(),
                          compat::diagOptionsArg(CI.getDiagnostics().getDiagnosticOptions()),
                          new IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
  Diags.setSourceManager(&CI.getSourceManager());
  CodeGenOptions CGO = locatedOptions(CI.getCodeGenOpts());
  std::unique_ptr<CodeGenerator> Gen(CreateLLVMCodeGen(
      Diags, CI.getFrontendOpts().Inputs.empty() ? "irqlcheck-located"
                                                 : CI.getFrontendOpts().Inputs[0].getFile(),
      &CI.getVirtualFileSystem(), CI.getHeaderSearchOpts(), CI.getPreprocessorOpts(), CGO,
      LLVMCtx));
  Gen->Initialize(Ctx);
  // What Sema handed the first code generation: every top-level declaration,
  // in order, then each tentative definition still without a definition.
  // (A snapshot: code generation may add implicit declarations to the
  // translation unit while it runs.)
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  std::vector<Decl *> TopLevel(TU->decls_begin(), TU->decls_end());
  for (Decl *D : TopLevel)
    Gen->HandleTopLevelDecl(DeclGroupRef(D));
  llvm::SmallPtrSet<VarDecl *, 16> Completed;
  for (Decl *D : TopLevel)
    if (auto *VD = dyn_cast<VarDecl>(D))
      if (VarDecl *Acting = VD->getActingDefinition())
        if (!Acting->isInvalidDecl() && Completed.insert(Acting).second)
          Gen->CompleteTentativeDefinition(Acting);
  Gen->HandleTranslationUnit(Ctx);
  if (Diags.hasErrorOccurred())
    return nullptr;
  std::unique_ptr<llvm::Module> M(Gen->ReleaseModule());
  if (M && ReportRegeneration)
    llvm::errs() << "irqlcheck: regenerated the IR with line tables\n";
  return M;
}

std::function<std::unique_ptr<llvm::Module>(llvm::LLVMContext &)>
regeneratorWithLocations(CompilerInstance &CI) {
  return [&CI](llvm::LLVMContext &LLVMCtx) { return regenerate(CI, LLVMCtx); };
}

} // namespace irqlcheck
