//===- ContractBuilder.cpp - From recorded annotations to contracts -------===//
#include "frontend/ContractBuilder.h"
#include "Compat.h"
#include "frontend/ConstantEvaluator.h"
#include "frontend/FrontendState.h"
#include "frontend/IndirectCalls.h"
#include "frontend/KitHeaders.h"
#include "frontend/Registrations.h"
#include "frontend/SystemHeaderCache.h"
#include "frontend/UserCodeWalk.h"
#include "model/DispatchTypes.h"
#include "model/TUModel.h"
#include "report/Reporter.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Mangle.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <map>

using namespace clang;
using namespace llvm;

namespace irqlcheck {

namespace {

/// Class names and slot kinds go into the space-separated contract text, so
/// they must be C identifiers.
bool isName(StringRef N) {
  return !N.empty() && !isDigit(N[0]) &&
         all_of(N, [](char Ch) { return isAlnum(Ch) || Ch == '_'; });
}

/// An integer literal, perhaps negative or in parentheses: "-1", "(0x02)".
bool isNumber(StringRef N) {
  N = N.trim().ltrim('(').rtrim(')').trim();
  N.consume_front("-");
  unsigned long long V;
  return !N.getAsInteger(0, V);
}

ItemKind itemKindOf(AnnotationKind K) {
  switch (K) {
  case AnnotationKind::RequiresMax: return ItemKind::Max;
  case AnnotationKind::RequiresMin: return ItemKind::Min;
  case AnnotationKind::Requires: return ItemKind::Req;
  case AnnotationKind::Raises: return ItemKind::Raises;
  case AnnotationKind::Sets: return ItemKind::Sets;
  case AnnotationKind::AlwaysFunctionMax: return ItemKind::FnMax;
  default: return ItemKind::FnMin;
  }
}


/// The first declarations of the functions D declares (through extern "C"
/// blocks and namespaces).
void addFunctionsDeclaredBy(const Decl *D, DenseSet<const FunctionDecl *> &Out) {
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    Out.insert(FD->getFirstDecl());
  else if (isa<LinkageSpecDecl>(D) || isa<NamespaceDecl>(D))
    for (const Decl *Inner : cast<DeclContext>(D)->decls())
      addFunctionsDeclaredBy(Inner, Out);
}

struct ClassUse {
  std::string Name;
  SourceLocation Loc;
};

class Builder {
public:
  Builder(ASTContext &Ctx, Preprocessor &PP, FrontendState &State, TUModel &Model,
          Reporter &R)
      : Ctx(Ctx), PP(PP), SM(Ctx.getSourceManager()), State(State), Model(Model), R(R),
        Eval(PP, [this](StringRef N) { return lookupEnumerator(N); }), Headers(SM),
        Kit(SM, Headers) {}

  void run(DumpMode Dump, raw_ostream &OS);

private:
  ASTContext &Ctx;
  Preprocessor &PP;
  SourceManager &SM;
  FrontendState &State;
  TUModel &Model;
  Reporter &R;
  ConstantEvaluator Eval;
  SystemHeaderCache Headers;
  KitHeaders Kit;

  std::vector<const FunctionDecl *> Functions; // first declarations, in order
  std::vector<const TypedefNameDecl *> Typedefs;
  StringMap<const TypedefNameDecl *> TypedefsByName; // built on first use
  DenseMap<const TypedefNameDecl *, Contract> TypedefContracts;
  DenseMap<const TypedefNameDecl *, std::vector<ClassUse>> TypedefClasses;
  DenseMap<const FunctionDecl *, SmallVector<std::pair<SourceLocation, bool>, 1>> Markers;
  DenseMap<const FunctionDecl *, Registration> Registered;
  bool ObjectLocksRaise = false; // UserCodeFacts::ObjectLocksRaise
  bool InterruptLocksRaise = false; // UserCodeFacts::InterruptLocksRaise
  bool CanPlaceSections = false; // can this build put a function in PAGE?

  void collect(const DeclContext *DC);
  std::optional<int64_t> lookupEnumerator(StringRef Name);
  const TypedefNameDecl *typedefNamed(StringRef Name);
  std::optional<QualType> PostOpType; // PFLT_POST_OPERATION_CALLBACK's pointee, once looked up
  bool isPostOperationType(const FunctionDecl *FD);
  void attributeMarkers(ArrayRef<const FunctionDecl *> Kept);

  void addAnnotations(const Decl *D, ArrayRef<ParmVarDecl *> Params, QualType Ret,
                      Contract &C, std::vector<ClassUse> &Classes);
  std::optional<ItemValue> resolveLevel(const RawAnnotation &A,
                                        ArrayRef<ParmVarDecl *> Params);
  Condition resolveWhen(const RawAnnotation &A, ArrayRef<ParmVarDecl *> Params);
  /// The terms of a _When_ condition that is a disjunction of conditions
  /// resolveWhen reads (P == 1 || P == 257); false if it is not one.
  bool resolveDisjunction(const RawAnnotation &A, ArrayRef<ParmVarDecl *> Params,
                          SmallVectorImpl<Condition> &Terms);
  void checkParamType(const RawAnnotation &A, QualType T, bool WantPointer,
                      bool IsReturn = false);
  const Contract *typedefContract(const TypedefNameDecl *TD);
  /// What a function whose class is TD inherits from TD, and what the role
  /// table gives a class (before the function's own location fills an item
  /// the table places nowhere): the same for every function of the class.
  DenseMap<const TypedefNameDecl *, Contract> InheritedFromTypedef;
  StringMap<std::optional<Contract>> InheritedFromRole;
  const Contract &inheritedFrom(const TypedefNameDecl *TD);
  const Contract *inheritedFromRole(StringRef ClassName);
  void mergeRedeclaration(Contract &Into, const Contract &From);
  void dropRepeats(Contract &C);
  void reportRepeat(const ContractItem &Earlier, const ContractItem &I, bool SameDeclaration);
  void checkRanges(const Contract &C);
  /// Provenance, for -dump-contracts only, may be null.
  Contract buildFunction(const FunctionDecl *FD, std::string *Provenance);

  /// Reports a finding about an annotation or a declaration, unless it is
  /// written in the kit's headers (not the user's to fix).
  void report(CheckId Id, unsigned RawLoc, const Twine &Message,
              ArrayRef<DiagNote> Notes = {});
  /// The major function code a dispatch type names, or OtherDispatchTypes.
  std::optional<int64_t> dispatchTypeOf(StringRef Name);
  /// __drv_dispatchType_other: majors not named otherwise (any of them).
  static constexpr int64_t OtherDispatchTypes = -1;
  DiagLoc at(SourceLocation L) { return DiagLoc::clang(L.getRawEncoding()); }
  bool inSystemHeader(SourceLocation L) { return Headers.inSystemHeader(L); }
  std::string levelName(unsigned V) { return Model.Levels.name(Level(V)); }
};

void Builder::collect(const DeclContext *DC) {
  for (const Decl *D : DC->decls()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->isFirstDecl())
        Functions.push_back(FD);
    } else if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
      Typedefs.push_back(TD);
    } else if (isa<LinkageSpecDecl>(D) || isa<NamespaceDecl>(D) || isa<ExternCContextDecl>(D)) {
      collect(cast<DeclContext>(D));
    }
  }
}

bool Builder::isPostOperationType(const FunctionDecl *FD) {
  if (!PostOpType) {
    PostOpType = QualType();
    if (const TypedefNameDecl *TD = typedefNamed("PFLT_POST_OPERATION_CALLBACK"))
      if (const auto *PT = TD->getUnderlyingType()->getAs<PointerType>())
        PostOpType = PT->getPointeeType();
  }
  // Parameter by parameter: the calling convention (FLTAPI) may be left out.
  const auto *FPT = PostOpType->isNull() ? nullptr : (*PostOpType)->getAs<FunctionProtoType>();
  if (!FPT || FPT->getNumParams() != FD->getNumParams() ||
      !Ctx.hasSameType(FPT->getReturnType(), FD->getReturnType()))
    return false;
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (!Ctx.hasSameUnqualifiedType(FPT->getParamType(I), FD->getParamDecl(I)->getType()))
      return false;
  return true;
}

