//===- IrqlAttributes.cpp - The plugin's IRQL attributes ------------------===//
//
// One plugin attribute per SAL IRQL annotation, for people who prefer explicit
// spellings (the SAL macros expand to nothing and are recorded by position,
// SalMacros.cpp): __attribute__((irql_requires_max(DISPATCH_LEVEL))),
// [[irqlcheck::irql_requires_max(2)]] or __declspec(irql_requires_max(2)).
// A handler records what it saw in the AnnotationStore; it never adds an Attr
// to the AST, because anything CodeGen sees could change the object file.
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "frontend/ConstantEvaluator.h"
#include "frontend/FrontendState.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace irqlcheck {

// Per thread: the standalone tool checks translation units in parallel.
static thread_local FrontendState *CurrentState = nullptr;
FrontendState *FrontendState::current() { return CurrentState; }
void FrontendState::setCurrent(FrontendState *S) { CurrentState = S; }

namespace {

/// The text of argument I: a string literal's contents (the SAL macros
/// stringize), an identifier, or the source text of an expression.
std::string argumentText(Sema &S, const ParsedAttr &A, unsigned I,
                         std::optional<int64_t> &Value) {
  if (A.isArgIdent(I))
    return compat::identifierOf(A.getArgAsIdent(I))->getName().str();
  Expr *E = A.getArgAsExpr(I);
  if (!E)
    return std::string();
  if (auto *SL = dyn_cast<StringLiteral>(E->IgnoreParenCasts()))
    return SL->getCharByteWidth() == 1 ? SL->getString().str() : std::string();
  if (!E->isValueDependent())
    if (auto V = E->getIntegerConstantExpr(S.Context))
      Value = V->getExtValue();
  return Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                              S.getSourceManager(), S.getLangOpts())
      .str();
}

const std::pair<const char *, AnnotationKind> AttrNames[] = {
    {"irql_requires_max", AnnotationKind::RequiresMax},
    {"irql_requires_min", AnnotationKind::RequiresMin},
    {"irql_requires", AnnotationKind::Requires},
    {"irql_raises", AnnotationKind::Raises},
    {"irql_sets", AnnotationKind::Sets},
    {"irql_requires_same", AnnotationKind::RequiresSame},
    {"irql_saves_global", AnnotationKind::SavesGlobal},
    {"irql_saves", AnnotationKind::Saves},
    {"irql_restores_global", AnnotationKind::RestoresGlobal},
    {"irql_restores", AnnotationKind::Restores},
    {"irql_always_function_max", AnnotationKind::AlwaysFunctionMax},
    {"irql_always_function_min", AnnotationKind::AlwaysFunctionMin},
    {"irql_uses_cancel", AnnotationKind::UsesCancel},
    {"irql_is_cancel", AnnotationKind::IsCancel},
    {"irql_function_class", AnnotationKind::FunctionClass},
    {"irql_when", AnnotationKind::When},
    {"irql_at", AnnotationKind::At},
};

/// Finds the plugin attributes in the text of a wrapped annotation, as
/// irqlcheck.h's macros expand it: `__attribute((irql_requires_max("1")))`. Anything
/// else in the text (other SAL annotations, left unexpanded) is skipped.
void parseNested(llvm::StringRef T, llvm::SmallVectorImpl<NestedAnnotation> &Out) {
  size_t I = 0;
  while ((I = T.find("irql_", I)) != llvm::StringRef::npos) {
    if (I > 0 && (llvm::isAlnum(T[I - 1]) || T[I - 1] == '_')) {
      I += 5;
      continue;
    }
    llvm::StringRef Name = takeIdentifier(T, I);
    size_t E = I;
    const auto *Entry = llvm::find_if(AttrNames, [&](const auto &P) { return Name == P.first; });
    if (Entry == std::end(AttrNames))
      continue;
    NestedAnnotation A{Entry->second, {}};
    size_t P = E;
    while (P < T.size() && T[P] == ' ')
      ++P;
    if (P < T.size() && T[P] == '(') {
      ++P;
      // String-literal arguments, separated by commas, up to ')'.
      while (P < T.size()) {
        while (P < T.size() && (T[P] == ' ' || T[P] == ','))
          ++P;
        if (P >= T.size() || T[P] != '"')
          break;
        std::string Arg;
        for (++P; P < T.size() && T[P] != '"'; ++P) {
          if (T[P] == '\\' && P + 1 < T.size())
            ++P;
          Arg += T[P];
        }
        ++P;
        A.Args.push_back(std::move(Arg));
      }
      I = P;
    }
    Out.push_back(std::move(A));
  }
}

