//===- Registrations.cpp - Roles that callbacks get from their registration ===//
#include "frontend/Registrations.h"
#include "model/KernelModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace irqlcheck {

namespace {

/// Registration routines: which argument is the callback, and its role.
struct Registrar {
  llvm::StringRef Routine; // compared with every direct callee's name
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
    {"FltDoCompletionProcessingWhenSafe", 4, "PFLT_POST_OPERATION_CALLBACK"},
};

/// The other routines RegistrationFinder::call reads by name.
const llvm::StringRef RoutinesByName[] = {
    "FltDoCompletionProcessingWhenSafe", "WdfObjectAcquireLock", "WdfIoQueueCreate",
    "WdfDeviceCreate", "WdfDriverCreate", "WdfTimerCreate", "WdfInterruptCreate",
    "WdfInterruptAcquireLock", "StorPortNotification"};

/// StorPortNotification(Type, HwDeviceExtension, ...): the notifications
/// whose variadic arguments carry a callback, which argument, and its role.
struct Notification {
  llvm::StringRef Type; // the SCSI_NOTIFICATION_TYPE enumerator
  unsigned Arg;
  const char *Role;
};
const Notification StorPortNotifications[] = {
    {"RequestTimerCall", 2, "HW_TIMER"},
    {"InitializeDpc", 3, "HW_DPC_ROUTINE"},
    {"EnablePassiveInitialization", 2, "HW_PASSIVE_INITIALIZE_ROUTINE"},
};

/// The name of Enum's enumerator whose value the constant E has, or "" (E
/// is not a constant, or no enumerator has its value).
StringRef enumeratorWithValue(const EnumDecl *Enum, const Expr *E, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (!Enum || !E || E->isValueDependent() || !E->EvaluateAsInt(R, Ctx))
    return {};
  for (const EnumConstantDecl *C : Enum->enumerators())
    if (llvm::APSInt::isSameValue(C->getInitVal(), R.Val.getInt()))
      return C->getName();
  return {};
}

/// The name of the enumerator a constant argument names (the enumerator
/// itself, or a constant of its enumeration's value), or "".
StringRef enumeratorOf(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *C = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return C->getName();
  const auto *ET = E->getType()->getAs<EnumType>();
  return ET ? enumeratorWithValue(ET->getDecl()->getDefinition(), E, Ctx) : StringRef();
}

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

Registration &add(RegistrationMap &Out, const FunctionDecl *FD, llvm::StringRef Role,
                  SourceLocation Loc, std::string Via) {
  Registration R;
  R.Role = Role.str();
  R.Loc = Loc;
  R.Via = std::move(Via);
  return Out.try_emplace(FD, std::move(R)).first->second;
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

/// The object an expression names, for tying a KMDF configuration or
/// attributes structure to the call that uses it: the variable of `X` or
/// `&X`, the field of `Ctx->Device` or `&Globals.Device` (all instances of
/// a field are one object: flow-insensitive, so conflicting facts about it
/// settle nothing).
const ValueDecl *objectOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

bool isNullPointer(const Expr *E, const ASTContext &Ctx) {
  return E->IgnoreParenCasts()->isNullPointerConstant(const_cast<ASTContext &>(Ctx),
                                                      Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

/// KMDF's WDF_EXECUTION_LEVEL, as far as the translation unit settles it.
enum class ExecLevel : uint8_t { Inherit, Passive, Dispatch, Unknown };

ExecLevel merge(ExecLevel A, ExecLevel B) { return A == B ? A : ExecLevel::Unknown; }

/// The roles whose entry IRQL follows the execution level of the KMDF
/// queue they belong to (the request handlers and the queue's other
/// callbacks), and of a timer.
bool isQueueRole(StringRef Role) {
  return Role.starts_with("EVT_WDF_IO_QUEUE_") || Role == "EVT_WDF_REQUEST_CANCEL";
}
bool isInterruptRole(StringRef Role) {
  return Role == "EVT_WDF_INTERRUPT_ISR" || Role == "EVT_WDF_INTERRUPT_ENABLE" ||
         Role == "EVT_WDF_INTERRUPT_DISABLE" || Role == "EVT_WDF_INTERRUPT_SYNCHRONIZE";
}

/// The minifilter pre-operation statuses after which the filter manager
/// calls no post-operation callback, or calls it synchronously (at APC_LEVEL
/// or below, in the thread of the pre-operation): FLT_PREOP_SYNCHRONIZE.
bool statusKeepsPostOpSynchronous(StringRef Name) {
  return Name == "FLT_PREOP_SYNCHRONIZE" || Name == "FLT_PREOP_SUCCESS_NO_CALLBACK" ||
         Name == "FLT_PREOP_COMPLETE" || Name == "FLT_PREOP_DISALLOW_FASTIO" ||
         Name == "FLT_PREOP_DISALLOW_FSFILTER_IO";
}

/// Is V a constant status that keeps the post-operation synchronous (or
/// suppresses it)?
bool keepsSynchronous(const Expr *V, const EnumDecl *Status, const ASTContext &Ctx) {
  StringRef Name = enumeratorWithValue(Status, V, Ctx);
  return !Name.empty() && statusKeepsPostOpSynchronous(Name);
}

/// Are all references to Var under S reads of its value or the left side
/// of an assignment of such a constant (Assigned collects those seen)?
bool onlyReadOrAssignedSynchronous(const Stmt *S, const VarDecl *Var, const EnumDecl *Status,
                                   const ASTContext &Ctx,
                                   llvm::SmallPtrSetImpl<const DeclRefExpr *> &Assigned) {
  if (!S)
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp()) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParens());
        DRE && DRE->getDecl() == Var) {
      if (BO->getOpcode() != BO_Assign || !keepsSynchronous(BO->getRHS(), Status, Ctx))
        return false;
      Assigned.insert(DRE);
    }
  } else if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S);
             ICE && ICE->getCastKind() == CK_LValueToRValue) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(ICE->getSubExpr()->IgnoreParens());
        DRE && DRE->getDecl() == Var)
      return true; // a read
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == Var) {
    return Assigned.count(DRE) != 0; // else &Var, Var++: anything that may write it
  }
  for (const Stmt *Child : S->children())
    if (!onlyReadOrAssignedSynchronous(Child, Var, Status, Ctx, Assigned))
      return false;
  return true;
}

