//===- SarifMerge.cpp - One SARIF log for a whole run ---------------------===//
#include "tool/SarifMerge.h"
#include "report/SarifLog.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace irqlcheck {
namespace tool {

/// What makes two results the same finding: rule, place, message.
static std::string findingKey(const json::Object &Result) {
  std::string Key;
  raw_string_ostream OS(Key);
  OS << Result.getString("ruleId").value_or("") << '\0';
  if (const json::Array *Locs = Result.getArray("locations"))
    if (!Locs->empty())
      if (const json::Object *Phys = (*Locs)[0].getAsObject()
                                         ? (*Locs)[0].getAsObject()->getObject("physicalLocation")
                                         : nullptr) {
        if (const json::Object *Art = Phys->getObject("artifactLocation"))
          OS << Art->getString("uri").value_or("");
        if (const json::Object *Region = Phys->getObject("region"))
          OS << ':' << Region->getInteger("startLine").value_or(0) << ':'
             << Region->getInteger("startColumn").value_or(0);
      }
  OS << '\0';
  if (const json::Object *Msg = Result.getObject("message"))
    OS << Msg->getString("text").value_or("");
  return Key;
}

/// The results array of a log's first run.
static json::Array *resultsOf(json::Value &Log) {
  json::Object *O = Log.getAsObject();
  json::Array *Runs = O ? O->getArray("runs") : nullptr;
  if (!Runs || Runs->empty() || !(*Runs)[0].getAsObject())
    return nullptr;
  return (*Runs)[0].getAsObject()->getArray("results");
}

bool mergeSarifLogs(ArrayRef<std::string> Paths, StringRef Out, std::string &Error) {
  // The frame (schema, tool, rules) is the one every unit writes.
  Expected<json::Value> Merged = json::parse(SarifLog().str());
  if (!Merged) {
    Error = toString(Merged.takeError());
    return false;
  }
  json::Array *All = resultsOf(*Merged);
  if (!All) {
    Error = "the SARIF writer produced no run";
    return false;
  }
  StringSet<> Seen;
  for (const std::string &Path : Paths) {
    auto Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer)
      continue; // that unit failed before writing its log
    Expected<json::Value> Log = json::parse((*Buffer)->getBuffer());
    if (!Log) {
      Error = "cannot read '" + Path + "': " + toString(Log.takeError());
      return false;
    }
    json::Array *Results = resultsOf(*Log);
    if (!Results)
      continue;
    for (json::Value &R : *Results)
      if (const json::Object *O = R.getAsObject())
        if (Seen.insert(findingKey(*O)).second)
          All->push_back(std::move(R));
  }
  std::error_code EC;
  raw_fd_ostream OS(Out, EC, sys::fs::OF_Text);
  if (EC) {
    Error = EC.message();
    return false;
  }
  OS << formatv("{0:2}", *Merged) << "\n";
  OS.close();
  if (OS.has_error()) {
    Error = OS.error().message();
    OS.clear_error();
    return false;
  }
  return true;
}

} // namespace tool
} // namespace irqlcheck
