//===- Checks.h - Check identities and per-check settings -----------------===//
//
// Every diagnostic irqlcheck emits belongs to exactly one check. A check can
// be enabled, disabled or turned into an error by plugin arguments, by its
// name (irql-too-high) or by its Microsoft number (28121).
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_REPORT_CHECKS_H
#define IRQLCHECK_REPORT_CHECKS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <bitset>

namespace irqlcheck {

enum class CheckId : unsigned {
#define IRQL_CHECK(Id, Name, Alias, Default, Summary) Id,
#include "report/Checks.def"
};

constexpr unsigned NumChecks = 0
#define IRQL_CHECK(Id, Name, Alias, Default, Summary) +1
#include "report/Checks.def"
    ;

/// Whether a check runs when no plugin argument names it (Checks.def).
enum class ByDefault : bool { Off = false, On = true };

struct CheckInfo {
  CheckId Id;
  llvm::StringRef Name;    // irql-too-high
  llvm::StringRef Alias;   // C28121 (may be empty)
  ByDefault Default;       // On, or Off for style rules
  llvm::StringRef Summary; // one line
};

const CheckInfo &checkInfo(CheckId Id);
/// Looks checks up by name ("irql-too-high") or by Microsoft number ("C28121",
/// "28121"; a number may stand for several checks). Empty if unknown.
llvm::SmallVector<CheckId, 2> findChecks(llvm::StringRef NameOrAlias);
/// The numeric Microsoft warning (28121) or 0.
unsigned checkWarningNumber(CheckId Id);

/// What the user asked for, per check. A check runs if it is on by default or
/// was named by enable= or error= (asking for an error asks for the check),
/// and disable= wins over both, wherever it appears on the command line.
class CheckSettings {
public:
  CheckSettings();
  bool enabled(CheckId Id) const {
    unsigned I = unsigned(Id);
    return !Disabled.test(I) && (Enabled.test(I) || Errors.test(I));
  }
  bool isError(CheckId Id) const { return Errors.test(unsigned(Id)); }
  void enable(CheckId Id) { Enabled.set(unsigned(Id)); }
  void disable(CheckId Id) { Disabled.set(unsigned(Id)); }
  void makeError(CheckId Id) { Errors.set(unsigned(Id)); }

private:
  std::bitset<NumChecks> Enabled, Disabled, Errors;
};

} // namespace irqlcheck

#endif // IRQLCHECK_REPORT_CHECKS_H
