//===- IndirectCalls.cpp - Calls through pointers of a role type ----------===//
#include "frontend/IndirectCalls.h"
#include "model/TUModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace irqlcheck {

namespace {

/// The contract of the role typedef CE's callee type names, or null.
const Contract *roleContractOf(const CallExpr *CE,
                               const std::function<const Contract *(const TypedefNameDecl *)> &Of) {
  // PIO_COMPLETION_ROUTINE -> IO_COMPLETION_ROUTINE *: the first typedef
  // along the sugar, or that of the pointee, that has a contract.
  QualType T = CE->getCallee()->IgnoreParenImpCasts()->getType();
  for (unsigned Guard = 0; !T.isNull() && Guard < 8; ++Guard) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      if (const Contract *C = Of(TT->getDecl()))
        return C->empty() ? nullptr : C;
      T = TT->getDecl()->getUnderlyingType();
      continue;
    }
    if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
      continue;
    }
    break;
  }
  return nullptr;
}

} // namespace

void collectRoleTypedCalls(
    ASTContext &Ctx, llvm::ArrayRef<const CallExpr *> IndirectCalls, TUModel &Model,
    const std::function<const Contract *(const TypedefNameDecl *)> &ContractOfTypedef) {
  SourceManager &SM = Ctx.getSourceManager();
  for (const CallExpr *CE : IndirectCalls) {
    const Contract *C = roleContractOf(CE, ContractOfTypedef);
    if (!C)
      continue;
    // CodeGen puts a call's line table entry at the start of the call
    // expression or at its callee; record both.
    for (SourceLocation L : {CE->getBeginLoc(), CE->getExprLoc(), CE->getCallee()->getExprLoc()}) {
      PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(L));
      if (PL.isInvalid())
        continue;
      Model.IndirectCalls[sourcePos(PL.getFilename(), PL.getLine(), PL.getColumn())] = *C;
    }
  }
}

} // namespace irqlcheck
