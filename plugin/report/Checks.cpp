//===- Checks.cpp - Check identities and per-check settings ---------------===//
#include "report/Checks.h"

using namespace llvm;

namespace irqlcheck {

static const CheckInfo Infos[] = {
#define IRQL_CHECK(Id, Name, Alias, Default, Summary)                                       \
  {CheckId::Id, Name, Alias, ByDefault::Default, Summary},
#include "report/Checks.def"
};
static_assert(sizeof(Infos) / sizeof(Infos[0]) == NumChecks, "table out of step");

const CheckInfo &checkInfo(CheckId Id) { return Infos[unsigned(Id)]; }

CheckSettings::CheckSettings() {
  for (const CheckInfo &I : Infos)
    if (I.Default == ByDefault::On)
      Enabled.set(unsigned(I.Id));
}

unsigned checkWarningNumber(CheckId Id) {
  StringRef A = checkInfo(Id).Alias;
  unsigned N = 0;
  if (A.consume_front("C") && !A.getAsInteger(10, N))
    return N;
  return 0;
}

SmallVector<CheckId, 2> findChecks(StringRef Key) {
  SmallVector<CheckId, 2> Found;
  for (const CheckInfo &I : Infos)
    if (I.Name == Key || (!I.Alias.empty() && (I.Alias == Key || I.Alias.drop_front() == Key)))
      Found.push_back(I.Id);
  return Found;
}

} // namespace irqlcheck