/// Is Var a local of the pre-operation that only ever holds such constants:
/// initialized with one, assigned only ones (`Var = FLT_PREOP_SYNCHRONIZE;`),
/// never otherwise written, incremented or have its address taken? Then
/// `return Var;` returns one of them.
bool localHoldsOnlySynchronous(const VarDecl *Var, const Stmt *Body, const EnumDecl *Status,
                               const ASTContext &Ctx) {
  if (!Var->hasLocalStorage() || isa<ParmVarDecl>(Var) || !Var->hasInit() ||
      !keepsSynchronous(Var->getInit(), Status, Ctx))
    return false;
  llvm::SmallPtrSet<const DeclRefExpr *, 8> Assigned;
  return onlyReadOrAssignedSynchronous(Body, Var, Status, Ctx, Assigned);
}

bool returnedKeepsSynchronous(const Expr *V, const Stmt *Body, const EnumDecl *Status,
                              const ASTContext &Ctx, unsigned Depth);

/// Does every return statement of S (in the function whose body is Body)
/// return a status that keeps the post-operation synchronous (or
/// suppresses it)? Depth counts the calls followed.
bool returnsOnly(const Stmt *S, const Stmt *Body, const EnumDecl *Status, const ASTContext &Ctx,
                 unsigned &Returns, unsigned Depth) {
  if (!S)
    return true;
  if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
    ++Returns;
    return returnedKeepsSynchronous(RS->getRetValue(), Body, Status, Ctx, Depth);
  }
  if (isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return true; // their returns are not the pre-operation's
  for (const Stmt *Child : S->children())
    if (!returnsOnly(Child, Body, Status, Ctx, Returns, Depth))
      return false;
  return true;
}

/// A returned status: a constant, `Cond ? A : B` of two such, a local that
/// only holds such constants, or the result of a function of the
/// translation unit that only returns such (a few calls deep).
bool returnedKeepsSynchronous(const Expr *V, const Stmt *Body, const EnumDecl *Status,
                              const ASTContext &Ctx, unsigned Depth) {
  if (!V)
    return false;
  if (keepsSynchronous(V, Status, Ctx))
    return true;
  V = V->IgnoreParenImpCasts();
  if (const auto *CO = dyn_cast<ConditionalOperator>(V))
    return returnedKeepsSynchronous(CO->getTrueExpr(), Body, Status, Ctx, Depth) &&
           returnedKeepsSynchronous(CO->getFalseExpr(), Body, Status, Ctx, Depth);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(V)) {
    const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
    return Var && localHoldsOnlySynchronous(Var, Body, Status, Ctx);
  }
  if (const auto *CE = dyn_cast<CallExpr>(V)) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    unsigned Returns = 0;
    return Def && Def->getBody() && Depth < 4 &&
           returnsOnly(Def->getBody(), Def->getBody(), Status, Ctx, Returns, Depth + 1) &&
           Returns > 0;
  }
  return false;
}

