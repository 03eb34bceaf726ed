//===- ModelSelfCheck.h - Hold the kernel model against real headers ------===//
//
// -fplugin-arg-irqlcheck-check-model: for every built-in table entry that the
// translation unit declares, the declaration must have the entry's arity, and
// no entry may name an argument past its arity. The test suite runs this over
// the mingw-w64 DDK headers, so a table entry that names the wrong routine or
// parameter count fails a test.
//
// User model entries (model=FILE) are held against the translation unit's
// declarations in every compile: their arity is "known" once the TU declares
// the routine with a prototype.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_MODELSELFCHECK_H
#define IRQLCHECK_FRONTEND_MODELSELFCHECK_H

#include "llvm/Support/raw_ostream.h"

namespace clang {
class ASTContext;
class DiagnosticsEngine;
} // namespace clang

namespace irqlcheck {

class KernelModel;

/// Prints "irqlcheck: model: N of M entries declared, K mismatches" and one
/// line per mismatch (the user's entries of Model included). Returns the
/// number of mismatches.
unsigned checkModelAgainstDeclarations(clang::ASTContext &Ctx, const KernelModel &Model,
                                       llvm::raw_ostream &OS);

/// Reports, as errors at the declaration, the user model entries that name
/// an argument the TU's declaration of the routine does not have (variadic
/// routines excepted). Returns how many.
unsigned checkUserModelArity(clang::ASTContext &Ctx, const KernelModel &Model,
                             clang::DiagnosticsEngine &Diags);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_MODELSELFCHECK_H
