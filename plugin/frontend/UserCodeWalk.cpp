//===- UserCodeWalk.cpp - One walk over the bodies of the user's code -----===//
//
// The walk is RecursiveASTVisitor's traversal, in its order (registrations
// are first-come), with the nodes of C code walked here directly: the
// visitor's generic machinery (a dispatch per node, per declaration and per
// written type, and its own queue) cost most of the walk. A node of any
// other kind (C++, asm, _Generic, ...) still goes to the visitor with its
// subtree; the statements, declarations and written types below it come
// back here through the visitor's overridable entry points.
//
//===----------------------------------------------------------------------===//
#include "frontend/UserCodeWalk.h"
#include "Compat.h"
#include "frontend/KitHeaders.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace clang;

namespace irqlcheck {

namespace {

class Walker : public RecursiveASTVisitor<Walker> {
  using Base = RecursiveASTVisitor<Walker>;

public:
  Walker(UserCodeFacts &Facts, KitHeaders &Headers, bool CPlusPlus, bool OpenCL)
      : Facts(Facts), Headers(Headers), CPlusPlus(CPlusPlus), OpenCL(OpenCL) {}

  /// Every statement the visitor reaches as a root (a body, an initializer,
  /// an array size) comes here and is walked in the visitor's pre-order,
  /// with an explicit stack (a long chain of operators must not exhaust the
  /// real one). Children the visitor queues keep its own data recursion.
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    if (Queue || !S)
      return Base::TraverseStmt(S, Queue);
    // Nested walks (an initializer in a declaration statement) share the
    // stack above their own base.
    size_t Bottom = Stack.size();
    Stack.push_back(S);
    while (Stack.size() > Bottom) {
      // A node's first child is walked right after it, without the stack.
      for (Stmt *N = Stack.pop_back_val(); N;)
        N = step(N);
    }
    return true;
  }

  /// Declarations of C: what the visitor does (declarator's written type,
  /// initializer or body, attributes), without its dispatch.
  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    // The visitor skips implicit declarations; it also knows every kind
    // not handled here.
    if (D->isImplicit() || !traversePlainDecl(D))
      return Base::TraverseDecl(D);
    for (Attr *A : D->attrs())
      TraverseAttr(A);
    return true;
  }

