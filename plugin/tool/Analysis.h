//===- Analysis.h - Check one translation unit in this process ------------===//
//
// What `clang -fplugin=IrqlCheck.so -c` does, without the plugin and without
// the object: the driver turns the compile command into a compiler
// invocation, the plugin's frontend action (registered in this executable as
// it is in the plugin) captures the annotations, CodeGen builds the IR in
// memory and the IR pass checks it. Nothing is optimized or written: the
// output is the diagnostics, buffered so that translation units checked in
// parallel do not interleave.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_TOOL_ANALYSIS_H
#define IRQLCHECK_TOOL_ANALYSIS_H

#include "tool/CompileCommands.h"

#include <string>
#include <vector>

namespace irqlcheck {
namespace tool {

struct AnalysisOptions {
  /// Plugin arguments (enable=, disable=, error=, model=), after the ones of
  /// the compile command itself (-fplugin-arg-irqlcheck-...).
  std::vector<std::string> PluginArgs;
  std::string ResourceDir; // the builtin headers of the clang linked in
  bool Color = false;      // diagnostics in color
};

struct AnalysisResult {
  std::string Output;      // what the compile printed, in order
  unsigned Warnings = 0;   // irqlcheck findings, by level
  unsigned Errors = 0;
  /// The compile failed for another reason than a finding: an error in the
  /// source or the command, or a crash.
  bool Failed = false;
  /// The compiler crashed: the process is not to be trusted any more.
  bool Crashed = false;
};

/// Checks J; writes its SARIF log to SarifPath unless empty.
AnalysisResult analyze(const CompileJob &J, const AnalysisOptions &Opts,
                       const std::string &SarifPath);

} // namespace tool
} // namespace irqlcheck

#endif // IRQLCHECK_TOOL_ANALYSIS_H
