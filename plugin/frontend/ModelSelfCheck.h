//===- ModelSelfCheck.h - Hold the kernel model against real headers ------===//
//
// -fplugin-arg-irqlcheck-check-model: for every built-in table entry that the
// translation unit declares, the declaration must have the entry's arity. The
// test suite runs this over the mingw-w64 DDK headers, so a table entry that
// names the wrong routine or parameter count fails a test.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_MODELSELFCHECK_H
#define IRQLCHECK_FRONTEND_MODELSELFCHECK_H

#include "llvm/Support/raw_ostream.h"

namespace clang {
class ASTContext;
}

namespace irqlcheck {

/// Prints "irqlcheck: model: N of M entries declared, K mismatches" and one
/// line per mismatch. Returns the number of mismatches.
unsigned checkModelAgainstDeclarations(clang::ASTContext &Ctx, llvm::raw_ostream &OS);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_MODELSELFCHECK_H
