//===- UserCodeWalk.h - One walk over the bodies of the user's code -------===//
//
// Three things are found in the driver's own function bodies: registrations
// that give a callback its role (Registrations), calls through pointers of
// a role type (IndirectCalls), and the functions the code can reach, which
// are the only ones the IR will name and so the only ones that need a
// contract. One RecursiveASTVisitor walk serves all three; the bodies of
// system-header inline functions the code reaches are walked too, for
// reachability only.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_USERCODEWALK_H
#define IRQLCHECK_FRONTEND_USERCODEWALK_H

#include "frontend/Registrations.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang {
class CallExpr;
class Decl;
class FunctionDecl;
class ReturnStmt;
} // namespace clang

namespace irqlcheck {

struct UserCodeFacts {
  /// Registered functions (first declarations) and the roles they get.
  RegistrationMap Registered;
  /// WdfObjectAcquireLock raises to DISPATCH_LEVEL on every object it locks
  /// here (RegistrationFinder::objectLocksRaise).
  bool ObjectLocksRaise = false;
  /// WdfInterruptAcquireLock raises to DIRQL on every interrupt it locks
  /// here (RegistrationFinder::interruptLocksRaise).
  bool InterruptLocksRaise = false;
  /// Calls in the user's code that have no direct callee.
  std::vector<const clang::CallExpr *> IndirectCalls;
  /// Return statements in the user's code (where each one's `ret` may sit).
  std::vector<const clang::ReturnStmt *> Returns;
  /// First declarations of every function the code refers to, directly or
  /// through the bodies of system-header functions it refers to.
  llvm::DenseSet<const clang::FunctionDecl *> Reachable;
};

class KitHeaders;

/// Walks UserDecls (the top-level declarations outside system headers).
UserCodeFacts walkUserCode(llvm::ArrayRef<clang::Decl *> UserDecls,
                           KitHeaders &Headers);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_USERCODEWALK_H
