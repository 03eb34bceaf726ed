//===- IrqlAction.h - The frontend action loaded by -fplugin --------------===//
//
// Runs before the main action (AddBeforeMainAction), with no -add-plugin flag:
// it parses -fplugin-arg-irqlcheck-*, predefines the SAL macros, asks CodeGen
// for line locations, builds the contracts when the TU is parsed (before
// CodeGen's consumer runs) and hands them to the IR pass.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_IRQLACTION_H
#define IRQLCHECK_FRONTEND_IRQLACTION_H

#include "frontend/ContractBuilder.h"
#include "report/Checks.h"

#include "clang/Frontend/FrontendAction.h"
#include <string>
#include <vector>

namespace irqlcheck {

struct PluginOptions {
  DumpMode Dump = DumpMode::None;
  CheckSettings Settings;
  std::vector<std::string> ModelFiles;
  std::string SarifPath;   // sarif=PATH: also write findings as SARIF 2.1.0
  bool Suggest = false;    // suggest: print every function's contract as SAL
  bool CheckModel = false; // check-model: hold the table against the headers
  /// An argument was rejected (and reported). The action still predefines the
  /// SAL macros, so the annotated source parses and the one error is all the
  /// user sees, but it checks nothing.
  bool Invalid = false;
};

class IrqlAction : public clang::PluginASTAction {
public:
  bool ParseArgs(const clang::CompilerInstance &CI,
                 const std::vector<std::string> &Args) override;
  ActionType getActionType() override { return AddBeforeMainAction; }

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef InFile) override;

private:
  PluginOptions Opts;
};

/// True while a compile that loaded the plugin with -fplugin is running, so
/// that the same object loaded again with -fpass-plugin does not run twice.
bool inProcessSessionActive();

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_IRQLACTION_H
