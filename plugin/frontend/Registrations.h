//===- Registrations.h - Roles that callbacks get from their registration -===//
//
// A DPC is often known only from `KeInitializeDpc(&Dpc, MyDpc, Ctx)`, a
// dispatch routine from `DriverObject->MajorFunction[IRP_MJ_READ] = MyRead`.
// UserCodeWalk shows this every call and assignment in the driver's own code
// (registrations happen there); each registered function gets the role
// (function class) the registration implies.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_REGISTRATIONS_H
#define IRQLCHECK_FRONTEND_REGISTRATIONS_H

#include "model/DispatchTypes.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace clang {
class BinaryOperator;
class CallExpr;
class FunctionDecl;
class InitListExpr;
} // namespace clang

namespace irqlcheck {

struct Registration {
  std::string Role;           // KDEFERRED_ROUTINE
  clang::SourceLocation Loc;  // where it was registered
  std::string Via;            // "KeInitializeDpc", "DriverObject->DriverUnload"
  /// DRIVER_DISPATCH: the majors it was stored for (MajorFunction[IRP_MJ_x]),
  /// and whether some store's index was not a constant (then it may serve
  /// any major).
  DispatchTypes Majors;
  bool AnyMajor = false;
};

/// If CE registers a function (KeInitializeDpc(&Dpc, MyDpc, Ctx)), records
/// it (first declaration) with its role; the first registration counts.
void noteRegistrationCall(const clang::CallExpr *CE,
                          llvm::DenseMap<const clang::FunctionDecl *, Registration> &Out);
/// The same for Driver->MajorFunction[...] = MyDispatch and the like, and
/// for a store into any field whose type is a pointer to a role typedef
/// (FastIo.FastIoRead = MyFastIoRead: PFAST_IO_READ).
void noteRegistrationAssignment(const clang::BinaryOperator *BO,
                                llvm::DenseMap<const clang::FunctionDecl *, Registration> &Out);
/// The same for a structure's initializer: FAST_IO_DISPATCH F = {..., MyRead}.
void noteRegistrationInit(const clang::InitListExpr *ILE,
                          llvm::DenseMap<const clang::FunctionDecl *, Registration> &Out);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_REGISTRATIONS_H
