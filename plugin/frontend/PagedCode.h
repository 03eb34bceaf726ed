//===- PagedCode.h - Find PAGED_CODE() markers ----------------------------===//
//
// PAGED_CODE() expands to nothing in free builds, so it leaves no trace in
// the AST. The preprocessor still sees every expansion; this records them so
// that ContractBuilder can attribute each one to its function.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_PAGEDCODE_H
#define IRQLCHECK_FRONTEND_PAGEDCODE_H

#include "clang/Basic/SourceLocation.h"

namespace clang {
class IdentifierInfo;
class Preprocessor;
class Token;
} // namespace clang

namespace irqlcheck {
struct FrontendState;

/// Told of every macro expansion by PreprocessorHooks.
class PagedCodeRecorder {
public:
  PagedCodeRecorder(clang::Preprocessor &PP, FrontendState &State);
  /// Inline: asked for every macro expansion of the translation unit.
  bool isMarker(const clang::IdentifierInfo *II) const {
    return II == PagedCode || II == PagedCodeLocked;
  }
  /// Records an expansion of PAGED_CODE() or PAGED_CODE_LOCKED().
  void macroExpands(const clang::Token &Name, clang::SourceRange Range);

private:
  clang::Preprocessor &PP;
  FrontendState &State;
  clang::IdentifierInfo *PagedCode, *PagedCodeLocked;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_PAGEDCODE_H
