//===- ModelSelfCheck.cpp - Hold the kernel model against real headers ----===//
#include "frontend/ModelSelfCheck.h"
#include "model/KernelModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/TargetInfo.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace irqlcheck {

/// The TU's declaration of a routine, if it has a prototype.
static const FunctionDecl *declarationOf(ASTContext &Ctx, llvm::StringRef Name) {
  for (const NamedDecl *ND : Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *FD = dyn_cast<FunctionDecl>(ND))
      return FD->hasPrototype() ? FD : nullptr;
  return nullptr;
}

/// Does the user's entry name an argument its declaration lacks?
static bool userEntryTooWide(ASTContext &Ctx, llvm::StringRef Name, const Contract &C,
                             const FunctionDecl *&FD) {
  FD = declarationOf(Ctx, Name);
  return FD && !FD->isVariadic() && argumentsNamed(C) > FD->getNumParams();
}

static std::string modelLine(const Contract &C) {
  return C.empty() ? std::string() : C.items().front().From.Via;
}

unsigned checkUserModelArity(ASTContext &Ctx, const KernelModel &Model,
                             DiagnosticsEngine &Diags) {
  unsigned Bad = 0;
  for (const auto &KV : Model.userEntries()) {
    const FunctionDecl *FD;
    if (!userEntryTooWide(Ctx, KV.first(), KV.second, FD))
      continue;
    ++Bad;
    Diags.Report(FD->getLocation(),
                 Diags.getCustomDiagID(DiagnosticsEngine::Error,
                                       "irqlcheck: %0: %1: names arg%2, but '%1' is declared "
                                       "with %3 parameter(s)"))
        << modelLine(KV.second) << KV.first() << (argumentsNamed(KV.second) - 1)
        << FD->getNumParams();
  }
  return Bad;
}

namespace {
/// api/DocExceptions.def: entries whose page is another routine's (Documented)
/// or that have none (Documented null).
struct DocException {
  const char *Name;
  const char *Documented;
};
constexpr DocException DocExceptions[] = {
#define IRQL_API_DOC_AS(Name, Documented) {#Name, #Documented},
#define IRQL_API_UNDOCUMENTED(Name) {#Name, nullptr},
#include "model/api/DocExceptions.def"
};

/// No kernel routine takes more parameters than this (the widest documented
/// ones, the Nt/Zw audit-alarm services, take 17).
constexpr unsigned MaxArity = 20;

bool headerAllowed(llvm::StringRef Header, llvm::StringRef Headers) {
  llvm::SmallVector<llvm::StringRef, 4> List;
  Headers.split(List, ' ', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef H : List)
    if (H.consume_back("*") ? Header.starts_with(H) : Header == H)
      return true;
  return false;
}

bool isSlugWord(llvm::StringRef S) {
  return !S.empty() && llvm::all_of(S, [](char C) {
    return (C >= 'a' && C <= 'z') || (C >= '0' && C <= '9') || C == '_';
  });
}

/// Why E's doc column is not the page its family and name call for ("" if it is).
std::string docProblem(const KernelApiEntry &E, const DocException *Ex) {
  llvm::StringRef Doc = E.doc();
  if (Ex && !Ex->Documented)
    return Doc.empty() ? "" : "listed as undocumented, but has a doc page";
  if (Doc.empty())
    return "no doc page";
  auto [Header, Page] = Doc.split('/');
  if (!isSlugWord(Header) || Page.empty())
    return "not '<header>/nf-<header>-<name>'";
  if (!headerAllowed(Header, E.headers()))
    return ("header '" + Header + "' is not the family's (" + E.headers() + ")").str();
  std::string Want = ("nf-" + Header + "-" + llvm::StringRef(Ex ? Ex->Documented : E.name()).lower()).str();
  if (Page != Want)
    return ("page '" + Page + "', expected '" + Want + "'").str();
  return "";
}
} // namespace

static unsigned checkDocLinks(llvm::raw_ostream &OS) {
  unsigned Problems = 0;
  llvm::StringMap<const DocException *> Exceptions;
  for (const DocException &X : DocExceptions)
    Exceptions[X.Name] = &X;
  llvm::StringMap<const KernelApiEntry *> Seen;
  for (const KernelApiEntry &E : kernelApiTable()) {
    std::string Why;
    if (auto [It, New] = Seen.try_emplace(E.name(), &E); !New)
      Why = ("duplicate of the entry in " + llvm::StringRef(It->second->file())).str();
    else if (unsigned(E.Arity) > MaxArity)
      Why = "arity " + std::to_string(unsigned(E.Arity)) + " is more than any kernel routine has";
    else
      Why = docProblem(E, Exceptions.lookup(E.name()));
    if (Why.empty())
      continue;
    ++Problems;
    OS << "irqlcheck: model: " << E.name() << " (" << E.file() << "): doc '" << E.doc()
       << "': " << Why << "\n";
  }
  for (const DocException &X : DocExceptions)
    if (!Seen.count(X.Name)) {
      ++Problems;
      OS << "irqlcheck: model: " << X.Name
         << " (DocExceptions.def): an exception for a routine the table does not have\n";
    }
  OS << "irqlcheck: model: " << kernelApiTable().size() << " doc links, " << Problems
     << " not well-formed\n";
  return Problems;
}

unsigned checkModelAgainstDeclarations(ASTContext &Ctx, const KernelModel &User,
                                       llvm::raw_ostream &OS) {
  unsigned Declared = 0, Mismatches = checkDocLinks(OS);
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  LevelTable Levels = LevelTable::forTriple(Ctx.getTargetInfo().getTriple().str());
  KernelModel Model(Levels);
  for (const KernelApiEntry &E : kernelApiTable()) {
    Contract C;
    std::string Error;
    if (!Contract::parse(E.contract(), Levels, C, Error) || C.empty()) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.name() << ": bad contract '" << E.contract() << "': " << Error
         << "\n";
    } else if (argumentsNamed(C) > unsigned(E.Arity)) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.name() << " names arg" << argumentsNamed(C) - 1
         << " but has " << unsigned(E.Arity) << " parameters in the table\n";
    } else if (const Contract *ByName = Model.lookup(E.name());
               !ByName || ByName->str(Levels) != C.str(Levels)) {
      // The name index is computed by the C++ compiler; hold it to the table.
      ++Mismatches;
      OS << "irqlcheck: model: " << E.name() << ": not found by name in the model\n";
    }
    const FunctionDecl *Found = nullptr;
    for (const NamedDecl *ND : TU->lookup(&Ctx.Idents.get(E.name())))
      if ((Found = dyn_cast<FunctionDecl>(ND)))
        break;
    if (!Found)
      continue;
    ++Declared;
    if (Found->getNumParams() != unsigned(E.Arity)) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.name() << " has " << unsigned(E.Arity)
         << " parameters in the table but " << Found->getNumParams() << " in the headers\n";
    }
  }
  for (const auto &KV : User.userEntries()) {
    const FunctionDecl *FD;
    if (!userEntryTooWide(Ctx, KV.first(), KV.second, FD))
      continue;
    ++Mismatches;
    OS << "irqlcheck: model: " << modelLine(KV.second) << ": " << KV.first() << " names arg"
       << argumentsNamed(KV.second) - 1 << " but has " << FD->getNumParams()
       << " parameters in the headers\n";
  }
  OS << "irqlcheck: model: " << Declared << " of " << kernelApiTable().size()
     << " entries declared, " << Mismatches << " mismatches\n";
  return Mismatches;
}

} // namespace irqlcheck
