//===- WarningPragmas.h - MSVC #pragma warning for irqlcheck's checks -----===//
//
// Driver code already silences Code Analysis with
//   #pragma warning(disable: 28121)      // to the end of the file or pop
//   #pragma warning(suppress: 28121)     // the next line only
//   #pragma warning(push) / (pop) / (default: 28121)
// clang parses these (with -fms-extensions, as clang-cl always has) but only
// for its own warnings. This records them, so a finding of a check with a
// C28xxx counterpart is dropped where MSVC's would be.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_REPORT_WARNINGPRAGMAS_H
#define IRQLCHECK_REPORT_WARNINGPRAGMAS_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Lex/PPCallbacks.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <vector>

namespace clang {
class SourceManager;
}

namespace irqlcheck {

class WarningPragmas {
public:
  /// Records a #pragma warning, told by PreprocessorHooks.
  void pragmaWarning(clang::SourceLocation Loc,
                     clang::PPCallbacks::PragmaWarningSpecifier Spec,
                     llvm::ArrayRef<int> Ids, const clang::SourceManager &SM);
  void pragmaWarningPush(clang::SourceLocation Loc, const clang::SourceManager &SM);
  void pragmaWarningPop(clang::SourceLocation Loc, const clang::SourceManager &SM);
  /// Is warning Number (28121) disabled or suppressed at Loc?
  bool suppressed(unsigned Number, clang::SourceLocation Loc,
                  const clang::SourceManager &SM) const;

  struct Event {
    enum Kind { Disable, Default, Suppress, Push, Pop } K;
    clang::SourceLocation Loc;
    llvm::SmallVector<int, 2> Ids;
  };
  std::vector<Event> Events;
};

} // namespace irqlcheck

#endif // IRQLCHECK_REPORT_WARNINGPRAGMAS_H
