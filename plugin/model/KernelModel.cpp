//===- KernelModel.cpp - Built-in IRQL contracts of the kernel API --------===//
#include "model/KernelModel.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <algorithm>
#include <cstddef>
#include <cstring>

using namespace llvm;

namespace irqlcheck {

namespace {

/// Every row's strings, "Name\0Contract\0Doc\0Sdv", one member per routine:
/// one constant object, so a row finds its strings by offset.
#define IRQL_API_STRINGS(Name, Contract, Doc, Sdv) #Name "\0" Contract "\0" Doc "\0" Sdv
struct StringPool {
#define IRQL_API(Name, Arity, Contract, Doc, Sdv)                                          \
  char Name[sizeof(IRQL_API_STRINGS(Name, Contract, Doc, Sdv))] =                          \
      IRQL_API_STRINGS(Name, Contract, Doc, Sdv);
#include "model/KernelApi.def"
};
constexpr StringPool Pool{};

struct FamilyInfo {
  const char *File;
  const char *Headers;
};
constexpr FamilyInfo Families[] = {
#define IRQL_API(Name, Arity, Contract, Doc, Sdv)
#define IRQL_API_FAMILY(Id, File, Headers) {File, Headers},
#include "model/KernelApi.def"
};

constexpr KernelApiEntry Table[] = {
#define IRQL_API(Name, Arity, Contract, Doc, Sdv)                                          \
  {offsetof(StringPool, Name), Arity, IRQL_API_FAMILY_ID},
#include "model/KernelApi.def"
};

/// The routine names again, for the name index the C++ compiler computes
/// (only ever read at compile time, so never emitted).
constexpr const char *Names[] = {
#define IRQL_API(Name, Arity, Contract, Doc, Sdv) #Name,
#include "model/KernelApi.def"
};

const char *nextString(const char *S) { return S + std::strlen(S) + 1; }

} // namespace

const char *KernelApiEntry::name() const {
  return reinterpret_cast<const char *>(&Pool) + PoolOffset;
}
const char *KernelApiEntry::contract() const { return nextString(name()); }
const char *KernelApiEntry::doc() const { return nextString(contract()); }
const char *KernelApiEntry::sdv() const { return nextString(doc()); }
const char *KernelApiEntry::file() const { return Families[FamilyId].File; }
const char *KernelApiEntry::headers() const { return Families[FamilyId].Headers; }

ArrayRef<KernelApiEntry> kernelApiTable() { return Table; }

namespace {

constexpr size_t NumEntries = sizeof(Table) / sizeof(Table[0]);
static_assert(sizeof(Names) / sizeof(Names[0]) == NumEntries, "one name per row");
static_assert(sizeof(Families) / sizeof(Families[0]) < 256, "family ids are 8 bits");

constexpr uint32_t hashName(const char *S, size_t N) {
  uint32_t H = 2166136261u; // FNV-1a
  for (size_t I = 0; I < N; ++I)
    H = (H ^ static_cast<unsigned char>(S[I])) * 16777619u;
  return H;
}

constexpr size_t lengthOf(const char *S) {
  size_t N = 0;
  while (S[N])
    ++N;
  return N;
}

constexpr size_t indexSizeFor(size_t Entries) {
  size_t Size = 1;
  while (Size < 3 * Entries)
    Size *= 2;
  return Size;
}

/// An open-addressing index from a name to its row of a table (1-based; 0
/// is empty), computed by the C++ compiler. At most a third full, so a
/// lookup, found or not, inspects one or two slots.
template <size_t Entries> struct NameIndex {
  static constexpr size_t Size = indexSizeFor(Entries);
  static_assert(Entries < 0xffff, "widen the name index's slots");
  uint16_t Slot[Size] = {};

  static constexpr NameIndex build(const char *const *Names) {
    NameIndex Index;
    for (size_t E = 0; E < Entries; ++E) {
      size_t I = hashName(Names[E], lengthOf(Names[E])) & (Size - 1);
      while (Index.Slot[I])
        I = (I + 1) & (Size - 1);
      Index.Slot[I] = static_cast<uint16_t>(E + 1);
    }
    return Index;
  }

  /// The row named Name (NameOf(row) gives a row's name), or -1.
  template <typename NameOfRow> long find(StringRef Name, NameOfRow NameOf) const {
    size_t I = hashName(Name.data(), Name.size()) & (Size - 1);
    for (; Slot[I]; I = (I + 1) & (Size - 1))
      if (Name == NameOf(Slot[I] - 1))
        return long(Slot[I] - 1);
    return -1;
  }
};

constexpr NameIndex<NumEntries> Index = NameIndex<NumEntries>::build(Names);

const KernelApiEntry *findBuiltin(StringRef Name) {
  long Row = Index.find(Name, [](size_t R) { return Table[R].name(); });
  return Row < 0 ? nullptr : &Table[Row];
}

struct RoleEntry {
  const char *Class;
  const char *Contract;
  unsigned char Entry; // Roles.def: Promised, Bound or Guarded
};
constexpr unsigned char Bound = 0, Promised = 1, Guarded = 2;
constexpr RoleEntry RoleTable[] = {
#define IRQL_ROLE(Class, Contract, Entry) {#Class, Contract, Entry},
#include "model/Roles.def"
};

constexpr size_t NumRoles = sizeof(RoleTable) / sizeof(RoleTable[0]);
constexpr const char *RoleNames[] = {
#define IRQL_ROLE(Class, Contract, Entry) #Class,
#include "model/Roles.def"
};
/// Role lookups run for every parameter and field of a function-pointer type
/// the user's code passes or stores: by name index, not by a scan of the table.
constexpr NameIndex<NumRoles> RoleIndex = NameIndex<NumRoles>::build(RoleNames);

const RoleEntry *findRole(StringRef Class) {
  long Row = RoleIndex.find(Class, [](size_t R) { return StringRef(RoleTable[R].Class); });
  return Row < 0 ? nullptr : &RoleTable[Row];
}

} // namespace

KernelModel::KernelModel(const LevelTable &Levels) : Levels(Levels) {}

const Contract *KernelModel::parsed(const void *Entry, const char *Text, Origin::Source Src,
                                    const char *Via) {
  auto [It, New] = Parsed.try_emplace(Entry);
  if (New) {
    std::string Error;
    Origin From;
    From.Src = Src;
    From.Via = Via;
    // The tables are tested to parse (test/model/); a bad entry would mean
    // "unknown", never a crash.
    if (!Contract::parse(Text, Levels, It->second, Error, From))
      It->second = Contract();
  }
  return It->second.empty() ? nullptr : &It->second;
}

const Contract *KernelModel::lookup(StringRef Name) {
  if (!UserEntries.empty()) {
    auto It = UserEntries.find(Name);
    if (It != UserEntries.end())
      return &It->second;
  }
  const KernelApiEntry *E = findBuiltin(Name);
  return E ? parsed(E, E->contract(), Origin::KernelModel, "built-in model") : nullptr;
}

const Contract *KernelModel::role(StringRef Class) {
  const RoleEntry *R = findRole(Class);
  return R ? parsed(R, R->Contract, Origin::FunctionClass, "built-in role table") : nullptr;
}

bool KernelModel::rolePromisesEntry(StringRef Class) {
  const RoleEntry *R = findRole(Class);
  return R && R->Entry == Promised;
}

bool KernelModel::roleGuardsEntry(StringRef Class) {
  const RoleEntry *R = findRole(Class);
  return R && R->Entry == Guarded;
}

bool KernelModel::isRole(StringRef Class) { return findRole(Class) != nullptr; }

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
    Contract C;
    std::string Why;
    if (!Contract::parse(Rest, Levels, C, Why, From)) {
      Error = (Path + ":" + Twine(I + 1) + ": " + Name + ": " + Why).str();
      return false;
    }
    if (C.empty()) {
      Error = (Path + ":" + Twine(I + 1) + ": " + Name + ": empty contract").str();
      return false;
    }
    // A routine the built-in table knows has a known arity; an entry that
    // names an argument it does not have describes some other routine.
    if (const KernelApiEntry *E = findBuiltin(Name); E && argumentsNamed(C) > E->Arity) {
      Error = (Path + ":" + Twine(I + 1) + ": " + Name + ": names arg" +
               Twine(argumentsNamed(C) - 1) + ", but " + Name + " has " + Twine(unsigned(E->Arity)) +
               " parameter" + (E->Arity == 1 ? "" : "s"))
                  .str();
      return false;
    }
    UserEntries[Name] = std::move(C);
  }
  return true;
}

