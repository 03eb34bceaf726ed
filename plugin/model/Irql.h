//===- Irql.h - IRQL levels and their names for one target ----------------===//
//
// IRQL values differ between architectures (HIGH_LEVEL is 31 on x86 and 15 on
// x64/ARM64), so a level name means nothing without a target. LevelTable
// answers both directions, name -> value and value -> name, for one target.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_MODEL_IRQL_H
#define IRQLCHECK_MODEL_IRQL_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace irqlcheck {

/// An IRQL value. Levels are small non-negative integers (0..31).
using Level = uint8_t;

constexpr Level PassiveLevel = 0;
constexpr Level ApcLevel = 1;
constexpr Level DispatchLevel = 2;
/// The largest value any architecture allows; anything above is illegal.
constexpr Level MaxLegalLevel = 31;

/// The level names of one target architecture.
class LevelTable {
public:
  enum class Arch { X86, X64, Arm64 };

  explicit LevelTable(Arch A = Arch::X64);
  /// Picks the table for an LLVM target triple ("i686-pc-windows-msvc" -> X86).
  static LevelTable forTriple(llvm::StringRef Triple);

  Arch arch() const { return A; }
  Level high() const { return High; }
  Level synch() const { return Synch; }
  /// The highest device IRQL (DIRQL); ISRs run somewhere in 3..dirqlMax().
  Level dirqlMax() const { return DirqlMax; }
  /// The lowest device IRQL, just above DISPATCH_LEVEL.
  Level dirqlMin() const { return DispatchLevel + 1; }

  /// "DISPATCH_LEVEL" -> 2; also accepts numbers. std::nullopt if unknown.
  std::optional<Level> parse(llvm::StringRef Name) const;
  /// 2 -> "DISPATCH_LEVEL"; a level without a unique name prints as a number.
  std::string name(Level L) const;

private:
  Arch A;
  Level High, Synch, Clock, Ipi, Power, Profile, Cmci, DirqlMax;
};

} // namespace irqlcheck

#endif // IRQLCHECK_MODEL_IRQL_H