  /// Written types: most hold no expression and no declaration (a typedef
  /// name, a pointer to one) and are passed over in a few steps; arrays and
  /// prototypes are walked for their size expressions and parameters.
  bool TraverseTypeLoc(IRQLCHECK_TRAVERSE_TYPELOC_PARAMS) {
    while (!TL.isNull()) {
      switch (TL.getTypeLocClass()) {
      case TypeLoc::Builtin:
        return true;
      case TypeLoc::Typedef:
      case TypeLoc::Record:
      case TypeLoc::Enum:
        return compat::namedTypeHasQualifier(TL)
                   ? Base::TraverseTypeLoc(IRQLCHECK_TRAVERSE_TYPELOC_ARGS)
                   : true;
      case TypeLoc::Qualified:
        TL = TL.castAs<QualifiedTypeLoc>().getUnqualifiedLoc();
        continue;
      case TypeLoc::Pointer:
        TL = TL.castAs<PointerTypeLoc>().getPointeeLoc();
        continue;
      case TypeLoc::Paren:
        TL = TL.castAs<ParenTypeLoc>().getInnerLoc();
        continue;
      case TypeLoc::MacroQualified:
        TL = TL.castAs<MacroQualifiedTypeLoc>().getInnerLoc();
        continue;
      case TypeLoc::Attributed:
        TL = TL.castAs<AttributedTypeLoc>().getModifiedLoc();
        continue;
      case TypeLoc::ConstantArray:
      case TypeLoc::IncompleteArray:
      case TypeLoc::VariableArray: {
        auto ATL = TL.castAs<ArrayTypeLoc>();
        TraverseTypeLoc(ATL.getElementLoc());
        return TraverseStmt(ATL.getSizeExpr());
      }
      case TypeLoc::FunctionNoProto:
        TL = TL.castAs<FunctionNoProtoTypeLoc>().getReturnLoc();
        continue;
      case TypeLoc::FunctionProto: {
        auto FTL = TL.castAs<FunctionProtoTypeLoc>();
        const FunctionProtoType *T = FTL.getTypePtr();
        if (T->getExceptionSpecType() != EST_None)
          return Base::TraverseTypeLoc(IRQLCHECK_TRAVERSE_TYPELOC_ARGS);
        TraverseTypeLoc(FTL.getReturnLoc());
        for (unsigned I = 0, E = FTL.getNumParams(); I != E; ++I) {
          if (ParmVarDecl *P = FTL.getParam(I))
            TraverseDecl(P);
          else if (I < T->getNumParams())
            TraverseType(T->getParamType(I));
        }
        return true;
      }
      default:
        // "struct S" (Clangs before 22): the named type; "ns::T" goes to
        // the visitor, for its qualifier.
        if (!compat::namedTypeHasQualifier(TL) && compat::stepThroughElaborated(TL))
          continue;
        return Base::TraverseTypeLoc(IRQLCHECK_TRAVERSE_TYPELOC_ARGS);
      }
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (!InUserCode)
      return true;
    const FunctionDecl *Callee = CE->getDirectCallee();
    Registrations.call(CE, Callee);
    if (!Callee)
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
    // Most references are to parameters and locals, never of global
    // storage: told apart first by what hasGlobalStorage() would find
    // through the declaration's contexts.
    if (isa<ParmVarDecl>(D) || plainLocal(D))
      return true;
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

  /// A variable declared in a function without a storage class: what
  /// VarDecl::hasLocalStorage() answers true for, but for OpenCL's
  /// __constant (read there through the declaration's type).
  bool plainLocal(const ValueDecl *D) const {
    const auto *VD = dyn_cast<VarDecl>(D);
    return VD && VD->getKind() == Decl::Var && !OpenCL && VD->getStorageClass() == SC_None &&
           VD->getTSCSpec() == TSCS_unspecified &&
           VD->getLexicalDeclContext()->isFunctionOrMethod();
  }

  void run(ArrayRef<Decl *> UserDecls) {
    for (Decl *D : UserDecls)
      TraverseDecl(D);
    Facts.Registered = Registrations.finish();
    Facts.ObjectLocksRaise = Registrations.objectLocksRaise();
    Facts.InterruptLocksRaise = Registrations.interruptLocksRaise();
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
  void push(Stmt *S) { Stack.push_back(S); }
  /// S's children, to be walked first to last: the first is returned, the
  /// others pushed.
  Stmt *pushChildren(Stmt *S) {
    size_t First = Stack.size();
    for (Stmt *Child : S->children())
      Stack.push_back(Child);
    if (Stack.size() == First)
      return nullptr;
    std::reverse(Stack.begin() + First, Stack.end());
    return Stack.pop_back_val();
  }

  /// Visits N as the visitor would, walks what the visitor walks before N's
  /// children (a written type), pushes all children but the first and
  /// returns that (null: none); a node of a kind not known here goes to the
  /// visitor with its subtree. Inline: it runs for every node.
  LLVM_ATTRIBUTE_ALWAYS_INLINE Stmt *step(Stmt *N) {
    switch (N->getStmtClass()) {
    // Leaves.
    case Stmt::IntegerLiteralClass:
    case Stmt::CharacterLiteralClass:
    case Stmt::FloatingLiteralClass:
    case Stmt::StringLiteralClass:
    case Stmt::BreakStmtClass:
    case Stmt::ContinueStmtClass:
    case Stmt::NullStmtClass:
    case Stmt::GotoStmtClass:
      return nullptr;
    case Stmt::DeclRefExprClass: {
      auto *DRE = cast<DeclRefExpr>(N);
      if (DRE->hasQualifier() || DRE->hasExplicitTemplateArgs())
        break;
      VisitDeclRefExpr(DRE);
      return nullptr;
    }
    // One child.
    case Stmt::ImplicitCastExprClass:
      return cast<ImplicitCastExpr>(N)->getSubExpr();
    case Stmt::ParenExprClass:
      return cast<ParenExpr>(N)->getSubExpr();
    case Stmt::UnaryOperatorClass:
      return cast<UnaryOperator>(N)->getSubExpr();
    case Stmt::MemberExprClass: {
      auto *ME = cast<MemberExpr>(N);
      if (ME->hasQualifier() || ME->hasExplicitTemplateArgs())
        break;
      return ME->getBase();
    }
    case Stmt::CStyleCastExprClass: {
      auto *CE = cast<CStyleCastExpr>(N);
      TraverseTypeLoc(CE->getTypeInfoAsWritten()->getTypeLoc());
      return CE->getSubExpr();
    }
    // Operators and calls.
    case Stmt::BinaryOperatorClass:
    case Stmt::CompoundAssignOperatorClass: {
      auto *BO = cast<BinaryOperator>(N);
      VisitBinaryOperator(BO);
      push(BO->getRHS());
      return BO->getLHS();
    }
    case Stmt::ArraySubscriptExprClass: {
      auto *AE = cast<ArraySubscriptExpr>(N);
      push(AE->getRHS());
      return AE->getLHS();
    }
    case Stmt::ConditionalOperatorClass: {
      auto *CO = cast<ConditionalOperator>(N);
      push(CO->getRHS());
      push(CO->getLHS());
      return CO->getCond();
    }
    case Stmt::CallExprClass: {
      auto *CE = cast<CallExpr>(N);
      VisitCallExpr(CE);
      for (unsigned I = CE->getNumArgs(); I-- > 0;)
        push(CE->getArg(I));
      return CE->getCallee();
    }
    // A written type before the children.
    case Stmt::UnaryExprOrTypeTraitExprClass: {
      auto *UE = cast<UnaryExprOrTypeTraitExpr>(N);
      if (UE->isArgumentType())
        TraverseTypeLoc(UE->getArgumentTypeInfo()->getTypeLoc());
      return pushChildren(N);
    }
    case Stmt::CompoundLiteralExprClass:
      TraverseTypeLoc(cast<CompoundLiteralExpr>(N)->getTypeSourceInfo()->getTypeLoc());
      return pushChildren(N);
    case Stmt::VAArgExprClass:
      TraverseTypeLoc(cast<VAArgExpr>(N)->getWrittenTypeInfo()->getTypeLoc());
      return pushChildren(N);
    case Stmt::OffsetOfExprClass:
      TraverseTypeLoc(cast<OffsetOfExpr>(N)->getTypeSourceInfo()->getTypeLoc());
      return pushChildren(N);
    // The declarations, not the children (their initializers again).
    case Stmt::DeclStmtClass:
      for (Decl *D : cast<DeclStmt>(N)->decls())
        TraverseDecl(D);
      return nullptr;
    // The visitor walks the syntactic form only.
    case Stmt::InitListExprClass: {
      auto *ILE = cast<InitListExpr>(N);
      if (InitListExpr *Syntactic = ILE->getSyntacticForm())
        ILE = Syntactic;
      VisitInitListExpr(ILE);
      return pushChildren(ILE);
    }
    // Nothing but the children, at hand without children()'s dispatch.
    case Stmt::CompoundStmtClass: {
      auto *CS = cast<CompoundStmt>(N);
      if (CS->body_empty())
        return nullptr;
      for (Stmt *Child : llvm::reverse(llvm::drop_begin(CS->body())))
        push(Child);
      return CS->body_front();
    }
    case Stmt::ReturnStmtClass:
      if (InUserCode)
        Facts.Returns.push_back(cast<ReturnStmt>(N));
      return cast<ReturnStmt>(N)->getRetValue();
    // Nothing but the children.
    case Stmt::IfStmtClass:
    case Stmt::WhileStmtClass:
    case Stmt::DoStmtClass:
    case Stmt::ForStmtClass:
    case Stmt::SwitchStmtClass:
    case Stmt::CaseStmtClass:
    case Stmt::DefaultStmtClass:
    case Stmt::LabelStmtClass:
    case Stmt::AttributedStmtClass:
    case Stmt::IndirectGotoStmtClass:
    case Stmt::SEHTryStmtClass:
    case Stmt::SEHExceptStmtClass:
    case Stmt::SEHFinallyStmtClass:
    case Stmt::SEHLeaveStmtClass:
    case Stmt::ConstantExprClass:
    case Stmt::PredefinedExprClass:
    case Stmt::StmtExprClass:
    case Stmt::ChooseExprClass:
    case Stmt::AddrLabelExprClass:
    case Stmt::DesignatedInitExprClass:
    case Stmt::DesignatedInitUpdateExprClass:
    case Stmt::ImplicitValueInitExprClass:
    case Stmt::NoInitExprClass:
    case Stmt::ParenListExprClass:
    case Stmt::BinaryConditionalOperatorClass:
    case Stmt::OpaqueValueExprClass:
    case Stmt::AtomicExprClass:
      return pushChildren(N);
    default:
      break;
    }
    Base::TraverseStmt(N);
    return nullptr;
  }

  /// The visitor's traversal of D, but for its attributes, if D is a
  /// declaration of C; false, doing nothing, otherwise.
  bool traversePlainDecl(Decl *D) {
    switch (D->getKind()) {
    case Decl::Var: {
      auto *VD = cast<VarDecl>(D);
      if (!plainDeclarator(VD))
        return false;
      traverseDeclaratorType(VD);
      if (!VD->isCXXForRangeDecl())
        TraverseStmt(VD->getInit());
      return true;
    }
    case Decl::ParmVar: {
      auto *PD = cast<ParmVarDecl>(D);
      if (PD->hasDefaultArg() || !plainDeclarator(PD))
        return false;
      traverseDeclaratorType(PD);
      return true;
    }
    case Decl::Field: {
      auto *FD = cast<FieldDecl>(D);
      if (!plainDeclarator(FD))
        return false;
      traverseDeclaratorType(FD);
      if (FD->isBitField())
        TraverseStmt(FD->getBitWidth());
      if (FD->hasInClassInitializer())
        TraverseStmt(FD->getInClassInitializer());
      return true;
    }
    case Decl::Typedef:
      TraverseTypeLoc(cast<TypedefDecl>(D)->getTypeSourceInfo()->getTypeLoc());
      return true;
    case Decl::Function: {
      auto *FD = cast<FunctionDecl>(D);
      // C++ adds names, templates, requirements and using declarations.
      if (CPlusPlus || !plainDeclarator(FD) || !FD->getDeclName().isIdentifier() ||
          FD->getTemplatedKind() != FunctionDecl::TK_NonTemplate ||
          FD->getTrailingRequiresClause())
        return false;
      traverseDeclaratorType(FD);
      if (FD->isThisDeclarationADefinition() && !FD->isDefaulted())
        TraverseStmt(FD->getBody());
      return true;
    }
    default:
      return false;
    }
  }

  /// Has the declarator a written type, and no template parameters or
  /// qualifier (C++)?
  static bool plainDeclarator(const DeclaratorDecl *D) {
    return D->getTypeSourceInfo() && !D->getNumTemplateParameterLists() &&
           !D->getQualifierLoc();
  }
  void traverseDeclaratorType(DeclaratorDecl *D) {
    TraverseTypeLoc(D->getTypeSourceInfo()->getTypeLoc());
  }

  UserCodeFacts &Facts;
  KitHeaders &Headers;
  bool CPlusPlus;
  bool OpenCL;
  RegistrationFinder Registrations;
  bool InUserCode = true;
  SmallVector<Stmt *, 64> Stack;
  std::vector<Stmt *> Pending;
  llvm::DenseSet<const Stmt *> Walked;
  llvm::DenseSet<const VarDecl *> SeenGlobals;
};

} // namespace

UserCodeFacts walkUserCode(ArrayRef<Decl *> UserDecls, KitHeaders &Headers) {
  UserCodeFacts Facts;
  const LangOptions *LO =
      UserDecls.empty() ? nullptr : &UserDecls.front()->getASTContext().getLangOpts();
  Walker(Facts, Headers, LO && LO->CPlusPlus, LO && LO->OpenCL).run(UserDecls);
  return Facts;
}

} // namespace irqlcheck
