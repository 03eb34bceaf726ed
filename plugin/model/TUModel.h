//===- TUModel.h - The contracts of one translation unit ------------------===//
//
// What the front end hands to the IR pass: every function's contract, keyed
// by the symbol name the IR will use (so "_KeFoo@8" on i686 matches), plus the
// level table of the target and the kernel model. It lives for one compile.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_MODEL_TUMODEL_H
#define IRQLCHECK_MODEL_TUMODEL_H

#include "model/Contract.h"
#include "model/Irql.h"
#include "model/KernelModel.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <string>

namespace irqlcheck {

struct FunctionContract {
  std::string Name;     // the C name
  Contract C;
  unsigned DeclLoc = 0; // clang SourceLocation (raw) of the first declaration
};

/// A source position as the front end and the IR both name it: the file's
/// base name (a presumed name there, the DIFile's here), line and column.
using SourcePos = std::tuple<std::string, unsigned, unsigned>;
inline SourcePos sourcePos(llvm::StringRef Path, unsigned Line, unsigned Column) {
  return {llvm::sys::path::filename(Path).str(), Line, Column};
}

struct TUModel {
  explicit TUModel(LevelTable L) : Levels(L), Kernel(Levels) {}
  TUModel(const TUModel &) = delete;

  LevelTable Levels;
  KernelModel Kernel;
  llvm::StringMap<FunctionContract> Functions; // by IR symbol name
  /// Functions defined in system headers (mingw's inline KeGetCurrentIrql):
  /// modelled by name, never checked by their bodies.
  llvm::StringSet<> SystemDefinitions;
  /// Declaration locations (raw clang SourceLocations) of the functions
  /// defined outside system headers, for findings that name a function.
  llvm::StringMap<unsigned> DefinitionLocs;
  /// Indirect calls through a pointer of a role type, by (file name, line,
  /// column) of the call: the role's contract.
  std::map<SourcePos, Contract> IndirectCalls;
  /// Where the user's return statements start, by (file name, line, column):
  /// a `ret` there is that statement's own, not clang's shared return block.
  using ReturnStmtSet = std::set<SourcePos>;
  /// Fills the set on the first question: only a finding asks, and the
  /// positions need each file's line table, which a clean compile without
  /// -g never builds.
  std::function<void(ReturnStmtSet &)> FillReturnStmts;

  bool isReturnStmtAt(const SourcePos &Pos) {
    if (FillReturnStmts) {
      FillReturnStmts(ReturnStmts);
      FillReturnStmts = nullptr;
    }
    return ReturnStmts.count(Pos);
  }

private:
  ReturnStmtSet ReturnStmts;
};

} // namespace irqlcheck

#endif // IRQLCHECK_MODEL_TUMODEL_H
