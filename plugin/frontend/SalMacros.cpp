//===- SalMacros.cpp - Give the empty SAL IRQL macros a meaning -----------===//
//
// In the user's code every argument reaches the attribute as a string, as
// written ("DISPATCH_LEVEL"): the attribute handler evaluates it at once, with
// the macros of that moment. So a level defined later, a parameter name
// (_IRQL_raises_(NewIrql)) or a _When_ condition can never become a compile
// error; ConstantEvaluator and ContractBuilder make sense of the text. Only
// the annotation inside _When_/_At_ is stringized after macro expansion, so
// that it arrives as the attribute it expands to. `__attribute` (not
// `__attribute__`) survives headers that #define __attribute__ away for
// non-GNU compilers.
//
// In the kit's headers the empty form is in force, and its expansions are
// recorded here with the same text (#x spells the tokens as written), the
// wrapped annotation of _When_/_At_ unexpanded (parseWrittenAnnotations reads
// the SAL spellings). An attribute costs clang about 16K instructions
// (stringizing, the string literal, the attribute's parsing and Sema); a
// recorded expansion about 300, and the WDK's headers hold thousands.
//
//===----------------------------------------------------------------------===//
#include "frontend/SalMacros.h"
#include "frontend/KitHeaders.h"
#include "frontend/SystemHeaderCache.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstring>

using namespace clang;

