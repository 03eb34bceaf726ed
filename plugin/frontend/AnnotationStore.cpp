//===- AnnotationStore.cpp - Raw IRQL annotations, as the parser saw them -===//
#include "frontend/AnnotationStore.h"
#include "Compat.h"
#include "frontend/SalMacros.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace irqlcheck {

const char *annotationSpelling(AnnotationKind K) {
  switch (K) {
  case AnnotationKind::RequiresMax: return "_IRQL_requires_max_";
  case AnnotationKind::RequiresMin: return "_IRQL_requires_min_";
  case AnnotationKind::Requires: return "_IRQL_requires_";
  case AnnotationKind::Raises: return "_IRQL_raises_";
  case AnnotationKind::Sets: return "__drv_setsIRQL";
  case AnnotationKind::RequiresSame: return "_IRQL_requires_same_";
  case AnnotationKind::Saves: return "_IRQL_saves_";
  case AnnotationKind::Restores: return "_IRQL_restores_";
  case AnnotationKind::SavesGlobal: return "_IRQL_saves_global_";
  case AnnotationKind::RestoresGlobal: return "_IRQL_restores_global_";
  case AnnotationKind::AlwaysFunctionMax: return "_IRQL_always_function_max_";
  case AnnotationKind::AlwaysFunctionMin: return "_IRQL_always_function_min_";
  case AnnotationKind::UsesCancel: return "_IRQL_uses_cancel_";
  case AnnotationKind::IsCancel: return "_IRQL_is_cancel_";
  case AnnotationKind::FunctionClass: return "_Function_class_";
  case AnnotationKind::When: return "_When_";
  case AnnotationKind::At: return "_At_";
  }
  return "?";
}

bool annotationTakesLevel(AnnotationKind K) {
  switch (K) {
  case AnnotationKind::RequiresMax:
  case AnnotationKind::RequiresMin:
  case AnnotationKind::Requires:
  case AnnotationKind::Raises:
  case AnnotationKind::Sets:
  case AnnotationKind::AlwaysFunctionMax:
  case AnnotationKind::AlwaysFunctionMin:
    return true;
  default:
    return false;
  }
}

static void unwrapNested(llvm::StringRef Text, const std::string &When,
                         const std::string &AtTarget, SourceLocation Loc, NestedParser Parse,
                         llvm::function_ref<void(RawAnnotation)> Emit, unsigned Depth) {
  llvm::SmallVector<NestedAnnotation, 2> Nested;
  Parse(Text, Nested);
  for (NestedAnnotation &N : Nested) {
    std::string A0 = N.Args.size() > 0 ? N.Args[0] : std::string();
    std::string A1 = N.Args.size() > 1 ? N.Args[1] : std::string();
    if (N.Kind == AnnotationKind::When || N.Kind == AnnotationKind::At) {
      // _When_(a, _When_(b, X)): X holds when both do.
      std::string Both = When.empty() ? "(" + A0 + ")" : When + "&&(" + A0 + ")";
      if (Depth < 4)
        unwrapNested(N.Kind == AnnotationKind::When ? A1 : A0,
                     N.Kind == AnnotationKind::When ? Both : When,
                     N.Kind == AnnotationKind::At ? A1 : AtTarget, Loc, Parse, Emit, Depth + 1);
      continue;
    }
    RawAnnotation R;
    R.Kind = N.Kind;
    R.Loc = Loc;
    R.Text = std::move(A0);
    R.Object = std::move(A1);
    R.WhenText = When;
    R.AtTarget = AtTarget;
    Emit(std::move(R));
  }
}

void unwrapAnnotation(AnnotationKind K, llvm::StringRef Text, llvm::StringRef Object,
                      SourceLocation Loc, NestedParser Parse,
                      llvm::function_ref<void(RawAnnotation)> Emit) {
  // The condition is kept in parentheses, so that an empty one still marks
  // the annotation as conditional.
  bool When = K == AnnotationKind::When;
  unwrapNested(When ? Object : Text, When ? "(" + Text.str() + ")" : std::string(),
               When ? std::string() : Object.str(), Loc, Parse, Emit, 0);
}

