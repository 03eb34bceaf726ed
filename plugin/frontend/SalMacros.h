//===- SalMacros.h - Give the empty SAL IRQL macros a meaning -------------===//
//
// Under clang the WDK's and mingw-w64's SAL IRQL macros expand to nothing.
// irqlcheck predefines the function-like ones (empty too, but known to it),
// and when a header defines one of them (empty) with the same shape, puts its
// own definition in its place; object-like ones (_IRQL_saves_) exist only
// once a header defines them, so their names stay free for programs that do
// not. The user changes no header and no source.
//
// One form. A SAL macro expands to nothing, everywhere, as without the
// plugin, and the guard records its argument text by position
// (AnnotationStore::addWritten): no token reaches the parser, so a macro
// written where no attribute could stand (inside an expression) compiles as
// it does without the plugin. Each top-level declaration group takes the
// annotations written around it (AnnotationStore). In the kit's headers
// (KitHeaders), which hold thousands of annotations a translation unit
// mostly never uses, the text is read only for the declarations a contract
// is built for; in the user's code it is read at once, so that a level has
// the value its macros have where the annotation is written.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_SALMACROS_H
#define IRQLCHECK_FRONTEND_SALMACROS_H

#include "frontend/AnnotationStore.h"
#include "frontend/ConstantEvaluator.h"

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
  /// With a Store, annotations are recorded there; without, the macros only
  /// expand to nothing. Enumerators resolves the names in a level of the
  /// user's code that are not macros.
  explicit SalMacroGuard(clang::Preprocessor &PP, AnnotationStore *Store = nullptr,
                         ConstantEvaluator::NameLookup Enumerators = nullptr);
  ~SalMacroGuard();
  /// Inline: asked for every #define of the translation unit. Every SAL
  /// macro starts with '_'; most of the DDK's thousands do not.
  static bool maybeOurs(const clang::IdentifierInfo *II) {
    return II && II->getNameStart()[0] == '_';
  }
  void macroDefined(const clang::Token &MacroNameTok);
  /// The preprocessor entered or left a file: is it a header of the kit?
  void fileChanged(clang::SourceLocation Loc, clang::SrcMgr::CharacteristicKind Kind,
                   bool SystemHeaderPragma);
  /// Inline: asked for every macro expansion. The macro expanded, if it may
  /// be one of ours (then recordIfOurs decides); null for almost every other.
  const clang::MacroInfo *candidate(const clang::MacroDefinition &MD) const {
    // Our forms are allowed to be redefined without a warning, which few
    // header macros are: one bit rules out almost every other expansion.
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
  /// Records an expansion of a candidate that is one of ours.
  void recordIfOurs(const clang::MacroInfo *MI, clang::SourceRange Range,
                    const clang::MacroArgs *Args) {
    if (auto It = Forms.find(MI); It != Forms.end())
      record(It->second, Range, Args);
  }

private:
  struct OurMacro {
    int Shape;                             // -1 object-like, else parameters
    unsigned Index;                        // in the table of SAL macros
    clang::MacroInfo *Definition = nullptr; // predefined, once seen
  };
  clang::Preprocessor &PP;
  AnnotationStore *Store;
  std::unique_ptr<SystemHeaderCache> System;
  std::unique_ptr<KitHeaders> Kit;
  std::unique_ptr<ConstantEvaluator> Eval;
  llvm::DenseMap<clang::IdentifierInfo *, OurMacro> Ours;
  /// Template name -> the object-like macro it defines.
  llvm::DenseMap<clang::IdentifierInfo *, clang::IdentifierInfo *> Templates;
  /// Our definitions -> their index in the table.
  llvm::DenseMap<const clang::MacroInfo *, unsigned> Forms;
  bool InKit = false;
  bool NotedOtherShape = false;
  llvm::SmallString<64> Scratch;

  void adopt(OurMacro &O, clang::MacroInfo *MI);
  void record(unsigned Index, clang::SourceRange Range, const clang::MacroArgs *Args);
  /// Appends to Scratch a token as #x spells it.
  void appendSpelling(const clang::Token &T);
  /// Appends to Scratch tokens as #x spells them after macro expansion.
  void appendExpanded(llvm::ArrayRef<clang::Token> Toks, unsigned Depth);
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SALMACROS_H
