//===- FrontendPlugin.cpp - IrqlCheckFrontend.so: the Clang half ----------===//
//
// Loaded by IrqlCheck.so when it finds itself inside Clang (PassPlugin.cpp).
// The attributes register themselves (frontend/IrqlAttributes.cpp); the
// frontend action registers here and hands the IR pass to CodeGen.
//
//===----------------------------------------------------------------------===//
#include "frontend/IrqlAction.h"

#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/Compiler.h"

static clang::FrontendPluginRegistry::Add<irqlcheck::IrqlAction>
    X("irqlcheck", "check Windows kernel IRQL rules");

/// Asked by IrqlCheck.so, so that -fpass-plugin does not run the pass twice.
extern "C" LLVM_ATTRIBUTE_VISIBILITY_DEFAULT int irqlcheck_frontend_session_active() {
  return irqlcheck::inProcessSessionActive() ? 1 : 0;
}