/// The function prototype written in a typedef (through parentheses,
/// calling-convention attributes and one pointer level).
FunctionTypeLoc prototypeOf(TypeLoc TL) {
  for (unsigned Guard = 0; TL && Guard < 16; ++Guard) {
    if (auto FTL = TL.getAs<FunctionTypeLoc>())
      return FTL;
    if (auto P = TL.getAs<ParenTypeLoc>())
      TL = P.getInnerLoc();
    else if (auto A = TL.getAs<AttributedTypeLoc>())
      TL = A.getModifiedLoc();
    else if (auto M = TL.getAs<MacroQualifiedTypeLoc>())
      TL = M.getInnerLoc();
    else if (auto Ptr = TL.getAs<PointerTypeLoc>())
      TL = Ptr.getPointeeLoc();
    else if (!compat::stepThroughElaborated(TL))
      break;
  }
  return FunctionTypeLoc();
}

void AnnotationStore::add(const clang::Decl *D, RawAnnotation A) {
  if (InOrder.insert(D).second)
    Order.push_back(D);
  ByDecl[D].push_back(std::move(A));
}

/// Does a written annotation wrap others (_When_, _At_)?
static bool wraps(const WrittenAnnotation &A) {
  return A.Kind == AnnotationKind::When || A.Kind == AnnotationKind::At;
}

/// What a written annotation reads as: the annotations it wraps, or itself.
static void readWritten(const WrittenAnnotation &A, llvm::function_ref<void(RawAnnotation)> Emit) {
  if (wraps(A)) {
    unwrapAnnotation(A.Kind, A.Text, A.Object, A.Loc, parseWrittenAnnotations, Emit);
    return;
  }
  RawAnnotation R;
  R.Kind = A.Kind;
  R.Loc = A.Loc;
  R.Text = A.Text.str();
  R.Object = A.Object.str();
  R.Value = A.Value;
  Emit(std::move(R));
}

void AnnotationStore::addUserWritten(
    WrittenAnnotation A,
    llvm::function_ref<std::optional<int64_t>(llvm::StringRef)> EvaluateLevel) {
  // A name defined later is retried at the end of the translation unit.
  A.User = true;
  if (!wraps(A)) {
    if (annotationTakesLevel(A.Kind))
      A.Value = EvaluateLevel(A.Text);
    addWritten(A);
    return;
  }
  A.ReadBegin = Read.size();
  readWritten(A, [&](RawAnnotation R) {
    if (annotationTakesLevel(R.Kind))
      R.Value = EvaluateLevel(R.Text);
    Read.push_back(std::move(R));
  });
  A.ReadEnd = Read.size();
  addWritten(A);
}

void AnnotationStore::release() {
  // Swapped with empty ones, so their memory goes (clear() keeps it).
  decltype(ByDecl)().swap(ByDecl);
  std::vector<const Decl *>().swap(Order);
  decltype(InOrder)().swap(InOrder);
  std::vector<RawAnnotation>().swap(Read);
  std::vector<WrittenAnnotation>().swap(Recorded);
  std::vector<unsigned>().swap(Pending);
  decltype(Written)().swap(Written);
  decltype(Attached)().swap(Attached);
  std::vector<unsigned>().swap(NextWritten);
  Stale = 0;
  Buffer = llvm::StringRef();
  BufferFile = FileID();
  Arena.Reset();
}

const llvm::SmallVectorImpl<RawAnnotation> *
AnnotationStore::lookup(const clang::Decl *D, llvm::ArrayRef<ParmVarDecl *> Params) {
  if (NextWritten.size() < Attached.size())
    indexWritten();
  if (!Written.empty())
    if (auto W = Written.find(D); W != Written.end())
      resolveWritten(D, Params);
  auto It = ByDecl.find(D);
  return It == ByDecl.end() ? nullptr : &It->second;
}

