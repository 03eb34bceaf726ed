//===- Registrations.cpp - Roles that callbacks get from their registration ===//
#include "frontend/Registrations.h"

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
};

const FunctionDecl *functionOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return FD->getFirstDecl();
  return nullptr;
}

void add(llvm::DenseMap<const FunctionDecl *, Registration> &Out, const FunctionDecl *FD,
         const char *Role, SourceLocation Loc, std::string Via) {
  Out.try_emplace(FD, Registration{Role, Loc, std::move(Via)});
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
  const char *Role = llvm::StringSwitch<const char *>(Field)
                         .Case("MajorFunction", "DRIVER_DISPATCH")
                         .Case("DriverUnload", "DRIVER_UNLOAD")
                         .Case("DriverStartIo", "DRIVER_STARTIO")
                         .Case("AddDevice", "DRIVER_ADD_DEVICE")
                         .Default(nullptr);
  if (Role)
    add(Out, FD, Role, BO->getOperatorLoc(), ("->" + Field).str());
}

} // namespace irqlcheck
