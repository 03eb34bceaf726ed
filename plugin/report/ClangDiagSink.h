//===- ClangDiagSink.h - Report through clang's DiagnosticsEngine ---------===//
//
// Uses the builtin backend-plugin diagnostics (warn/err/note_fe_backend_plugin,
// group -Wbackend-plugin): unlike custom diagnostic IDs they obey -w, -Werror,
// -Wno-backend-plugin and #pragma clang diagnostic, and print with a caret in
// clang and clang-cl formats. IR locations are mapped back to SourceLocations.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_REPORT_CLANGDIAGSINK_H
#define IRQLCHECK_REPORT_CLANGDIAGSINK_H

#include "report/Reporter.h"
#include "report/SarifLog.h"
#include "report/WarningPragmas.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace clang {
class DiagnosticsEngine;
class SourceManager;
} // namespace clang
namespace llvm {
class DIFile;
}

namespace irqlcheck {

class ClangDiagSink : public DiagSink {
public:
  ClangDiagSink(clang::DiagnosticsEngine &DE, clang::SourceManager &SM) : DE(DE), SM(SM) {}

  void emit(DiagLevel Level, const DiagLoc &Loc, llvm::StringRef Message) override;
  bool suppressed(CheckId Id, const DiagLoc &Loc) override;
  void finding(CheckId Id, DiagLevel Level, const DiagLoc &Loc, llvm::StringRef Message,
               llvm::ArrayRef<DiagNote> Notes) override;
  /// Where findings are also recorded for -fplugin-arg-irqlcheck-sarif=.
  SarifLog *Sarif = nullptr;
  /// #pragma warning state of the translation unit.
  WarningPragmas Pragmas;
  /// The clang location of a DiagLoc (invalid if it cannot be found).
  clang::SourceLocation toSourceLocation(const DiagLoc &Loc);
  /// Declaration locations of IR functions, for findings without a line.
  llvm::StringMap<unsigned> FunctionLocs;

private:
  clang::DiagnosticsEngine &DE;
  clang::SourceManager &SM;
  llvm::DenseMap<const llvm::DIFile *, clang::FileID> Files;
};

} // namespace irqlcheck

#endif // IRQLCHECK_REPORT_CLANGDIAGSINK_H