namespace irqlcheck {

namespace {

struct SalMacro {
  const char *Name;   // _IRQL_requires_max_
  const char *Params; // "(x)" or ""
  const char *Body;   // the attribute form, for the user's code
  AnnotationKind Kind;
  bool Swapped = false; // _At_(t, a): the attribute takes (a, t)
};

// The value forms: V = stringized after expansion, N = stringized as written.
#define V(x) "__irqlcheck_xstr(" x ")"
#define N(x) "#" x
#define A(attr, args) "__attribute((" attr "(" args ")))"
#define A0(attr) "__attribute((" attr "))"

const SalMacro Macros[] = {
    {"_IRQL_requires_max_", "(x)", A("irql_requires_max", N("x")), AnnotationKind::RequiresMax},
    {"__drv_maxIRQL", "(x)", A("irql_requires_max", N("x")), AnnotationKind::RequiresMax},
    {"_IRQL_requires_min_", "(x)", A("irql_requires_min", N("x")), AnnotationKind::RequiresMin},
    {"__drv_minIRQL", "(x)", A("irql_requires_min", N("x")), AnnotationKind::RequiresMin},
    {"_IRQL_requires_", "(x)", A("irql_requires", N("x")), AnnotationKind::Requires},
    {"__drv_requiresIRQL", "(x)", A("irql_requires", N("x")), AnnotationKind::Requires},
    {"_IRQL_raises_", "(x)", A("irql_raises", N("x")), AnnotationKind::Raises},
    {"__drv_raisesIRQL", "(x)", A("irql_raises", N("x")), AnnotationKind::Raises},
    {"__drv_setsIRQL", "(x)", A("irql_sets", N("x")), AnnotationKind::Sets},
    {"_IRQL_requires_same_", "", A0("irql_requires_same"), AnnotationKind::RequiresSame},
    {"__drv_sameIRQL", "", A0("irql_requires_same"), AnnotationKind::RequiresSame},
    {"_IRQL_saves_", "", A0("irql_saves"), AnnotationKind::Saves},
    {"__drv_savesIRQL", "", A0("irql_saves"), AnnotationKind::Saves},
    {"_IRQL_restores_", "", A0("irql_restores"), AnnotationKind::Restores},
    {"__drv_restoresIRQL", "", A0("irql_restores"), AnnotationKind::Restores},
    {"_IRQL_saves_global_", "(k, o)", A("irql_saves_global", N("k") ", " N("o")), AnnotationKind::SavesGlobal},
    {"__drv_savesIRQLGlobal", "(k, o)", A("irql_saves_global", N("k") ", " N("o")), AnnotationKind::SavesGlobal},
    {"_IRQL_restores_global_", "(k, o)", A("irql_restores_global", N("k") ", " N("o")), AnnotationKind::RestoresGlobal},
    {"__drv_restoresIRQLGlobal", "(k, o)", A("irql_restores_global", N("k") ", " N("o")), AnnotationKind::RestoresGlobal},
    {"_IRQL_always_function_max_", "(x)", A("irql_always_function_max", N("x")), AnnotationKind::AlwaysFunctionMax},
    {"__drv_maxFunctionIRQL", "(x)", A("irql_always_function_max", N("x")), AnnotationKind::AlwaysFunctionMax},
    {"_IRQL_always_function_min_", "(x)", A("irql_always_function_min", N("x")), AnnotationKind::AlwaysFunctionMin},
    {"__drv_minFunctionIRQL", "(x)", A("irql_always_function_min", N("x")), AnnotationKind::AlwaysFunctionMin},
    {"_IRQL_uses_cancel_", "", A0("irql_uses_cancel"), AnnotationKind::UsesCancel},
    {"__drv_useCancelIRQL", "", A0("irql_uses_cancel"), AnnotationKind::UsesCancel},
    {"_IRQL_is_cancel_", "", A0("irql_is_cancel"), AnnotationKind::IsCancel},
    {"__drv_isCancelIRQL", "", A0("irql_is_cancel"), AnnotationKind::IsCancel},
    {"_Function_class_", "(x)", A("irql_function_class", N("x")), AnnotationKind::FunctionClass},
    {"__drv_functionClass", "(x)", A("irql_function_class", N("x")), AnnotationKind::FunctionClass},
    // _Dispatch_type_(IRP_MJ_CLOSE) names a major function like fastfat's
    // _Function_class_(IRP_MJ_CLOSE); ContractBuilder tells it from a class.
    {"_Dispatch_type_", "(x)", A("irql_function_class", N("x")), AnnotationKind::FunctionClass},
    {"__drv_dispatchType", "(x)", A("irql_function_class", N("x")), AnnotationKind::FunctionClass},
    // Wrappers carry their inner annotation as text: whatever else they wrap
    // (_Field_size_(...), _Out_) stays text too and can never fail to compile.
    {"_When_", "(c, a)", A("irql_when", N("c") ", " V("a")), AnnotationKind::When},
    {"__drv_when", "(c, a)", A("irql_when", N("c") ", " V("a")), AnnotationKind::When},
    // _At_ also passes its target: on a function, _At_(*OldIrql, _IRQL_saves_)
    // is about the parameter OldIrql, not the return value.
    {"_At_", "(t, a)", A("irql_at", V("a") ", " N("t")), AnnotationKind::At, true},
    {"__drv_at", "(t, a)", A("irql_at", V("a") ", " N("t")), AnnotationKind::At, true},
    {"__drv_in", "(a)", A("irql_at", V("a")), AnnotationKind::At},
    {"__drv_out", "(a)", A("irql_at", V("a")), AnnotationKind::At},
    {"__drv_in_deref", "(a)", A("irql_at", V("a")), AnnotationKind::At},
    {"__drv_out_deref", "(a)", A("irql_at", V("a")), AnnotationKind::At},
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

/// The name under which a macro's empty form (the kit's headers) is
/// predefined.
std::string emptyTemplateName(const SalMacro &M) {
  return std::string("__irqlcheck_kit") + M.Name;
}

/// A token's spelling, without the source manager for the usual ones.
llvm::StringRef spell(const Token &T, Preprocessor &PP, llvm::SmallVectorImpl<char> &Buf) {
  if (const IdentifierInfo *II = T.getIdentifierInfo(); II && !T.hasUCN())
    return II->getName();
  if (T.isLiteral() && T.getLiteralData())
    return llvm::StringRef(T.getLiteralData(), T.getLength());
  if (const char *P = tok::getPunctuatorSpelling(T.getKind()); P && std::strlen(P) == T.getLength())
    return P;
  return PP.getSpelling(T, Buf);
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
    S += "\n#define ";
    S += emptyTemplateName(M);
    S += M.Params;
    S += '\n';
  }
  return S;
}

void parseWrittenAnnotations(llvm::StringRef T, llvm::SmallVectorImpl<NestedAnnotation> &Out) {
  size_t I = 0;
  while (I < T.size()) {
    if (!(llvm::isAlpha(T[I]) || T[I] == '_')) {
      ++I;
      continue;
    }
    llvm::StringRef Name = takeIdentifier(T, I);
    size_t E = I;
    const SalMacro *M = llvm::find_if(Macros, [&](const SalMacro &X) { return Name == X.Name; });
    if (M == std::end(Macros))
      continue; // another SAL annotation: what it wraps is still read
    NestedAnnotation A{M->Kind, {}};
    size_t P = E;
    while (P < T.size() && T[P] == ' ')
      ++P;
    if (shapeOf(*M) >= 0 && P < T.size() && T[P] == '(') {
      // The arguments, split at the commas outside parentheses, each as the
      // preprocessor stringizes it.
      unsigned Depth = 0;
      size_t Begin = ++P;
      for (; P < T.size(); ++P) {
        char C = T[P];
        if (C == '(') {
          ++Depth;
        } else if ((C == ',' && Depth == 0) || (C == ')' && Depth-- == 0)) {
          A.Args.push_back(T.slice(Begin, P).trim().str());
          Begin = P + 1;
          if (C == ')')
            break;
        }
      }
      I = P + 1;
      if (M->Swapped && A.Args.size() == 2)
        std::swap(A.Args[0], A.Args[1]);
    }
    Out.push_back(std::move(A));
  }
}

SalMacroGuard::SalMacroGuard(Preprocessor &PP, AnnotationStore *Store)
    : PP(PP), Store(Store) {
  if (Store) {
    System = std::make_unique<SystemHeaderCache>(PP.getSourceManager());
    Kit = std::make_unique<KitHeaders>(PP.getSourceManager(), *System);
  }
  for (unsigned I = 0; I < std::size(Macros); ++I) {
    const SalMacro &M = Macros[I];
    IdentifierInfo *II = PP.getIdentifierInfo(M.Name);
    Ours[II] = {shapeOf(M), I};
    if (shapeOf(M) < 0)
      Templates[PP.getIdentifierInfo(templateName(M))] = {II, false};
    Templates[PP.getIdentifierInfo(emptyTemplateName(M))] = {II, true};
  }
}

SalMacroGuard::~SalMacroGuard() = default;

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
  MacroInfo *MI = PP.getMacroInfo(II);
  if (!MI)
    return;
  SourceManager &SM = PP.getSourceManager();
  SourceLocation Loc = MI->getDefinitionLoc();
  if (auto T = Templates.find(II); T != Templates.end()) {
    // A template, predefined in the built-in buffer: the form to install.
    auto It = Ours.find(T->second.first);
    if (It == Ours.end() || !SM.isWrittenInBuiltinFile(Loc))
      return;
    MI->setIsAllowRedefinitionsWithoutWarning(true);
    if (T->second.second) {
      It->second.Empty = MI;
      EmptyForms[MI] = It->second.Index;
    } else {
      It->second.Definition = MI;
    }
    return;
  }
  auto It = Ours.find(II);
  if (It == Ours.end())
    return;
  if (!It->second.Definition) {
    // Our own predefine of a function-like macro, the first definition we see
    // in the built-in buffer. Headers may redefine it without a
    // -Wmacro-redefined warning: a plugin must not add warnings to a clean
    // build.
    if (SM.isWrittenInBuiltinFile(Loc) && It->second.Shape >= 0) {
      MI->setIsAllowRedefinitionsWithoutWarning(true);
      It->second.Definition = MI;
    }
    return;
  }
  if (MI == It->second.Definition || MI == It->second.Empty)
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
  MacroInfo *Form = InKit && It->second.Empty ? It->second.Empty : It->second.Definition;
  PP.appendDefMacroDirective(II, Form, MacroNameTok.getLocation());
}

void SalMacroGuard::fileChanged(SourceLocation Loc, SrcMgr::CharacteristicKind Kind,
                                bool SystemHeaderPragma) {
  if (!Store || !Kit || Loc.isInvalid())
    return;
  bool InKitNow = SystemHeaderPragma || Kind != SrcMgr::C_User;
  if (!InKitNow) {
    SourceManager &SM = PP.getSourceManager();
    InKitNow = Kit->isKitFile(SM.getFileID(SM.getExpansionLoc(Loc)));
  }
  setKitMode(InKitNow, Loc);
}

void SalMacroGuard::setKitMode(bool ToKit, SourceLocation Loc) {
  if (ToKit == InKit)
    return;
  InKit = ToKit;
  // Only where one of our forms is in force: a macro a header #undef'd, or
  // defined with another shape, stays as it is.
  for (auto &KV : Ours) {
    OurMacro &O = KV.second;
    if (!O.Definition || !O.Empty)
      continue;
    MacroInfo *From = ToKit ? O.Definition : O.Empty, *To = ToKit ? O.Empty : O.Definition;
    if (PP.getMacroInfo(KV.first) == From)
      PP.appendDefMacroDirective(KV.first, To, Loc);
  }
}

void SalMacroGuard::record(unsigned Index, SourceRange Range, const MacroArgs *Args) {
  const SalMacro &M = Macros[Index];
  SourceManager &SM = PP.getSourceManager();
  WrittenAnnotation W;
  W.Kind = M.Kind;
  W.Loc = SM.getExpansionLoc(Range.getBegin());
  std::tie(W.File, W.Offset) = SM.getDecomposedLoc(W.Loc);
  // Each argument as #x would spell it: its tokens as written, one space
  // where there was white space.
  llvm::StringRef Text[2];
  unsigned N = Args ? std::min(Args->getNumMacroArguments(), 2u) : 0;
  llvm::SmallString<16> Buf;
  for (unsigned I = 0; I < N; ++I) {
    Scratch.clear();
    for (const Token *T = Args->getUnexpArgument(I); T->isNot(tok::eof); ++T) {
      if (!Scratch.empty() && (T->hasLeadingSpace() || T->isAtStartOfLine()))
        Scratch += ' ';
      Scratch += spell(*T, PP, Buf);
    }
    Text[I] = Store->save(Scratch);
  }
  if (M.Swapped)
    std::swap(Text[0], Text[1]);
  W.Text = Text[0];
  W.Object = Text[1];
  Store->addWritten(W);
}

} // namespace irqlcheck
