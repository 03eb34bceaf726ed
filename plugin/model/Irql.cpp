//===- Irql.cpp - IRQL levels and their names for one target --------------===//
#include "model/Irql.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace irqlcheck {

LevelTable::LevelTable(Arch A) : A(A) {
  if (A == Arch::X86) {
    // wdm.h for _X86_: PROFILE 27, CLOCK 28, IPI 29, POWER 30, HIGH 31,
    // SYNCH_LEVEL = IPI_LEVEL - 2 on multiprocessor kernels.
    High = 31, Synch = 27, Clock = 28, Ipi = 29, Power = 30, Profile = 27;
    Cmci = 0, DirqlMax = 26;
  } else {
    // x64 and ARM64: CMCI 5, device IRQLs 3..11, SYNCH 12, CLOCK 13, IPI 14,
    // POWER 14, PROFILE 15.
    High = 15, Synch = 12, Clock = 13, Ipi = 14, Power = 14, Profile = 15;
    Cmci = 5, DirqlMax = 11;
  }
}

LevelTable LevelTable::forTriple(StringRef TripleStr) {
  Triple T(TripleStr);
  if (T.getArch() == Triple::x86)
    return LevelTable(Arch::X86);
  if (T.isAArch64())
    return LevelTable(Arch::Arm64);
  return LevelTable(Arch::X64);
}

std::optional<Level> LevelTable::parse(StringRef Name) const {
  Name = Name.trim();
  unsigned long long N;
  if (!Name.getAsInteger(0, N))
    return N <= 255 ? std::optional<Level>(Level(N)) : std::nullopt;
  std::optional<Level> V = StringSwitch<std::optional<Level>>(Name)
                               .Cases("PASSIVE_LEVEL", "LOW_LEVEL", PassiveLevel)
                               .Case("APC_LEVEL", ApcLevel)
                               .Cases("DISPATCH_LEVEL", "DPC_LEVEL", DispatchLevel)
                               .Case("CMCI_LEVEL", Cmci)
                               .Case("SYNCH_LEVEL", Synch)
                               .Case("CLOCK_LEVEL", Clock)
                               .Case("CLOCK2_LEVEL", Clock)
                               .Case("IPI_LEVEL", Ipi)
                               .Case("POWER_LEVEL", Power)
                               .Case("PROFILE_LEVEL", Profile)
                               .Case("HIGH_LEVEL", High)
                               .Case("DIRQL", DirqlMax)
                               .Default(std::nullopt);
  if (V && Name == "CMCI_LEVEL" && A == Arch::X86)
    return std::nullopt; // x86 has no CMCI_LEVEL.
  return V;
}

std::string LevelTable::name(Level L) const {
  switch (L) {
  case PassiveLevel:
    return "PASSIVE_LEVEL";
  case ApcLevel:
    return "APC_LEVEL";
  case DispatchLevel:
    return "DISPATCH_LEVEL";
  default:
    break;
  }
  if (L == High)
    return "HIGH_LEVEL";
  if (L == Synch)
    return "SYNCH_LEVEL";
  if (L == Clock)
    return "CLOCK_LEVEL";
  if (L == DirqlMax)
    return "DIRQL";
  return std::to_string(L);
}

} // namespace irqlcheck