bool preOpKeepsPostOpSynchronous(const FunctionDecl *Pre) {
  const FunctionDecl *Def = Pre ? Pre->getDefinition() : nullptr;
  if (!Def || !Def->getBody())
    return false;
  const auto *ET = Def->getReturnType()->getAs<EnumType>();
  if (!ET || !ET->getDecl()->getDefinition())
    return false;
  unsigned Returns = 0;
  return returnsOnly(Def->getBody(), Def->getBody(), ET->getDecl()->getDefinition(),
                     Def->getASTContext(), Returns, 0) &&
         Returns > 0;
}

} // namespace

struct RegistrationFinder::State {
  RegistrationMap Out;

  // roleOfFieldType by type: every call asks it of each of its parameter
  // types, and a driver passes the same few types everywhere.
  llvm::DenseMap<const void *, llvm::StringRef> Roles;
  llvm::StringRef roleOf(QualType T) {
    auto [It, New] = Roles.try_emplace(T.getAsOpaquePtr());
    if (New)
      It->second = roleOfFieldType(T);
    return It->second;
  }
  // The parameters of a role type of each prototype, in order: most have
  // none, and a driver calls the same routines again and again.
  llvm::DenseMap<const FunctionProtoType *, llvm::SmallVector<std::pair<unsigned, StringRef>, 1>>
      ParamRoles;
  llvm::ArrayRef<std::pair<unsigned, StringRef>> paramRoles(const FunctionProtoType *Proto) {
    auto [It, New] = ParamRoles.try_emplace(Proto);
    if (New)
      for (unsigned I = 0; I < Proto->getNumParams(); ++I)
        if (StringRef Role = roleOf(Proto->getParamType(I)); !Role.empty())
          It->second.push_back({I, Role});
    return It->second;
  }
  // Does a callee's name name a routine call() looks for by name (the
  // Registrars, the minifilter's and KMDF's routines)? Asked per name once.
  llvm::DenseMap<const IdentifierInfo *, bool> RoutineNames;
  bool namesRoutine(const IdentifierInfo *II) {
    auto [It, New] = RoutineNames.try_emplace(II);
    if (New) {
      StringRef Name = II->getName();
      It->second = llvm::any_of(Registrars, [&](const Registrar &R) { return Name == R.Routine; }) ||
                   llvm::is_contained(RoutinesByName, Name);
    }
    return It->second;
  }

  // Minifilters: each FLT_OPERATION_REGISTRATION entry's post-operation,
  // the pre-operation of the same entry (null when it has none), and
  // whether the entry is IRP_MJ_CREATE's.
  struct PostOp {
    const FunctionDecl *Post, *Pre;
    bool Create;
  };
  std::vector<PostOp> PostOps;
  // The SafePostCallbacks given to FltDoCompletionProcessingWhenSafe: they
  // run at APC_LEVEL or below, in a worker thread if need be.
  std::vector<const FunctionDecl *> SafePostOps;

  // KMDF, flow-insensitively but for one thing: the callbacks stored into
  // (or initialized into) each configuration object since its last
  // WDF_*_CONFIG_INIT* (a function reuses one configuration for several
  // queues), the ExecutionLevel stored into each
  // attributes object, the interrupt configurations with PassiveHandling,
  // and each object creation.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const FunctionDecl *, 4>> ConfigCallbacks;
  llvm::DenseMap<const ValueDecl *, ExecLevel> AttrLevels;
  llvm::DenseMap<const ValueDecl *, bool> PassiveHandling; // false: not a constant
  // PassiveHandling stored through a pointer (Config->PassiveHandling in a
  // helper that fills in its caller's configuration): into any of them.
  bool PassiveHandlingThroughPointer = false;
  enum Kind : uint8_t { Driver, Device, Queue, Timer, Interrupt };
  struct Creation {
    Kind K;
    const ValueDecl *Config = nullptr;
    ExecLevel Attrs = ExecLevel::Inherit; // resolved in finish() when AttrsObj is set
    const ValueDecl *AttrsObj = nullptr;
    const ValueDecl *Object = nullptr; // the handle it is created into
    const ValueDecl *Parent = nullptr; // a queue's device
    llvm::SmallVector<const FunctionDecl *, 4> Callbacks; // in Config when created
    SourceLocation Loc;
  };
  std::vector<Creation> Creations;
  // The creations that wrote each handle, so that looking a device up costs
  // no walk over every creation.
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<unsigned, 1>> CreatedInto;
  ExecLevel Driver_ = ExecLevel::Inherit; // settled once, in settleKmdf()
  bool AnyPassive = false; // WdfExecutionLevelPassive is stored somewhere
  // ... through a pointer (Attributes->ExecutionLevel in a helper that
  // fills in its caller's attributes): into any attributes object.
  bool PassiveThroughPointer = false;
  // ... into attributes that may be a device's or the driver's: not only
  // given to queue and timer creations (settled in settleKmdf()).
  bool DevicesMayBePassive = false;
  // The objects WdfObjectAcquireLock locks (null: not a variable or field).
  std::vector<const ValueDecl *> Locked;
  bool LocksRaise = false;
  // The interrupts WdfInterruptAcquireLock locks (null: not a variable or
  // field), and whether each is created here at its DIRQL.
  std::vector<const ValueDecl *> InterruptsLocked;
  bool InterruptLocksRaise = false;
  // Each callback's execution level, where its registrations settle one.
  llvm::DenseMap<const FunctionDecl *, ExecLevel> CallbackLevels;