/// Spelling tables need static storage; one per attribute name.
template <AnnotationKind K> struct AttrTraits;
#define IRQL_ATTR(Kind, Name, Args)                                            \
  template <> struct AttrTraits<AnnotationKind::Kind> {                        \
    static constexpr const char *GNU = Name;                                   \
    static constexpr const char *Scoped = "irqlcheck::" Name;                  \
    static constexpr unsigned NumArgs = Args;                                  \
  };
IRQL_ATTR(RequiresMax, "irql_requires_max", 1)
IRQL_ATTR(RequiresMin, "irql_requires_min", 1)
IRQL_ATTR(Requires, "irql_requires", 1)
IRQL_ATTR(Raises, "irql_raises", 1)
IRQL_ATTR(Sets, "irql_sets", 1)
IRQL_ATTR(RequiresSame, "irql_requires_same", 0)
IRQL_ATTR(Saves, "irql_saves", 0)
IRQL_ATTR(Restores, "irql_restores", 0)
IRQL_ATTR(SavesGlobal, "irql_saves_global", 2)
IRQL_ATTR(RestoresGlobal, "irql_restores_global", 2)
IRQL_ATTR(AlwaysFunctionMax, "irql_always_function_max", 1)
IRQL_ATTR(AlwaysFunctionMin, "irql_always_function_min", 1)
IRQL_ATTR(UsesCancel, "irql_uses_cancel", 0)
IRQL_ATTR(IsCancel, "irql_is_cancel", 0)
IRQL_ATTR(FunctionClass, "irql_function_class", 1)
IRQL_ATTR(When, "irql_when", 2)
IRQL_ATTR(At, "irql_at", 1)
#undef IRQL_ATTR

