//===- ContractBuilder.h - From recorded annotations to contracts ---------===//
//
// Runs once the translation unit is parsed: resolves every recorded
// annotation (level values, parameter names, _When_ conditions), merges
// redeclarations, applies function-class typedefs and the kernel model by
// precedence (explicit > function class > model), marks pageable functions,
// and checks that the annotations themselves make sense.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_CONTRACTBUILDER_H
#define IRQLCHECK_FRONTEND_CONTRACTBUILDER_H

#include "llvm/Support/raw_ostream.h"

namespace clang {
class ASTContext;
class Preprocessor;
} // namespace clang

namespace irqlcheck {
struct FrontendState;
struct TUModel;
class Reporter;

enum class DumpMode { None, Used, All };

/// Fills Model from State; reports annotation problems through R. With Dump,
/// prints one line per function contract to OS.
void buildContracts(clang::ASTContext &Ctx, clang::Preprocessor &PP, FrontendState &State,
                    TUModel &Model, Reporter &R, DumpMode Dump, llvm::raw_ostream &OS);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_CONTRACTBUILDER_H
