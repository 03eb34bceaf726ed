//===- Registrations.cpp - Roles that callbacks get from their registration ===//
#include "frontend/Registrations.h"
#include "model/KernelModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace irqlcheck {

namespace {

/// Registration routines: which argument is the callback, and its role.
struct Registrar {
  const char *Routine;
  unsigned Arg;
  const char *Role;
};
const Registrar Registrars[] = {
    {"KeInitializeDpc", 1, "KDEFERRED_ROUTINE"},
    {"KeInitializeThreadedDpc", 1, "KDEFERRED_ROUTINE"},
    {"IoInitializeDpcRequest", 1, "IO_DPC_ROUTINE"},
    {"IoInitializeTimer", 1, "IO_TIMER_ROUTINE"},
    {"IoSetCompletionRoutine", 1, "IO_COMPLETION_ROUTINE"},
    {"IoSetCompletionRoutineEx", 2, "IO_COMPLETION_ROUTINE"},
    {"IoSetCancelRoutine", 1, "DRIVER_CANCEL"},
    {"IoQueueWorkItem", 1, "IO_WORKITEM_ROUTINE"},
    {"IoQueueWorkItemEx", 1, "IO_WORKITEM_ROUTINE_EX"},
    {"ExInitializeWorkItem", 1, "WORKER_THREAD_ROUTINE"},
    {"PsCreateSystemThread", 5, "KSTART_ROUTINE"},
    {"IoConnectInterrupt", 1, "KSERVICE_ROUTINE"},
    {"KeSynchronizeExecution", 1, "KSYNCHRONIZE_ROUTINE"},
    {"IoRegisterDriverReinitialization", 1, "DRIVER_REINITIALIZE"},
    {"IoRegisterBootDriverReinitialization", 1, "DRIVER_REINITIALIZE"},
    {"IoCsqInitialize", 1, "IO_CSQ_INSERT_IRP"},
    {"IoCsqInitialize", 2, "IO_CSQ_REMOVE_IRP"},
    {"IoCsqInitialize", 3, "IO_CSQ_PEEK_NEXT_IRP"},
    {"IoCsqInitialize", 4, "IO_CSQ_ACQUIRE_LOCK"},
    {"IoCsqInitialize", 5, "IO_CSQ_RELEASE_LOCK"},
    {"IoCsqInitialize", 6, "IO_CSQ_COMPLETE_CANCELED_IRP"},
    {"IoCsqInitializeEx", 1, "IO_CSQ_INSERT_IRP_EX"},
    {"IoCsqInitializeEx", 2, "IO_CSQ_REMOVE_IRP"},
    {"IoCsqInitializeEx", 3, "IO_CSQ_PEEK_NEXT_IRP"},
    {"IoCsqInitializeEx", 4, "IO_CSQ_ACQUIRE_LOCK"},
    {"IoCsqInitializeEx", 5, "IO_CSQ_RELEASE_LOCK"},
    {"IoCsqInitializeEx", 6, "IO_CSQ_COMPLETE_CANCELED_IRP"},
};

const FunctionDecl *functionOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  // A[IRP_MJ_CREATE] = A[IRP_MJ_CLOSE] = F: the value of an assignment.
  for (unsigned Guard = 0; Guard < 64; ++Guard) {
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO || BO->getOpcode() != BO_Assign)
      break;
    E = BO->getRHS()->IgnoreParenImpCasts();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return FD->getFirstDecl();
  return nullptr;
}

Registration &add(llvm::DenseMap<const FunctionDecl *, Registration> &Out,
                  const FunctionDecl *FD, llvm::StringRef Role, SourceLocation Loc,
                  std::string Via) {
  return Out.try_emplace(FD, Registration{Role.str(), Loc, std::move(Via), {}, false}).first->second;
}

/// The role a field of type "pointer to a role typedef" gives the function
/// stored in it (PFAST_IO_READ FastIoRead -> FAST_IO_READ), or "".
llvm::StringRef roleOfFieldType(QualType T) {
  for (unsigned Guard = 0; Guard < 4; ++Guard) {
    if (const auto *TT = T->getAs<TypedefType>()) {
      llvm::StringRef Name = TT->getDecl()->getName();
      if (KernelModel::isRole(Name))
        return Name;
    }
    const auto *PT = T->getAs<PointerType>();
    if (!PT)
      break;
    T = PT->getPointeeType();
  }
  return {};
}

} // namespace

