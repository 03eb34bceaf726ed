//===- SalMacros.h - Give the empty SAL IRQL macros a meaning -------------===//
//
// Under clang the WDK's and mingw-w64's SAL IRQL macros expand to nothing.
// irqlcheck predefines the function-like ones to expand to its attributes,
// and when a header defines one of them (empty) with the same shape, puts its
// own definition in its place; object-like ones (_IRQL_saves_) exist only
// once a header defines them, so their names stay free for programs that do
// not. The user changes no header and no source.
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

/// The #defines appended to the predefines buffer: the function-like SAL
/// macros, and templates for the object-like ones.
std::string salMacroPredefines();

/// Installs the plugin's definition whenever a header (re)defines one of the
/// SAL macros with the same shape (object- or function-like, parameter
/// count); a definition of another shape is the project's own and stays.
/// Told of every #define by PreprocessorHooks.
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
  struct OurMacro {
    int Shape;                             // -1 object-like, else parameters
    clang::MacroInfo *Definition = nullptr; // predefined, once seen
  };
  clang::Preprocessor &PP;
  llvm::DenseMap<clang::IdentifierInfo *, OurMacro> Ours;
  /// Template name -> the object-like macro it defines.
  llvm::DenseMap<clang::IdentifierInfo *, clang::IdentifierInfo *> Templates;
  bool NotedOtherShape = false;
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SALMACROS_H
