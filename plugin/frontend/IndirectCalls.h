//===- IndirectCalls.h - Calls through pointers of a role type ------------===//
//
// `Ext->CompletionRoutine(Dev, Irp, Ctx)` calls whatever the pointer holds,
// but if the pointer's type is a role typedef (PIO_COMPLETION_ROUTINE) the
// callee's contract is that role's. This finds such calls, keyed by where
// they are written, so the IR pass can give the indirect call instruction
// at that line and column the role's contract. Other indirect calls are not
// guessed.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_INDIRECTCALLS_H
#define IRQLCHECK_FRONTEND_INDIRECTCALLS_H

#include "model/Contract.h"

#include "llvm/ADT/ArrayRef.h"

#include <functional>

namespace clang {
class ASTContext;
class CallExpr;
class TypedefNameDecl;
} // namespace clang

namespace irqlcheck {
struct TUModel;

/// For each of the user's indirect calls (found by UserCodeWalk) whose
/// callee type names a function typedef with a contract, stores that
/// contract in Model.IndirectCalls. ContractOfTypedef gives a typedef's
/// contract (its annotations and role) or null.
void collectRoleTypedCalls(
    clang::ASTContext &Ctx, llvm::ArrayRef<const clang::CallExpr *> IndirectCalls,
    TUModel &Model,
    const std::function<const Contract *(const clang::TypedefNameDecl *)> &ContractOfTypedef);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_INDIRECTCALLS_H
