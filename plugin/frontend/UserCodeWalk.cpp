//===- UserCodeWalk.cpp - One walk over the bodies of the user's code -----===//
#include "frontend/UserCodeWalk.h"
#include "frontend/KitHeaders.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace irqlcheck {

namespace {

class Walker : public RecursiveASTVisitor<Walker> {
public:
  Walker(UserCodeFacts &Facts, KitHeaders &Headers) : Facts(Facts), Headers(Headers) {}

  bool VisitCallExpr(CallExpr *CE) {
    if (!InUserCode)
      return true;
    Registrations.call(CE);
    if (!CE->getDirectCallee())
      Facts.IndirectCalls.push_back(CE);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (InUserCode && BO->getOpcode() == BO_Assign)
      Registrations.assignment(BO);
    return true;
  }

  bool VisitInitListExpr(InitListExpr *ILE) {
    if (InUserCode)
      Registrations.init(ILE);
    return true;
  }

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    ValueDecl *D = DRE->getDecl();
    if (auto *FD = dyn_cast<FunctionDecl>(D)) {
      // A function defined in a header is emitted with its body, which may
      // name more functions.
      if (Facts.Reachable.insert(FD->getFirstDecl()).second)
        if (const FunctionDecl *Def = FD->getDefinition())
          if (Headers.inKitHeader(Def->getLocation()))
            Pending.push_back(Def->getBody());
    } else if (auto *VD = dyn_cast<VarDecl>(D)) {
      // So is a global's initializer (a header's table of function pointers).
      if (VD->hasGlobalStorage() && SeenGlobals.insert(VD->getCanonicalDecl()).second)
        if (const VarDecl *Def = VD->getDefinition())
          if (Def->getInit() && Headers.inKitHeader(Def->getLocation()))
            Pending.push_back(const_cast<Expr *>(Def->getInit()));
    }
    return true;
  }

  void run(ArrayRef<Decl *> UserDecls) {
    for (Decl *D : UserDecls)
      TraverseDecl(D);
    Facts.Registered = Registrations.finish();
    Facts.ObjectLocksRaise = Registrations.objectLocksRaise();
    // What is pending now is header code.
    InUserCode = false;
    while (!Pending.empty()) {
      Stmt *S = Pending.back();
      Pending.pop_back();
      if (S && Walked.insert(S).second)
        TraverseStmt(S);
    }
  }

private:
  UserCodeFacts &Facts;
  KitHeaders &Headers;
  RegistrationFinder Registrations;
  bool InUserCode = true;
  std::vector<Stmt *> Pending;
  llvm::DenseSet<const Stmt *> Walked;
  llvm::DenseSet<const VarDecl *> SeenGlobals;
};

} // namespace

UserCodeFacts walkUserCode(ArrayRef<Decl *> UserDecls, KitHeaders &Headers) {
  UserCodeFacts Facts;
  Walker(Facts, Headers).run(UserDecls);
  return Facts;
}

} // namespace irqlcheck