namespace {
/// Where a declaration ends, in its file.
struct DeclEnd {
  const Decl *D;
  FileID File;
  unsigned Offset;
  bool Member = false; // inside a struct, union or class body ...
  unsigned Body = 0;   // ... whose '{' is here
};

void flatten(Decl *D, const SourceManager &SM, llvm::ArrayRef<WrittenAnnotation> Recorded,
             llvm::ArrayRef<unsigned> Pending, llvm::SmallVectorImpl<DeclEnd> &Out,
             const DeclEnd *In = nullptr) {
  if (isa<LinkageSpecDecl>(D) || isa<NamespaceDecl>(D)) {
    for (Decl *Inner : cast<DeclContext>(D)->decls())
      flatten(Inner, SM, Recorded, Pending, Out, In);
    return;
  }
  SourceLocation End = D->getEndLoc();
  if (End.isInvalid())
    return;
  auto [File, Offset] = SM.getDecomposedExpansionLoc(End);
  // An annotation in a struct's body is its members' (a field holding a
  // function pointer, a C++ method), never a declarator's after the '}'.
  // (Looked into only when an annotation is pending before its end.)
  auto Before = [&](unsigned From) {
    return llvm::any_of(Pending, [&](unsigned I) {
      const WrittenAnnotation &A = Recorded[I];
      return A.File == File && A.Offset > From && A.Offset <= Offset;
    });
  };
  auto *RD = dyn_cast<RecordDecl>(D);
  if (RD && RD->isThisDeclarationADefinition() && Before(0)) {
    auto [BodyFile, Body] = SM.getDecomposedExpansionLoc(RD->getBraceRange().getBegin());
    if (BodyFile == File && Before(Body)) {
      DeclEnd Members{RD, File, Offset, true, Body};
      for (Decl *Inner : RD->decls())
        flatten(Inner, SM, Recorded, Pending, Out, &Members);
      Out.push_back(Members); // up to the '}': the body's, no one's
    }
  }
  Out.push_back({D, File, Offset, In != nullptr, In ? In->Body : 0});
}

/// typedef void __stdcall F(...) ends, for clang, at its calling
/// convention's attribute, before its parameters: where its prototype ends
/// (asked only when an annotation follows the clang end).
unsigned prototypeEnd(const DeclEnd &E, const SourceManager &SM) {
  const auto *TD = dyn_cast<TypedefNameDecl>(E.D);
  if (!TD || !isa<AttributedType, MacroQualifiedType>(TD->getUnderlyingType().getTypePtr()))
    return E.Offset;
  const TypeSourceInfo *TSI = TD->getTypeSourceInfo();
  if (FunctionTypeLoc FTL = TSI ? prototypeOf(TSI->getTypeLoc()) : FunctionTypeLoc()) {
    auto [File, RParen] = SM.getDecomposedExpansionLoc(FTL.getRParenLoc());
    if (File == E.File && RParen > E.Offset)
      return RParen;
  }
  return E.Offset;
}

/// Is Offset, after the end of a declaration at End, still part of it: no
/// ';', '{', '}' or ',' (outside comments) in between? Then an annotation
/// there is written after the declarator (void f(void) _IRQL_requires_max_(X);).
bool trailing(llvm::StringRef Buf, unsigned End, unsigned Offset) {
  if (Offset > Buf.size() || Offset - End > 4096)
    return false;
  for (unsigned I = End; I < Offset; ++I) {
    char C = Buf[I];
    if (C == ';' || C == '{' || C == '}' || C == ',')
      return false;
    if (C == '/' && I + 1 < Offset && Buf[I + 1] == '/') {
      while (I < Offset && Buf[I] != '\n')
        ++I;
    } else if (C == '/' && I + 1 < Offset && Buf[I + 1] == '*') {
      size_t Close = Buf.find("*/", I + 2);
      if (Close == llvm::StringRef::npos)
        return false;
      I = unsigned(Close) + 1;
    }
  }
  return true;
}
/// Where the first declarator of a group is named (~0u if it has none).
unsigned firstNameOffset(DeclGroupRef DG, const SourceManager &SM) {
  for (Decl *D : DG)
    if (isa<DeclaratorDecl>(D) || isa<TypedefNameDecl>(D))
      return SM.getDecomposedExpansionLoc(D->getLocation()).second;
  return ~0u;
}
} // namespace

