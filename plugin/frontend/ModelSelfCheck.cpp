//===- ModelSelfCheck.cpp - Hold the kernel model against real headers ----===//
#include "frontend/ModelSelfCheck.h"
#include "model/KernelModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/TargetInfo.h"

using namespace clang;

namespace irqlcheck {

unsigned checkModelAgainstDeclarations(ASTContext &Ctx, llvm::raw_ostream &OS) {
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
  OS << "irqlcheck: model: " << Declared << " of " << kernelApiTable().size()
     << " entries declared, " << Mismatches << " mismatches\n";
  return Mismatches;
}

} // namespace irqlcheck
