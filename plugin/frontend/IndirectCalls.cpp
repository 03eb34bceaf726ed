//===- IndirectCalls.cpp - Calls through pointers of a role type ----------===//
#include "frontend/IndirectCalls.h"
#include "model/TUModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace irqlcheck {

namespace {
class Finder : public RecursiveASTVisitor<Finder> {
public:
  Finder(ASTContext &Ctx, TUModel &Model,
         const std::function<const Contract *(const TypedefNameDecl *)> &Of)
      : SM(Ctx.getSourceManager()), Model(Model), Of(Of) {}

  bool VisitCallExpr(CallExpr *CE) {
    if (CE->getDirectCallee())
      return true;
    const Contract *C = nullptr;
    // PIO_COMPLETION_ROUTINE -> IO_COMPLETION_ROUTINE *: the first typedef
    // along the sugar, or that of the pointee, that has a contract.
    QualType T = CE->getCallee()->IgnoreParenImpCasts()->getType();
    for (unsigned Guard = 0; !C && !T.isNull() && Guard < 8; ++Guard) {
      if (const auto *TT = T->getAs<TypedefType>()) {
        C = Of(TT->getDecl());
        if (C)
          break;
        T = TT->getDecl()->getUnderlyingType();
        continue;
      }
      if (const auto *PT = T->getAs<PointerType>()) {
        T = PT->getPointeeType();
        continue;
      }
      break;
    }
    if (!C || C->empty())
      return true;
    // CodeGen puts a call's line table entry at the start of the call
    // expression or at its callee; record both.
    for (SourceLocation L : {CE->getBeginLoc(), CE->getExprLoc(), CE->getCallee()->getExprLoc()}) {
      PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(L));
      if (PL.isInvalid())
        continue;
      Model.IndirectCalls[{llvm::sys::path::filename(PL.getFilename()).str(), PL.getLine(),
                           PL.getColumn()}] = *C;
    }
    return true;
  }

private:
  SourceManager &SM;
  TUModel &Model;
  const std::function<const Contract *(const TypedefNameDecl *)> &Of;
};
} // namespace

void collectRoleTypedCalls(
    ASTContext &Ctx, llvm::ArrayRef<Decl *> UserDecls, TUModel &Model,
    const std::function<const Contract *(const TypedefNameDecl *)> &ContractOfTypedef) {
  Finder F(Ctx, Model, ContractOfTypedef);
  for (Decl *D : UserDecls)
    F.TraverseDecl(D);
}

} // namespace irqlcheck
