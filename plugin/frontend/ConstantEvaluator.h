//===- ConstantEvaluator.h - Evaluate an annotation's value text ----------===//
//
// The SAL macros hand their argument to the plugin as text (stringized as
// written), never as a C expression: a level that is not defined yet,
// or a parameter name, must not become a compile error in the user's build.
// This evaluates that text as an integer constant expression, resolving
// identifiers through the preprocessor's macros and the enumerators in scope.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_CONSTANTEVALUATOR_H
#define IRQLCHECK_FRONTEND_CONSTANTEVALUATOR_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace clang {
class Preprocessor;
class Sema;
class TypedefNameDecl;
} // namespace clang

namespace irqlcheck {

class ConstantEvaluator {
public:
  /// Resolves a name that is not a macro (an enumerator, usually).
  using NameLookup = std::function<std::optional<int64_t>(llvm::StringRef)>;

  ConstantEvaluator(clang::Preprocessor &PP, NameLookup Lookup)
      : PP(PP), Lookup(std::move(Lookup)) {}

  /// The value of Text, or std::nullopt with the reason in Why.
  std::optional<int64_t> evaluate(llvm::StringRef Text, std::string &Why);

private:
  std::optional<int64_t> evaluateNumericMacro(llvm::StringRef Text);

  clang::Preprocessor &PP;
  NameLookup Lookup;
};

/// The value of the enumerator Name visible where Sema is (at the end of
/// the translation unit, its file scope), through Sema's identifier chains:
/// no lookup table of the translation unit is built.
std::optional<int64_t> visibleEnumerator(clang::Sema &S, llvm::StringRef Name);
/// The typedef Name visible where Sema is, the same way.
const clang::TypedefNameDecl *visibleTypedef(clang::Sema &S, llvm::StringRef Name);

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_CONSTANTEVALUATOR_H
