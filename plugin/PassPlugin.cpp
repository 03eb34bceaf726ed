//===- PassPlugin.cpp - IrqlCheckPassPlugin.so: the pass plugin -----------===//
//
// Users load IrqlCheck.so (VersionCheck.cpp), which checks the LLVM version
// and then loads this object from its own directory, everywhere:
//  - opt -load-pass-plugin=IrqlCheck.so -passes=irql-check checks IR whose
//    functions carry "irqlcheck.contract" attributes. opt has no Clang in it,
//    so this object references no Clang symbol at all.
//  - clang -fplugin=IrqlCheck.so: when the process has Clang in it, loading
//    this object loads IrqlCheckFrontend.so from the same directory, whose
//    static registrations add the attributes and the frontend action (which
//    hands its own copy of the pass to CodeGen). Clang walks its plugin
//    registries only after -fplugin libraries are loaded, so this is in time.
//  - clang -fpass-plugin=IrqlCheck.so alone: the pass runs at pipeline start
//    from IR and the kernel model only.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "analysis/IrqlCheckPass.h"

#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <dlfcn.h>

using namespace llvm;

namespace {

/// Loads the Clang half when this process is Clang (it exports Clang's
/// symbols for plugins; opt does not).
struct FrontendLoader {
  FrontendLoader() {
    if (!dlsym(RTLD_DEFAULT, "_ZTIN5clang11PPCallbacksE"))
      return;
    Dl_info Info;
    if (!dladdr(reinterpret_cast<void *>(&anchor), &Info) || !Info.dli_fname)
      return;
    SmallString<256> Path(sys::path::parent_path(Info.dli_fname));
    sys::path::append(Path, "IrqlCheckFrontend" + sys::path::extension(Info.dli_fname));
    if (!dlopen(Path.c_str(), RTLD_LAZY | RTLD_GLOBAL))
      errs() << "irqlcheck: cannot load the Clang half of the plugin: " << dlerror() << "\n";
  }
  static void anchor() {}
} Loader;

/// Is the frontend half checking this compile already (-fplugin and
/// -fpass-plugin both given)? It exports the answer when it is loaded.
bool frontendSessionActive() {
  using Query = int (*)();
  static Query Q = reinterpret_cast<Query>(dlsym(RTLD_DEFAULT, "irqlcheck_frontend_session_active"));
  return Q && Q();
}

void registerPassPlugin(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM, ArrayRef<PassBuilder::PipelineElement>) {
        if (Name != "irql-check")
          return false;
        MPM.addPass(irqlcheck::IrqlCheckPass());
        return true;
      });
  PB.registerPipelineStartEPCallback([](ModulePassManager &MPM, OptimizationLevel) {
    if (!frontendSessionActive())
      MPM.addPass(irqlcheck::IrqlCheckPass());
  });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "IrqlCheck", LLVM_VERSION_STRING, registerPassPlugin};
}
