//===- Isolated.h - Check one translation unit in a child irqlcheck -------===//
//
// After the compiler crashed on one translation unit, the process is no
// longer trusted: what the crash interrupted (timers, registrations, caches
// of Clang and LLVM) is left half done, and the next unit checked in-process
// may fail for no fault of its own. The remaining units are each checked by
// a child irqlcheck instead, given a one-entry compile_commands.json.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_TOOL_ISOLATED_H
#define IRQLCHECK_TOOL_ISOLATED_H

#include "tool/Analysis.h"

namespace irqlcheck {
namespace tool {

/// Checks J by running Self (this executable) on it alone, with the same
/// plugin arguments; the result reads as analyze()'s.
AnalysisResult analyzeInChild(llvm::StringRef Self, const CompileJob &J,
                              const AnalysisOptions &Opts, const std::string &SarifPath);

} // namespace tool
} // namespace irqlcheck

#endif // IRQLCHECK_TOOL_ISOLATED_H
