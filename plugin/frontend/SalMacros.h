//===- SalMacros.h - Give the empty SAL IRQL macros a meaning -------------===//
//
// Under clang the WDK's and mingw-w64's SAL IRQL macros expand to nothing.
// irqlcheck predefines the function-like ones to expand to its attributes,
// and when a header defines one of them (empty) with the same shape, puts its
// own definition in its place; object-like ones (_IRQL_saves_) exist only
// once a header defines them, so their names stay free for programs that do
// not. The user changes no header and no source.
//
// Two forms. In the user's code a SAL macro expands to the plugin's
// attribute: the parser attaches it to exactly the declaration the C grammar
// says, and a malformed one gets a diagnostic where it is written. In the
// kit's headers (KitHeaders), which hold thousands of annotations a
// translation unit mostly never uses, it expands to nothing, as without the
// plugin, and the guard records its argument text by position
// (AnnotationStore::addWritten): no token reaches the parser, and the text
// is resolved only for the declarations a contract is built for. The guard
// swaps the forms when the preprocessor enters or leaves a header of the kit.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_SALMACROS_H
#define IRQLCHECK_FRONTEND_SALMACROS_H

#include "frontend/AnnotationStore.h"

#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class MacroArgs;
class Preprocessor;
class Token;
} // namespace clang

namespace irqlcheck {

class KitHeaders;
class SystemHeaderCache;

/// The #defines appended to the predefines buffer: the function-like SAL
/// macros, and templates for the object-like ones.
std::string salMacroPredefines();

/// The annotations a SAL spelling wraps, as written in a header of the kit
/// (_IRQL_requires_max_(DISPATCH_LEVEL), _At_(*p, _IRQL_saves_)): each with
/// its arguments in the order of the plugin's attribute.
void parseWrittenAnnotations(llvm::StringRef Text,
                             llvm::SmallVectorImpl<NestedAnnotation> &Out);

/// Installs the plugin's definition whenever a header (re)defines one of the
/// SAL macros with the same shape (object- or function-like, parameter
/// count); a definition of another shape is the project's own and stays.
/// Told of every #define by PreprocessorHooks.
class SalMacroGuard {
public:
  /// With a Store, annotations in the kit's headers are recorded there as
  /// text; without, every SAL macro is the attribute form.
  explicit SalMacroGuard(clang::Preprocessor &PP, AnnotationStore *Store = nullptr);
  ~SalMacroGuard();
  /// Inline: asked for every #define of the translation unit. Every SAL
  /// macro starts with '_'; most of the DDK's thousands do not.
  static bool maybeOurs(const clang::IdentifierInfo *II) {
    return II && II->getNameStart()[0] == '_';
  }
  void macroDefined(const clang::Token &MacroNameTok);
  /// The preprocessor entered or left a file: in a header of the kit the
  /// macros are the empty form.
  void fileChanged(clang::SourceLocation Loc, clang::SrcMgr::CharacteristicKind Kind,
                   bool SystemHeaderPragma);
  /// Inline: asked for every macro expansion. The macro expanded, if it may
  /// be one of the empty forms (then recordIfEmptyForm decides); null for
  /// almost every other.
  const clang::MacroInfo *candidate(const clang::MacroDefinition &MD) const {
    // Our forms are allowed to be redefined without a warning, which few
    // header macros are: one bit rules out almost every other expansion.
    if (!InKit)
      return nullptr;
    // MD.getMacroInfo() without its out-of-line walk over the directive
    // chain: the latest local directive of an expanded macro is a
    // definition, whose macro is at hand.
    const clang::MacroInfo *MI = nullptr;
    if (!MD.getModuleMacros().empty())
      MI = MD.getMacroInfo();
    else if (const clang::DefMacroDirective *Def = MD.getLocalDirective())
      MI = Def->getInfo();
    return MI && MI->isAllowRedefinitionsWithoutWarning() ? MI : nullptr;
  }
  /// Records an expansion of a candidate that is an empty form.
  void recordIfEmptyForm(const clang::MacroInfo *MI, clang::SourceRange Range,
                         const clang::MacroArgs *Args) {
    if (auto It = EmptyForms.find(MI); It != EmptyForms.end())
      record(It->second, Range, Args);
  }

private:
  struct OurMacro {
    int Shape;                             // -1 object-like, else parameters
    unsigned Index;                        // in the table of SAL macros
    clang::MacroInfo *Definition = nullptr; // predefined, once seen
    clang::MacroInfo *Empty = nullptr;      // the kit's form, once seen
  };
  clang::Preprocessor &PP;
  AnnotationStore *Store;
  std::unique_ptr<SystemHeaderCache> System;
  std::unique_ptr<KitHeaders> Kit;
  llvm::DenseMap<clang::IdentifierInfo *, OurMacro> Ours;
  /// Template name -> the macro it defines, and whether it is the empty form.
  llvm::DenseMap<clang::IdentifierInfo *, std::pair<clang::IdentifierInfo *, bool>> Templates;
  /// The empty forms -> their index in the table.
  llvm::DenseMap<const clang::MacroInfo *, unsigned> EmptyForms;
  bool InKit = false;
  bool NotedOtherShape = false;
  llvm::SmallString<64> Scratch;

  void record(unsigned Index, clang::SourceRange Range, const clang::MacroArgs *Args);
  void setKitMode(bool Kit, clang::SourceLocation Loc);
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SALMACROS_H
