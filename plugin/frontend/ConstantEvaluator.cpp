//===- ConstantEvaluator.cpp - Evaluate an annotation's value text --------===//
//
// A small recursive-descent evaluator for C integer constant expressions:
// literals, identifiers (object-like macros, enumerators), casts to a type
// name, unary + - ~ !, and the binary and ternary operators by C precedence.
//
//===----------------------------------------------------------------------===//
#include "frontend/ConstantEvaluator.h"

#include "clang/AST/Decl.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/Sema.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace irqlcheck {

namespace {

struct Tok {
  enum Kind { Num, Ident, Punct, End } K;
  StringRef Text;
  int64_t Value = 0;
};

bool lex(StringRef S, SmallVectorImpl<Tok> &Out, std::string &Why) {
  size_t I = 0;
  while (I < S.size()) {
    char C = S[I];
    if (isSpace(C)) {
      ++I;
      continue;
    }
    if (isDigit(C)) {
      size_t B = I;
      while (I < S.size() && isAlnum(S[I]))
        ++I;
      StringRef Lit = S.slice(B, I);
      // Drop integer suffixes (2u, 2UL, 2i64).
      StringRef Digits = Lit;
      bool Hex = Lit.starts_with_insensitive("0x");
      size_t End = Hex ? 2 : 0;
      while (End < Digits.size() && (Hex ? isHexDigit(Digits[End]) : isDigit(Digits[End])))
        ++End;
      Digits = Digits.take_front(End);
      unsigned long long V;
      if (Digits.getAsInteger(0, V)) {
        Why = "'" + Lit.str() + "' is not a number";
        return false;
      }
      Out.push_back({Tok::Num, Lit, int64_t(V)});
      continue;
    }
    if (isAlpha(C) || C == '_') {
      size_t B = I;
      while (I < S.size() && (isAlnum(S[I]) || S[I] == '_'))
        ++I;
      Out.push_back({Tok::Ident, S.slice(B, I)});
      continue;
    }
    static const char *const Two[] = {"<<", ">>", "<=", ">=", "==", "!=", "&&", "||"};
    StringRef Rest = S.drop_front(I);
    bool Matched = false;
    for (const char *P : Two)
      if (Rest.starts_with(P)) {
        Out.push_back({Tok::Punct, Rest.take_front(2)});
        I += 2;
        Matched = true;
        break;
      }
    if (Matched)
      continue;
    if (StringRef("+-*/%&|^~!()<>?:").contains(C)) {
      Out.push_back({Tok::Punct, Rest.take_front(1)});
      ++I;
      continue;
    }
    Why = std::string("unexpected character '") + C + "'";
    return false;
  }
  Out.push_back({Tok::End, ""});
  return true;
}

class Parser {
public:
  Parser(ArrayRef<Tok> Toks,
         std::function<std::optional<int64_t>(StringRef, std::string &)> Ident)
      : Toks(Toks), Ident(std::move(Ident)) {}

  std::optional<int64_t> parseAll(std::string &Why) {
    auto V = ternary(Why);
    if (V && peek().K != Tok::End) {
      Why = "unexpected '" + peek().Text.str() + "'";
      return std::nullopt;
    }
    return V;
  }

private:
  ArrayRef<Tok> Toks;
  size_t Pos = 0;
  std::function<std::optional<int64_t>(StringRef, std::string &)> Ident;

  const Tok &peek(size_t Ahead = 0) const {
    return Toks[std::min(Pos + Ahead, Toks.size() - 1)];
  }
  bool isPunct(StringRef P, size_t Ahead = 0) const {
    return peek(Ahead).K == Tok::Punct && peek(Ahead).Text == P;
  }
  bool accept(StringRef P) {
    if (!isPunct(P))
      return false;
    ++Pos;
    return true;
  }

  std::optional<int64_t> ternary(std::string &Why) {
    auto C = binary(0, Why);
    if (!C || !accept("?"))
      return C;
    auto T = ternary(Why);
    if (!T || !accept(":")) {
      if (T)
        Why = "expected ':'";
      return std::nullopt;
    }
    auto F = ternary(Why);
    if (!F)
      return std::nullopt;
    return *C ? *T : *F;
  }