const TypedefNameDecl *Builder::typedefNamed(StringRef Name) {
  // In C every typedef is at file scope, where Sema's scopes see it.
  if (State.TUSema && !Ctx.getLangOpts().CPlusPlus)
    return visibleTypedef(*State.TUSema, Name);
  // Few translation units name a class no declaration was made with, so the
  // thousands of header typedefs are indexed only when one does.
  if (TypedefsByName.empty())
    for (const TypedefNameDecl *TD : Typedefs)
      TypedefsByName[TD->getName()] = TD;
  return TypedefsByName.lookup(Name);
}

std::optional<int64_t> Builder::lookupEnumerator(StringRef Name) {
  // Through Sema's scopes: the first lookup in the translation unit's own
  // table would build that table over every declaration of the headers.
  if (State.TUSema) {
    if (std::optional<int64_t> V = visibleEnumerator(*State.TUSema, Name))
      return V;
  } else {
    for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
      if (const auto *ECD = dyn_cast<EnumConstantDecl>(ND))
        return ECD->getInitVal().getExtValue();
  }
  // A well-known level name that is no constant here (DIRQL, which no header
  // defines; SYNCH_LEVEL built from a level an #if left out; PASSIVE_LEVEL
  // in an annotation a header wrote before wdm.h defines it) means what it
  // means on the target.
  if (std::optional<Level> L = Model.Levels.parse(Name))
    return *L;
  return std::nullopt;
}

void Builder::report(CheckId Id, unsigned RawLoc, const Twine &Message,
                     ArrayRef<DiagNote> Notes) {
  if (Kit.inKitHeader(SourceLocation::getFromRawEncoding(RawLoc)))
    return;
  R.report(Id, DiagLoc::clang(RawLoc), Message, Notes);
}

/// _Dispatch_type_(IRP_MJ_CLOSE), or _Function_class_(IRP_MJ_CLOSE) next to
/// _Function_class_(DRIVER_DISPATCH): a major function (its name, or any
/// macro or enumerator whose value is a major's code), not a class.
std::optional<int64_t> Builder::dispatchTypeOf(StringRef Name) {
  if (std::optional<unsigned> Code = dispatchTypeCode(Name))
    return *Code;
  if (isName(Name) && !Name.starts_with("IRP_MJ_") && !PP.isMacroDefined(Name))
    return std::nullopt;
  std::string Why;
  std::optional<int64_t> V = Eval.evaluate(Name, Why);
  if (V && (isDispatchTypeCode(*V) || *V == OtherDispatchTypes))
    return *V;
  return std::nullopt;
}

std::optional<ItemValue> Builder::resolveLevel(const RawAnnotation &A,
                                               ArrayRef<ParmVarDecl *> Params) {
  std::optional<int64_t> V = A.Value;
  std::string Why;
  if (!V)
    V = Eval.evaluate(A.Text, Why);
  if (!V) {
    // _IRQL_raises_(NewIrql): the level is the value of a parameter.
    if (A.Kind == AnnotationKind::Raises || A.Kind == AnnotationKind::Sets)
      for (unsigned I = 0; I < Params.size(); ++I)
        if (Params[I]->getName() == StringRef(A.Text).trim())
          return ItemValue::arg(I);
    report(CheckId::AnnotationUnevaluable, A.Loc.getRawEncoding(),
           Twine("the value of ") + annotationSpelling(A.Kind) + " ('" + A.Text +
               "') cannot be evaluated to a constant: " + Why);
    return std::nullopt;
  }
  if (*V < 0 || *V > Model.Levels.high()) {
    report(CheckId::AnnotationValue, A.Loc.getRawEncoding(),
           Twine(*V) + " is not a legal IRQL (" + annotationSpelling(A.Kind) +
               "); levels on this target are 0 to " + Twine(unsigned(Model.Levels.high())) +
               " (HIGH_LEVEL)");
    return std::nullopt;
  }
  return ItemValue::level(Level(*V));
}

/// A _When_ condition's text as it is matched: without white space.
static std::string withoutSpaces(StringRef Text) {
  std::string S;
  for (char Ch : Text)
    if (!isSpace(Ch))
      S += Ch;
  return S;
}

/// Strips only parentheses that enclose the whole text: "((P&1))" -> "P&1".
static StringRef stripEnclosingParens(StringRef T) {
  while (T.size() >= 2 && T.front() == '(' && T.back() == ')') {
    int Depth = 0;
    bool Encloses = true;
    for (size_t I = 0; I + 1 < T.size(); ++I) {
      Depth += T[I] == '(' ? 1 : T[I] == ')' ? -1 : 0;
      if (Depth == 0) {
        Encloses = false;
        break;
      }
    }
    if (!Encloses)
      break;
    T = T.drop_front().drop_back();
  }
  return T;
}

Condition Builder::resolveWhen(const RawAnnotation &A, ArrayRef<ParmVarDecl *> Params) {
  Condition C;
  const std::string *Text = &A.WhenText;
  if (Text->empty())
    return C;
  std::string S = withoutSpaces(*Text);
  auto StripParens = stripEnclosingParens;
  StringRef T = StripParens(S);
  auto ParamIndex = [&](StringRef Name) -> std::optional<unsigned> {
    for (unsigned I = 0; I < Params.size(); ++I)
      if (Params[I]->getName() == Name)
        return I;
    return std::nullopt;
  };
  auto IsIdent = [](StringRef N) {
    return !N.empty() && !isDigit(N[0]) &&
           all_of(N, [](char Ch) { return isAlnum(Ch) || Ch == '_'; });
  };
  C.K = Condition::Opaque;
  C.Text = T.str();
  // P==NULL||P->QuadPart!=0 : a real (non-zero or infinite) wait.
  {
    auto [L, Rt] = T.split("||");
    if (L.consume_back("==NULL") && IsIdent(L) && Rt.trim("()") == (L + "->QuadPart!=0").str())
      if (auto I = ParamIndex(L)) {
        C = Condition();
        C.K = Condition::TimeoutNonZero;
        C.Arg = *I;
        return C;
      }
  }
  // (P&PagedPool)!=0 or (P&1)!=0 or (P&POOL_FLAG_PAGED)!=0
  if (StringRef U = T; U.consume_back("!=0") && StripParens(U) != U) {
    auto [P, Mask] = StripParens(U).split('&');
    if (auto I = ParamIndex(StripParens(P))) {
      std::string Why;
      std::optional<int64_t> M = Eval.evaluate(Mask, Why);
      if (M && (*M == 1 || *M == 0x100)) {
        C = Condition();
        C.K = *M == 1 ? Condition::PagedPool : Condition::PagedFlags;
        C.Arg = *I;
        return C;
      }
    }
    return C;
  }
  // *P==K, *P!=K, alone or after P!=NULL&& (WdfWaitLockAcquire's
  // _When_(Timeout != NULL && *Timeout == 0, ...)): the pointee is known
  // only where the pointer is not NULL, so the test adds nothing.
  {
    auto [L, Rt] = T.split("&&");
    StringRef Deref = Rt.empty() ? L : Rt;
    bool Guard = Rt.empty() || (L.consume_back("!=NULL") && IsIdent(L));
    bool Eq = Deref.contains("==");
    auto [P, K] = Deref.split(Eq ? "==" : "!=");
    if (Guard && P.consume_front("*") && (Rt.empty() || P == L))
      if (auto I = ParamIndex(StripParens(P)); I && Params[*I]->getType()->isPointerType()) {
        std::string Why;
        if (auto V = Eval.evaluate(K, Why)) {
          C = Condition();
          C.K = Eq ? Condition::PointeeEq : Condition::PointeeNe;
          C.Arg = *I;
          C.Value = *V;
        }
        return C;
      }
  }
  // P==K, P!=K, P, !P
  for (StringRef Op : {"==", "!="}) {
    size_t At = T.find(Op);
    if (At == StringRef::npos)
      continue;
    StringRef P = StripParens(T.take_front(At)), K = T.drop_front(At + 2);
    if (auto I = ParamIndex(P)) {
      // SAL's truth values (WdfTimerStop's _When_(Wait == __true, ...)):
      // a BOOLEAN is true when it is not zero, so P==__true is P!=0.
      if (K == "__true" || K == "__false") {
        C = Condition();
        C.K = (Op == "==") == (K == "__true") ? Condition::ArgNe : Condition::ArgEq;
        C.Arg = *I;
        C.Value = 0;
        return C;
      }
      // A pointer against NULL (WdfWaitLockAcquire's Timeout == NULL).
      std::string Why;
      std::optional<int64_t> V;
      if (Params[*I]->getType()->isPointerType() && (K == "NULL" || K == "nullptr"))
        V = 0;
      else
        V = Eval.evaluate(K, Why);
      if (V) {
        C = Condition();
        C.K = Op == "==" ? Condition::ArgEq : Condition::ArgNe;
        C.Arg = *I;
        C.Value = *V;
      }
    }
    return C;
  }
  bool Neg = T.consume_front("!");
  if (auto I = ParamIndex(T)) {
    C = Condition();
    C.K = Neg ? Condition::ArgEq : Condition::ArgNe;
    C.Arg = *I;
    C.Value = 0;
  }
  return C;
}

