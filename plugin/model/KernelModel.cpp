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

KernelModel::KernelModel(const LevelTable &Levels) : Levels(Levels) {
  for (const KernelApiEntry &E : Table)
    Entries[E.Name].Text = E.Contract;
}

const Contract *KernelModel::lookup(StringRef Name) {
  auto It = Entries.find(Name);
  if (It == Entries.end())
    return nullptr;
  Slot &S = It->second;
  if (!S.Parsed) {
    S.Parsed = true;
    std::string Error;
    Origin From;
    From.Src = Origin::KernelModel;
    From.Via = "built-in model";
    // The table is tested to parse (test/model/table-parses.c); a bad entry
    // would mean "unknown", never a crash.
    if (!Contract::parse(S.Text, Levels, S.C, Error, From))
      S.C = Contract();
  }
  return S.C.empty() ? nullptr : &S.C;
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
