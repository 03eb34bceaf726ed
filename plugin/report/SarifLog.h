//===- SarifLog.h - Findings as a SARIF 2.1.0 log -------------------------===//
//
// -fplugin-arg-irqlcheck-sarif=PATH writes one SARIF log per compile, for
// code-scanning pipelines and SARIF viewers: the rules come from the checks
// table (with the Microsoft counterpart in their properties), each finding
// has its physical location, its notes as related locations, and a call
// chain (notes "... calls ... here") as a code flow.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_REPORT_SARIFLOG_H
#define IRQLCHECK_REPORT_SARIFLOG_H

#include "report/Checks.h"

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace irqlcheck {

struct SarifPlace {
  std::string Uri; // file:///...
  unsigned Line = 0, Column = 0;
  bool valid() const { return !Uri.empty() && Line > 0; }
};

class SarifLog {
public:
  struct Note {
    SarifPlace Place;
    std::string Message;
  };
  struct Result {
    CheckId Id;
    bool Error;
    std::string Message;
    SarifPlace Place;
    std::vector<Note> Notes;
  };

  void add(Result R) { Results.push_back(std::move(R)); }
  /// Writes the log, atomically where Path is (or will be) a regular file;
  /// returns false with a reason if it cannot be written.
  bool write(llvm::StringRef Path, std::string &Error) const;
  /// The log as text.
  std::string str() const;

private:
  std::vector<Result> Results;
};

/// file:///abs/path with the characters SARIF viewers need escaped.
std::string fileUri(llvm::StringRef AbsolutePath);

} // namespace irqlcheck

#endif // IRQLCHECK_REPORT_SARIFLOG_H