bool Builder::resolveDisjunction(const RawAnnotation &A, ArrayRef<ParmVarDecl *> Params,
                                 SmallVectorImpl<Condition> &Terms) {
  std::string S = withoutSpaces(A.WhenText);
  StringRef T = stripEnclosingParens(S);
  // The terms of a top-level ||, each resolved on its own.
  SmallVector<StringRef, 4> Parts;
  int Depth = 0;
  size_t Start = 0;
  for (size_t I = 0; I < T.size(); ++I) {
    Depth += T[I] == '(' ? 1 : T[I] == ')' ? -1 : 0;
    if (Depth == 0 && T.substr(I).starts_with("||")) {
      Parts.push_back(T.slice(Start, I));
      Start = I + 2;
      ++I;
    }
  }
  Parts.push_back(T.substr(Start));
  if (Parts.size() < 2)
    return false;
  for (StringRef Part : Parts) {
    RawAnnotation Term = A;
    Term.WhenText = Part.str();
    Condition C = resolveWhen(Term, Params);
    if (C.K == Condition::Opaque || C.K == Condition::Always)
      return false;
    Terms.push_back(C);
  }
  return true;
}

/// Can a T hold a saved IRQL? An integer, or a structure with an integer
/// field (NDIS's LOCK_STATE), or an opaque structure (KMDF's WDFSPINLOCK__).
static bool canHoldIrql(QualType T, unsigned Depth = 0) {
  if (T.isNull())
    return false;
  if (T->isIntegerType() && !T->isBooleanType())
    return true;
  const RecordDecl *RD = T->getAsRecordDecl();
  if (!RD || Depth > 3)
    return false;
  const RecordDecl *Def = RD->getDefinition();
  if (!Def)
    return true;
  return any_of(Def->fields(),
                [&](const FieldDecl *F) { return canHoldIrql(F->getType(), Depth + 1); });
}

void Builder::checkParamType(const RawAnnotation &A, QualType T, bool WantPointer,
                             bool IsReturn) {
  QualType Check = T;
  const auto *PT = T->getAs<PointerType>();
  if (WantPointer)
    Check = PT ? PT->getPointeeType() : QualType();
  if (canHoldIrql(Check))
    return;
  // A pointer to the object that holds the IRQL (PLOCK_STATE_EX), or a handle
  // to one (WDFSPINLOCK, a pointer to an opaque structure; a PVOID handle):
  // the object is where the IRQL is saved.
  if (!IsReturn && PT && !PT->getPointeeType()->isPointerType() &&
      (PT->getPointeeType()->isVoidType() ||
       (PT->getPointeeType()->getAsRecordDecl() && canHoldIrql(PT->getPointeeType()))))
    return;
  report(CheckId::AnnotationParamType, A.Loc.getRawEncoding(),
         Twine(annotationSpelling(A.Kind)) + " on " +
             (WantPointer ? "a parameter of type '" : "a value of type '") +
             T.getAsString() + "', which cannot " +
             (WantPointer ? "point to a KIRQL" : "hold a KIRQL"));
}