bool AnnotationStore::afterEndIsOwn(const Decl *D, FileID File, unsigned End, unsigned Offset) {
  return trailing(bufferOf(File), End, Offset) || Offset <= prototypeEnd({D, File, End}, *SM);
}

void AnnotationStore::attachTo(const Decl *D, unsigned Index) {
  Attached.push_back({D, Index});
  if (Recorded[Index].User && InOrder.insert(D).second)
    Order.push_back(D);
}

void AnnotationStore::attachOne(Decl *D) {
  // attachPending's rules for a group of one end: each pending annotation is
  // D's or stays pending (once).
  size_t Keep = 0;
  SourceLocation EndLoc = D->getEndLoc();
  if (EndLoc.isValid()) {
    auto [File, Offset] = SM->getDecomposedExpansionLoc(EndLoc);
    bool Takes = isa<FunctionDecl>(D) || isa<TypedefNameDecl>(D);
    for (size_t I = 0; I < Pending.size(); ++I) {
      const WrittenAnnotation &A = Recorded[Pending[I]];
      if (A.File == File && (A.Offset <= Offset || afterEndIsOwn(D, File, Offset, A.Offset))) {
        if (Takes)
          attachTo(D, Pending[I]);
        continue;
      }
      if (I >= Stale)
        Pending[Keep++] = Pending[I];
    }
  } else {
    for (size_t I = Stale; I < Pending.size(); ++I)
      Pending[Keep++] = Pending[I];
  }
  Pending.resize(Keep);
  Stale = Keep;
}

void AnnotationStore::attachPending(DeclGroupRef DG, const SourceManager &SrcMgr) {
  SM = &SrcMgr;
  // Most groups are one declaration that neither nests others nor has a
  // body of members: one end, no search (the parser's thousands of groups).
  if (DG.isSingleDecl() && !isa<LinkageSpecDecl>(DG.getSingleDecl()) &&
      !isa<NamespaceDecl>(DG.getSingleDecl()) && !isa<RecordDecl>(DG.getSingleDecl())) {
    attachOne(DG.getSingleDecl());
    return;
  }
  llvm::SmallVector<DeclEnd, 4> Ends;
  for (Decl *D : DG)
    flatten(D, SrcMgr, Recorded, Pending, Ends);
  // Each annotation belongs to the first declaration of the group that ends
  // after it, or ends just before it with nothing that closes a declaration in
  // between. What follows the group's end is the next group's (the parser
  // has lexed ahead), unless it was pending before the last group too.
  size_t Keep = 0, J = 0;
  for (size_t I = 0; I < Pending.size(); ++I) {
    const WrittenAnnotation &A = Recorded[Pending[I]];
    size_t K = J;
    for (; K < Ends.size(); ++K) {
      const DeclEnd &E = Ends[K];
      if (E.File == A.File && (!E.Member || A.Offset > E.Body) &&
          (A.Offset <= E.Offset || afterEndIsOwn(E.D, E.File, E.Offset, A.Offset)))
        break;
    }
    if (K < Ends.size()) {
      // Written before the first declarator (int _X_ A(void), B(void);), as
      // an attribute there would be: every declarator's.
      bool All = Ends.size() > 1 && DG.isDeclGroup() && !Ends[K].Member &&
                 A.Offset < firstNameOffset(DG, SrcMgr);
      for (size_t Each = All ? 0 : K; Each < (All ? Ends.size() : K + 1); ++Each) {
        const Decl *D = Ends[Each].D;
        if (!isa<FunctionDecl>(D) && !isa<TypedefNameDecl>(D))
          continue;
        if (All && Ends[Each].Member)
          continue;
        attachTo(D, Pending[I]);
      }
      J = K;
      continue;
    }
    if (I >= Stale)
      Pending[Keep++] = Pending[I];
  }
  Pending.resize(Keep);
  Stale = Keep;
}

