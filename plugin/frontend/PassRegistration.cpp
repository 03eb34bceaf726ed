//===- PassRegistration.cpp - Schedule the IR pass in clang's backend -----===//
#include "frontend/PassRegistration.h"
#include "Compat.h"
#include "analysis/IrqlCheckPass.h"

#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/Any.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassInstrumentation.h"
#include "llvm/Passes/PassBuilder.h"

using namespace clang;

namespace irqlcheck {

/// Under -disable-llvm-passes: runs the pass once, on the module the first
/// module pass is given (BitcodeWriterPass, PrintModulePass or the verifier),
/// before that pass writes it.
static void runBeforeFirstPass(llvm::PassBuilder &PB, std::weak_ptr<PassContext> Weak) {
  llvm::PassInstrumentationCallbacks *PIC = PB.getPassInstrumentationCallbacks();
  if (!PIC)
    return;
  auto Done = std::make_shared<bool>(false);
  PIC->registerBeforeNonSkippedPassCallback([Weak, Done](llvm::StringRef, llvm::Any IR) {
    const auto *M = llvm::any_cast<const llvm::Module *>(&IR);
    if (*Done || !M)
      return;
    *Done = true;
    if (auto P = Weak.lock()) {
      llvm::ModuleAnalysisManager MAM;
      // The pass changes no code; it adds its contract attributes and drops
      // the line tables it asked for, as it does at the pipeline's start.
      IrqlCheckPass(P).run(const_cast<llvm::Module &>(**M), MAM);
    }
  });
}

void registerIrqlCheckPass(CompilerInstance &CI, std::weak_ptr<PassContext> Weak) {
  CodeGenOptions &CGO = CI.getCodeGenOpts();
  bool NoPipeline = CGO.DisableLLVMPasses;
  if (NoPipeline) {
    frontend::ActionKind Action = CI.getFrontendOpts().ProgramAction;
    bool ModulePassRuns = Action == frontend::EmitBC || Action == frontend::EmitLLVM ||
                          Action == frontend::EmitLLVMOnly;
    if (!ModulePassRuns) {
      DiagnosticsEngine &D = CI.getDiagnostics();
      D.Report(diag::warn_fe_backend_plugin)
          << std::string("irqlcheck: -disable-llvm-passes: the IRQL checks of function "
                         "bodies do not run in this compile");
    }
  }
#if IRQLCHECK_HAS_PASS_BUILDER_CALLBACKS
  CGO.PassBuilderCallbacks.push_back([Weak, NoPipeline](llvm::PassBuilder &PB) {
    if (NoPipeline) {
      runBeforeFirstPass(PB, Weak);
      return;
    }
    PB.registerPipelineStartEPCallback(
        [Weak](llvm::ModulePassManager &MPM, llvm::OptimizationLevel) {
          if (auto P = Weak.lock())
            MPM.addPass(IrqlCheckPass(P));
        });
  });
#else
#error "Clang 16/17: load the pass through CodeGenOptions::PassPlugins (not yet wired up)"
#endif
}

} // namespace irqlcheck
