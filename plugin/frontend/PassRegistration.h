//===- PassRegistration.h - Schedule the IR pass in clang's backend -------===//
//
// The pass runs at the start of the optimization pipeline, at every -O level.
// Under -disable-llvm-passes (what the driver gives the compile step of
// -save-temps, whose bitcode the backend step optimizes later) clang builds no
// pipeline, so no extension point fires: the pass then runs just before the
// first pass that does run, the bitcode or IR writer, so that the findings
// are not lost. Where not even that runs, the user is told once.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_PASSREGISTRATION_H
#define IRQLCHECK_FRONTEND_PASSREGISTRATION_H

#include <memory>

namespace clang {
class CompilerInstance;
}

namespace irqlcheck {

struct PassContext;

/// Registers the IR pass with CI's CodeGen options; the pass runs while
/// Ctx is alive.
void registerIrqlCheckPass(clang::CompilerInstance &CI, std::weak_ptr<PassContext> Ctx);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_PASSREGISTRATION_H
