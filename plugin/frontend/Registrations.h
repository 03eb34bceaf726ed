//===- Registrations.h - Roles that callbacks get from their registration -===//
//
// A DPC is often known only from `KeInitializeDpc(&Dpc, MyDpc, Ctx)`, a
// dispatch routine from `DriverObject->MajorFunction[IRP_MJ_READ] = MyRead`.
// This walks the function bodies of the translation unit for such
// registrations and gives each registered function the role (function class)
// the registration implies.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_REGISTRATIONS_H
#define IRQLCHECK_FRONTEND_REGISTRATIONS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace clang {
class Decl;
class FunctionDecl;
} // namespace clang

namespace irqlcheck {

struct Registration {
  std::string Role;           // KDEFERRED_ROUTINE
  clang::SourceLocation Loc;  // where it was registered
  std::string Via;            // "KeInitializeDpc", "DriverObject->DriverUnload"
};

/// Registered functions (first declarations) and their roles, found in the
/// bodies of UserDecls (the top-level declarations outside system headers:
/// registrations happen in the driver's own code).
llvm::DenseMap<const clang::FunctionDecl *, Registration>
collectRegistrations(llvm::ArrayRef<clang::Decl *> UserDecls);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_REGISTRATIONS_H
