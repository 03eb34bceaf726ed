//===- AnnotationStore.cpp - Raw IRQL annotations, as the parser saw them -===//
#include "frontend/AnnotationStore.h"

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

void AnnotationStore::add(const clang::Decl *D, RawAnnotation A) {
  auto &List = ByDecl[D];
  if (List.empty())
    Order.push_back(D);
  List.push_back(std::move(A));
}

const llvm::SmallVectorImpl<RawAnnotation> *
AnnotationStore::lookup(const clang::Decl *D) const {
  auto It = ByDecl.find(D);
  return It == ByDecl.end() ? nullptr : &It->second;
}

} // namespace irqlcheck
