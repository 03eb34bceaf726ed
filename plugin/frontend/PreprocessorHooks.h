//===- PreprocessorHooks.h - The plugin's one preprocessor callback -------===//
//
// Three parts of irqlcheck watch the preprocessor: the SAL macro guard
// (#define, entering and leaving the kit's headers, and the annotations
// written there), the PAGED_CODE() recorder (macro expansions) and the MSVC
// #pragma warning recorder. Clang wraps each callback object it is given in
// one more layer of forwarding, and every directive and macro expansion of
// the DDK headers passes through every layer, so the three share one object.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_PREPROCESSORHOOKS_H
#define IRQLCHECK_FRONTEND_PREPROCESSORHOOKS_H

#include "clang/Lex/PPCallbacks.h"
#include <memory>

namespace clang {
class MacroInfo;
} // namespace clang

namespace irqlcheck {

class SalMacroGuard;
class PagedCodeRecorder;
class WarningPragmas;

class PreprocessorHooks : public clang::PPCallbacks {
public:
  /// Any of them may be null. The preprocessor owns the hooks, and they own
  /// the two recorders; the pragma list belongs to the diagnostics sink.
  PreprocessorHooks(const clang::SourceManager &SM, std::unique_ptr<SalMacroGuard> Sal,
                    std::unique_ptr<PagedCodeRecorder> PagedCode, WarningPragmas *Pragmas);
  ~PreprocessorHooks() override;

  void MacroDefined(const clang::Token &MacroNameTok, const clang::MacroDirective *MD) override;
  void FileChanged(clang::SourceLocation Loc, FileChangeReason Reason,
                   clang::SrcMgr::CharacteristicKind FileType, clang::FileID PrevFID) override;
  void MacroExpands(const clang::Token &Name, const clang::MacroDefinition &MD,
                    clang::SourceRange Range, const clang::MacroArgs *Args) override;
  void PragmaDirective(clang::SourceLocation Loc,
                       clang::PragmaIntroducerKind Introducer) override;
  void PragmaWarning(clang::SourceLocation Loc, PragmaWarningSpecifier Spec,
                     llvm::ArrayRef<int> Ids) override;
  void PragmaWarningPush(clang::SourceLocation Loc, int Level) override;
  void PragmaWarningPop(clang::SourceLocation Loc) override;

private:
  LLVM_ATTRIBUTE_NOINLINE void interestingExpansion(const clang::Token &Name,
                                                    clang::SourceRange Range,
                                                    const clang::MacroArgs *Args,
                                                    const clang::MacroInfo *SalCandidate,
                                                    bool Marker);
  const clang::SourceManager &SM;
  std::unique_ptr<SalMacroGuard> Sal;
  std::unique_ptr<PagedCodeRecorder> PagedCode;
  WarningPragmas *Pragmas;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_PREPROCESSORHOOKS_H