  static int precedence(StringRef Op) {
    if (Op == "||") return 1;
    if (Op == "&&") return 2;
    if (Op == "|") return 3;
    if (Op == "^") return 4;
    if (Op == "&") return 5;
    if (Op == "==" || Op == "!=") return 6;
    if (Op == "<" || Op == ">" || Op == "<=" || Op == ">=") return 7;
    if (Op == "<<" || Op == ">>") return 8;
    if (Op == "+" || Op == "-") return 9;
    if (Op == "*" || Op == "/" || Op == "%") return 10;
    return -1;
  }

  std::optional<int64_t> binary(int MinPrec, std::string &Why) {
    auto L = unary(Why);
    while (L && peek().K == Tok::Punct) {
      StringRef Op = peek().Text;
      int P = precedence(Op);
      if (P < 0 || P < MinPrec)
        break;
      ++Pos;
      auto R = binary(P + 1, Why);
      if (!R)
        return std::nullopt;
      int64_t A = *L, B = *R;
      if ((Op == "/" || Op == "%") && B == 0) {
        Why = "division by zero";
        return std::nullopt;
      }
      if ((Op == "<<" || Op == ">>") && (B < 0 || B > 62)) {
        Why = "shift out of range";
        return std::nullopt;
      }
      L = Op == "||"   ? int64_t(A || B)
          : Op == "&&" ? int64_t(A && B)
          : Op == "|"  ? A | B
          : Op == "^"  ? A ^ B
          : Op == "&"  ? A & B
          : Op == "==" ? int64_t(A == B)
          : Op == "!=" ? int64_t(A != B)
          : Op == "<"  ? int64_t(A < B)
          : Op == ">"  ? int64_t(A > B)
          : Op == "<=" ? int64_t(A <= B)
          : Op == ">=" ? int64_t(A >= B)
          : Op == "<<" ? int64_t(uint64_t(A) << B)
          : Op == ">>" ? A >> B
          : Op == "+"  ? int64_t(uint64_t(A) + uint64_t(B))
          : Op == "-"  ? int64_t(uint64_t(A) - uint64_t(B))
          : Op == "*"  ? int64_t(uint64_t(A) * uint64_t(B))
          : Op == "/"  ? A / B
                       : A % B;
    }
    return L;
  }

  /// "(KIRQL)", "(unsigned char)": a parenthesised run of identifiers that is
  /// followed by an operand.
  bool atCast() const {
    if (!isPunct("("))
      return false;
    size_t N = 1;
    while (peek(N).K == Tok::Ident)
      ++N;
    if (N == 1 || !isPunct(")", N))
      return false;
    const Tok &After = peek(N + 1);
    bool Operand = After.K == Tok::Num || After.K == Tok::Ident ||
                   (After.K == Tok::Punct && (After.Text == "(" || After.Text == "~" ||
                                              After.Text == "!" || After.Text == "-"));
    if (!Operand)
      return false;
    // A lone parenthesised macro or enumerator followed by '-' is a
    // subtraction, not a cast; only type-looking names count.
    if (N == 2 && After.K == Tok::Punct && After.Text == "-") {
      std::string Ignored;
      if (Ident(peek(1).Text, Ignored))
        return false;
    }
    return true;
  }

  std::optional<int64_t> unary(std::string &Why) {
    if (accept("+"))
      return unary(Why);
    if (accept("-")) {
      auto V = unary(Why);
      return V ? std::optional<int64_t>(-*V) : std::nullopt;
    }
    if (accept("~")) {
      auto V = unary(Why);
      return V ? std::optional<int64_t>(~*V) : std::nullopt;
    }
    if (accept("!")) {
      auto V = unary(Why);
      return V ? std::optional<int64_t>(!*V) : std::nullopt;
    }
    if (atCast()) {
      while (!isPunct(")"))
        ++Pos;
      ++Pos;
      return unary(Why);
    }
    return primary(Why);
  }

  std::optional<int64_t> primary(std::string &Why) {
    const Tok &T = peek();
    if (T.K == Tok::Num) {
      ++Pos;
      return T.Value;
    }
    if (T.K == Tok::Ident) {
      ++Pos;
      return Ident(T.Text, Why);
    }
    if (accept("(")) {
      auto V = ternary(Why);
      if (V && !accept(")")) {
        Why = "expected ')'";
        return std::nullopt;
      }
      return V;
    }
    Why = T.K == Tok::End ? "empty value" : "unexpected '" + T.Text.str() + "'";
    return std::nullopt;
  }
};

} // namespace

