//===- SarifLog.cpp - Findings as a SARIF 2.1.0 log -----------------------===//
#include "report/SarifLog.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace irqlcheck {

std::string fileUri(StringRef Path) {
  std::string S = "file://";
  if (!Path.starts_with("/"))
    S += "/";
  for (char C : Path) {
    if (isAlnum(C) || StringRef("/-._~:").contains(C))
      S += C;
    else if (C == '\\')
      S += '/';
    else {
      S += '%';
      S += hexdigit((unsigned char)C >> 4);
      S += hexdigit((unsigned char)C & 15);
    }
  }
  return S;
}

static json::Object physical(const SarifPlace &P) {
  json::Object Region{{"startLine", int64_t(P.Line)}};
  if (P.Column)
    Region["startColumn"] = int64_t(P.Column);
  return json::Object{{"physicalLocation",
                       json::Object{{"artifactLocation", json::Object{{"uri", P.Uri}}},
                                    {"region", std::move(Region)}}}};
}

std::string SarifLog::str() const {
  json::Array Rules;
  for (unsigned I = 0; I < NumChecks; ++I) {
    const CheckInfo &C = checkInfo(CheckId(I));
    json::Object Props{{"tags", json::Array{"irql", "windows-driver"}}};
    if (!C.Alias.empty())
      Props["microsoftCounterpart"] = C.Alias.str();
    Rules.push_back(json::Object{
        {"id", C.Name.str()},
        {"name", C.Name.str()},
        {"shortDescription", json::Object{{"text", C.Summary.str()}}},
        {"helpUri", "https://github.com/irqlcheck/irqlcheck/blob/main/docs/checks/" +
                        C.Name.str() + ".md"},
        {"defaultConfiguration",
         json::Object{{"level", "warning"}, {"enabled", C.Default == ByDefault::On}}},
        {"properties", std::move(Props)}});
  }

  json::Array Res;
  for (const Result &R : Results) {
    json::Object O{{"ruleId", checkInfo(R.Id).Name.str()},
                   {"ruleIndex", int64_t(unsigned(R.Id))},
                   {"level", R.Error ? "error" : "warning"},
                   {"message", json::Object{{"text", R.Message}}}};
    if (R.Place.valid())
      O["locations"] = json::Array{physical(R.Place)};
    json::Array Related;
    json::Array Flow;
    int64_t Id = 0;
    for (const Note &N : R.Notes) {
      if (!N.Place.valid())
        continue;
      json::Object L = physical(N.Place);
      L["id"] = Id++;
      L["message"] = json::Object{{"text", N.Message}};
      Related.push_back(std::move(L));
      if (StringRef(N.Message).contains("' calls '")) {
        json::Object FL = physical(N.Place);
        FL["message"] = json::Object{{"text", N.Message}};
        Flow.push_back(json::Object{{"location", std::move(FL)}});
      }
    }
    if (!Related.empty())
      O["relatedLocations"] = std::move(Related);
    if (!Flow.empty()) {
      // The chain starts at the finding itself.
      json::Object Start = physical(R.Place);
      Start["message"] = json::Object{{"text", R.Message}};
      Flow.insert(Flow.begin(), json::Object{{"location", std::move(Start)}});
      O["codeFlows"] = json::Array{json::Object{
          {"threadFlows", json::Array{json::Object{{"locations", std::move(Flow)}}}}}};
    }
    Res.push_back(std::move(O));
  }

  json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       json::Array{json::Object{
           {"tool", json::Object{{"driver",
                                  json::Object{{"name", "irqlcheck"},
                                               {"version", "0.1.0"},
                                               {"informationUri",
                                                "https://github.com/irqlcheck/irqlcheck"},
                                               {"rules", std::move(Rules)}}}}},
           {"results", std::move(Res)}}}}};
  std::string S;
  raw_string_ostream OS(S);
  OS << formatv("{0:2}", json::Value(std::move(Log)));
  return OS.str();
}

/// Writes Text to an open stream and closes it; false with the reason if any
/// write failed. The error is cleared: an unchecked stream error aborts the
/// process in raw_fd_ostream's destructor.
static bool finish(raw_fd_ostream &OS, StringRef Text, std::string &Error) {
  OS << Text;
  OS.close();
  if (!OS.has_error())
    return true;
  Error = OS.error().message();
  OS.clear_error();
  return false;
}

bool SarifLog::write(StringRef Path, std::string &Error) const {
  std::string Text = str() + "\n";
  // Something that is not a regular file (/dev/stdout, a pipe, /dev/full) is
  // written in place: renaming over it would replace a device or a FIFO.
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status) && sys::fs::exists(Status) &&
      !sys::fs::is_regular_file(Status)) {
    std::error_code EC;
    raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
    if (EC) {
      Error = EC.message();
      return false;
    }
    return finish(OS, Text, Error);
  }
  // A regular file is replaced atomically: a temporary file in the same
  // directory, renamed into place. Parallel compiles that write one path
  // leave one complete log, never a torn one, and a failed write leaves the
  // previous log untouched.
  SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC =
          sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Temp, sys::fs::OF_Text)) {
    Error = "cannot create a temporary file next to it: " + EC.message();
    return false;
  }
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    if (!finish(OS, Text, Error)) {
      sys::fs::remove(Temp);
      return false;
    }
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    Error = EC.message();
    sys::fs::remove(Temp);
    return false;
  }
  return true;
}

} // namespace irqlcheck
