//===- PagedCode.h - Find PAGED_CODE() markers ----------------------------===//
//
// PAGED_CODE() expands to nothing in free builds, so it leaves no trace in
// the AST. The preprocessor still sees every expansion; this records them so
// that ContractBuilder can attribute each one to its function. So is a
// #pragma alloc_text that clang ignores (no -fms-extensions).
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
  /// A #pragma at Loc: without Microsoft extensions clang ignores
  /// alloc_text, but the driver's own build (MSVC, or clang-cl) does not, so
  /// the functions it names are pageable all the same.
  void pragma(clang::SourceLocation Loc);

private:
  clang::Preprocessor &PP;
  FrontendState &State;
  clang::IdentifierInfo *PagedCode, *PagedCodeLocked;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_PAGEDCODE_H