  void creation(Kind K, const CallExpr *CE, int ConfigArg, unsigned AttrsArg, int ObjectArg,
                int ParentArg);
  ExecLevel attrsLevel(const Creation &C) const;
  ExecLevel driverLevel() const;
  ExecLevel deviceLevel(const ValueDecl *Device) const;
  ExecLevel queueLevel(const Creation &Q) const;
  void settleKmdf();
  void settlePostOps();
  ExecLevel lockedLevel(const ValueDecl *Obj) const;
  void settleObjectLocks();
  bool createdAtDirql(const ValueDecl *Obj) const;
};

RegistrationFinder::RegistrationFinder() : S(std::make_unique<State>()) {}
RegistrationFinder::~RegistrationFinder() = default;

void RegistrationFinder::State::creation(Kind K, const CallExpr *CE, int ConfigArg,
                                         unsigned AttrsArg, int ObjectArg, int ParentArg) {
  auto Arg = [&](int I) -> const Expr * {
    return I >= 0 && unsigned(I) < CE->getNumArgs() ? CE->getArg(unsigned(I)) : nullptr;
  };
  Creation C;
  C.K = K;
  C.Loc = CE->getExprLoc();
  C.Config = objectOf(Arg(ConfigArg));
  if (auto CB = C.Config ? ConfigCallbacks.find(C.Config) : ConfigCallbacks.end();
      CB != ConfigCallbacks.end())
    C.Callbacks = CB->second;
  C.Object = objectOf(Arg(ObjectArg));
  C.Parent = objectOf(Arg(ParentArg));
  if (const Expr *A = Arg(int(AttrsArg))) {
    C.AttrsObj = objectOf(A);
    // A pointer (a parameter, usually) names attributes filled in elsewhere.
    if (C.AttrsObj && C.AttrsObj->getType()->isPointerType())
      C.AttrsObj = nullptr;
    if (!C.AttrsObj && !isNullPointer(A, CE->getCalleeDecl()->getASTContext()))
      C.Attrs = ExecLevel::Unknown; // attributes from elsewhere
  }
  if (C.Object)
    CreatedInto[C.Object].push_back(unsigned(Creations.size()));
  Creations.push_back(C);
}