// The WDK's headers spell thousands of levels as a name defined as one
// decimal number (#define DISPATCH_LEVEL 2). That case gives the same value as
// the general path below, without building it.
std::optional<int64_t> ConstantEvaluator::evaluateNumericMacro(StringRef Text) {
  StringRef Name = Text.trim();
  if (Name.empty() || isDigit(Name[0]) ||
      !llvm::all_of(Name, [](char C) { return isAlnum(C) || C == '_'; }))
    return std::nullopt;
  clang::IdentifierInfo *II = PP.getIdentifierInfo(Name);
  const clang::MacroInfo *MI = II ? PP.getMacroInfo(II) : nullptr;
  if (!MI || !MI->isObjectLike() || MI->getNumTokens() != 1)
    return std::nullopt;
  const clang::Token &T = MI->getReplacementToken(0);
  if (T.isNot(clang::tok::numeric_constant))
    return std::nullopt;
  SmallString<16> Buffer;
  StringRef Digits = PP.getSpelling(T, Buffer);
  // Decimal only: a leading 0 means octal to the general path.
  if (Digits.empty() || Digits.size() > 9 || (Digits.size() > 1 && Digits[0] == '0') ||
      !llvm::all_of(Digits, [](char C) { return isDigit(C); }))
    return std::nullopt;
  unsigned V = 0;
  Digits.getAsInteger(10, V);
  return int64_t(V);
}

std::optional<int64_t> ConstantEvaluator::evaluate(StringRef Text, std::string &Why) {
  if (auto V = evaluateNumericMacro(Text))
    return V;
  StringSet<> Active; // macros being expanded, to stop self-reference
  std::function<std::optional<int64_t>(StringRef, std::string &, unsigned)> Eval;
  std::function<std::optional<int64_t>(StringRef, std::string &, unsigned)> Resolve;

  Eval = [&](StringRef T, std::string &W, unsigned Depth) -> std::optional<int64_t> {
    SmallVector<Tok, 16> Toks;
    if (!lex(T, Toks, W))
      return std::nullopt;
    Parser P(Toks, [&](StringRef Name, std::string &W2) {
      return Resolve(Name, W2, Depth + 1);
    });
    return P.parseAll(W);
  };

  Resolve = [&](StringRef Name, std::string &W, unsigned Depth) -> std::optional<int64_t> {
    if (Depth > 32) {
      W = "macro expansion too deep";
      return std::nullopt;
    }
    if (clang::IdentifierInfo *II = PP.getIdentifierInfo(Name)) {
      const clang::MacroInfo *MI = PP.getMacroInfo(II);
      if (MI && MI->isObjectLike() && !Active.contains(Name)) {
        std::string Body;
        for (const clang::Token &T : MI->tokens()) {
          Body += PP.getSpelling(T);
          Body += ' ';
        }
        Active.insert(Name);
        auto V = Eval(Body, W, Depth);
        Active.erase(Name);
        return V;
      }
    }
    if (Lookup)
      if (auto V = Lookup(Name))
        return V;
    // SAL's own constants, which no header defines, anywhere in an
    // expression. (`P == __true` on a parameter never gets here:
    // Builder::resolveWhen reads it as P != 0, a BOOLEAN's truth.)
    if (Name == "__true" || Name == "__false")
      return int64_t(Name == "__true");
    W = "'" + Name.str() + "' is not a constant";
    return std::nullopt;
  };

  return Eval(Text, Why, 0);
}

static const clang::NamedDecl *visibleOrdinary(clang::Sema &S, llvm::StringRef Name) {
  clang::IdentifierInfo &II = S.Context.Idents.get(Name);
  clang::Scope *Sc = S.getCurScope() ? S.getCurScope() : S.TUScope;
  if (!Sc)
    return nullptr;
  clang::LookupResult R(S, &II, clang::SourceLocation(), clang::Sema::LookupOrdinaryName);
  if (!S.LookupName(R, Sc) || !R.isSingleResult())
    return nullptr;
  return R.getFoundDecl();
}

std::optional<int64_t> visibleEnumerator(clang::Sema &S, llvm::StringRef Name) {
  if (const auto *ECD = llvm::dyn_cast_or_null<clang::EnumConstantDecl>(visibleOrdinary(S, Name)))
    return ECD->getInitVal().getExtValue();
  return std::nullopt;
}

const clang::TypedefNameDecl *visibleTypedef(clang::Sema &S, llvm::StringRef Name) {
  return llvm::dyn_cast_or_null<clang::TypedefNameDecl>(visibleOrdinary(S, Name));
}

} // namespace irqlcheck