template <AnnotationKind K> struct IrqlAttrInfo : public ParsedAttrInfo {
  using Traits = AttrTraits<K>;
  // The unscoped C23/C++11 spellings are needed for the scoped ones to parse
  // (clang asks plugins by unscoped name; plugin-mechanics.md B.1).
  static constexpr Spelling S[] = {{ParsedAttr::AS_GNU, Traits::GNU},
                                   {ParsedAttr::AS_Declspec, Traits::GNU},
                                   {compat::AS_C23, Traits::GNU},
                                   {compat::AS_C23, Traits::Scoped},
                                   {ParsedAttr::AS_CXX11, Traits::GNU},
                                   {ParsedAttr::AS_CXX11, Traits::Scoped}};

  // irql_at("anno"[, "target"]) takes an optional second argument.
  static constexpr unsigned OptionalArgs = K == AnnotationKind::At ? 1 : 0;

  IrqlAttrInfo() {
    // Clang's own count check makes a wrong count an error, where the
    // compiler without the plugin only warns about an unknown attribute: the
    // handler checks the count instead, and warns.
    HasCustomParsing = 1;
    Spellings = S;
  }

  /// Is the argument count wrong? Then warn (in the plugin's warning group)
  /// and ignore the attribute.
  static bool wrongArgumentCount(Sema &S, const ParsedAttr &A) {
    unsigned N = A.getNumArgs();
    if (N >= Traits::NumArgs && N <= Traits::NumArgs + OptionalArgs)
      return false;
    std::string Expected = std::to_string(Traits::NumArgs) +
                           (OptionalArgs ? " or " + std::to_string(Traits::NumArgs + 1) : "");
    S.Diag(A.getLoc(), diag::warn_fe_backend_plugin)
        << ("irqlcheck: '" + std::string(Traits::GNU) + "' takes " + Expected +
            " argument(s), not " + std::to_string(N) + "; the attribute is ignored");
    return true;
  }

  // SAL annotations turn up on many kinds of declarations in real headers
  // (fields, variables, typedefs of function pointers). They mean something
  // only on functions, parameters and function typedefs; elsewhere they are
  // ignored, silently, as they are by every compiler but PREfast.
  bool diagAppertainsToDecl(Sema &, const ParsedAttr &, const Decl *) const override {
    return true;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D, const ParsedAttr &A) const override {
    if (wrongArgumentCount(S, A))
      return AttributeApplied;
    FrontendState *State = FrontendState::current();
    if (!State || !(isa<FunctionDecl>(D) || isa<ParmVarDecl>(D) || isa<TypedefNameDecl>(D)))
      return AttributeApplied;
    SourceManager &SM = S.getSourceManager();
    RawAnnotation R;
    R.Kind = K;
    R.Loc = SM.getExpansionLoc(A.getLoc());
    std::optional<int64_t> Value;
    if (A.getNumArgs() >= 1)
      R.Text = argumentText(S, A, 0, Value);
    if (A.getNumArgs() >= 2) {
      std::optional<int64_t> Ignored;
      R.Object = argumentText(S, A, 1, Ignored);
    }
    if (K == AnnotationKind::When || K == AnnotationKind::At) {
      // _When_(cond, anno) / _At_(target, anno): record the inner annotations.
      unwrapAnnotation(K, R.Text, R.Object, R.Loc, parseNested,
                       [&](RawAnnotation Inner) { record(S, D, std::move(Inner), *State); });
      return AttributeApplied;
    }
    R.Value = Value;
    record(S, D, std::move(R), *State);
    return AttributeApplied;
  }

  static void record(Sema &S, Decl *D, RawAnnotation R, FrontendState &State) {
    if (annotationTakesLevel(R.Kind) && !R.Value) {
      // Evaluate now, with the macros and enumerators visible here; a name
      // defined later is retried at the end of the translation unit.
      std::string Why;
      ConstantEvaluator Eval(S.getPreprocessor(), [&S](llvm::StringRef N) {
        return visibleEnumerator(S, N);
      });
      R.Value = Eval.evaluate(R.Text, Why);
    }
    State.Annotations.add(D, std::move(R));
  }
};

#define REGISTER(Kind, Name)                                                   \
  static ParsedAttrInfoRegistry::Add<IrqlAttrInfo<AnnotationKind::Kind>> Reg##Kind( \
      Name, "irqlcheck IRQL annotation")
REGISTER(RequiresMax, "irql_requires_max");
REGISTER(RequiresMin, "irql_requires_min");
REGISTER(Requires, "irql_requires");
REGISTER(Raises, "irql_raises");
REGISTER(Sets, "irql_sets");
REGISTER(RequiresSame, "irql_requires_same");
REGISTER(Saves, "irql_saves");
REGISTER(Restores, "irql_restores");
REGISTER(SavesGlobal, "irql_saves_global");
REGISTER(RestoresGlobal, "irql_restores_global");
REGISTER(AlwaysFunctionMax, "irql_always_function_max");
REGISTER(AlwaysFunctionMin, "irql_always_function_min");
REGISTER(UsesCancel, "irql_uses_cancel");
REGISTER(IsCancel, "irql_is_cancel");
REGISTER(FunctionClass, "irql_function_class");
REGISTER(When, "irql_when");
REGISTER(At, "irql_at");
#undef REGISTER

} // namespace
} // namespace irqlcheck
