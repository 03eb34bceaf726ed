//===- WarningPragmas.cpp - MSVC #pragma warning for irqlcheck's checks ---===//
#include "report/WarningPragmas.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <set>

using namespace clang;

namespace irqlcheck {

namespace {
class Recorder : public PPCallbacks {
public:
  Recorder(WarningPragmas &W, SourceManager &SM) : W(W), SM(SM) {}

  void PragmaWarning(SourceLocation Loc, PragmaWarningSpecifier Spec,
                     ArrayRef<int> Ids) override {
    WarningPragmas::Event::Kind K;
    switch (Spec) {
    case PWS_Disable: K = WarningPragmas::Event::Disable; break;
    case PWS_Default: K = WarningPragmas::Event::Default; break;
    case PWS_Suppress: K = WarningPragmas::Event::Suppress; break;
    default: return; // error, once, level1..4: do not change what is shown
    }
    W.Events.push_back({K, SM.getExpansionLoc(Loc), {Ids.begin(), Ids.end()}});
  }
  void PragmaWarningPush(SourceLocation Loc, int) override {
    W.Events.push_back({WarningPragmas::Event::Push, SM.getExpansionLoc(Loc), {}});
  }
  void PragmaWarningPop(SourceLocation Loc) override {
    W.Events.push_back({WarningPragmas::Event::Pop, SM.getExpansionLoc(Loc), {}});
  }

private:
  WarningPragmas &W;
  SourceManager &SM;
};

/// Are the lines strictly between From and To (in one file) free of code?
/// (Blank lines, comments and other pragmas do not end a suppress.)
bool onlyTriviaBetween(const SourceManager &SM, FileID FID, unsigned From, unsigned To) {
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
  if (Invalid)
    return false;
  for (unsigned Line = From + 1; Line < To; ++Line) {
    unsigned Off = SM.getDecomposedLoc(SM.translateLineCol(FID, Line, 1)).second;
    llvm::StringRef Text = Buf.drop_front(Off).split('\n').first.trim();
    if (!Text.empty() && !Text.starts_with("//") && !Text.starts_with("#pragma") &&
        !Text.starts_with("/*") && !Text.starts_with("*"))
      return false;
  }
  return true;
}
} // namespace

void WarningPragmas::install(Preprocessor &PP) {
  PP.addPPCallbacks(std::make_unique<Recorder>(*this, PP.getSourceManager()));
}

bool WarningPragmas::suppressed(unsigned Number, SourceLocation Loc,
                                const SourceManager &SM) const {
  if (!Number || Loc.isInvalid() || Events.empty())
    return false;
  Loc = SM.getExpansionLoc(Loc);
  std::vector<std::set<int>> Stack{{}};
  for (const Event &E : Events) {
    if (!SM.isBeforeInTranslationUnit(E.Loc, Loc))
      break;
    switch (E.K) {
    case Event::Disable:
      Stack.back().insert(E.Ids.begin(), E.Ids.end());
      break;
    case Event::Default:
      for (int Id : E.Ids)
        Stack.back().erase(Id);
      break;
    case Event::Push:
      Stack.push_back(Stack.back());
      break;
    case Event::Pop:
      if (Stack.size() > 1)
        Stack.pop_back();
      break;
    case Event::Suppress: {
      // The next line of code after the pragma.
      if (!llvm::is_contained(E.Ids, int(Number)))
        break;
      auto [PF, POff] = SM.getDecomposedLoc(E.Loc);
      auto [LF, LOff] = SM.getDecomposedLoc(Loc);
      if (PF != LF)
        break;
      unsigned PLine = SM.getLineNumber(PF, POff), LLine = SM.getLineNumber(LF, LOff);
      if (LLine > PLine && onlyTriviaBetween(SM, PF, PLine, LLine))
        return true;
      break;
    }
    }
  }
  return Stack.back().count(int(Number)) != 0;
}

} // namespace irqlcheck
