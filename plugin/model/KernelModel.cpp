//===- KernelModel.cpp - Built-in IRQL contracts of the kernel API --------===//
#include "model/KernelModel.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace irqlcheck {

static const KernelApiEntry Table[] = {
#define IRQL_API(Name, Arity, Contract, Doc, Sdv) {#Name, Arity, Contract, Doc, Sdv},
#include "model/KernelApi.def"
};

ArrayRef<KernelApiEntry> kernelApiTable() { return Table; }

static const std::pair<const char *, const char *> RoleTable[] = {
#define IRQL_ROLE(Class, Contract) {#Class, Contract},
#include "model/Roles.def"
};

KernelModel::KernelModel(const LevelTable &Levels) : Levels(Levels) {
  for (const KernelApiEntry &E : Table)
    Entries[E.Name].Text = E.Contract;
  for (const auto &R : RoleTable)
    Roles[R.first].Text = R.second;
}

const Contract *KernelModel::parsed(Slot &S, Origin::Source Src, const char *Via) {
  if (!S.Parsed) {
    S.Parsed = true;
    std::string Error;
    Origin From;
    From.Src = Src;
    From.Via = Via;
    // The tables are tested to parse (test/model/); a bad entry would mean
    // "unknown", never a crash.
    if (!Contract::parse(S.Text, Levels, S.C, Error, From))
      S.C = Contract();
  }
  return S.C.empty() ? nullptr : &S.C;
}

const Contract *KernelModel::lookup(StringRef Name) {
  auto It = Entries.find(Name);
  return It == Entries.end() ? nullptr
                             : parsed(It->second, Origin::KernelModel, "built-in model");
}

const Contract *KernelModel::role(StringRef Class) {
  auto It = Roles.find(Class);
  return It == Roles.end() ? nullptr
                           : parsed(It->second, Origin::FunctionClass, "built-in role table");
}

bool KernelModel::loadText(StringRef Text, StringRef Path, std::string &Error) {
  SmallVector<StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    StringRef Line = Lines[I].split('#').first.trim();
    if (Line.empty())
      continue;
    auto [Name, Rest] = Line.split(' ');
    Name = Name.trim();
    Origin From;
    From.Src = Origin::UserModel;
    From.Via = (Path + ":" + Twine(I + 1)).str();
    Slot S;
    S.Parsed = true;
    std::string Why;
    if (!Contract::parse(Rest, Levels, S.C, Why, From)) {
      Error = (Path + ":" + Twine(I + 1) + ": " + Name + ": " + Why).str();
      return false;
    }
    if (S.C.empty()) {
      Error = (Path + ":" + Twine(I + 1) + ": " + Name + ": empty contract").str();
      return false;
    }
    Entries[Name] = std::move(S);
  }
  return true;
}

bool KernelModel::loadFile(StringRef Path, std::string &Error) {
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Error = (Path + ": cannot read model file: " + Buf.getError().message()).str();
    return false;
  }
  return loadText((*Buf)->getBuffer(), Path, Error);
}

StringRef cNameOfSymbol(StringRef S) {
  // Only names marked "\01" (emit verbatim) carry i686 decorations in IR:
  // "\01_Name@8" (stdcall), "\01@Name@8" (fastcall). Plain names are C names.
  bool Verbatim = S.consume_front("\01");
  S.consume_front("__imp_");
  if (!Verbatim)
    return S;
  size_t At = S.rfind('@');
  unsigned N;
  if (At != StringRef::npos && At > 0 && !S.drop_front(At + 1).getAsInteger(10, N))
    S = S.take_front(At);
  if (S.starts_with("_") || S.starts_with("@"))
    S = S.drop_front();
  return S;
}

} // namespace irqlcheck
