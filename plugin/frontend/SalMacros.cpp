//===- SalMacros.cpp - Give the empty SAL IRQL macros a meaning -----------===//
//
// Every expansion of one of our macros is recorded here with its arguments'
// text as #x would spell it (the tokens as written), the wrapped annotation
// of _When_/_At_ unexpanded (parseWrittenAnnotations reads the SAL
// spellings). So a level defined later, a parameter name
// (_IRQL_raises_(NewIrql)) or a _When_ condition can never become a compile
// error; ConstantEvaluator and ContractBuilder make sense of the text.
// (Until session 7 the user's annotations expanded to the plugin's
// attributes instead: an attribute costs clang about 16K instructions
// (stringizing, the string literal, the attribute's parsing and Sema), a
// recorded expansion about 300, and an attribute inside an expression was a
// syntax error the build without the plugin did not have.)
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
  AnnotationKind Kind;
  bool Swapped = false; // _At_(t, a): recorded as (a, t), like irql_at
};

const SalMacro Macros[] = {
    {"_IRQL_requires_max_", "(x)", AnnotationKind::RequiresMax},
    {"__drv_maxIRQL", "(x)", AnnotationKind::RequiresMax},
    {"_IRQL_requires_min_", "(x)", AnnotationKind::RequiresMin},
    {"__drv_minIRQL", "(x)", AnnotationKind::RequiresMin},
    {"_IRQL_requires_", "(x)", AnnotationKind::Requires},
    {"__drv_requiresIRQL", "(x)", AnnotationKind::Requires},
    {"_IRQL_raises_", "(x)", AnnotationKind::Raises},
    {"__drv_raisesIRQL", "(x)", AnnotationKind::Raises},
    {"__drv_setsIRQL", "(x)", AnnotationKind::Sets},
    {"_IRQL_requires_same_", "", AnnotationKind::RequiresSame},
    {"__drv_sameIRQL", "", AnnotationKind::RequiresSame},
    {"_IRQL_saves_", "", AnnotationKind::Saves},
    {"__drv_savesIRQL", "", AnnotationKind::Saves},
    {"_IRQL_restores_", "", AnnotationKind::Restores},
    {"__drv_restoresIRQL", "", AnnotationKind::Restores},
    {"_IRQL_saves_global_", "(k, o)", AnnotationKind::SavesGlobal},
    {"__drv_savesIRQLGlobal", "(k, o)", AnnotationKind::SavesGlobal},
    {"_IRQL_restores_global_", "(k, o)", AnnotationKind::RestoresGlobal},
    {"__drv_restoresIRQLGlobal", "(k, o)", AnnotationKind::RestoresGlobal},
    {"_IRQL_always_function_max_", "(x)", AnnotationKind::AlwaysFunctionMax},
    {"__drv_maxFunctionIRQL", "(x)", AnnotationKind::AlwaysFunctionMax},
    {"_IRQL_always_function_min_", "(x)", AnnotationKind::AlwaysFunctionMin},
    {"__drv_minFunctionIRQL", "(x)", AnnotationKind::AlwaysFunctionMin},
    {"_IRQL_uses_cancel_", "", AnnotationKind::UsesCancel},
    {"__drv_useCancelIRQL", "", AnnotationKind::UsesCancel},
    {"_IRQL_is_cancel_", "", AnnotationKind::IsCancel},
    {"__drv_isCancelIRQL", "", AnnotationKind::IsCancel},
    {"_Function_class_", "(x)", AnnotationKind::FunctionClass},
    {"__drv_functionClass", "(x)", AnnotationKind::FunctionClass},
    // _Dispatch_type_(IRP_MJ_CLOSE) names a major function like fastfat's
    // _Function_class_(IRP_MJ_CLOSE); ContractBuilder tells it from a class.
    {"_Dispatch_type_", "(x)", AnnotationKind::FunctionClass},
    {"__drv_dispatchType", "(x)", AnnotationKind::FunctionClass},
    // Wrappers carry their inner annotation as text: whatever else they wrap
    // (_Field_size_(...), _Out_) stays text too and can never fail to compile.
    {"_When_", "(c, a)", AnnotationKind::When},
    {"__drv_when", "(c, a)", AnnotationKind::When},
    // _At_ also passes its target: on a function, _At_(*OldIrql, _IRQL_saves_)
    // is about the parameter OldIrql, not the return value.
    {"_At_", "(t, a)", AnnotationKind::At, true},
    {"__drv_at", "(t, a)", AnnotationKind::At, true},
    {"__drv_in", "(a)", AnnotationKind::At},
    {"__drv_out", "(a)", AnnotationKind::At},
    {"__drv_in_deref", "(a)", AnnotationKind::At},
    {"__drv_out_deref", "(a)", AnnotationKind::At},
};

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
  std::string S;
  for (const SalMacro &M : Macros) {
    S += "#define ";
    // An object-like name would take the identifier from any program that
    // uses it otherwise (int _IRQL_is_cancel_;): only its template is
    // predefined. A function-like macro expands only before '('.
    S += shapeOf(M) < 0 ? templateName(M) : std::string(M.Name);
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

SalMacroGuard::SalMacroGuard(Preprocessor &PP, AnnotationStore *Store,
                             ConstantEvaluator::NameLookup Enumerators)
    : PP(PP), Store(Store) {
  if (Store) {
    System = std::make_unique<SystemHeaderCache>(PP.getSourceManager());
    Kit = std::make_unique<KitHeaders>(PP.getSourceManager(), *System);
    Eval = std::make_unique<ConstantEvaluator>(PP, std::move(Enumerators));
  }
  for (unsigned I = 0; I < std::size(Macros); ++I) {
    const SalMacro &M = Macros[I];
    IdentifierInfo *II = PP.getIdentifierInfo(M.Name);
    Ours[II] = {shapeOf(M), I};
    if (shapeOf(M) < 0)
      Templates[PP.getIdentifierInfo(templateName(M))] = II;
  }
}

SalMacroGuard::~SalMacroGuard() = default;

static bool sameShape(const MacroInfo &MI, int Shape) {
  if (Shape < 0)
    return MI.isObjectLike();
  return MI.isFunctionLike() && !MI.isVariadic() && MI.getNumParams() == unsigned(Shape);
}

void SalMacroGuard::adopt(OurMacro &O, MacroInfo *MI) {
  // Headers may redefine it without a -Wmacro-redefined warning: a plugin
  // must not add warnings to a clean build.
  MI->setIsAllowRedefinitionsWithoutWarning(true);
  O.Definition = MI;
  Forms[MI] = O.Index;
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
    // An object-like macro's template, predefined in the built-in buffer:
    // the definition to install.
    auto It = Ours.find(T->second);
    if (It != Ours.end() && SM.isWrittenInBuiltinFile(Loc))
      adopt(It->second, MI);
    return;
  }
  auto It = Ours.find(II);
  if (It == Ours.end())
    return;
  if (!It->second.Definition) {
    // Our own predefine of a function-like macro, the first definition we see
    // in the built-in buffer.
    if (SM.isWrittenInBuiltinFile(Loc) && It->second.Shape >= 0)
      adopt(It->second, MI);
    return;
  }
  if (MI == It->second.Definition)
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

void SalMacroGuard::fileChanged(SourceLocation Loc, SrcMgr::CharacteristicKind Kind,
                                bool SystemHeaderPragma) {
  if (!Store || !Kit || Loc.isInvalid())
    return;
  bool InKitNow = SystemHeaderPragma || Kind != SrcMgr::C_User;
  if (!InKitNow) {
    SourceManager &SM = PP.getSourceManager();
    InKitNow = Kit->isKitFile(SM.getFileID(SM.getExpansionLoc(Loc)));
  }
  InKit = InKitNow;
}

/// Which argument of M is an annotation it wraps (-1: none).
static int wrappedArgument(const SalMacro &M) {
  if (M.Kind == AnnotationKind::When || M.Swapped)
    return 1;
  return M.Kind == AnnotationKind::At ? 0 : -1;
}

/// The arguments of a macro call whose '(' is Toks[From], if it is one; Close
/// is its ')'.
static bool callArguments(llvm::ArrayRef<Token> Toks, size_t From,
                          llvm::SmallVectorImpl<llvm::ArrayRef<Token>> &Args, size_t &Close) {
  if (From >= Toks.size() || Toks[From].isNot(tok::l_paren))
    return false;
  unsigned Depth = 0;
  size_t Begin = From + 1;
  for (size_t I = Begin; I < Toks.size(); ++I) {
    if (Toks[I].is(tok::l_paren)) {
      ++Depth;
    } else if ((Toks[I].is(tok::comma) && Depth == 0) ||
               (Toks[I].is(tok::r_paren) && Depth-- == 0)) {
      Args.push_back(Toks.slice(Begin, I - Begin));
      Begin = I + 1;
      if (Toks[I].is(tok::r_paren)) {
        Close = I;
        return true;
      }
    }
  }
  return false;
}

void SalMacroGuard::appendSpelling(const Token &T) {
  llvm::SmallString<16> Buf;
  llvm::StringRef S = spell(T, PP, Buf);
  auto Word = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  if (!Scratch.empty() && !S.empty() &&
      (T.hasLeadingSpace() || T.isAtStartOfLine() || (Word(Scratch.back()) && Word(S.front()))))
    Scratch += ' ';
  Scratch += S;
}

// As the attribute forms of the user's code did until session 7, the
// annotation a _When_ or _At_ wraps is read after macro expansion (a
// project's #define MAX_ _IRQL_requires_max_), every argument of a SAL macro
// as written. Plain substitution is enough for the aliases and wrappers
// projects write; a macro using # or ## (or variadic) stays unexpanded.
void SalMacroGuard::appendExpanded(llvm::ArrayRef<Token> Toks, unsigned Depth) {
  for (size_t I = 0; I < Toks.size(); ++I) {
    const Token &T = Toks[I];
    IdentifierInfo *II = T.getIdentifierInfo();
    const MacroInfo *MI = II && Depth < 8 ? PP.getMacroInfo(II) : nullptr;
    if (!MI) {
      appendSpelling(T);
      continue;
    }
    llvm::SmallVector<llvm::ArrayRef<Token>, 2> Args;
    size_t Close = 0;
    bool Call = MI->isFunctionLike() && callArguments(Toks, I + 1, Args, Close);
    if (auto O = Ours.find(II); O != Ours.end()) {
      // One of ours: its arguments as written, what it wraps expanded.
      if (!Call || int(Args.size()) != O->second.Shape) {
        appendSpelling(T);
        continue;
      }
      appendSpelling(T);
      Scratch += '(';
      int Wrapped = wrappedArgument(Macros[O->second.Index]);
      for (unsigned A = 0; A < Args.size(); ++A) {
        if (A)
          Scratch += ", ";
        if (int(A) == Wrapped)
          appendExpanded(Args[A], Depth + 1);
        else
          for (const Token &X : Args[A])
            appendSpelling(X);
      }
      Scratch += ')';
      I = Close;
      continue;
    }
    if (MI->isBuiltinMacro()) {
      appendSpelling(T);
      continue;
    }
    if (MI->isObjectLike()) {
      appendExpanded(MI->tokens(), Depth + 1);
      continue;
    }
    bool Fits = Call && !MI->isVariadic() &&
                (Args.size() == MI->getNumParams() ||
                 (MI->getNumParams() == 0 && Args.size() == 1 && Args[0].empty()));
    llvm::SmallVector<Token, 16> Body;
    for (const Token &B : MI->tokens()) {
      if (!Fits || B.isOneOf(tok::hash, tok::hashhash)) {
        Fits = false;
        break;
      }
      int P = B.getIdentifierInfo() ? MI->getParameterNum(B.getIdentifierInfo()) : -1;
      if (P >= 0)
        Body.append(Args[P].begin(), Args[P].end());
      else
        Body.push_back(B);
    }
    if (!Fits) {
      appendSpelling(T);
      continue;
    }
    appendExpanded(Body, Depth + 1);
    I = Close;
  }
}

void SalMacroGuard::record(unsigned Index, SourceRange Range, const MacroArgs *Args) {
  if (!Store)
    return;
  const SalMacro &M = Macros[Index];
  SourceManager &SM = PP.getSourceManager();
  WrittenAnnotation W;
  W.Kind = M.Kind;
  W.Loc = SM.getExpansionLoc(Range.getBegin());
  std::tie(W.File, W.Offset) = SM.getDecomposedLoc(W.Loc);
  // Each argument as #x would spell it: its tokens as written, one space
  // where there was white space. (In the user's code, what a _When_ or _At_
  // wraps after expansion.)
  llvm::StringRef Text[2];
  unsigned N = Args ? std::min(Args->getNumMacroArguments(), 2u) : 0;
  int Expand = InKit ? -1 : wrappedArgument(M);
  llvm::SmallString<16> Buf;
  for (unsigned I = 0; I < N; ++I) {
    Scratch.clear();
    const Token *Arg = Args->getUnexpArgument(I);
    if (int(I) == Expand) {
      appendExpanded(llvm::ArrayRef(Arg, MacroArgs::getArgLength(Arg)), 0);
    } else if (const IdentifierInfo *II = Arg->getIdentifierInfo();
               II && !Arg->hasUCN() && Arg[1].is(tok::eof)) {
      // One name (DISPATCH_LEVEL, a class): the identifier table keeps its
      // spelling for the whole compile, so it need not be copied.
      Text[I] = II->getName();
      continue;
    } else {
      for (const Token *T = Arg; T->isNot(tok::eof); ++T) {
        if (!Scratch.empty() && (T->hasLeadingSpace() || T->isAtStartOfLine()))
          Scratch += ' ';
        Scratch += spell(*T, PP, Buf);
      }
    }
    Text[I] = Store->save(Scratch);
  }
  if (M.Swapped)
    std::swap(Text[0], Text[1]);
  W.Text = Text[0];
  W.Object = Text[1];
  if (InKit) {
    Store->addWritten(W);
    return;
  }
  // The user's own annotation: read now, its level with the macros and
  // enumerators of this point (a level redefined later does not change it).
  Store->addUserWritten(W, [this](llvm::StringRef Level) {
    std::string Why;
    return Eval->evaluate(Level, Why);
  });
}

} // namespace irqlcheck
