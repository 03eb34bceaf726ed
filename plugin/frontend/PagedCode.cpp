//===- PagedCode.cpp - Find PAGED_CODE() markers --------------------------===//
#include "frontend/PagedCode.h"
#include "frontend/FrontendState.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace irqlcheck {

PagedCodeRecorder::PagedCodeRecorder(Preprocessor &PP, FrontendState &State)
    : PP(PP), State(State), PagedCode(PP.getIdentifierInfo("PAGED_CODE")),
      PagedCodeLocked(PP.getIdentifierInfo("PAGED_CODE_LOCKED")) {}

void PagedCodeRecorder::macroExpands(const Token &Name, SourceRange Range) {
  IdentifierInfo *II = Name.getIdentifierInfo();
  // Only the outermost expansion counts: a macro that wraps PAGED_CODE() is
  // attributed to where the wrapper was written.
  SourceLocation Loc = PP.getSourceManager().getExpansionLoc(Range.getBegin());
  State.PagedCodeMarkers.push_back({Loc, II == PagedCodeLocked});
}

} // namespace irqlcheck