void RegistrationFinder::call(const CallExpr *CE, const FunctionDecl *Callee) {
  // Any routine that takes the callback for a parameter of a role type
  // (WDF_TIMER_CONFIG_INIT(&Config, MyTimer), a driver's own helper, or a
  // call through a pointer: DmaOps->AllocateAdapterChannel(..., MyControl,
  // ...)): the parameter's type names the role. A configuration
  // initializer's first argument is the configuration the callback goes
  // into.
  bool Named = Callee && Callee->getIdentifier();
  StringRef Name = Named ? Callee->getName() : StringRef();
  // What the registration was made through, spelt only for a registration.
  auto Via = [&]() -> std::string {
    if (Named)
      return Name.str();
    if (const auto *ME = dyn_cast<MemberExpr>(CE->getCallee()->IgnoreParenImpCasts()))
      return "->" + ME->getMemberNameInfo().getAsString();
    return "a call through a pointer";
  };
  // WDF_IO_QUEUE_CONFIG_INIT(&Config, ...) starts the configuration over:
  // what was stored into it before went to an earlier creation.
  if (Named && Name.starts_with("WDF_") && Name.contains("_CONFIG_INIT") && CE->getNumArgs() > 0)
    if (const ValueDecl *Config = objectOf(CE->getArg(0)))
      S->ConfigCallbacks.erase(Config);
  QualType CT = CE->getCallee()->getType();
  if (const auto *PT = CT->getAs<PointerType>())
    CT = PT->getPointeeType();
  if (const FunctionProtoType *Proto = CT->getAs<FunctionProtoType>())
    for (auto [I, Role] : S->paramRoles(Proto)) {
      if (I >= CE->getNumArgs())
        break;
      if (const FunctionDecl *FD = functionOf(CE->getArg(I))) {
        add(S->Out, FD, Role, CE->getExprLoc(), Via());
        if (I > 0)
          if (const ValueDecl *Config = objectOf(CE->getArg(0)))
            S->ConfigCallbacks[Config].push_back(FD);
      }
    }
  if (!Named || !S->namesRoutine(Callee->getIdentifier()))
    return;
  // Registration routines whose parameter types do not say the role
  // (mingw-w64 declares many with plain pointer types), and macros around
  // another call (mingw's IoSetCompletionRoutine is an inline function):
  // match by callee name.
  for (const Registrar &R : Registrars)
    if (Name == R.Routine && R.Arg < CE->getNumArgs())
      if (const FunctionDecl *FD = functionOf(CE->getArg(R.Arg)))
        add(S->Out, FD, R.Role, CE->getExprLoc(), R.Routine.str());
  // A minifilter's completion deferred to a safe IRQL (registered above):
  // its SafePostCallback runs at APC_LEVEL or below (settlePostOps).
  // StorPortNotification: the notification type, a constant, says which
  // argument is a callback (RequestTimerCall's HW_TIMER, ...).
  if (Name == "StorPortNotification" && CE->getNumArgs() > 2) {
    StringRef Type = enumeratorOf(CE->getArg(0), Callee->getASTContext());
    for (const Notification &N : StorPortNotifications)
      if (Type == N.Type && N.Arg < CE->getNumArgs())
        if (const FunctionDecl *FD = functionOf(CE->getArg(N.Arg)))
          add(S->Out, FD, N.Role, CE->getExprLoc(), ("StorPortNotification(" + Type + ")").str());
  }
  if (Name == "FltDoCompletionProcessingWhenSafe" && CE->getNumArgs() > 4)
    if (const FunctionDecl *FD = functionOf(CE->getArg(4)))
      S->SafePostOps.push_back(FD);
  // KMDF object creations: which configuration, which attributes, which
  // parent. WdfIoQueueCreate(Device, Config, Attributes, Queue),
  // WdfDeviceCreate(&DeviceInit, Attributes, &Device), WdfDriverCreate(
  // DriverObject, RegistryPath, Attributes, Config, Driver), WdfTimerCreate(
  // Config, Attributes, Timer), WdfInterruptCreate(Device, Config,
  // Attributes, Interrupt).
  if (Name == "WdfObjectAcquireLock" && CE->getNumArgs() == 1)
    S->Locked.push_back(objectOf(CE->getArg(0)));
  else if (Name == "WdfInterruptAcquireLock" && CE->getNumArgs() == 1)
    S->InterruptsLocked.push_back(objectOf(CE->getArg(0)));
  else if (Name == "WdfIoQueueCreate")
    S->creation(State::Queue, CE, 1, 2, 3, 0);
  else if (Name == "WdfDeviceCreate")
    S->creation(State::Device, CE, -1, 1, 2, -1);
  else if (Name == "WdfDriverCreate")
    S->creation(State::Driver, CE, 3, 2, 4, -1);
  else if (Name == "WdfTimerCreate")
    S->creation(State::Timer, CE, 0, 1, 2, -1);
  else if (Name == "WdfInterruptCreate")
    S->creation(State::Interrupt, CE, 1, 2, 3, 0);
}

void RegistrationFinder::assignment(const BinaryOperator *BO) {
  if (BO->getOpcode() != BO_Assign)
    return;
  const Expr *LHS = BO->getLHS()->IgnoreParenImpCasts();
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(LHS))
    LHS = ASE->getBase()->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(LHS);
  if (!ME || !ME->getMemberDecl()->getIdentifier())
    return;
  StringRef Field = ME->getMemberDecl()->getName();
  const FunctionDecl *FD = functionOf(BO->getRHS());
  if (!FD) {
    // KMDF attributes and interrupt configurations.
    const ValueDecl *Obj = objectOf(ME->getBase());
    if (!Obj)
      return;
    const Expr *RHS = BO->getRHS()->IgnoreParenCasts();
    if (Field == "ExecutionLevel") {
      ExecLevel L = ExecLevel::Unknown;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(RHS))
        L = llvm::StringSwitch<ExecLevel>(DRE->getDecl()->getName())
                .Case("WdfExecutionLevelPassive", ExecLevel::Passive)
                .Case("WdfExecutionLevelDispatch", ExecLevel::Dispatch)
                .Case("WdfExecutionLevelInheritFromParent", ExecLevel::Inherit)
                .Default(ExecLevel::Unknown);
      bool MayBePassive = L != ExecLevel::Dispatch && L != ExecLevel::Inherit;
      S->AnyPassive |= MayBePassive;
      S->PassiveThroughPointer |= MayBePassive && Obj->getType()->isPointerType();
      auto [It, New] = S->AttrLevels.try_emplace(Obj, L);
      if (!New)
        It->second = merge(It->second, L);
    } else if (Field == "PassiveHandling") {
      Expr::EvalResult R;
      bool Constant = !RHS->isValueDependent() && RHS->EvaluateAsInt(R, ME->getMemberDecl()->getASTContext());
      if (!Constant || R.Val.getInt() != 0) {
        S->PassiveHandling[Obj] = Constant;
        S->PassiveHandlingThroughPointer |= Obj->getType()->isPointerType();
      }
    }
    return;
  }
  StringRef Role = llvm::StringSwitch<StringRef>(Field)
                       .Case("MajorFunction", "DRIVER_DISPATCH")
                       .Case("DriverUnload", "DRIVER_UNLOAD")
                       .Case("DriverStartIo", "DRIVER_STARTIO")
                       .Case("AddDevice", "DRIVER_ADD_DEVICE")
                       .Default(StringRef());
  if (Role.empty())
    Role = S->roleOf(ME->getMemberDecl()->getType());
  if (Role.empty())
    return;
  if (const ValueDecl *Config = objectOf(ME->getBase()))
    S->ConfigCallbacks[Config].push_back(FD);
  Registration &R = add(S->Out, FD, Role, BO->getOperatorLoc(), ("->" + Field).str());
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