void Builder::addAnnotations(const Decl *D, ArrayRef<ParmVarDecl *> Params, QualType Ret,
                             Contract &C, std::vector<ClassUse> &Classes) {
  auto Make = [&](ItemKind K, ItemValue V, const RawAnnotation &A) {
    ContractItem I{K, V, {}, {}, {}, {}};
    I.From.Src = Origin::Annotation;
    I.From.RawLoc = A.Loc.getRawEncoding();
    // _When_(Wait == 1, _IRQL_requires_same_) is conditional like a level.
    I.Cond = resolveWhen(A, Params);
    return I;
  };
  auto AddParamItem = [&](const RawAnnotation &A, unsigned Idx) {
    const ParmVarDecl *P = Params[Idx];
    switch (A.Kind) {
    case AnnotationKind::Saves:
      checkParamType(A, P->getType(), /*WantPointer=*/true);
      C.add(Make(ItemKind::Saves, ItemValue::arg(Idx), A));
      break;
    case AnnotationKind::Restores:
      checkParamType(A, P->getType(), /*WantPointer=*/false);
      C.add(Make(ItemKind::Restores, ItemValue::arg(Idx), A));
      break;
    case AnnotationKind::UsesCancel:
    case AnnotationKind::IsCancel:
      C.add(Make(ItemKind::Cancel, ItemValue::arg(Idx), A));
      break;
    default:
      break;
    }
  };
  // _At_(*OldIrql, _IRQL_saves_) on the function: the parameter it names.
  auto AtParam = [&](const RawAnnotation &A) -> std::optional<unsigned> {
    StringRef T = StringRef(A.AtTarget).trim().ltrim("&*( ").rtrim(") ");
    for (unsigned I = 0; I < Params.size(); ++I)
      if (Params[I] && !T.empty() && Params[I]->getName() == T)
        return I;
    return std::nullopt;
  };
  if (const auto *List = State.Annotations.lookup(D, Params)) {
    for (const RawAnnotation &A : *List) {
      if (!A.AtTarget.empty() && !isa<ParmVarDecl>(D))
        if (auto Idx = AtParam(A)) {
          AddParamItem(A, *Idx);
          continue;
        }
      if (annotationTakesLevel(A.Kind)) {
        // DIRQL is no one level but any device IRQL (3..DIRQL): at least
        // DIRQL means at least the lowest, exactly DIRQL means the range.
        if (StringRef(A.Text).trim() == "DIRQL" && !PP.isMacroDefined("DIRQL")) {
          ItemValue Lowest = ItemValue::level(Model.Levels.dirqlMin());
          if (A.Kind == AnnotationKind::RequiresMin ||
              A.Kind == AnnotationKind::AlwaysFunctionMin) {
            C.add(Make(itemKindOf(A.Kind), Lowest, A));
            continue;
          }
          if (A.Kind == AnnotationKind::Requires) {
            C.add(Make(ItemKind::Min, Lowest, A));
            C.add(Make(ItemKind::Max, ItemValue::level(Model.Levels.dirqlMax()), A));
            continue;
          }
        }
        auto V = resolveLevel(A, Params);
        if (!V)
          continue;
        ContractItem I = Make(itemKindOf(A.Kind), *V, A);
        // _When_(P == 1 || P == 257, _IRQL_requires_max_(APC_LEVEL)) (KMDF's
        // WdfMemoryCreate): a bound under a disjunction is the same bound
        // under each of its terms, so each term becomes an item when every
        // one is a condition the analysis reads.
        SmallVector<Condition, 4> Terms;
        if ((I.Kind == ItemKind::Max || I.Kind == ItemKind::Min) && I.Cond.K == Condition::Opaque &&
            resolveDisjunction(A, Params, Terms)) {
          for (const Condition &Term : Terms) {
            ContractItem J = I;
            J.Cond = Term;
            C.add(std::move(J));
          }
          continue;
        }
        C.add(std::move(I));
        continue;
      }
      switch (A.Kind) {
      case AnnotationKind::RequiresSame:
        C.add(Make(ItemKind::Same, ItemValue(), A));
        break;
      case AnnotationKind::Saves:
        if (!Ret.isNull())
          checkParamType(A, Ret, /*WantPointer=*/false, /*IsReturn=*/true);
        C.add(Make(ItemKind::Saves, ItemValue::ret(), A));
        break;
      case AnnotationKind::SavesGlobal:
      case AnnotationKind::RestoresGlobal: {
        StringRef Obj = StringRef(A.Object).trim().ltrim("&*( ").rtrim(") ");
        std::optional<unsigned> Index;
        for (unsigned I = 0; I < Params.size(); ++I)
          if (Params[I]->getName() == Obj)
            Index = I;
        if (!Index) {
          report(CheckId::AnnotationUnevaluable, A.Loc.getRawEncoding(),
                 Twine(annotationSpelling(A.Kind)) + " names '" + A.Object +
                     "', which is not a parameter of this function");
          break;
        }
        if (!isName(StringRef(A.Text).trim())) {
          report(CheckId::AnnotationUnevaluable, A.Loc.getRawEncoding(),
                 Twine(annotationSpelling(A.Kind)) + " ('" + A.Text +
                     "') does not name a kind of IRQL slot");
          break;
        }
        ContractItem I = Make(A.Kind == AnnotationKind::SavesGlobal ? ItemKind::SavesGlobal
                                                                     : ItemKind::RestoresGlobal,
                              ItemValue::arg(*Index), A);
        I.Name = StringRef(A.Text).trim().str();
        C.add(std::move(I));
        break;
      }
      case AnnotationKind::FunctionClass:
        // A number is a dispatch type (__drv_dispatchType(0x02), the WDK's
        // __drv_dispatchType_other is __drv_dispatchType(-1)).
        if (StringRef Name = StringRef(A.Text).trim();
            isName(Name) || (isNumber(Name) && dispatchTypeOf(Name)))
          Classes.push_back({Name.str(), A.Loc});
        else if (!Name.empty())
          report(CheckId::AnnotationUnevaluable, A.Loc.getRawEncoding(),
                 "_Function_class_ ('" + Name + "') does not name a function class");
        break;
      default:
        break; // _IRQL_restores_ / _IRQL_uses_cancel_ mean something on parameters only
      }
    }
  }
  for (unsigned Idx = 0; Idx < Params.size(); ++Idx) {
    const ParmVarDecl *P = Params[Idx];
    const auto *List = P ? State.Annotations.lookup(P) : nullptr;
    if (!List)
      continue;
    for (const RawAnnotation &A : *List)
      AddParamItem(A, Idx);
  }
}

const Contract *Builder::typedefContract(const TypedefNameDecl *TD) {
  auto It = TypedefContracts.find(TD);
  if (It != TypedefContracts.end())
    return &It->second;
  Contract C;
  std::vector<ClassUse> Classes;
  SmallVector<ParmVarDecl *, 8> Params;
  if (const TypeSourceInfo *TSI = TD->getTypeSourceInfo())
    if (FunctionTypeLoc FTL = prototypeOf(TSI->getTypeLoc()))
      for (ParmVarDecl *P : FTL.getParams())
        Params.push_back(P);
  QualType Ret;
  if (const auto *FT = TD->getUnderlyingType()->getAs<FunctionType>())
    Ret = FT->getReturnType();
  addAnnotations(TD, Params, Ret, C, Classes);
  // typedef KDEFERRED_ROUTINE MY_DPC: inherit what the aliased typedef says.
  if (const auto *TT = TD->getUnderlyingType()->getAs<TypedefType>())
    if (const Contract *Inner = typedefContract(TT->getDecl()))
      C.addMissingFrom(*Inner);
  if (!Classes.empty()) {
    ContractItem I{ItemKind::Class, {}, Classes.front().Name, {}, {}, {}};
    I.From.Src = Origin::Annotation;
    I.From.RawLoc = Classes.front().Loc.getRawEncoding();
    C.add(std::move(I));
  }
  TypedefClasses[TD] = std::move(Classes);
  return &(TypedefContracts[TD] = std::move(C));
}

const Contract &Builder::inheritedFrom(const TypedefNameDecl *TD) {
  auto It = InheritedFromTypedef.find(TD);
  if (It != InheritedFromTypedef.end())
    return It->second;
  Contract Tagged;
  for (ContractItem I : typedefContract(TD)->items()) {
    I.From.Src = Origin::FunctionClass;
    I.From.Via = TD->getName().str();
    Tagged.add(std::move(I));
  }
  return InheritedFromTypedef[TD] = std::move(Tagged);
}

const Contract *Builder::inheritedFromRole(StringRef ClassName) {
  auto [It, New] = InheritedFromRole.try_emplace(ClassName);
  if (New)
    if (const Contract *Role = Model.Kernel.role(ClassName)) {
      Contract Tagged;
      for (ContractItem I : Role->items()) {
        I.From.Via = ClassName.str();
        Tagged.add(std::move(I));
      }
      It->second = std::move(Tagged);
    }
  return It->second ? &*It->second : nullptr;
}

void Builder::mergeRedeclaration(Contract &Into, const Contract &From) {
  for (const ContractItem &I : From.items()) {
    bool Present = false;
    for (const ContractItem &J : Into.items()) {
      if (J.Kind != I.Kind || !(J.Cond == I.Cond))
        continue;
      Present = true;
      reportRepeat(J, I, /*SameDeclaration=*/false);
      break;
    }
    if (!Present)
      Into.add(I);
  }
}

// Two values on one declaration: the first item of each kind and condition
// stays. In place, as merging into an empty contract would do, without
// copying the items when (as almost always) nothing repeats.
void Builder::dropRepeats(Contract &C) {
  const Contract::ItemList &Items = C.items();
  SmallVector<bool, 8> Repeat(Items.size());
  bool Any = false;
  for (size_t I = 1; I < Items.size(); ++I)
    for (size_t J = 0; J < I; ++J) {
      if (Repeat[J] || Items[J].Kind != Items[I].Kind || !(Items[J].Cond == Items[I].Cond))
        continue;
      reportRepeat(Items[J], Items[I], /*SameDeclaration=*/true);
      Repeat[I] = Any = true;
      break;
    }
  if (!Any)
    return;
  Contract Kept;
  for (size_t I = 0; I < Items.size(); ++I)
    if (!Repeat[I])
      Kept.add(Items[I]);
  C = std::move(Kept);
}

void Builder::reportRepeat(const ContractItem &J, const ContractItem &I, bool SameDeclaration) {
  if (J.sameMeaning(I) || I.Cond.K != Condition::Always)
    return;
  // The value as the contract text spells it: a level, argN or ret.
  auto Show = [&](const ContractItem &It) {
    std::string V = It.Name.empty() ? "" : It.Name + ":";
    switch (It.Value.K) {
    case ItemValue::Lvl: return V + levelName(It.Value.N);
    case ItemValue::Arg: return V + "arg" + std::to_string(It.Value.N);
    case ItemValue::Ret: return V + "ret";
    case ItemValue::Global: return V + "@" + It.Name;
    case ItemValue::None: break;
    }
    return V;
  };
  std::string Prev = Show(J), Now = Show(I);
  report(CheckId::AnnotationConflict, I.From.RawLoc,
         SameDeclaration
             ? Twine("conflicting annotations on one declaration: ") + itemKeyword(I.Kind) + "=" +
                   Now + " after " + itemKeyword(I.Kind) + "=" + Prev
             : Twine("redeclaration gives ") + itemKeyword(I.Kind) + "=" + Now +
                   " but an earlier declaration gives " + Prev,
         {DiagNote{DiagLoc::clang(J.From.RawLoc), "earlier annotation is here"}});
}

