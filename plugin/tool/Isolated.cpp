//===- Isolated.cpp - Check one translation unit in a child irqlcheck -----===//
#include "tool/Isolated.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace irqlcheck {
namespace tool {

namespace {

/// A temporary file that is removed with this object.
struct TempFile {
  SmallString<128> Path;
  explicit TempFile(StringRef Suffix) {
    if (sys::fs::createTemporaryFile("irqlcheck-unit", Suffix, Path))
      Path.clear();
  }
  ~TempFile() {
    if (!Path.empty())
      sys::fs::remove(Path);
  }
  std::string read() const {
    auto Buffer = MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : std::string();
  }
};

/// "irqlcheck: 1 translation unit, W warnings, E errors, F failed".
bool readSummary(StringRef Line, AnalysisResult &R) {
  if (!Line.consume_front("irqlcheck: 1 translation unit, "))
    return false;
  SmallVector<StringRef, 3> Parts;
  Line.split(Parts, ", ");
  unsigned Counts[3] = {0, 0, 0};
  if (Parts.size() != 3)
    return false;
  for (int I = 0; I < 3; ++I)
    if (!to_integer(Parts[I].split(' ').first, Counts[I]))
      return false;
  R.Warnings = Counts[0];
  R.Errors = Counts[1];
  R.Failed = Counts[2] != 0;
  return true;
}

} // namespace

AnalysisResult analyzeInChild(StringRef Self, const CompileJob &J, const AnalysisOptions &Opts,
                              const std::string &SarifPath) {
  AnalysisResult R;
  TempFile Database(".json"), Out(".out"), Err(".err");
  std::error_code EC;
  {
    raw_fd_ostream OS(Database.Path, EC, sys::fs::OF_Text);
    json::Array Arguments;
    for (const std::string &A : J.Argv)
      Arguments.push_back(A);
    OS << json::Value(json::Array{json::Object{
        {"directory", J.Directory}, {"file", J.File}, {"arguments", std::move(Arguments)}}});
  }
  std::vector<std::string> Args{Self.str(), "--no-progress", "-j1", "-p",
                                Database.Path.str().str()};
  for (const std::string &A : Opts.PluginArgs)
    Args.push_back("--" + A);
  if (!SarifPath.empty())
    Args.push_back("--sarif=" + SarifPath);
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Out.Path),
                                          StringRef(Err.Path)};
  std::string Message;
  int Status = (Database.Path.empty() || Out.Path.empty() || Err.Path.empty() || EC)
                   ? -1
                   : sys::ExecuteAndWait(Self, ArgRefs, std::nullopt, Redirects, 0, 0, &Message);

  R.Output = Out.read();
  // The child's stderr: its own messages, then its summary, which is ours.
  bool Summary = false;
  SmallVector<StringRef, 8> Lines;
  std::string ErrText = Err.read();
  StringRef(ErrText).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  for (StringRef Line : Lines) {
    if (readSummary(Line, R)) {
      Summary = true;
      continue;
    }
    if (!Line.starts_with("irqlcheck: error: compile failed: "))
      R.Output += (Line + "\n").str();
  }
  if (!Summary || Status < 0 || Status > 2) {
    R.Output += "irqlcheck: error: the compiler crashed on '" + J.File + "'" +
                (Message.empty() ? "" : " (" + Message + ")") + "\n";
    R.Failed = true;
  }
  return R;
}

} // namespace tool
} // namespace irqlcheck
