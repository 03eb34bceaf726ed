//===- Reporter.h - The one way irqlcheck emits a diagnostic --------------===//
//
// Front end and IR pass report through a Reporter, which applies the per-check
// settings, prefixes nothing and appends the check name ("[irql-too-high]"),
// and hands the result to a sink: clang's DiagnosticsEngine in a compile (so
// -w, -Werror, -Wno-backend-plugin and pragmas work, with carets), or the
// LLVMContext under opt.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_REPORT_REPORTER_H
#define IRQLCHECK_REPORT_REPORTER_H

#include "report/Checks.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"
#include <string>
#include <vector>

namespace llvm {
class DILocation;
class Function;
class LLVMContext;
} // namespace llvm

namespace irqlcheck {

/// A place in the source: a clang SourceLocation (raw encoding) when the
/// front end knows it, else an IR debug location, else the function.
struct DiagLoc {
  unsigned RawLoc = 0;
  const llvm::DILocation *DL = nullptr;
  const llvm::Function *F = nullptr;
  /// The token the finding is about (a callee's name, "return"): used to find
  /// the column when the debug info has none (CodeView, the default for -g on
  /// windows-msvc, records lines only).
  std::string Token;

  static DiagLoc clang(unsigned Raw) { return {Raw, nullptr, nullptr, {}}; }
  static DiagLoc ir(const llvm::DILocation *DL, const llvm::Function *F,
                    std::string Token = {}) {
    return {0, DL, F, std::move(Token)};
  }
};

struct DiagNote {
  DiagLoc Loc;
  std::string Message;
};

enum class DiagLevel { Warning, Error, Note };

class DiagSink {
public:
  virtual ~DiagSink();
  virtual void emit(DiagLevel Level, const DiagLoc &Loc, llvm::StringRef Message) = 0;
  /// Should a warning of this check at this place be dropped (e.g. by
  /// #pragma warning(disable: 28121))?
  virtual bool suppressed(CheckId Id, const DiagLoc &Loc) { return false; }
  /// Told about each emitted finding as a whole (for SARIF).
  virtual void finding(CheckId Id, DiagLevel Level, const DiagLoc &Loc,
                       llvm::StringRef Message, llvm::ArrayRef<DiagNote> Notes) {}
};

/// Prints through LLVMContext::diagnose, for opt and other tools without
/// clang's DiagnosticsEngine.
class LLVMContextSink : public DiagSink {
public:
  explicit LLVMContextSink(llvm::LLVMContext &Ctx) : Ctx(Ctx) {}
  void emit(DiagLevel Level, const DiagLoc &Loc, llvm::StringRef Message) override;

private:
  llvm::LLVMContext &Ctx;
};

class Reporter {
public:
  Reporter(const CheckSettings &Settings, DiagSink &Sink) : Settings(Settings), Sink(Sink) {}

  /// Reports one finding of check Id; returns false if it was not emitted.
  bool report(CheckId Id, const DiagLoc &Loc, const llvm::Twine &Message,
              llvm::ArrayRef<DiagNote> Notes = {});
  unsigned numReported() const { return NumReported; }

private:
  const CheckSettings &Settings;
  DiagSink &Sink;
  unsigned NumReported = 0;
};

} // namespace irqlcheck

#endif // IRQLCHECK_REPORT_REPORTER_H
