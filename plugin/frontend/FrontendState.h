//===- FrontendState.h - What the front end collects for one TU -----------===//
//
// Clang creates attribute handlers once per process (static registration), but
// annotations belong to a translation unit. The action installs the state of
// the current TU here; handlers that run with no TU installed (another tool
// loaded the plugin without its action) record nothing.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_FRONTENDSTATE_H
#define IRQLCHECK_FRONTEND_FRONTENDSTATE_H

#include "frontend/AnnotationStore.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringMap.h"
#include <vector>

namespace clang {
class Sema;
}

namespace irqlcheck {

struct FrontendState {
  AnnotationStore Annotations;
  /// Expansion locations of PAGED_CODE() / PAGED_CODE_LOCKED().
  std::vector<std::pair<clang::SourceLocation, bool /*Locked*/>> PagedCodeMarkers;
  /// Without -fms-extensions clang ignores #pragma alloc_text: the functions
  /// such pragmas place in a PAGE section, and where each pragma is.
  llvm::StringMap<clang::SourceLocation> IgnoredAllocText;
  /// Sema, once the translation unit is parsed: names are looked up through
  /// its scopes, without a lookup table over the thousands of declarations.
  clang::Sema *TUSema = nullptr;

  static FrontendState *current();
  static void setCurrent(FrontendState *S);
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_FRONTENDSTATE_H
