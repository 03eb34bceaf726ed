//===- SalMacros.cpp - Give the empty SAL IRQL macros a meaning -----------===//
//
// Every argument reaches the attribute as a string, as written
// ("DISPATCH_LEVEL"): the attribute handler evaluates it at once, with the
// macros of that moment. So a level defined later, a parameter name
// (_IRQL_raises_(NewIrql)) or a _When_ condition can never become a compile
// error; ConstantEvaluator and ContractBuilder make sense of the text. Only
// the annotation inside _When_/_At_ is stringized after macro expansion, so
// that it arrives as the attribute it expands to. Stringizing as written is
// also the cheaper form: the WDK's headers carry thousands of annotations. `__attribute` (not `__attribute__`)
// survives headers that #define __attribute__ away for non-GNU compilers.
//
//===----------------------------------------------------------------------===//
#include "frontend/SalMacros.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace irqlcheck {

namespace {

struct SalMacro {
  const char *Name;   // _IRQL_requires_max_
  const char *Params; // "(x)" or ""
  const char *Body;
};

// The value forms: V = stringized after expansion, N = stringized as written.
#define V(x) "__irqlcheck_xstr(" x ")"
#define N(x) "#" x
#define A(attr, args) "__attribute((" attr "(" args ")))"
#define A0(attr) "__attribute((" attr "))"

const SalMacro Macros[] = {
    {"_IRQL_requires_max_", "(x)", A("irql_requires_max", N("x"))},
    {"__drv_maxIRQL", "(x)", A("irql_requires_max", N("x"))},
    {"_IRQL_requires_min_", "(x)", A("irql_requires_min", N("x"))},
    {"__drv_minIRQL", "(x)", A("irql_requires_min", N("x"))},
    {"_IRQL_requires_", "(x)", A("irql_requires", N("x"))},
    {"__drv_requiresIRQL", "(x)", A("irql_requires", N("x"))},
    {"_IRQL_raises_", "(x)", A("irql_raises", N("x"))},
    {"__drv_raisesIRQL", "(x)", A("irql_raises", N("x"))},
    {"__drv_setsIRQL", "(x)", A("irql_sets", N("x"))},
    {"_IRQL_requires_same_", "", A0("irql_requires_same")},
    {"__drv_sameIRQL", "", A0("irql_requires_same")},
    {"_IRQL_saves_", "", A0("irql_saves")},
    {"__drv_savesIRQL", "", A0("irql_saves")},
    {"_IRQL_restores_", "", A0("irql_restores")},
    {"__drv_restoresIRQL", "", A0("irql_restores")},
    {"_IRQL_saves_global_", "(k, o)", A("irql_saves_global", N("k") ", " N("o"))},
    {"__drv_savesIRQLGlobal", "(k, o)", A("irql_saves_global", N("k") ", " N("o"))},
    {"_IRQL_restores_global_", "(k, o)", A("irql_restores_global", N("k") ", " N("o"))},
    {"__drv_restoresIRQLGlobal", "(k, o)", A("irql_restores_global", N("k") ", " N("o"))},
    {"_IRQL_always_function_max_", "(x)", A("irql_always_function_max", N("x"))},
    {"__drv_maxFunctionIRQL", "(x)", A("irql_always_function_max", N("x"))},
    {"_IRQL_always_function_min_", "(x)", A("irql_always_function_min", N("x"))},
    {"__drv_minFunctionIRQL", "(x)", A("irql_always_function_min", N("x"))},
    {"_IRQL_uses_cancel_", "", A0("irql_uses_cancel")},
    {"__drv_useCancelIRQL", "", A0("irql_uses_cancel")},
    {"_IRQL_is_cancel_", "", A0("irql_is_cancel")},
    {"__drv_isCancelIRQL", "", A0("irql_is_cancel")},
    {"_Function_class_", "(x)", A("irql_function_class", N("x"))},
    {"__drv_functionClass", "(x)", A("irql_function_class", N("x"))},
    // _Dispatch_type_(IRP_MJ_CLOSE) names a major function like fastfat's
    // _Function_class_(IRP_MJ_CLOSE); ContractBuilder tells it from a class.
    {"_Dispatch_type_", "(x)", A("irql_function_class", N("x"))},
    {"__drv_dispatchType", "(x)", A("irql_function_class", N("x"))},
    // Wrappers carry their inner annotation as text: whatever else they wrap
    // (_Field_size_(...), _Out_) stays text too and can never fail to compile.
    {"_When_", "(c, a)", A("irql_when", N("c") ", " V("a"))},
    {"__drv_when", "(c, a)", A("irql_when", N("c") ", " V("a"))},
    // _At_ also passes its target: on a function, _At_(*OldIrql, _IRQL_saves_)
    // is about the parameter OldIrql, not the return value.
    {"_At_", "(t, a)", A("irql_at", V("a") ", " N("t"))},
    {"__drv_at", "(t, a)", A("irql_at", V("a") ", " N("t"))},
    {"__drv_in", "(a)", A("irql_at", V("a"))},
    {"__drv_out", "(a)", A("irql_at", V("a"))},
    {"__drv_in_deref", "(a)", A("irql_at", V("a"))},
    {"__drv_out_deref", "(a)", A("irql_at", V("a"))},
};

#undef V
#undef N
#undef A
#undef A0

/// The shape of a macro: object-like (-1) or its parameter count.
int shapeOf(const SalMacro &M) {
  llvm::StringRef P = M.Params;
  return P.empty() ? -1 : int(P.count(',')) + 1;
}

/// The name under which an object-like macro's definition is predefined,
/// ready to be installed when a header defines the macro itself.
std::string templateName(const SalMacro &M) {
  return std::string("__irqlcheck_sal") + M.Name;
}

} // namespace