void RegistrationFinder::init(const InitListExpr *ILE) {
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
  const FunctionDecl *Pre = nullptr, *Post = nullptr;
  bool OperationEntry = false, Create = false;
  for (const FieldDecl *Field : RD->fields()) {
    if (I >= ILE->getNumInits())
      break;
    const Expr *Init = ILE->getInit(I++);
    StringRef Role = S->roleOf(Field->getType());
    if (Role == "PFLT_POST_OPERATION_CALLBACK")
      OperationEntry = true;
    // FLT_OPERATION_REGISTRATION's MajorFunction: IRP_MJ_CREATE is 0.
    Expr::EvalResult Major;
    if (Init && Field->getIdentifier() && Field->getName() == "MajorFunction" &&
        !Init->isValueDependent() && Init->EvaluateAsInt(Major, Field->getASTContext()))
      Create = Major.Val.getInt() == 0;
    const FunctionDecl *FD = Init ? functionOf(Init) : nullptr;
    if (!FD || !Field->getIdentifier())
      continue;
    // Only a function of the field's own type: an initializer list that does
    // not line up with the fields (C++ bases) registers nothing.
    const auto *PT = Field->getType()->getAs<PointerType>();
    if (!PT || !FD->getASTContext().hasSameType(PT->getPointeeType(), FD->getType()))
      continue;
    if (Role.empty())
      continue;
    add(S->Out, FD, Role, Init->getExprLoc(), ("." + Field->getName()).str());
    if (Role == "PFLT_PRE_OPERATION_CALLBACK")
      Pre = FD;
    else if (Role == "PFLT_POST_OPERATION_CALLBACK")
      Post = FD;
  }
  // FLT_OPERATION_REGISTRATION {Major, Flags, PreOperation, PostOperation}:
  // when the post-operation runs depends on what the pre-operation returns.
  if (OperationEntry && Post)
    S->PostOps.push_back({Post, Pre, Create});
}

ExecLevel RegistrationFinder::State::attrsLevel(const Creation &C) const {
  if (!C.AttrsObj)
    return C.Attrs;
  auto It = AttrLevels.find(C.AttrsObj);
  if (It != AttrLevels.end())
    return It->second;
  return PassiveThroughPointer ? ExecLevel::Unknown : ExecLevel::Inherit;
}

ExecLevel RegistrationFinder::State::driverLevel() const { return Driver_; }

ExecLevel RegistrationFinder::State::deviceLevel(const ValueDecl *Dev) const {
  ExecLevel L = ExecLevel::Inherit;
  bool Seen = false;
  auto It = Dev ? CreatedInto.find(Dev) : CreatedInto.end();
  if (It != CreatedInto.end())
    for (unsigned I : It->second)
      if (const Creation &C = Creations[I]; C.K == Device) {
        ExecLevel A = attrsLevel(C);
        if (A == ExecLevel::Inherit)
          A = driverLevel();
        L = Seen ? merge(L, A) : A;
        Seen = true;
      }
  if (Seen)
    return L;
  // A device created elsewhere: passive only if this translation unit makes
  // something passive that may be a device (then it may be this device); a
  // passive queue or timer says nothing about its device.
  return DevicesMayBePassive ? ExecLevel::Unknown : driverLevel();
}

ExecLevel RegistrationFinder::State::queueLevel(const Creation &Q) const {
  ExecLevel A = attrsLevel(Q);
  return A == ExecLevel::Inherit ? deviceLevel(Q.Parent) : A;
}

