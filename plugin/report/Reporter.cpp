//===- Reporter.cpp - The one way irqlcheck emits a diagnostic ------------===//
#include "report/Reporter.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/LLVMContext.h"

using namespace llvm;

namespace irqlcheck {

DiagSink::~DiagSink() = default;

bool Reporter::report(CheckId Id, const DiagLoc &Loc, const Twine &Message,
                      ArrayRef<DiagNote> Notes) {
  if (!Settings.enabled(Id) || Sink.suppressed(Id, Loc))
    return false;
  std::string Text = Message.str() + " [" + checkInfo(Id).Name.str() + "]";
  Sink.emit(Settings.isError(Id) ? DiagLevel::Error : DiagLevel::Warning, Loc, Text);
  for (const DiagNote &N : Notes)
    Sink.emit(DiagLevel::Note, N.Loc, N.Message);
  Sink.finding(Id, Settings.isError(Id) ? DiagLevel::Error : DiagLevel::Warning, Loc,
               Message.str(), Notes);
  ++NumReported;
  return true;
}

namespace {
/// A located diagnostic for LLVMContext: "file:line:col: message".
class IrqlDiagnosticInfo : public DiagnosticInfo {
public:
  IrqlDiagnosticInfo(DiagnosticSeverity Sev, const DiagLoc &Loc, StringRef Msg)
      : DiagnosticInfo(Kind, Sev), Loc(Loc), Msg(Msg) {}
  void print(DiagnosticPrinter &DP) const override {
    if (const DILocation *DL = Loc.DL) {
      DP << DL->getFilename() << ':' << DL->getLine() << ':' << DL->getColumn() << ": ";
    } else if (const DISubprogram *SP = Loc.F ? Loc.F->getSubprogram() : nullptr) {
      DP << SP->getFilename() << ':' << SP->getLine() << ": ";
    } else if (Loc.F) {
      DP << "in function '" << Loc.F->getName() << "': ";
    }
    DP << Msg;
  }
  static const int Kind;

private:
  const DiagLoc &Loc;
  StringRef Msg;
};
const int IrqlDiagnosticInfo::Kind = getNextAvailablePluginDiagnosticKind();
} // namespace

void LLVMContextSink::emit(DiagLevel Level, const DiagLoc &Loc, StringRef Message) {
  DiagnosticSeverity Sev = Level == DiagLevel::Error     ? DS_Error
                           : Level == DiagLevel::Warning ? DS_Warning
                                                         : DS_Note;
  Ctx.diagnose(IrqlDiagnosticInfo(Sev, Loc, Message));
}

} // namespace irqlcheck
