//===- Contract.cpp - Text form of IRQL contracts -------------------------===//
#include "model/Contract.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;

namespace irqlcheck {

StringRef itemKeyword(ItemKind K) {
  switch (K) {
  case ItemKind::Min: return "min";
  case ItemKind::Max: return "max";
  case ItemKind::Req: return "req";
  case ItemKind::Raises: return "raises";
  case ItemKind::Sets: return "sets";
  case ItemKind::Same: return "same";
  case ItemKind::Saves: return "saves";
  case ItemKind::Restores: return "restores";
  case ItemKind::SavesGlobal: return "saves-global";
  case ItemKind::RestoresGlobal: return "restores-global";
  case ItemKind::FnMax: return "fnmax";
  case ItemKind::FnMin: return "fnmin";
  case ItemKind::Cancel: return "cancel";
  case ItemKind::Class: return "class";
  case ItemKind::Paged: return "paged";
  case ItemKind::Try: return "try";
  case ItemKind::FpSave: return "fp-saves";
  case ItemKind::FpRestore: return "fp-restores";
  case ItemKind::WaitNext: return "wait-next";
  }
  return "?";
}

const ContractItem *Contract::find(ItemKind K) const {
  for (const ContractItem &I : Items)
    if (I.Kind == K && I.Cond.K == Condition::Always)
      return &I;
  return nullptr;
}

bool Contract::mentionsIrql() const {
  return any_of(Items, [](const ContractItem &I) {
    return I.Kind != ItemKind::Class && I.Kind != ItemKind::Paged &&
           I.Kind != ItemKind::Try && I.Kind != ItemKind::FpSave &&
           I.Kind != ItemKind::FpRestore && I.Kind != ItemKind::WaitNext;
  });
}

void Contract::addMissingFrom(const Contract &Other) {
  // Kinds are compared as a whole: an explicit _IRQL_requires_max_ replaces
  // every max of the class or the model, conditional ones included. A kind
  // this contract has only under conditions still takes the other's
  // unconditional items: _When_(Wait == 1, _IRQL_requires_max_(APC_LEVEL))
  // says nothing about the calls where Wait is not 1.
  SmallVector<ItemKind, 8> Mine, MineAlways;
  for (const ContractItem &I : Items) {
    Mine.push_back(I.Kind);
    if (I.Cond.K == Condition::Always)
      MineAlways.push_back(I.Kind);
  }
  for (const ContractItem &I : Other.Items)
    if (!is_contained(Mine, I.Kind) ||
        (I.Cond.K == Condition::Always && !is_contained(MineAlways, I.Kind)))
      Items.push_back(I);
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

static void printValue(raw_ostream &OS, const ContractItem &I, const LevelTable &L) {
  const ItemValue &V = I.Value;
  switch (V.K) {
  case ItemValue::None: break;
  case ItemValue::Lvl: OS << L.name(Level(V.N)); break;
  case ItemValue::Arg: OS << "arg" << V.N; break;
  case ItemValue::Ret: OS << "ret"; break;
  case ItemValue::Global: OS << '@' << I.Var; break;
  }
  if ((V.K == ItemValue::Arg || V.K == ItemValue::Global) && V.Off)
    OS << (V.Off > 0 ? "+" : "") << V.Off;
}

static void printCondition(raw_ostream &OS, const Condition &C) {
  switch (C.K) {
  case Condition::Always: return;
  case Condition::ArgEq: OS << "arg" << C.Arg << "==" << C.Value; return;
  case Condition::ArgNe: OS << "arg" << C.Arg << "!=" << C.Value; return;
  case Condition::TimeoutNonZero: OS << "arg" << C.Arg << ":timeout-nonzero"; return;
  case Condition::PagedPool: OS << "arg" << C.Arg << ":paged-pool"; return;
  case Condition::PagedFlags: OS << "arg" << C.Arg << ":paged-flags"; return;
  case Condition::UnicodeFormat: OS << "arg" << C.Arg << ":unicode-format"; return;
  case Condition::PointeeEq: OS << "*arg" << C.Arg << "==" << C.Value; return;
  case Condition::PointeeNe: OS << "*arg" << C.Arg << "!=" << C.Value; return;
  case Condition::Opaque: {
    // Spaces separate items, so they are squeezed out of the condition text.
    std::string T;
    for (char Ch : C.Text)
      if (Ch != ' ' && Ch != '\t' && Ch != '"')
        T += Ch;
    OS << '"' << T << '"';
    return;
  }
  }
}

std::string Contract::str(const LevelTable &Levels) const {
  SmallVector<const ContractItem *, 8> Sorted;
  for (const ContractItem &I : Items)
    Sorted.push_back(&I);
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const ContractItem *A, const ContractItem *B) {
                     bool CA = A->Cond.K != Condition::Always;
                     bool CB = B->Cond.K != Condition::Always;
                     if (CA != CB)
                       return !CA;
                     return A->Kind < B->Kind;
                   });
  std::string S;
  raw_string_ostream OS(S);
  bool First = true;
  for (const ContractItem *I : Sorted) {
    if (!First)
      OS << ' ';
    First = false;
    if (I->Cond.K != Condition::Always) {
      OS << "if(";
      printCondition(OS, I->Cond);
      OS << "):";
    }
    OS << itemKeyword(I->Kind);
    switch (I->Kind) {
    case ItemKind::Same:
    case ItemKind::Paged:
    case ItemKind::Try:
    case ItemKind::WaitNext:
      break;
    case ItemKind::Class:
      OS << '=' << I->Name;
      break;
    case ItemKind::SavesGlobal:
    case ItemKind::RestoresGlobal:
      OS << '=' << I->Name << ':';
      printValue(OS, *I, Levels);
      break;
    default:
      OS << '=';
      printValue(OS, *I, Levels);
      break;
    }
  }
  return OS.str();
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

static std::optional<unsigned> parseArg(StringRef S) {
  unsigned N;
  if (S.consume_front("arg") && !S.empty() && !S.getAsInteger(10, N) && N < 64)
    return N;
  return std::nullopt;
}

/// argN, argN+K (byte K of what argument N points to), @NAME, @NAME+K.
static bool parseLocation(StringRef S, ContractItem &I) {
  size_t Plus = S.find_first_of("+-", 1);
  StringRef Base = S.take_front(Plus), OffText = S.drop_front(Base.size());
  int32_t Off = 0;
  if (!OffText.empty() && (OffText.consume_front("+"), OffText.getAsInteger(10, Off)))
    return false;
  if (Base.consume_front("@")) {
    if (Base.empty())
      return false;
    I.Var = Base.str();
    I.Value = ItemValue::global(Off);
    return true;
  }
  auto A = parseArg(Base);
  if (!A)
    return false;
  I.Value = ItemValue::arg(*A, Off);
  return true;
}

static bool parseCondition(StringRef S, Condition &C) {
  if (S.size() >= 2 && S.front() == '"' && S.back() == '"') {
    C.K = Condition::Opaque;
    C.Text = S.drop_front().drop_back().str();
    return true;
  }
  size_t Op;
  if ((Op = S.find("==")) != StringRef::npos || (Op = S.find("!=")) != StringRef::npos) {
    StringRef ArgText = S.take_front(Op);
    bool Pointee = ArgText.consume_front("*");
    auto A = parseArg(ArgText);
    long long V;
    if (!A || S.drop_front(Op + 2).getAsInteger(0, V))
      return false;
    C.K = S[Op] == '=' ? (Pointee ? Condition::PointeeEq : Condition::ArgEq)
                       : (Pointee ? Condition::PointeeNe : Condition::ArgNe);
    C.Arg = *A;
    C.Value = V;
    return true;
  }
  auto [ArgText, Pred] = S.split(':');
  auto A = parseArg(ArgText);
  if (!A)
    return false;
  C.Arg = *A;
  C.K = StringSwitch<Condition::Kind>(Pred)
            .Case("timeout-nonzero", Condition::TimeoutNonZero)
            .Case("paged-pool", Condition::PagedPool)
            .Case("paged-flags", Condition::PagedFlags)
            .Case("unicode-format", Condition::UnicodeFormat)
            .Default(Condition::Always);
  return C.K != Condition::Always;
}

static bool parseItem(StringRef Tok, const LevelTable &Levels, ContractItem &I,
                      std::string &Error) {
  if (Tok.consume_front("if(")) {
    // The condition may itself contain ':' (arg4:timeout-nonzero), so the
    // item starts after the "):" that closes it.
    // A quoted (opaque) condition may contain "):" itself; it ends at the
    // first '"):' (quotes are squeezed out of its text when printed).
    size_t Close = Tok.starts_with("\"") ? Tok.find("\"):", 1) : Tok.find("):");
    if (Close != StringRef::npos && Tok.starts_with("\""))
      ++Close;
    if (Close == StringRef::npos || !parseCondition(Tok.take_front(Close), I.Cond)) {
      Error = "malformed condition in '" + Tok.str() + "'";
      return false;
    }
    Tok = Tok.drop_front(Close + 2);
  }
  auto [Key, Val] = Tok.split('=');
  bool HasVal = Tok.contains('=');
  std::optional<ItemKind> K = StringSwitch<std::optional<ItemKind>>(Key)
                                  .Case("min", ItemKind::Min)
                                  .Case("max", ItemKind::Max)
                                  .Case("req", ItemKind::Req)
                                  .Case("raises", ItemKind::Raises)
                                  .Case("sets", ItemKind::Sets)
                                  .Case("same", ItemKind::Same)
                                  .Case("saves", ItemKind::Saves)
                                  .Case("restores", ItemKind::Restores)
                                  .Case("saves-global", ItemKind::SavesGlobal)
                                  .Case("restores-global", ItemKind::RestoresGlobal)
                                  .Case("fnmax", ItemKind::FnMax)
                                  .Case("fnmin", ItemKind::FnMin)
                                  .Case("cancel", ItemKind::Cancel)
                                  .Case("class", ItemKind::Class)
                                  .Case("paged", ItemKind::Paged)
                                  .Case("try", ItemKind::Try)
                                  .Case("fp-saves", ItemKind::FpSave)
                                  .Case("fp-restores", ItemKind::FpRestore)
                                  .Case("wait-next", ItemKind::WaitNext)
                                  .Default(std::nullopt);
  if (!K) {
    Error = "unknown item '" + Key.str() + "'";
    return false;
  }
  I.Kind = *K;
  auto Bad = [&](const char *What) {
    Error = "'" + Tok.str() + "': " + What;
    return false;
  };
  switch (I.Kind) {
  case ItemKind::Same:
  case ItemKind::Paged:
  case ItemKind::Try:
  case ItemKind::WaitNext:
    if (HasVal)
      return Bad("takes no value");
    return true;
  case ItemKind::Class:
    if (Val.empty())
      return Bad("expects a class name");
    I.Name = Val.str();
    return true;
  case ItemKind::Saves:
  case ItemKind::Restores:
    if (Val == "ret" && I.Kind == ItemKind::Saves) {
      I.Value = ItemValue::ret();
      return true;
    }
    if (parseLocation(Val, I))
      return true;
    return Bad(I.Kind == ItemKind::Saves ? "expects 'ret', argN[+K] or @GLOBAL[+K]"
                                         : "expects argN[+K] or @GLOBAL[+K]");
  case ItemKind::FpSave:
  case ItemKind::FpRestore:
    if (parseLocation(Val, I))
      return true;
    return Bad("expects argN[+K] or @GLOBAL[+K]");
  case ItemKind::Cancel:
    if (auto A = parseArg(Val)) {
      I.Value = ItemValue::arg(*A);
      return true;
    }
    return Bad("expects argN");
  case ItemKind::SavesGlobal:
  case ItemKind::RestoresGlobal: {
    auto [Slot, Object] = Val.rsplit(':');
    if (Slot.empty() || !parseLocation(Object, I))
      return Bad("expects KIND:argN (or KIND:argN+K, KIND:@GLOBAL)");
    I.Name = Slot.str();
    return true;
  }
  case ItemKind::Raises:
  case ItemKind::Sets:
    if (auto A = parseArg(Val)) {
      I.Value = ItemValue::arg(*A);
      return true;
    }
    [[fallthrough]];
  default:
    if (auto L = Levels.parse(Val)) {
      if (*L > Levels.high())
        return Bad("is above HIGH_LEVEL");
      I.Value = ItemValue::level(*L);
      return true;
    }
    return Bad("expects an IRQL level");
  }
}

bool Contract::parse(StringRef Text, const LevelTable &Levels, Contract &Out,
                     std::string &Error, Origin From) {
  SmallVector<StringRef, 8> Toks;
  Text.split(Toks, ' ', -1, /*KeepEmpty=*/false);
  for (StringRef Tok : Toks) {
    Tok = Tok.trim();
    if (Tok.empty())
      continue;
    ContractItem I{ItemKind::Max, {}, {}, {}, From, {}};
    if (!parseItem(Tok, Levels, I, Error))
      return false;
    Out.add(std::move(I));
  }
  return true;
}

} // namespace irqlcheck
