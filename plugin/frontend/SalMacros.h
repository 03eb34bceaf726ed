//===- SalMacros.h - Give the empty SAL IRQL macros a meaning -------------===//
//
// Under clang the WDK's and mingw-w64's SAL IRQL macros expand to nothing.
// irqlcheck predefines them to expand to its attributes, and when a header
// later defines one of them (empty), puts its own definition back. The user
// changes no header and no source.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_SALMACROS_H
#define IRQLCHECK_FRONTEND_SALMACROS_H

#include "clang/Basic/IdentifierTable.h"
#include "llvm/ADT/DenseMap.h"
#include <string>

namespace clang {
class MacroInfo;
class Preprocessor;
class Token;
} // namespace clang

namespace irqlcheck {

/// The #defines appended to the predefines buffer.
std::string salMacroPredefines();

/// Puts the plugin's definition back whenever a header (re)defines one of the
/// SAL macros. Told of every #define by PreprocessorHooks.
class SalMacroGuard {
public:
  explicit SalMacroGuard(clang::Preprocessor &PP);
  /// Inline: asked for every #define of the translation unit. Every SAL
  /// macro starts with '_'; most of the DDK's thousands do not.
  static bool maybeOurs(const clang::IdentifierInfo *II) {
    return II && II->getNameStart()[0] == '_';
  }
  void macroDefined(const clang::Token &MacroNameTok);

private:
  clang::Preprocessor &PP;
  /// Our macros, each with its predefined definition once that is seen.
  llvm::DenseMap<clang::IdentifierInfo *, clang::MacroInfo *> Ours;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SALMACROS_H
