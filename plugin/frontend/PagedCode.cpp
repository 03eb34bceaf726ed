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

void PagedCodeRecorder::pragma(SourceLocation Loc) {
  if (PP.getLangOpts().MicrosoftExt || Loc.isInvalid() || Loc.isMacroID())
    return; // clang applies it itself, or a _Pragma: not read here
  // The directive's text, as written: #pragma alloc_text(PAGE, F1, F2).
  const SourceManager &SM = PP.getSourceManager();
  bool Invalid = false;
  const char *P = SM.getCharacterData(Loc, &Invalid);
  if (Invalid || !P)
    return;
  StringRef Buffer = SM.getBufferData(SM.getFileID(Loc), &Invalid);
  if (Invalid)
    return;
  StringRef Text = Buffer.substr(P - Buffer.data()).take_until([](char C) {
    return C == '\n' || C == ')';
  });
  Text = Text.ltrim("#").ltrim();
  if (!Text.consume_front("pragma"))
    return;
  Text = Text.ltrim();
  if (!Text.consume_front("alloc_text"))
    return;
  Text = Text.ltrim();
  if (!Text.consume_front("("))
    return;
  auto [Section, Names] = Text.split(',');
  if (!Section.trim().trim('"').starts_with("PAGE"))
    return;
  while (!Names.empty()) {
    auto [Name, Rest] = Names.split(',');
    Name = Name.trim();
    if (!Name.empty())
      State.IgnoredAllocText.try_emplace(Name, Loc);
    Names = Rest;
  }
}

} // namespace irqlcheck
