//===- Plugin.cpp - Registration of everything IrqlCheck.so provides ------===//
//
// IrqlCheck.so is one shared object with two faces:
//  - a Clang plugin (-fplugin=IrqlCheck.so): the attributes register
//    themselves (frontend/IrqlAttributes.cpp), the frontend action registers
//    here, and the action hands the IR pass to CodeGen;
//  - an LLVM pass plugin (opt -load-pass-plugin=IrqlCheck.so
//    -passes=irql-check), which checks IR that carries contracts as
//    "irqlcheck.contract" attributes.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "analysis/IrqlCheckPass.h"
#include "frontend/IrqlAction.h"

#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Passes/PassBuilder.h"

using namespace llvm;

static clang::FrontendPluginRegistry::Add<irqlcheck::IrqlAction>
    X("irqlcheck", "check Windows kernel IRQL rules");

static void registerPassPlugin(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != "irql-check")
          return false;
        MPM.addPass(irqlcheck::IrqlCheckPass());
        return true;
      });
  // Loaded with -fpass-plugin only: check at pipeline start from IR alone,
  // unless the -fplugin half is already doing it for this compile.
  PB.registerPipelineStartEPCallback([](ModulePassManager &MPM, OptimizationLevel) {
    if (!irqlcheck::inProcessSessionActive())
      MPM.addPass(irqlcheck::IrqlCheckPass());
  });
}

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "IrqlCheck", LLVM_VERSION_STRING, registerPassPlugin};
}
