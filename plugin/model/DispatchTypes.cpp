//===- DispatchTypes.cpp - Entry IRQL of a dispatch routine, by major -----===//
#include "model/DispatchTypes.h"

namespace irqlcheck {

namespace {

struct DispatchTypeEntry {
  const char *Name;
  unsigned Code;
  Level Max;
};

constexpr DispatchTypeEntry Table[] = {
#define IRQL_DISPATCH_TYPE(Major, Code, Max) {#Major, Code, Max},
#include "model/DispatchTypes.def"
};

/// The first row of Code: the major's own name, not an alias.
const DispatchTypeEntry *entryOf(int64_t Code) {
  for (const DispatchTypeEntry &E : Table)
    if (E.Code == Code)
      return &E;
  return nullptr;
}

} // namespace

std::optional<unsigned> dispatchTypeCode(llvm::StringRef Major) {
  Major = Major.trim();
  for (const DispatchTypeEntry &E : Table)
    if (Major == E.Name)
      return E.Code;
  return std::nullopt;
}

bool isDispatchTypeCode(int64_t Code) { return entryOf(Code) != nullptr; }

Level DispatchTypes::maxLevel() const {
  Level Max = PassiveLevel;
  for (unsigned Code = 0; Code < 32; ++Code)
    if (Mask & (uint32_t(1) << Code))
      if (const DispatchTypeEntry *E = entryOf(Code))
        Max = std::max(Max, E->Max);
  return Max;
}

std::string DispatchTypes::names() const {
  std::string S;
  for (unsigned Code = 0; Code < 32; ++Code)
    if (Mask & (uint32_t(1) << Code))
      if (const DispatchTypeEntry *E = entryOf(Code)) {
        if (!S.empty())
          S += ", ";
        S += E->Name;
      }
  return S;
}

} // namespace irqlcheck
