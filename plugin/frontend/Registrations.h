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
#include <memory>
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
  /// What the registrations, taken together, say about the entry IRQL
  /// beyond the role: a KMDF queue created with WdfExecutionLevelPassive
  /// calls its request handlers at PASSIVE_LEVEL (Passive), and so does the
  /// filter manager a post-operation registered only for IRP_MJ_CREATE; a minifilter
  /// post-operation whose pre-operations all return FLT_PREOP_SYNCHRONIZE
  /// runs at APC_LEVEL or below, usually at PASSIVE_LEVEL in the
  /// pre-operation's thread (AtMostApc: a bound, no promise); and a KMDF
  /// callback whose object's level the translation unit does not settle may
  /// run at PASSIVE_LEVEL or up to DISPATCH_LEVEL: the role's range is then
  /// no promise (Unbounded: only the documented default bound remains).
  enum class EntryOverride : uint8_t { None, Passive, AtMostApc, Unbounded };
  EntryOverride Entry = EntryOverride::None;
  std::string EntryWhy; // for -dump-contracts: "queue created with ..."
};

using RegistrationMap = llvm::DenseMap<const clang::FunctionDecl *, Registration>;

/// Finds registrations in the calls, assignments and initializers of the
/// driver's own code, shown one by one; finish() then settles what needs
/// the whole translation unit.
class RegistrationFinder {
public:
  RegistrationFinder();
  ~RegistrationFinder();
  /// KeInitializeDpc(&Dpc, MyDpc, Ctx), a callback passed for a parameter
  /// whose type is a pointer to a role typedef (WDF_TIMER_CONFIG_INIT(&C,
  /// MyTimer): PFN_WDF_TIMER), and the KMDF object creations
  /// (WdfIoQueueCreate, WdfDeviceCreate, ...). Callee: CE's direct callee
  /// (CallExpr::getDirectCallee(), which the caller has at hand), or null.
  void call(const clang::CallExpr *CE, const clang::FunctionDecl *Callee);
  /// Driver->MajorFunction[...] = MyDispatch and the like, a store into any
  /// field whose type is a pointer to a role typedef (FastIo.FastIoRead =
  /// MyFastIoRead: PFAST_IO_READ; QueueConfig.EvtIoRead = MyRead), and the
  /// KMDF attribute stores (Attributes.ExecutionLevel = ...).
  void assignment(const clang::BinaryOperator *BO);
  /// A structure's initializer: FAST_IO_DISPATCH F = {..., MyRead}, a
  /// minifilter's FLT_OPERATION_REGISTRATION array.
  void init(const clang::InitListExpr *ILE);
  /// The registered functions (first declarations) and their roles; the
  /// first registration gives the role.
  RegistrationMap finish();
  /// After finish(): does every WdfObjectAcquireLock in the translation unit
  /// lock an object tied to its creation here (or the queue a request
  /// handler here is registered for) that is not passive? Then the lock is
  /// a spin lock and the call raises to DISPATCH_LEVEL.
  bool objectLocksRaise() const;
  /// After finish(): does every WdfInterruptAcquireLock in the translation
  /// unit lock an interrupt created here (into the same variable or field)
  /// from a configuration without PassiveHandling? Then the lock is the
  /// interrupt spin lock and the call raises to the device's DIRQL. An
  /// interrupt created elsewhere, or passive, leaves the call as declared.
  bool interruptLocksRaise() const;

private:
  struct State;
  std::unique_ptr<State> S;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_REGISTRATIONS_H