void noteRegistrationCall(const CallExpr *CE,
                          llvm::DenseMap<const FunctionDecl *, Registration> &Out) {
  // Registration routines are often macros around another call (mingw's
  // IoSetCompletionRoutine is an inline function): match by callee name.
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return;
  StringRef Name = Callee->getName();
  for (const Registrar &R : Registrars)
    if (Name == R.Routine && R.Arg < CE->getNumArgs())
      if (const FunctionDecl *FD = functionOf(CE->getArg(R.Arg)))
        add(Out, FD, R.Role, CE->getExprLoc(), R.Routine);
}

void noteRegistrationAssignment(const BinaryOperator *BO,
                                llvm::DenseMap<const FunctionDecl *, Registration> &Out) {
  if (BO->getOpcode() != BO_Assign)
    return;
  const FunctionDecl *FD = functionOf(BO->getRHS());
  if (!FD)
    return;
  const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(LHS))
    LHS = ASE->getBase()->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(LHS);
  if (!ME || !ME->getMemberDecl()->getIdentifier())
    return;
  StringRef Field = ME->getMemberDecl()->getName();
  StringRef Role = llvm::StringSwitch<StringRef>(Field)
                       .Case("MajorFunction", "DRIVER_DISPATCH")
                       .Case("DriverUnload", "DRIVER_UNLOAD")
                       .Case("DriverStartIo", "DRIVER_STARTIO")
                       .Case("AddDevice", "DRIVER_ADD_DEVICE")
                       .Default(StringRef());
  if (Role.empty())
    Role = roleOfFieldType(ME->getMemberDecl()->getType());
  if (Role.empty())
    return;
  Registration &R = add(Out, FD, Role, BO->getOperatorLoc(), ("->" + Field).str());
  if (Field != "MajorFunction" || R.Role != "DRIVER_DISPATCH")
    return;
  // MajorFunction[IRP_MJ_CLOSE] = F: the index names the major F serves. A
  // routine stored for several majors serves them all.
  const auto *ASE = dyn_cast<ArraySubscriptExpr>(BO->getLHS()->IgnoreParenImpCasts());
  Expr::EvalResult Index;
  const ASTContext &Ctx = FD->getASTContext();
  if (ASE && !ASE->getIdx()->isValueDependent() &&
      ASE->getIdx()->EvaluateAsInt(Index, Ctx) &&
      isDispatchTypeCode(Index.Val.getInt().getExtValue()))
    R.Majors.add(unsigned(Index.Val.getInt().getExtValue()));
  else
    R.AnyMajor = true;
}

void noteRegistrationInit(const InitListExpr *ILE,
                          llvm::DenseMap<const FunctionDecl *, Registration> &Out) {
  // The semantic form lists one initializer per field, in field order
  // (designators resolved); the walk sees the syntactic one.
  if (!ILE->isSemanticForm() && ILE->getSemanticForm())
    ILE = ILE->getSemanticForm();
  const RecordDecl *RD = ILE->getType()->getAsRecordDecl();
  if (!RD || RD->isUnion())
    return;
  unsigned I = 0;
  // C++: the bases are initialized first.
  if (const auto *CXX = dyn_cast<CXXRecordDecl>(RD))
    if (CXX->hasDefinition())
      I = CXX->getNumBases();
  for (const FieldDecl *Field : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    const Expr *Init = ILE->getInit(I++);
    const FunctionDecl *FD = Init ? functionOf(Init) : nullptr;
    if (!FD || !Field->getIdentifier())
      continue;
    // Only a function of the field's own type: an initializer list that does
    // not line up with the fields (C++ bases) registers nothing.
    const auto *PT = Field->getType()->getAs<PointerType>();
    if (!PT || !FD->getASTContext().hasSameType(PT->getPointeeType(), FD->getType()))
      continue;
    StringRef Role = roleOfFieldType(Field->getType());
    if (!Role.empty())
      add(Out, FD, Role, Init->getExprLoc(), ("." + Field->getName()).str());
  }
}

} // namespace irqlcheck
