//===- SarifMerge.h - One SARIF log for a whole run -----------------------===//
//
// Each translation unit writes its own log (the plugin's sarif= argument);
// the run's log holds the results of all of them, a finding seen in several
// translation units (a header's: the same rule, place and message) once.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_TOOL_SARIFMERGE_H
#define IRQLCHECK_TOOL_SARIFMERGE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace irqlcheck {
namespace tool {

/// Merges the logs at Paths (a missing one is a unit that wrote none: it
/// failed) into Out. Returns false with a reason if Out cannot be written or
/// a log cannot be read.
bool mergeSarifLogs(llvm::ArrayRef<std::string> Paths, llvm::StringRef Out, std::string &Error);

} // namespace tool
} // namespace irqlcheck

#endif // IRQLCHECK_TOOL_SARIFMERGE_H
