//===- LocatedRegeneration.h - The module again, with line tables ---------===//
//
// Without -g the module the pass checks has no line tables: emitting them
// costs about a tenth of a compile, and most translation units have nothing
// to report. When one does, this builds the same IR again from the AST, which
// is still alive while the pass runs inside the back end, with line tables
// only (what clang does for -Rpass), into a module of its own. The module the
// back end compiles is never touched.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_LOCATEDREGENERATION_H
#define IRQLCHECK_FRONTEND_LOCATEDREGENERATION_H

#include <functional>
#include <memory>

namespace clang {
class CompilerInstance;
}
namespace llvm {
class LLVMContext;
class Module;
} // namespace llvm

namespace irqlcheck {

/// What PassContext::RegenerateWithLocations calls: regenerates the IR of the
/// translation unit CI is compiling, with line tables, in the given context.
/// Null if the AST is gone or code generation reports an error; its
/// diagnostics are never printed (the real code generation printed them).
/// Call it only from inside CI's back end run.
std::function<std::unique_ptr<llvm::Module>(llvm::LLVMContext &)>
regeneratorWithLocations(clang::CompilerInstance &CI);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_LOCATEDREGENERATION_H
