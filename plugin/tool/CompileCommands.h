//===- CompileCommands.h - What the standalone tool compiles --------------===//
//
// The compile commands irqlcheck checks: those of a compile_commands.json, or
// one command given on irqlcheck's own command line after `--`. Each is
// rewritten for analysis: the same front end, no output of any kind.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_TOOL_COMPILECOMMANDS_H
#define IRQLCHECK_TOOL_COMPILECOMMANDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace irqlcheck {
namespace tool {

/// One translation unit to check.
struct CompileJob {
  std::string Directory; // where the command runs
  std::string File;      // the source file, absolute
  std::vector<std::string> Argv; // argv[0] is the compiler: clang, clang-cl, cl...
};

/// Every entry of Path (a compile_commands.json, or a directory holding one).
bool loadDatabase(llvm::StringRef Path, std::vector<CompileJob> &Jobs, std::string &Error);

/// The entries for Files (all of them if Files is empty), in database order.
/// A file is named by its path, or by the trailing components of it
/// (src/driver.c); Missing receives the names no entry matches.
std::vector<CompileJob> selectFiles(const std::vector<CompileJob> &Jobs,
                                    llvm::ArrayRef<std::string> Files,
                                    std::vector<std::string> &Missing);

/// One job per file, each compiled with Command (`irqlcheck f.c -- clang-cl
/// /c ...`) in the current directory; a file the command does not name is
/// appended. A command that starts with an option runs as `clang ...`.
std::vector<CompileJob> jobsFromCommand(llvm::ArrayRef<std::string> Files,
                                        llvm::ArrayRef<std::string> Command);

/// The driver command irqlcheck runs for J: the recorded one without a
/// compiler launcher (ccache) and without what would need or write files of
/// the build (-save-temps, precompiled headers), with -resource-dir set to
/// ResourceDir unless the command sets one. The rest (outputs, dependency
/// files, plugins) is reset on the compiler invocation (Analysis.cpp).
std::vector<std::string> analysisCommand(const CompileJob &J, llvm::StringRef ResourceDir);

} // namespace tool
} // namespace irqlcheck

#endif // IRQLCHECK_TOOL_COMPILECOMMANDS_H
