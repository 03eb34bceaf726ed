//===- UserCodeWalk.cpp - One walk over the bodies of the user's code -----===//
#include "frontend/UserCodeWalk.h"
#include "frontend/KitHeaders.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace clang;

namespace irqlcheck {

namespace {

class Walker : public RecursiveASTVisitor<Walker> {
  using Base = RecursiveASTVisitor<Walker>;

public:
  Walker(UserCodeFacts &Facts, KitHeaders &Headers) : Facts(Facts), Headers(Headers) {}

  /// Every statement the visitor reaches as a root (a body, an initializer)
  /// comes here. The kinds of node that make up most of a C body, whose
  /// traversal by the visitor is "visit, then the children in order", are
  /// walked here, in that same order, without the visitor's per-node
  /// machinery; any other node (declarations, casts and sizeof with their
  /// written types, initializer lists, ...) and its subtree go to the
  /// visitor, which hands the roots below it back here. Children the visitor
  /// queues keep its own data recursion.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (Queue || !S)
      return Base::TraverseStmt(S, Queue);
    SmallVector<Stmt *, 32> Stack{S};
    while (!Stack.empty()) {
      Stmt *N = Stack.pop_back_val();
      if (!N)
        continue;
      if (!visitPlain(N)) {
        Base::TraverseStmt(N);
        continue;
      }
      size_t First = Stack.size();
      for (Stmt *Child : N->children())
        Stack.push_back(Child);
      std::reverse(Stack.begin() + First, Stack.end());
    }
    return true;
  }

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
  /// Visits N as the visitor would if N is of a kind whose traversal is only
  /// its children (RecursiveASTVisitor's DEF_TRAVERSE_STMT(X, {})); false,
  /// visiting nothing, for every other kind.
  bool visitPlain(Stmt *N) {
    switch (N->getStmtClass()) {
    case Stmt::CallExprClass:
      VisitCallExpr(cast<CallExpr>(N));
      return true;
    case Stmt::BinaryOperatorClass:
    case Stmt::CompoundAssignOperatorClass:
      VisitBinaryOperator(cast<BinaryOperator>(N));
      return true;
    case Stmt::DeclRefExprClass: {
      auto *DRE = cast<DeclRefExpr>(N);
      if (DRE->hasQualifier() || DRE->hasExplicitTemplateArgs())
        return false;
      VisitDeclRefExpr(DRE);
      return true;
    }
    case Stmt::MemberExprClass: {
      auto *ME = cast<MemberExpr>(N);
      return !ME->hasQualifier() && !ME->hasExplicitTemplateArgs();
    }
    case Stmt::BreakStmtClass:
    case Stmt::CaseStmtClass:
    case Stmt::CompoundStmtClass:
    case Stmt::ContinueStmtClass:
    case Stmt::DefaultStmtClass:
    case Stmt::DoStmtClass:
    case Stmt::ForStmtClass:
    case Stmt::GotoStmtClass:
    case Stmt::IfStmtClass:
    case Stmt::IndirectGotoStmtClass:
    case Stmt::LabelStmtClass:
    case Stmt::NullStmtClass:
    case Stmt::ReturnStmtClass:
    case Stmt::SwitchStmtClass:
    case Stmt::WhileStmtClass:
    case Stmt::ConstantExprClass:
    case Stmt::ImplicitCastExprClass:
    case Stmt::ParenExprClass:
    case Stmt::PredefinedExprClass:
    case Stmt::ConditionalOperatorClass:
    case Stmt::UnaryOperatorClass:
    case Stmt::ArraySubscriptExprClass:
    case Stmt::IntegerLiteralClass:
    case Stmt::CharacterLiteralClass:
    case Stmt::FloatingLiteralClass:
    case Stmt::StringLiteralClass:
      return true;
    default:
      return false;
    }
  }

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