void Builder::checkRanges(const Contract &C) {
  const ContractItem *Min = C.find(ItemKind::Min), *Max = C.find(ItemKind::Max),
                     *Req = C.find(ItemKind::Req), *Raises = C.find(ItemKind::Raises);
  auto LevelOf = [](const ContractItem *I) -> std::optional<unsigned> {
    if (I && I->Value.K == ItemValue::Lvl && I->From.Src == Origin::Annotation)
      return I->Value.N;
    return std::nullopt;
  };
  auto Note = [](const ContractItem *I, const char *What) {
    return DiagNote{DiagLoc::clang(I->From.RawLoc), What};
  };
  if (LevelOf(Min) && LevelOf(Max) && *LevelOf(Min) > *LevelOf(Max))
    report(CheckId::AnnotationRange, Min->From.RawLoc,
           "_IRQL_requires_min_(" + levelName(*LevelOf(Min)) +
               ") is above _IRQL_requires_max_(" + levelName(*LevelOf(Max)) +
               "): no IRQL satisfies both",
           {Note(Max, "maximum given here")});
  if (auto Rq = LevelOf(Req)) {
    if (LevelOf(Max) && *Rq > *LevelOf(Max))
      report(CheckId::AnnotationRange, Req->From.RawLoc,
             "_IRQL_requires_(" + levelName(*Rq) + ") is above _IRQL_requires_max_(" +
                 levelName(*LevelOf(Max)) + ")",
             {Note(Max, "maximum given here")});
    if (LevelOf(Min) && *Rq < *LevelOf(Min))
      report(CheckId::AnnotationRange, Req->From.RawLoc,
             "_IRQL_requires_(" + levelName(*Rq) + ") is below _IRQL_requires_min_(" +
                 levelName(*LevelOf(Min)) + ")",
             {Note(Min, "minimum given here")});
  }
  if (auto Rs = LevelOf(Raises)) {
    std::optional<unsigned> Floor = LevelOf(Req) ? LevelOf(Req) : LevelOf(Min);
    if (Floor && *Rs < *Floor)
      report(CheckId::AnnotationRange, Raises->From.RawLoc,
             "_IRQL_raises_(" + levelName(*Rs) + ") is below the IRQL the function is entered at (" +
                 levelName(*Floor) + "); use __drv_setsIRQL to lower",
             {Note(LevelOf(Req) ? Req : Min, "entry IRQL given here")});
  }
}

void Builder::attributeMarkers(ArrayRef<const FunctionDecl *> Kept) {
  if (State.PagedCodeMarkers.empty())
    return;
  // Function bodies by file, sorted by offset, to find each marker's function.
  DenseMap<FileID, std::vector<std::tuple<unsigned, unsigned, const FunctionDecl *>>> Bodies;
  for (const FunctionDecl *First : Kept)
    for (const FunctionDecl *FD : First->redecls())
      if (FD->doesThisDeclarationHaveABody() && FD->getBody()) {
        SourceRange BR = FD->getBody()->getSourceRange();
        auto [FID, B] = SM.getDecomposedExpansionLoc(BR.getBegin());
        unsigned E = SM.getDecomposedExpansionLoc(BR.getEnd()).second;
        Bodies[FID].push_back({B, E, FD});
      }
  for (auto &KV : Bodies)
    llvm::sort(KV.second);
  for (auto [Loc, Locked] : State.PagedCodeMarkers) {
    auto [FID, Off] = SM.getDecomposedExpansionLoc(Loc);
    auto It = Bodies.find(FID);
    if (It == Bodies.end())
      continue;
    auto &V = It->second;
    auto Pos = llvm::upper_bound(V, Off, [](unsigned O, const auto &T) {
      return O < std::get<0>(T);
    });
    if (Pos == V.begin())
      continue;
    --Pos;
    if (Off <= std::get<1>(*Pos))
      Markers[std::get<2>(*Pos)].push_back({Loc, Locked});
  }
}