std::string salMacroPredefines() {
  std::string S = "#define __irqlcheck_str(x) #x\n"
                  "#define __irqlcheck_xstr(x) __irqlcheck_str(x)\n";
  for (const SalMacro &M : Macros) {
    S += "#define ";
    // An object-like name would take the identifier from any program that
    // uses it otherwise (int _IRQL_is_cancel_;): only its template is
    // predefined. A function-like macro expands only before '('.
    S += shapeOf(M) < 0 ? templateName(M) : std::string(M.Name);
    S += M.Params;
    S += ' ';
    S += M.Body;
    S += '\n';
  }
  return S;
}

SalMacroGuard::SalMacroGuard(Preprocessor &PP) : PP(PP) {
  for (const SalMacro &M : Macros) {
    Ours[PP.getIdentifierInfo(M.Name)] = {shapeOf(M), nullptr};
    if (shapeOf(M) < 0)
      Templates[PP.getIdentifierInfo(templateName(M))] = PP.getIdentifierInfo(M.Name);
  }
}

static bool sameShape(const MacroInfo &MI, int Shape) {
  if (Shape < 0)
    return MI.isObjectLike();
  return MI.isFunctionLike() && !MI.isVariadic() && MI.getNumParams() == unsigned(Shape);
}

// HandleDefineDirective has already installed the header's definition when
// this runs, and appendDefMacroDirective fires no callback, so there is no
// recursion.
void SalMacroGuard::macroDefined(const Token &MacroNameTok) {
  IdentifierInfo *II = MacroNameTok.getIdentifierInfo();
  auto T = Templates.find(II);
  bool IsTemplate = T != Templates.end();
  auto It = Ours.find(IsTemplate ? T->second : II);
  if (It == Ours.end())
    return;
  MacroInfo *MI = PP.getMacroInfo(II);
  if (!MI)
    return;
  SourceManager &SM = PP.getSourceManager();
  SourceLocation Loc = MI->getDefinitionLoc();
  if (!It->second.Definition) {
    // Our own predefine (or an object-like macro's template), the first
    // definition we see in the built-in buffer. Headers may redefine it
    // without a -Wmacro-redefined warning: a plugin must not add warnings to
    // a clean build.
    if (SM.isWrittenInBuiltinFile(Loc) && (IsTemplate || It->second.Shape >= 0)) {
      MI->setIsAllowRedefinitionsWithoutWarning(true);
      It->second.Definition = MI;
    }
    return;
  }
  if (IsTemplate || MI == It->second.Definition)
    return;
  if (!sameShape(*MI, It->second.Shape)) {
    // The project's own macro of another shape (#define _When_(...),
    // #define _IRQL_requires_max_): it stays, and its annotations are not
    // read. Code that compiles without the plugin compiles with it. Said
    // once, as a remark: a note that follows no warning is never shown, and
    // a warning would fail -Werror builds of valid code.
    if (!NotedOtherShape && !SM.isInSystemHeader(Loc)) {
      NotedOtherShape = true;
      DiagnosticsEngine &D = PP.getDiagnostics();
      D.Report(Loc, D.getCustomDiagID(DiagnosticsEngine::Remark,
                                      "irqlcheck: '%0' is defined here with another shape "
                                      "than the SAL annotation; irqlcheck keeps this "
                                      "definition and does not read its annotations"))
          << II->getName();
    }
    return;
  }
  // The replaced definition is never expanded now; it must not earn a
  // -Wunused-macros warning the build without the plugin would not give.
  PP.markMacroAsUsed(MI);
  PP.appendDefMacroDirective(II, It->second.Definition, MacroNameTok.getLocation());
}

} // namespace irqlcheck
