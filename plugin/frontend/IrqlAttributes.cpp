//===- IrqlAttributes.cpp - The plugin's IRQL attributes ------------------===//
//
// One plugin attribute per SAL IRQL annotation. The SAL macros expand to them
// (SalMacros.cpp), and people who prefer explicit spellings can write them
// directly: __attribute__((irql_requires_max(DISPATCH_LEVEL))),
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
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

using namespace clang;

namespace irqlcheck {

static FrontendState *CurrentState = nullptr;
FrontendState *FrontendState::current() { return CurrentState; }
void FrontendState::setCurrent(FrontendState *S) { CurrentState = S; }

namespace {

/// The value of an enumerator visible at the annotation.
std::optional<int64_t> lookupEnumerator(Sema &S, llvm::StringRef Name) {
  IdentifierInfo &II = S.Context.Idents.get(Name);
  Scope *Sc = S.getCurScope() ? S.getCurScope() : S.TUScope;
  if (!Sc)
    return std::nullopt;
  LookupResult R(S, &II, SourceLocation(), Sema::LookupOrdinaryName);
  if (!S.LookupName(R, Sc) || !R.isSingleResult())
    return std::nullopt;
  if (auto *ECD = dyn_cast<EnumConstantDecl>(R.getFoundDecl()))
    return ECD->getInitVal().getExtValue();
  return std::nullopt;
}

/// The text of argument I: a string literal's contents (the SAL macros
/// stringize), an identifier, or the source text of an expression.
std::string argumentText(Sema &S, const ParsedAttr &A, unsigned I,
                         std::optional<int64_t> &Value) {
  if (A.isArgIdent(I))
    return A.getArgAsIdent(I)->Ident->getName().str();
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
IRQL_ATTR(When, "irql_when", 1)
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

  IrqlAttrInfo() {
    NumArgs = Traits::NumArgs;
    OptArgs = 0;
    Spellings = S;
  }

  // SAL annotations turn up on many kinds of declarations in real headers
  // (fields, variables, typedefs of function pointers). They mean something
  // only on functions, parameters and function typedefs; elsewhere they are
  // ignored, silently, as they are by every compiler but PREfast.
  bool diagAppertainsToDecl(Sema &, const ParsedAttr &, const Decl *) const override {
    return true;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D, const ParsedAttr &A) const override {
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
    if (K == AnnotationKind::When) {
      State->Annotations.noteWhen(R.Loc, R.Text);
      return AttributeApplied;
    }
    if (annotationTakesLevel(K)) {
      if (!Value) {
        // Evaluate now, with the macros and enumerators visible here; a name
        // defined later is retried at the end of the translation unit.
        std::string Why;
        ConstantEvaluator Eval(S.getPreprocessor(), [&S](llvm::StringRef N) {
          return lookupEnumerator(S, N);
        });
        Value = Eval.evaluate(R.Text, Why);
      }
      R.Value = Value;
    }
    State->Annotations.add(D, std::move(R));
    return AttributeApplied;
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
#undef REGISTER

} // namespace
} // namespace irqlcheck