Contract Builder::buildFunction(const FunctionDecl *First, std::string *Provenance) {
  Contract C;
  std::vector<ClassUse> Classes;
  const TypedefNameDecl *DeclaringTypedef = nullptr;
  SourceLocation DeclaringTypedefLoc;
  for (const FunctionDecl *FD : First->redecls()) {
    SmallVector<ParmVarDecl *, 8> Params(FD->parameters().begin(), FD->parameters().end());
    // Two values on one declaration first, then against earlier declarations
    // (the first annotated declaration's items are the contract's as they are).
    if (C.empty()) {
      addAnnotations(FD, Params, FD->getReturnType(), C, Classes);
      dropRepeats(C);
    } else {
      Contract Own;
      addAnnotations(FD, Params, FD->getReturnType(), Own, Classes);
      dropRepeats(Own);
      mergeRedeclaration(C, Own);
    }
    if (const auto *TT = FD->getType()->getAs<TypedefType>())
      if (!DeclaringTypedef) {
        DeclaringTypedef = TT->getDecl();
        DeclaringTypedefLoc = FD->getLocation();
      }
  }
  checkRanges(C);
  // With no maximum anywhere (annotation, function class), the documented
  // default _IRQL_requires_max_(DISPATCH_LEVEL) applies: a higher minimum
  // leaves no IRQL at all. The analysis goes by the minimum then.
  if (const ContractItem *Min = C.find(ItemKind::Min);
      Min && Min->From.Src == Origin::Annotation && Min->Value.K == ItemValue::Lvl &&
      Min->Value.N > DispatchLevel && !C.has(ItemKind::Max) && !C.has(ItemKind::Req) &&
      Classes.empty() && !DeclaringTypedef)
    report(CheckId::AnnotationRange, Min->From.RawLoc,
           "_IRQL_requires_min_(" + levelName(Min->Value.N) +
               ") is above the implied _IRQL_requires_max_(DISPATCH_LEVEL) of a function "
               "without a maximum: no IRQL satisfies both; add _IRQL_requires_max_");

  // Dispatch types: _Dispatch_type_(IRP_MJ_CLOSE), or fastfat's
  // _Function_class_(IRP_MJ_CLOSE) beside _Function_class_(DRIVER_DISPATCH),
  // name a major function the routine serves, not a second class.
  DispatchTypes Majors;
  SourceLocation MajorLoc;
  bool AnyMajor = false;
  llvm::erase_if(Classes, [&](const ClassUse &U) {
    std::optional<int64_t> Code = dispatchTypeOf(U.Name);
    if (!Code)
      return false;
    if (*Code == OtherDispatchTypes)
      AnyMajor = true;
    else
      Majors.add(unsigned(*Code));
    if (MajorLoc.isInvalid())
      MajorLoc = U.Loc;
    return true;
  });
  bool AnnotatedMajors = !Majors.empty() || AnyMajor;
  auto Reg = Registered.find(First);
  if (Reg != Registered.end() && Reg->second.Role == "DRIVER_DISPATCH") {
    // MajorFunction[IRP_MJ_READ] = F: the majors it is stored for count too.
    Majors.addAll(Reg->second.Majors);
    AnyMajor |= Reg->second.AnyMajor;
    if (MajorLoc.isInvalid())
      MajorLoc = Reg->second.Loc;
  }

  // Function class: explicit _Function_class_, or the typedef the function
  // was declared with (KDEFERRED_ROUTINE MyDpc;).
  std::string ClassName;
  if (!Classes.empty()) {
    ClassName = Classes.front().Name;
    for (const ClassUse &U : Classes)
      if (U.Name != ClassName) {
        report(CheckId::FunctionClassMultiple, U.Loc.getRawEncoding(),
               "'" + First->getName() + "' is given a second function class '" + U.Name +
                   "' (already '" + ClassName + "')",
               {DiagNote{at(Classes.front().Loc), "first function class given here"}});
        break;
      }
  }
  const TypedefNameDecl *ClassTypedef = DeclaringTypedef;
  SourceLocation ClassLoc = Classes.empty() ? DeclaringTypedefLoc : Classes.front().Loc;
  if (DeclaringTypedef) {
    const Contract *TC = typedefContract(DeclaringTypedef);
    const ContractItem *TClass = TC->find(ItemKind::Class);
    std::string TypedefClass = TClass ? TClass->Name : DeclaringTypedef->getName().str();
    if (!ClassName.empty() && ClassName != TypedefClass)
      report(CheckId::FunctionClassMismatch, Classes.front().Loc.getRawEncoding(),
             "function class '" + ClassName + "' differs from '" + TypedefClass +
                 "', the class of the typedef '" + DeclaringTypedef->getName() +
                 "' that declares '" + First->getName() + "'",
             {DiagNote{at(DeclaringTypedefLoc), "declared through the typedef here"}});
    // Declared through a function typedef: that typedef is the role, even
    // when (as in mingw-w64) it carries no annotations.
    if (ClassName.empty())
      ClassName = TypedefClass;
  } else if (!ClassName.empty()) {
    ClassTypedef = typedefNamed(ClassName);
  } else if (AnnotatedMajors) {
    // _Dispatch_type_ alone: a dispatch routine.
    ClassName = "DRIVER_DISPATCH";
    ClassTypedef = typedefNamed(ClassName);
    ClassLoc = MajorLoc;
  }
  if (!ClassName.empty() && !C.has(ItemKind::Class)) {
    ContractItem I{ItemKind::Class, {}, ClassName, {}, {}, {}};
    I.From.Src = Classes.empty() && !AnnotatedMajors ? Origin::FunctionClass : Origin::Annotation;
    I.From.RawLoc = ClassLoc.getRawEncoding();
    if (ClassTypedef)
      I.From.Via = ClassTypedef->getName().str();
    C.add(std::move(I));
  }

  // A callback known only from its registration (KeInitializeDpc(&D, MyDpc, C),
  // DriverObject->DriverUnload = MyUnload) gets the role the registration
  // implies, and what the role's typedef says.
  if (ClassName.empty() && Reg != Registered.end()) {
    ClassName = Reg->second.Role;
    ClassTypedef = typedefNamed(ClassName);
    ContractItem I{ItemKind::Class, {}, ClassName, {}, {}, {}};
    I.From.Src = Origin::Inferred;
    I.From.RawLoc = Reg->second.Loc.getRawEncoding();
    I.From.Via = "registered with " + Reg->second.Via;
    C.add(std::move(I));
    if (Provenance)
      *Provenance += " registered with " + Reg->second.Via + ";";
  }
  // A filter-manager post-operation registered in another file (Microsoft's
  // ctx and minispy samples): its type alone says what it is, not whether its
  // pre-operation synchronizes, so it gets only the bound every post-operation
  // keeps (Roles.def, FLT_POST_OPERATION_BY_TYPE).
  if (ClassName.empty() && Reg == Registered.end() && First->getNumParams() == 4 &&
      First->hasBody() && isPostOperationType(First)) {
    ClassName = "FLT_POST_OPERATION_BY_TYPE";
    ContractItem I{ItemKind::Class, {}, ClassName, {}, {}, {}};
    I.From.Src = Origin::Inferred;
    I.From.RawLoc = First->getLocation().getRawEncoding();
    I.From.Via = "the type of PFLT_POST_OPERATION_CALLBACK";
    C.add(std::move(I));
  }
  // DriverEntry is a DRIVER_INITIALIZE even when declared without the typedef.
  if (ClassName.empty() && First->getIdentifier() && First->getName() == "DriverEntry") {
    ClassName = "DRIVER_INITIALIZE";
    ContractItem I{ItemKind::Class, {}, ClassName, {}, {}, {}};
    I.From.Src = Origin::FunctionClass;
    I.From.RawLoc = First->getLocation().getRawEncoding();
    C.add(std::move(I));
  }

  if (ClassTypedef) {
    const Contract &Tagged = inheritedFrom(ClassTypedef);
    if (!Tagged.empty())
      if (Provenance)
        *Provenance += " class " + ClassTypedef->getName().str() + ";";
    C.addMissingFrom(Tagged);
  }

  auto IsEntry = [](const ContractItem &I) {
    return I.Kind == ItemKind::Req || I.Kind == ItemKind::Max || I.Kind == ItemKind::Min;
  };
  // Replaces the entry items the function class gave (never those written on
  // the function) by Entry.
  auto ReplaceClassEntry = [&](const Contract &Entry) {
    Contract Kept;
    for (const ContractItem &I : C.items())
      if (!IsEntry(I) || I.From.Src != Origin::FunctionClass)
        Kept.add(I);
    for (const ContractItem &I : Entry.items())
      Kept.add(I);
    C = std::move(Kept);
  };
  // The role table gives the entry IRQL a class's typedef did not state.
  if (!ClassName.empty())
    if (const Contract *Role = inheritedFromRole(ClassName)) {
      Contract Tagged;
      for (ContractItem I : Role->items()) {
        if (!I.From.RawLoc)
          I.From.RawLoc = First->getLocation().getRawEncoding();
        Tagged.add(std::move(I));
      }
      // Entry items come as a group: a typedef with its own max keeps it.
      bool HasEntry = C.has(ItemKind::Req) || C.has(ItemKind::Max) || C.has(ItemKind::Min);
      Contract Filtered;
      for (const ContractItem &I : Tagged.items())
        if (!HasEntry || !IsEntry(I))
          Filtered.add(I);
      size_t Before = C.items().size();
      C.addMissingFrom(Filtered);
      if (C.items().size() != Before)
        if (Provenance)
          *Provenance += " role " + ClassName + ";";
      // Interrupt roles: the WDK writes _IRQL_requires_(HIGH_LEVEL) on
      // KSERVICE_ROUTINE to stand for "some DIRQL", which the role table says
      // as min=3 max=DIRQL.
      const ContractItem *RoleMax = Role->find(ItemKind::Max);
      bool InterruptRole = RoleMax && RoleMax->Value.K == ItemValue::Lvl &&
                           RoleMax->Value.N == Model.Levels.dirqlMax();
      if (InterruptRole && any_of(C.items(), [&](const ContractItem &I) {
            return IsEntry(I) && I.From.Src == Origin::FunctionClass &&
                   I.Value.K == ItemValue::Lvl && I.Value.N == Model.Levels.high();
          })) {
        Contract Entry;
        for (const ContractItem &I : Tagged.items())
          if (IsEntry(I))
            Entry.add(I);
        ReplaceClassEntry(Entry);
        if (Provenance)
          *Provenance += " HIGH_LEVEL as DIRQL;";
      }
    }

  // A dispatch routine is called at the IRQL of the majors it serves
  // (DispatchTypes.def), not at the DISPATCH_LEVEL its typedef allows; what
  // is written on the function itself still wins.
  if (ClassName == "DRIVER_DISPATCH" && !Majors.empty() && !AnyMajor &&
      none_of(C.items(), [&](const ContractItem &I) {
        return IsEntry(I) && I.From.Src != Origin::FunctionClass;
      })) {
    Contract Entry;
    ContractItem Max{ItemKind::Max, ItemValue::level(Majors.maxLevel()), {}, {}, {}, {}};
    Max.From.Src = Origin::FunctionClass;
    Max.From.RawLoc = MajorLoc.getRawEncoding();
    Max.From.Via = "DRIVER_DISPATCH for " + Majors.names();
    Entry.add(std::move(Max));
    ReplaceClassEntry(Entry);
    if (Provenance)
      *Provenance += " dispatch type " + Majors.names() + ";";
  }

  // What the registrations settle beyond the role (Registrations.h): a KMDF
  // queue's execution level, a minifilter post-operation after
  // FLT_PREOP_SYNCHRONIZE. What is written on the function still wins.
  if (Reg != Registered.end() && Reg->second.Entry != Registration::EntryOverride::None &&
      Reg->second.Role == ClassName &&
      none_of(C.items(), [&](const ContractItem &I) {
        return IsEntry(I) && I.From.Src != Origin::FunctionClass;
      })) {
    Contract Entry;
    if (Reg->second.Entry == Registration::EntryOverride::Passive) {
      ContractItem Req{ItemKind::Req, ItemValue::level(PassiveLevel), {}, {}, {}, {}};
      Req.From.Src = Origin::FunctionClass;
      Req.From.RawLoc = Reg->second.Loc.getRawEncoding();
      Req.From.Via = ClassName + ", " + Reg->second.EntryWhy;
      Entry.add(std::move(Req));
    } else if (Reg->second.Entry == Registration::EntryOverride::AtMostApc) {
      ContractItem Max{ItemKind::Max, ItemValue::level(ApcLevel), {}, {}, {}, {}};
      Max.From.Src = Origin::FunctionClass;
      Max.From.BoundOnly = true;
      Max.From.RawLoc = Reg->second.Loc.getRawEncoding();
      Max.From.Via = ClassName + ", " + Reg->second.EntryWhy;
      Entry.add(std::move(Max));
    }
    ReplaceClassEntry(Entry);
    if (Provenance)
      *Provenance += " " + Reg->second.EntryWhy + ";";
  }

  // The interrupt spin lock raises to the interrupt's device IRQL. The WDK
  // writes HIGH_LEVEL for it, as it does on KSERVICE_ROUTINE; read literally,
  // every DIRQL routine under the lock (IoRequestDpc, KeInsertQueueDpc)
  // would be reported and the release would require HIGH_LEVEL.
  if (First->getIdentifier() && (First->getName() == "KeAcquireInterruptSpinLock" ||
                                 First->getName() == "KeReleaseInterruptSpinLock")) {
    Contract Mapped;
    for (ContractItem I : C.items()) {
      if (I.Value.K == ItemValue::Lvl && I.Value.N == Model.Levels.high()) {
        if (I.Kind == ItemKind::Req) {
          ContractItem Lowest = I;
          Lowest.Kind = ItemKind::Min;
          Lowest.Value = ItemValue::level(Model.Levels.dirqlMin());
          Mapped.add(std::move(Lowest));
          I.Kind = ItemKind::Max;
        }
        I.Value = ItemValue::level(Model.Levels.dirqlMax());
      }
      Mapped.add(std::move(I));
    }
    C = std::move(Mapped);
  }

  // The kernel model fills in what the declarations do not say.
  if (First->getIdentifier())
    if (const Contract *M = Model.Kernel.lookup(First->getName())) {
      size_t Before = C.items().size();
      C.addMissingFrom(*M);
      if (C.items().size() != Before) {
        const Origin &O = M->items().front().From;
        if (Provenance)
          *Provenance += O.Src == Origin::UserModel ? " model " + O.Via + ";" : " model;";
      }
    }

  // WdfObjectAcquireLock takes a spin lock, raising to DISPATCH_LEVEL, on an
  // object that is not passive; this translation unit's registrations say
  // whether every object it locks is such one (Registrations.h).
  // WdfInterruptAcquireLock likewise takes the interrupt spin lock, raising
  // to the device's DIRQL, on an interrupt created without PassiveHandling;
  // the registrations say whether every interrupt locked here is one. Which
  // DIRQL is not known: the raise is to the lowest, DISPATCH_LEVEL + 1, as
  // the WDK's own _IRQL_requires_max_(DISPATCH_LEVEL + 1) on both routines
  // has it, so only what is wrong at every DIRQL is reported under the lock.
  auto LockRaises = [&](StringRef Acquire, StringRef Release, const char *Level,
                        StringRef Slot, const char *Why, const char *Note) {
    if (!First->getIdentifier() ||
        (First->getName() != Acquire && First->getName() != Release))
      return;
    Contract Lock;
    std::string Error;
    Origin From;
    From.Src = Origin::KernelModel;
    From.Via = Why;
    std::string Text = First->getName() == Acquire
                           ? ("raises=" + Twine(Level) + " saves-global=" + Slot + ":arg0").str()
                           : ("restores-global=" + Slot + ":arg0").str();
    if (Contract::parse(Text, Model.Levels, Lock, Error, From)) {
      C.addMissingFrom(Lock);
      if (Provenance)
        *Provenance += Note;
    }
  };
  if (ObjectLocksRaise)
    LockRaises("WdfObjectAcquireLock", "WdfObjectReleaseLock", "DISPATCH_LEVEL", "WdfObjectLock",
               "the object lock of a non-passive object", " object lock raises;");
  if (InterruptLocksRaise)
    LockRaises("WdfInterruptAcquireLock", "WdfInterruptReleaseLock", "3", "WdfInterruptLock",
               "the interrupt lock of an interrupt without PassiveHandling",
               " interrupt lock raises;");

  // Pageable: a PAGE* section, or PAGED_CODE() in the body.
  const FunctionDecl *Def = First->getDefinition();
  bool InPagedSection = false;
  SourceLocation SectionLoc;
  for (const FunctionDecl *FD : First->redecls()) {
    StringRef Section;
    if (const auto *SA = FD->getAttr<SectionAttr>())
      Section = SA->getName(), SectionLoc = SA->getLocation();
    else if (const auto *CS = FD->getAttr<CodeSegAttr>())
      Section = CS->getName(), SectionLoc = CS->getLocation();
    if (Section.starts_with("PAGE"))
      InPagedSection = true;
  }
  // A #pragma alloc_text(PAGE, F) this build ignored (no -fms-extensions).
  if (!InPagedSection && Def && First->getIdentifier())
    if (auto It = State.IgnoredAllocText.find(First->getName());
        It != State.IgnoredAllocText.end())
      InPagedSection = true, SectionLoc = It->second;
  bool Paged = false;
  if (Def) {
    auto It = Markers.find(Def);
    ArrayRef<std::pair<SourceLocation, bool>> Ms;
    if (It != Markers.end())
      Ms = It->second;
    for (unsigned I = 1; I < Ms.size(); ++I)
      report(CheckId::PagedCodeTwice, Ms[I].first.getRawEncoding(),
             "PAGED_CODE() appears more than once in '" + First->getName() + "'",
             {DiagNote{at(Ms[0].first), "first PAGED_CODE() is here"}});
    bool HasPlain = any_of(Ms, [](const auto &M) { return !M.second; });
    // Without -fms-extensions #pragma alloc_text is ignored, so whether the
    // function was meant to be pageable cannot be told from this build.
    if (!Ms.empty() && !Ms[0].second && !InPagedSection && CanPlaceSections)
      report(CheckId::PagedCodeOutside, Ms[0].first.getRawEncoding(),
             "PAGED_CODE() in '" + First->getName() +
                 "', which is not placed in a pageable (PAGE) section; add "
                 "#pragma alloc_text(PAGE, " + First->getName() + ")");
    if (InPagedSection && Ms.empty())
      report(CheckId::PagedCodeMissing, Def->getLocation().getRawEncoding(),
             "'" + First->getName() +
                 "' is in a pageable section but does not start with PAGED_CODE() "
                 "(or PAGED_CODE_LOCKED())");
    // PAGED_CODE_LOCKED(): in a PAGE section, but locked while it runs.
    bool LockedOnly = !Ms.empty() && !HasPlain;
    Paged = (InPagedSection && !LockedOnly) || HasPlain;
  }
  if (Paged && !C.has(ItemKind::Paged)) {
    ContractItem I{ItemKind::Paged, {}, {}, {}, {}, {}};
    I.From.Src = Origin::Annotation;
    I.From.RawLoc = (SectionLoc.isValid() ? SectionLoc : Def->getLocation()).getRawEncoding();
    C.add(std::move(I));
  }
  return C;
}

