//===- IrqlCheckPass.h - The IR pass that checks IRQL rules ---------------===//
//
// A module pass that runs at the start of the pipeline, before any inlining,
// so that header-inline KeRaiseIrql/KeLowerIrql are still calls. It gives every
// function its contract (from the front end's model when it runs inside clang,
// else from the "irqlcheck.contract" attribute and the kernel model), writes
// the contract back as that attribute so -emit-llvm shows it, and checks each
// defined function. It never changes code.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_IRQLCHECKPASS_H
#define IRQLCHECK_ANALYSIS_IRQLCHECKPASS_H

#include "llvm/IR/PassManager.h"
#include <functional>
#include <memory>

namespace llvm {
class LLVMContext;
class Module;
class PassBuilder;
} // namespace llvm

namespace irqlcheck {
struct TUModel;
class CheckSettings;
class DiagSink;

/// The name of the string function attribute that carries a contract.
constexpr const char *ContractAttr = "irqlcheck.contract";

/// What a compile hands to the pass. Under opt all pointers are null and the
/// pass makes its own.
struct PassContext {
  TUModel *Model = nullptr;
  const CheckSettings *Settings = nullptr;
  DiagSink *Sink = nullptr;
  bool Suggest = false;            // print inferred contracts as SAL
  /// Write each contract on its function as an attribute (-emit-llvm shows
  /// it, a later opt reads it). The front end clears it when the output is
  /// an object or assembly, where nobody reads them.
  bool AnnotateIR = true;
  std::function<void()> OnFinish;  // called when the pass is done (SARIF)
  /// Set by the front end when the build has no line tables (no -g): builds
  /// the same module again, with line tables only, in the given context
  /// (null if that fails). Emitting locations costs ~10% of a compile and
  /// most translation units have nothing to report, so the pass analyses
  /// the module it is given and asks for the located copy only when there is
  /// a finding to place (or suggestions to print, or role-typed indirect
  /// calls, which are matched by line and column).
  std::function<std::unique_ptr<llvm::Module>(llvm::LLVMContext &)> RegenerateWithLocations;
};

class IrqlCheckPass : public llvm::PassInfoMixin<IrqlCheckPass> {
public:
  explicit IrqlCheckPass(std::shared_ptr<PassContext> Ctx = nullptr) : Ctx(std::move(Ctx)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &MAM);
  // clang -O0 marks every function optnone; the check must still run.
  static bool isRequired() { return true; }

private:
  std::shared_ptr<PassContext> Ctx;
};

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_IRQLCHECKPASS_H