bool KernelModel::loadFile(StringRef Path, std::string &Error) {
  // Only a regular file of sane size: /dev/zero would be read forever, a
  // FIFO would block the compile, a directory is a mistake.
  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status)) {
    Error = (Path + ": cannot read model file: " + EC.message()).str();
    return false;
  }
  if (!sys::fs::is_regular_file(Status)) {
    Error = (Path + ": cannot read model file: not a regular file").str();
    return false;
  }
  if (Status.getSize() > MaxModelFileSize) {
    Error = (Path + ": cannot read model file: larger than " +
             Twine(MaxModelFileSize >> 20) + " MiB")
                .str();
    return false;
  }
  auto Buf = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buf) {
    Error = (Path + ": cannot read model file: " + Buf.getError().message()).str();
    return false;
  }
  return loadText((*Buf)->getBuffer(), Path, Error);
}

unsigned argumentsNamed(const Contract &C) {
  unsigned N = 0;
  for (const ContractItem &I : C.items()) {
    if (I.Value.K == ItemValue::Arg)
      N = std::max(N, I.Value.N + 1);
    if (I.Cond.K != Condition::Always && I.Cond.K != Condition::Opaque)
      N = std::max(N, I.Cond.Arg + 1);
  }
  return N;
}

const KernelApiEntry *findKernelApi(StringRef Name) { return findBuiltin(Name); }

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