void AnnotationStore::indexWritten() {
  // At most one bucket per entry: no rehashing.
  Written.reserve(Written.size() + Attached.size() - NextWritten.size());
  NextWritten.reserve(Attached.size());
  for (unsigned I = NextWritten.size(); I < Attached.size(); ++I) {
    NextWritten.push_back(~0u);
    auto [It, New] = Written.try_emplace(Attached[I].first, I, I);
    if (!New)
      NextWritten[std::exchange(It->second.second, I)] = I;
  }
}

llvm::StringRef AnnotationStore::bufferOf(FileID File) {
  if (File != BufferFile) {
    bool Invalid = false;
    Buffer = SM->getBufferData(File, &Invalid);
    if (Invalid)
      Buffer = llvm::StringRef();
    BufferFile = File;
  }
  return Buffer;
}

/// Is A written in the parameter list of P's own function type (void
/// (*Cb)(_IRQL_saves_ PKIRQL Old)): then it is about that function's
/// parameter, which no contract reads.
static bool insideOwnPrototype(const ParmVarDecl *P, const WrittenAnnotation &A,
                               const SourceManager &SM) {
  if (!P->getType()->isFunctionPointerType())
    return false;
  const TypeSourceInfo *TSI = P->getTypeSourceInfo();
  FunctionTypeLoc FTL = TSI ? prototypeOf(TSI->getTypeLoc()) : FunctionTypeLoc();
  if (!FTL)
    return false;
  auto [F, O] = SM.getDecomposedExpansionLoc(FTL.getLParenLoc());
  return F == A.File && A.Offset > O;
}

void AnnotationStore::resolveWritten(const Decl *D, llvm::ArrayRef<ParmVarDecl *> Params) {
  llvm::SmallVector<const WrittenAnnotation *, 4> List;
  for (unsigned I = Written.lookup(D).first; I != ~0u; I = NextWritten[I])
    List.push_back(&Recorded[Attached[I].second]);
  Written.erase(D);
  // Written inside the prototype's parentheses (after the declaration's name,
  // up to its last parameter): the parameter that ends first after it.
  auto [NameFile, NameOffset] = SM->getDecomposedExpansionLoc(D->getLocation());
  unsigned LastParamEnd = 0;
  if (!Params.empty() && Params.back()) {
    auto [F, O] = SM->getDecomposedExpansionLoc(Params.back()->getEndLoc());
    if (F == NameFile)
      LastParamEnd = O;
  }
  // A body's annotations are its local declarations'.
  unsigned BodyBegin = ~0u;
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (FD->doesThisDeclarationHaveABody() && FD->getBody()) {
      auto [F, O] = SM->getDecomposedExpansionLoc(FD->getBody()->getBeginLoc());
      if (F == NameFile)
        BodyBegin = O;
    }
  for (const WrittenAnnotation *Each : List) {
    const WrittenAnnotation &A = *Each;
    if (A.File == NameFile && A.Offset >= BodyBegin)
      continue;
    const Decl *Owner = D;
    if (A.File == NameFile && A.Offset > NameOffset && A.Offset <= LastParamEnd)
      for (ParmVarDecl *P : Params) {
        if (!P)
          continue;
        auto [F, O] = SM->getDecomposedExpansionLoc(P->getEndLoc());
        if (F == NameFile && A.Offset <= O) {
          Owner = insideOwnPrototype(P, A, *SM) ? nullptr : P;
          break;
        }
      }
    if (!Owner)
      continue;
    auto &Into = ByDecl[Owner];
    if (A.User && wraps(A))
      Into.append(Read.begin() + A.ReadBegin, Read.begin() + A.ReadEnd);
    else
      readWritten(A, [&](RawAnnotation R) { Into.push_back(std::move(R)); });
  }
}

} // namespace irqlcheck