void RegistrationFinder::State::settleKmdf() {
  // Which attributes objects only queue and timer creations use.
  llvm::DenseMap<const ValueDecl *, bool> OnlyQueuesAndTimers;
  for (const Creation &C : Creations)
    if (C.AttrsObj) {
      bool Below = C.K == Queue || C.K == Timer;
      auto [It, New] = OnlyQueuesAndTimers.try_emplace(C.AttrsObj, Below);
      if (!New)
        It->second &= Below;
    }
  DevicesMayBePassive = PassiveThroughPointer;
  for (const auto &[Obj, L] : AttrLevels)
    if (L != ExecLevel::Dispatch && L != ExecLevel::Inherit) {
      auto It = OnlyQueuesAndTimers.find(Obj);
      DevicesMayBePassive |= It == OnlyQueuesAndTimers.end() || !It->second;
    }
  // KMDF's driver object defaults to WdfExecutionLevelDispatch.
  bool SeenDriver = false;
  for (const Creation &C : Creations)
    if (C.K == Driver) {
      ExecLevel A = attrsLevel(C);
      Driver_ = SeenDriver ? merge(Driver_, A) : A;
      SeenDriver = true;
    }
  if (Driver_ == ExecLevel::Inherit)
    Driver_ = ExecLevel::Dispatch;
  // Each callback's level over every object it was configured into.
  llvm::DenseMap<const FunctionDecl *, std::pair<ExecLevel, SourceLocation>> Levels;
  auto Note = [&](const FunctionDecl *FD, ExecLevel L, SourceLocation Loc) {
    auto [It, New] = Levels.try_emplace(FD, L, Loc);
    if (!New)
      It->second.first = merge(It->second.first, L);
  };
  for (const Creation &C : Creations) {
    for (const FunctionDecl *FD : C.Callbacks) {
      auto R = Out.find(FD);
      if (R == Out.end())
        continue;
      StringRef Role = R->second.Role;
      if (C.K == Queue && isQueueRole(Role)) {
        Note(FD, queueLevel(C), C.Loc);
      } else if (C.K == Timer && Role == "EVT_WDF_TIMER") {
        // A timer's callback is a DPC unless the timer itself is passive.
        ExecLevel A = attrsLevel(C);
        Note(FD, A == ExecLevel::Inherit ? (AnyPassive ? ExecLevel::Unknown : ExecLevel::Dispatch) : A,
             C.Loc);
      } else if (C.K == Interrupt && isInterruptRole(Role)) {
        auto P = PassiveHandling.find(C.Config);
        Note(FD, P == PassiveHandling.end() ? ExecLevel::Dispatch
                 : P->second                ? ExecLevel::Passive
                                            : ExecLevel::Unknown,
             C.Loc);
      }
    }
  }
  // Request handlers stored into a configuration that no creation here
  // uses (a helper fills it in for another file): passive only if this
  // translation unit says so somewhere.
  if (AnyPassive)
    for (auto &[FD, R] : Out)
      if (isQueueRole(R.Role) && !Levels.count(FD))
        Levels.try_emplace(FD, ExecLevel::Unknown, R.Loc);
  for (auto &[FD, L] : Levels) {
    CallbackLevels[FD] = L.first;
    Registration &R = Out.find(FD)->second;
    if (L.first == ExecLevel::Passive) {
      R.Entry = Registration::EntryOverride::Passive;
      R.EntryWhy = isInterruptRole(R.Role) ? "interrupt with PassiveHandling"
                                           : "execution level WdfExecutionLevelPassive";
    } else if (L.first == ExecLevel::Unknown) {
      R.Entry = Registration::EntryOverride::Unbounded;
      R.EntryWhy = "execution level not known here";
    }
  }
}

