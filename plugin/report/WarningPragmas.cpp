//===- WarningPragmas.cpp - MSVC #pragma warning for irqlcheck's checks ---===//
#include "report/WarningPragmas.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <set>

using namespace clang;

namespace irqlcheck {

namespace {
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

void WarningPragmas::pragmaWarning(SourceLocation Loc, PPCallbacks::PragmaWarningSpecifier Spec,
                                   ArrayRef<int> Ids, const SourceManager &SM) {
  Event::Kind K;
  switch (Spec) {
  case PPCallbacks::PWS_Disable: K = Event::Disable; break;
  case PPCallbacks::PWS_Default: K = Event::Default; break;
  case PPCallbacks::PWS_Suppress: K = Event::Suppress; break;
  default: return; // error, once, level1..4: do not change what is shown
  }
  Events.push_back({K, SM.getExpansionLoc(Loc), {Ids.begin(), Ids.end()}});
}

void WarningPragmas::pragmaWarningPush(SourceLocation Loc, const SourceManager &SM) {
  Events.push_back({Event::Push, SM.getExpansionLoc(Loc), {}});
}

void WarningPragmas::pragmaWarningPop(SourceLocation Loc, const SourceManager &SM) {
  Events.push_back({Event::Pop, SM.getExpansionLoc(Loc), {}});
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
