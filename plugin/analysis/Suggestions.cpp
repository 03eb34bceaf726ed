//===- Suggestions.cpp - Contracts written back as SAL --------------------===//
#include "analysis/Suggestions.h"
#include "model/KernelModel.h"
#include "model/TUModel.h"

#include "llvm/IR/Module.h"

using namespace llvm;

namespace irqlcheck {

std::string toSal(const Contract &C, const LevelTable &L) {
  std::string S;
  auto Add = [&](const std::string &A) { S += S.empty() ? A : " " + A; };
  auto Val = [&](const ItemValue &V) {
    return V.K == ItemValue::Lvl ? L.name(Level(V.N)) : "argument " + std::to_string(V.N);
  };
  bool Exit = false;
  // Pageable code runs at APC_LEVEL or below, whatever its calls allow.
  // Where a saves/restores item puts the IRQL. A lock wrapper's field has no
  // SAL spelling that names it without the source (_At_(Ext->OldIrql, ...)).
  auto Where = [](const ContractItem &I) {
    std::string Off = I.Value.Off ? " at byte " + std::to_string(I.Value.Off) : "";
    if (I.Value.K == ItemValue::Global)
      return "in global '" + I.Var + "'" + Off;
    if (!I.Value.Off)
      return "on parameter " + std::to_string(I.Value.N + 1);
    return "in what parameter " + std::to_string(I.Value.N + 1) + " points to," + Off;
  };
  bool Paged = C.has(ItemKind::Paged);
  if (Paged && !C.has(ItemKind::Max) && !C.has(ItemKind::Req))
    Add("_IRQL_requires_max_(APC_LEVEL)");
  for (const ContractItem &I : C.items()) {
    if (I.Cond.K != Condition::Always)
      continue;
    switch (I.Kind) {
    case ItemKind::Req: Add("_IRQL_requires_(" + Val(I.Value) + ")"); break;
    case ItemKind::Min: Add("_IRQL_requires_min_(" + Val(I.Value) + ")"); break;
    case ItemKind::Max:
      Add("_IRQL_requires_max_(" +
          (Paged && I.Value.K == ItemValue::Lvl && I.Value.N > ApcLevel ? L.name(ApcLevel)
                                                                         : Val(I.Value)) +
          ")");
      break;
    case ItemKind::Raises: Add("_IRQL_raises_(" + Val(I.Value) + ")"), Exit = true; break;
    case ItemKind::Sets: Add("__drv_setsIRQL(" + Val(I.Value) + ")"), Exit = true; break;
    case ItemKind::Same: Add("_IRQL_requires_same_"), Exit = true; break;
    case ItemKind::Saves:
      Add(I.Value.K == ItemValue::Ret ? "_IRQL_saves_" : "_IRQL_saves_ /* " + Where(I) + " */");
      Exit = Exit || I.Value.K == ItemValue::Ret;
      break;
    case ItemKind::Restores:
      Add("_IRQL_restores_ /* " + Where(I) + " */");
      Exit = true;
      break;
    case ItemKind::FnMax: Add("_IRQL_always_function_max_(" + Val(I.Value) + ")"); break;
    case ItemKind::FnMin: Add("_IRQL_always_function_min_(" + Val(I.Value) + ")"); break;
    case ItemKind::Class: Add("_Function_class_(" + I.Name + ")"); break;
    default: break;
    }
  }
  if (!Exit)
    Add("_IRQL_requires_same_");
  return S;
}

void printSuggestions(Module &M, const SummaryMap &Summaries, const ContractMap &Contracts,
                      TUModel &Model, raw_ostream &OS) {
  for (const Function &F : M) {
    if (F.isDeclaration() || Model.Kernel.lookup(cNameOfSymbol(F.getName())))
      continue;
    // Inside clang: the user's own functions only, not system-header inlines.
    if (!Model.DefinitionLocs.empty() && !Model.DefinitionLocs.count(F.getName()))
      continue;
    auto It = Contracts.find(&F);
    Contract C = It == Contracts.end() ? Contract() : It->second;
    // An annotated function whose exit level came from its body (an entry-only
    // annotation) is not "as annotated" either.
    bool FromBody = Summaries.count(&F) || llvm::any_of(C.items(), [](const ContractItem &I) {
                      return I.From.Src == Origin::Inferred;
                    });
    OS << "irqlcheck: suggest " << cNameOfSymbol(F.getName()) << ": " << toSal(C, Model.Levels)
       << (FromBody ? "" : " (as annotated)") << "\n";
  }
}

} // namespace irqlcheck
