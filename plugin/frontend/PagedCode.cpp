//===- PagedCode.cpp - Find PAGED_CODE() markers --------------------------===//
#include "frontend/PagedCode.h"
#include "frontend/FrontendState.h"

#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"

#include <memory>

using namespace clang;

namespace irqlcheck {

namespace {
class PagedCodeRecorder : public PPCallbacks {
public:
  PagedCodeRecorder(Preprocessor &PP, FrontendState &State) : PP(PP), State(State) {
    PagedCode = PP.getIdentifierInfo("PAGED_CODE");
    PagedCodeLocked = PP.getIdentifierInfo("PAGED_CODE_LOCKED");
  }

  void MacroExpands(const Token &Name, const MacroDefinition &, SourceRange Range,
                    const MacroArgs *) override {
    IdentifierInfo *II = Name.getIdentifierInfo();
    if (II != PagedCode && II != PagedCodeLocked)
      return;
    // Only the outermost expansion counts: a macro that wraps PAGED_CODE() is
    // attributed to where the wrapper was written.
    SourceLocation Loc = PP.getSourceManager().getExpansionLoc(Range.getBegin());
    State.PagedCodeMarkers.push_back({Loc, II == PagedCodeLocked});
  }

private:
  Preprocessor &PP;
  FrontendState &State;
  IdentifierInfo *PagedCode, *PagedCodeLocked;
};
} // namespace

void installPagedCodeRecorder(Preprocessor &PP, FrontendState &State) {
  PP.addPPCallbacks(std::make_unique<PagedCodeRecorder>(PP, State));
}

} // namespace irqlcheck