void Builder::run(DumpMode Dump, raw_ostream &OS) {
  collect(Ctx.getTranslationUnitDecl());
  // The top-level declarations of the user's own code, walked once by
  // UserCodeWalk, and the functions they declare.
  // The kit's headers are often brought in with -I, where clang's notion of
  // a system header filters nothing: what is the kit's is decided by
  // KitHeaders, so a build pays for the kit's declarations only where its
  // code reaches them, whichever way the kit is included.
  std::vector<Decl *> UserDecls;
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (!Kit.inKitHeader(D->getLocation()))
      UserDecls.push_back(D);
  DenseSet<const FunctionDecl *> UserFunctions;
  for (const Decl *D : UserDecls)
    addFunctionsDeclaredBy(D, UserFunctions);
  UserCodeFacts Facts = walkUserCode(UserDecls, Kit);
  Registered = std::move(Facts.Registered);
  ObjectLocksRaise = Facts.ObjectLocksRaise;
  InterruptLocksRaise = Facts.InterruptLocksRaise;
  // The IR names only the user's functions and what their code reaches:
  // the thousands of other functions in the headers need no contract (the
  // plugin runs in every compile; this was most of its front-end cost). C++
  // calls functions no expression names (constructors, destructors), so
  // there every referenced function is kept.
  bool CPlusPlus = Ctx.getLangOpts().CPlusPlus;
  ASTNameGenerator Names(Ctx);
  std::vector<const FunctionDecl *> Kept;
  for (const FunctionDecl *First : Functions) {
    if (Dump == DumpMode::All || UserFunctions.count(First) || Facts.Reachable.count(First) ||
        (CPlusPlus && (First->isReferenced() || First->isUsed(false)))) {
      Kept.push_back(First);
      continue;
    }
    // Not kept, so not the user's. A header body that CodeGen emits though
    // nothing reaches it (an external, non-inline definition) is still a
    // system definition, never checked by its body.
    // (The DDK headers hold thousands of inline and static bodies, which
    // CodeGen emits only when used: the cheap bits rule them out before
    // clang's own, costly, question.)
    for (const FunctionDecl *FD : First->redecls())
      if (FD->doesThisDeclarationHaveABody()) {
        if (!FD->isInlined() && (FD->getStorageClass() != SC_Static || FD->hasAttr<UsedAttr>()) &&
            Ctx.DeclMustBeEmitted(FD))
          Model.SystemDefinitions.insert(Names.getName(FD));
        break;
      }
  }
  attributeMarkers(Kept);
  // #pragma alloc_text needs Microsoft extensions, and drivers guard it with
  // #ifdef ALLOC_PRAGMA, which mingw-w64's headers define only for MSVC: then
  // only a TU that places some function in a section shows it could have
  // (or writes an unguarded #pragma alloc_text this build ignored).
  CanPlaceSections =
      !State.IgnoredAllocText.empty() ||
      (Ctx.getLangOpts().MicrosoftExt &&
       (PP.isMacroDefined("ALLOC_PRAGMA") || any_of(Kept, [](const FunctionDecl *F) {
          return any_of(F->redecls(), [](const FunctionDecl *D) {
            return D->hasAttr<SectionAttr>() || D->hasAttr<CodeSegAttr>();
          });
        })));
  // Typedef annotations are checked once, where they are written.
  for (const Decl *D : State.Annotations.decls())
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      typedefContract(TD);

  std::vector<std::pair<SourceLocation, std::string>> Lines;
  for (const FunctionDecl *First : Kept) {
    bool InUserCode = UserFunctions.count(First);
    // The symbol of the definition, reused for the first declaration when it
    // is the definition.
    std::string DefName;
    const FunctionDecl *Def = First->getDefinition();
    if (Def) {
      DefName = Names.getName(Def);
      if (!InUserCode || Kit.inKitHeader(Def->getLocation()))
        Model.SystemDefinitions.insert(DefName);
      else
        Model.DefinitionLocs[DefName] = Def->getLocation().getRawEncoding();
    }
    std::string Provenance;
    Contract C = buildFunction(First, Dump == DumpMode::None ? nullptr : &Provenance);
    if (C.empty())
      continue;
    bool Used = any_of(First->redecls(), [&](const FunctionDecl *FD) {
      return FD->isReferenced() || FD->isUsed(false) || FD->hasBody() ||
             SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
    });
    // The default dump shows the user's functions and the routines they can
    // reach, not every inline helper of the system headers.
    bool Shown = any_of(First->redecls(), [&](const FunctionDecl *FD) {
      bool System = inSystemHeader(FD->getLocation());
      return !System || (FD->isReferenced() && !FD->hasBody());
    });
    if (Dump == DumpMode::All || (Dump == DumpMode::Used && Used && Shown)) {
      std::string Line = "irqlcheck: contract " + First->getNameAsString() + ": " +
                         C.str(Model.Levels);
      if (!Provenance.empty())
        Line += " [" + StringRef(Provenance).trim().rtrim(';').str() + "]";
      Lines.push_back({First->getLocation(), std::move(Line)});
    }
    if (!Used)
      continue;
    // Filled in place: a contract's items move one by one.
    FunctionContract &FC = Model.Functions[Def == First && !DefName.empty()
                                               ? DefName
                                               : Names.getName(First)];
    FC.Name = First->getIdentifier() ? First->getName().str() : First->getNameAsString();
    FC.DeclLoc = First->getLocation().getRawEncoding();
    FC.C = std::move(C);
  }
  for (auto &L : Lines)
    OS << L.second << '\n';

  // Return statements, by where CodeGen puts their `ret` (ExitChecks.cpp).
  // The AST outlives the pass, so the statements are kept as they are.
  if (!Facts.Returns.empty())
    Model.FillReturnStmts = [Returns = std::move(Facts.Returns),
                             &SM = SM](TUModel::ReturnStmtSet &Set) {
      for (const ReturnStmt *RS : Returns) {
        PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(RS->getBeginLoc()));
        if (PL.isValid())
          Set.insert(sourcePos(PL.getFilename(), PL.getLine(), PL.getColumn()));
      }
    };

  // Calls through pointers of a role type get the role's contract.
  std::map<const TypedefNameDecl *, Contract> Roles;
  collectRoleTypedCalls(Ctx, Facts.IndirectCalls, Model, [&](const TypedefNameDecl *TD) -> const Contract * {
    auto It = Roles.find(TD);
    if (It != Roles.end())
      return It->second.empty() ? nullptr : &It->second;
    Contract C = *typedefContract(TD);
    const ContractItem *Class = C.find(ItemKind::Class);
    std::string ClassName = Class ? Class->Name : TD->getName().str();
    if (const Contract *Role = Model.Kernel.role(ClassName))
      C.addMissingFrom(*Role);
    if (!C.empty() && !Class) {
      ContractItem I{ItemKind::Class, {}, ClassName, {}, {}, {}};
      I.From.Src = Origin::FunctionClass;
      C.add(std::move(I));
    }
    Contract &Slot = Roles[TD] = std::move(C);
    return Slot.empty() ? nullptr : &Slot;
  });
}

} // namespace

void buildContracts(ASTContext &Ctx, Preprocessor &PP, FrontendState &State, TUModel &Model,
                    Reporter &R, DumpMode Dump, raw_ostream &OS) {
  Builder(Ctx, PP, State, Model, R).run(Dump, OS);
}

} // namespace irqlcheck
