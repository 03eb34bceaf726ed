//===- PreprocessorHooks.cpp - The plugin's one preprocessor callback -----===//
#include "frontend/PreprocessorHooks.h"
#include "frontend/PagedCode.h"
#include "frontend/SalMacros.h"
#include "report/WarningPragmas.h"

#include "clang/Lex/Token.h"

using namespace clang;

namespace irqlcheck {

PreprocessorHooks::PreprocessorHooks(const SourceManager &SM, std::unique_ptr<SalMacroGuard> Sal,
                                     std::unique_ptr<PagedCodeRecorder> PagedCode,
                                     WarningPragmas *Pragmas)
    : SM(SM), Sal(std::move(Sal)), PagedCode(std::move(PagedCode)), Pragmas(Pragmas) {}

PreprocessorHooks::~PreprocessorHooks() = default;

void PreprocessorHooks::MacroDefined(const Token &MacroNameTok, const MacroDirective *) {
  if (Sal && SalMacroGuard::maybeOurs(MacroNameTok.getIdentifierInfo()))
    Sal->macroDefined(MacroNameTok);
}

void PreprocessorHooks::FileChanged(SourceLocation Loc, FileChangeReason Reason,
                                    SrcMgr::CharacteristicKind FileType, FileID) {
  if (Sal)
    Sal->fileChanged(Loc, FileType, Reason == SystemHeaderPragma);
}

// Every macro expansion of the translation unit comes here, and almost none
// is of interest: that is decided inline, without a call (so without saving
// registers), and the rare rest goes out of line.
void PreprocessorHooks::MacroExpands(const Token &Name, const MacroDefinition &MD,
                                     SourceRange Range, const MacroArgs *Args) {
  const MacroInfo *SalCandidate = Sal ? Sal->candidate(MD) : nullptr;
  bool Marker = PagedCode && PagedCode->isMarker(Name.getIdentifierInfo());
  if (LLVM_UNLIKELY(SalCandidate || Marker))
    interestingExpansion(Name, Range, Args, SalCandidate, Marker);
}

void PreprocessorHooks::interestingExpansion(const Token &Name, SourceRange Range,
                                             const MacroArgs *Args,
                                             const MacroInfo *SalCandidate, bool Marker) {
  if (SalCandidate)
    Sal->recordIfOurs(SalCandidate, Range, Args);
  if (Marker)
    PagedCode->macroExpands(Name, Range);
}

void PreprocessorHooks::PragmaDirective(SourceLocation Loc, PragmaIntroducerKind Introducer) {
  if (PagedCode && Introducer == PIK_HashPragma)
    PagedCode->pragma(Loc);
}

void PreprocessorHooks::PragmaWarning(SourceLocation Loc, PragmaWarningSpecifier Spec,
                                      llvm::ArrayRef<int> Ids) {
  if (Pragmas)
    Pragmas->pragmaWarning(Loc, Spec, Ids, SM);
}

void PreprocessorHooks::PragmaWarningPush(SourceLocation Loc, int) {
  if (Pragmas)
    Pragmas->pragmaWarningPush(Loc, SM);
}

void PreprocessorHooks::PragmaWarningPop(SourceLocation Loc) {
  if (Pragmas)
    Pragmas->pragmaWarningPop(Loc, SM);
}

} // namespace irqlcheck
