//===- ModelSelfCheck.cpp - Hold the kernel model against real headers ----===//
#include "frontend/ModelSelfCheck.h"
#include "model/KernelModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/TargetInfo.h"

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

unsigned checkModelAgainstDeclarations(ASTContext &Ctx, const KernelModel &User,
                                       llvm::raw_ostream &OS) {
  unsigned Declared = 0, Mismatches = 0;
  TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  LevelTable Levels = LevelTable::forTriple(Ctx.getTargetInfo().getTriple().str());
  KernelModel Model(Levels);
  for (const KernelApiEntry &E : kernelApiTable()) {
    Contract C;
    std::string Error;
    if (!Contract::parse(E.Contract, Levels, C, Error) || C.empty()) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.Name << ": bad contract '" << E.Contract << "': " << Error
         << "\n";
    } else if (argumentsNamed(C) > E.Arity) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.Name << " names arg" << argumentsNamed(C) - 1
         << " but has " << E.Arity << " parameters in the table\n";
    } else if (const Contract *ByName = Model.lookup(E.Name);
               !ByName || ByName->str(Levels) != C.str(Levels)) {
      // The name index is computed by the C++ compiler; hold it to the table.
      ++Mismatches;
      OS << "irqlcheck: model: " << E.Name << ": not found by name in the model\n";
    }
    const FunctionDecl *Found = nullptr;
    for (const NamedDecl *ND : TU->lookup(&Ctx.Idents.get(E.Name)))
      if ((Found = dyn_cast<FunctionDecl>(ND)))
        break;
    if (!Found)
      continue;
    ++Declared;
    if (Found->getNumParams() != E.Arity) {
      ++Mismatches;
      OS << "irqlcheck: model: " << E.Name << " has " << E.Arity
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