void RegistrationFinder::State::settlePostOps() {
  // A post-operation is called at up to DISPATCH_LEVEL, in any thread,
  // unless every pre-operation registered with it returns only
  // FLT_PREOP_SYNCHRONIZE (or statuses after which no post-operation runs):
  // then it runs at APC_LEVEL or below, in the pre-operation's thread.
  // A post-create is called at PASSIVE_LEVEL, in the thread that opened the
  // file, whatever the pre-create returned: a post-operation registered
  // only for IRP_MJ_CREATE is passive.
  llvm::DenseMap<const FunctionDecl *, bool> Synchronous, PreVerdicts, CreateOnly;
  llvm::SmallPtrSet<const FunctionDecl *, 4> SafeOnly;
  for (const PostOp &P : PostOps) {
    auto [V, NewPre] = PreVerdicts.try_emplace(P.Pre, false);
    if (NewPre)
      V->second = preOpKeepsPostOpSynchronous(P.Pre);
    bool Sync = V->second;
    auto [It, New] = Synchronous.try_emplace(P.Post, Sync);
    if (!New)
      It->second &= Sync;
    auto [C, NewC] = CreateOnly.try_emplace(P.Post, P.Create);
    if (!NewC)
      C->second &= P.Create;
  }
  for (auto [Post, Create] : CreateOnly) {
    auto R = Out.find(Post);
    if (!Create || R == Out.end() || R->second.Role != "PFLT_POST_OPERATION_CALLBACK")
      continue;
    R->second.Entry = Registration::EntryOverride::Passive;
    R->second.EntryWhy = "post-create";
    Synchronous.erase(Post);
  }
  // A SafePostCallback is bounded the same way, unless it is also an
  // operation's post-operation that may run at DISPATCH_LEVEL.
  for (const FunctionDecl *Safe : SafePostOps)
    if (Synchronous.try_emplace(Safe, true).second)
      SafeOnly.insert(Safe);
  for (auto [Post, Sync] : Synchronous) {
    auto R = Out.find(Post);
    if (!Sync || R == Out.end() || R->second.Role != "PFLT_POST_OPERATION_CALLBACK")
      continue;
    R->second.Entry = Registration::EntryOverride::AtMostApc;
    R->second.EntryWhy = SafeOnly.count(Post) ? "run by FltDoCompletionProcessingWhenSafe"
                                              : "after FLT_PREOP_SYNCHRONIZE";
  }
}

ExecLevel RegistrationFinder::State::lockedLevel(const ValueDecl *Obj) const {
  if (!Obj)
    return ExecLevel::Unknown;
  // The queue a request handler is called for: its first parameter.
  if (const auto *P = dyn_cast<ParmVarDecl>(Obj)) {
    const auto *FD = dyn_cast<FunctionDecl>(P->getDeclContext());
    if (!FD || P->getFunctionScopeIndex() != 0)
      return ExecLevel::Unknown;
    auto R = Out.find(FD->getFirstDecl());
    if (R == Out.end() || !isQueueRole(R->second.Role) || R->second.Role == "EVT_WDF_REQUEST_CANCEL")
      return ExecLevel::Unknown;
    auto L = CallbackLevels.find(FD->getFirstDecl());
    if (L != CallbackLevels.end())
      return L->second;
    return AnyPassive ? ExecLevel::Unknown : ExecLevel::Dispatch;
  }
  // An object created here into this variable or field.
  ExecLevel L = ExecLevel::Inherit;
  bool Seen = false;
  auto It = CreatedInto.find(Obj);
  if (It == CreatedInto.end())
    return ExecLevel::Unknown;
  for (unsigned I : It->second) {
    const Creation &C = Creations[I];
    ExecLevel A;
    switch (C.K) {
    case Queue:
      A = queueLevel(C);
      break;
    case Device:
      A = deviceLevel(Obj);
      break;
    case Driver:
      A = driverLevel();
      break;
    default:
      A = ExecLevel::Unknown;
      break;
    }
    L = Seen ? merge(L, A) : A;
    Seen = true;
  }
  return Seen ? L : ExecLevel::Unknown;
}

void RegistrationFinder::State::settleObjectLocks() {
  LocksRaise = !Locked.empty() && llvm::all_of(Locked, [&](const ValueDecl *Obj) {
    return lockedLevel(Obj) == ExecLevel::Dispatch;
  });
}

/// Is the interrupt in this variable or field created here, every time, by
/// WdfInterruptCreate with a configuration this translation unit fills in
/// (a local or a field, not one given by pointer) and never sets
/// PassiveHandling in (nor any configuration through a pointer)? Then its
/// lock is the interrupt spin lock, taken at the device's DIRQL.
bool RegistrationFinder::State::createdAtDirql(const ValueDecl *Obj) const {
  if (!Obj || PassiveHandlingThroughPointer)
    return false;
  auto It = CreatedInto.find(Obj);
  if (It == CreatedInto.end())
    return false;
  return llvm::all_of(It->second, [&](unsigned I) {
    const Creation &C = Creations[I];
    return C.K == Interrupt && C.Config && !C.Config->getType()->isPointerType() &&
           !PassiveHandling.count(C.Config);
  });
}

RegistrationMap RegistrationFinder::finish() {
  S->settleKmdf();
  S->settlePostOps();
  S->settleObjectLocks();
  S->InterruptLocksRaise =
      !S->InterruptsLocked.empty() &&
      llvm::all_of(S->InterruptsLocked, [&](const ValueDecl *Obj) { return S->createdAtDirql(Obj); });
  return std::move(S->Out);
}

bool RegistrationFinder::objectLocksRaise() const { return S->LocksRaise; }

bool RegistrationFinder::interruptLocksRaise() const { return S->InterruptLocksRaise; }

} // namespace irqlcheck
