//===- ClangDiagSink.cpp - Report through clang's DiagnosticsEngine -------===//
#include "report/ClangDiagSink.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticFrontend.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Mangler.h"
#include "llvm/Support/Path.h"

#include <cstring>

using namespace clang;

namespace irqlcheck {

SourceLocation ClangDiagSink::toSourceLocation(const DiagLoc &Loc) {
  if (Loc.RawLoc)
    return SourceLocation::getFromRawEncoding(Loc.RawLoc);
  if (const llvm::DILocation *DL = Loc.DL) {
    const llvm::DIFile *File = DL->getFile();
    auto It = Files.find(File);
    if (It == Files.end()) {
      llvm::SmallString<256> Path(File->getFilename());
      if (!llvm::sys::path::is_absolute(Path) && !File->getDirectory().empty()) {
        Path = File->getDirectory();
        llvm::sys::path::append(Path, File->getFilename());
      }
      FileID FID;
      if (auto FE = SM.getFileManager().getOptionalFileRef(Path)) {
        FID = SM.translateFile(*FE);
        // A file the TU never entered: compiling preprocessed output (.i),
        // whose line markers name the original source.
        if (FID.isInvalid())
          FID = SM.getOrCreateFileID(*FE, SrcMgr::C_User);
      }
      It = Files.insert({File, FID}).first;
    }
    if (It->second.isValid() && DL->getLine() > 0) {
      unsigned Col = DL->getColumn();
      if (!Col) {
        // No column in the debug info: find the token on the line, else the
        // line's first non-blank character.
        SourceLocation LineStart = SM.translateLineCol(It->second, DL->getLine(), 1);
        bool Invalid = false;
        const char *P = SM.getCharacterData(LineStart, &Invalid);
        Col = 1;
        if (!Invalid && P) {
          llvm::StringRef Line(P, strcspn(P, "\r\n"));
          size_t At = Loc.Token.empty() ? llvm::StringRef::npos : Line.find(Loc.Token);
          // A call spelled through a macro (KeAcquireSpinLock expands to
          // KeAcquireSpinLockRaiseToDpc): the longest prefix that is written.
          for (size_t Len = Loc.Token.size(); At == llvm::StringRef::npos && Len >= 8; --Len)
            At = Line.find(llvm::StringRef(Loc.Token).take_front(Len));
          if (At == llvm::StringRef::npos)
            At = Line.find_first_not_of(" \t");
          if (At != llvm::StringRef::npos)
            Col = At + 1;
        }
      }
      SourceLocation L = SM.translateLineCol(It->second, DL->getLine(), Col);
      if (L.isValid())
        return L;
    }
  }
  if (Loc.F) {
    // Keyed by symbol name, which differs from the IR name on i686 (_F@8).
    llvm::SmallString<64> Sym;
    llvm::Mangler().getNameWithPrefix(Sym, Loc.F, /*CannotUsePrivateLabel=*/false);
    auto It = FunctionLocs.find(Sym);
    if (It == FunctionLocs.end())
      It = FunctionLocs.find(Loc.F->getName());
    if (It != FunctionLocs.end())
      return SourceLocation::getFromRawEncoding(It->second);
  }
  return SourceLocation();
}

bool ClangDiagSink::suppressed(CheckId Id, const DiagLoc &Loc) {
  unsigned Number = checkWarningNumber(Id);
  return Number && Pragmas.suppressed(Number, toSourceLocation(Loc), SM);
}

void ClangDiagSink::finding(CheckId Id, DiagLevel Level, const DiagLoc &Loc,
                            llvm::StringRef Message, llvm::ArrayRef<DiagNote> Notes) {
  if (!Sarif)
    return;
  auto Place = [&](const DiagLoc &L) {
    SarifPlace P;
    SourceLocation SL = SM.getFileLoc(toSourceLocation(L));
    if (SL.isInvalid())
      return P;
    PresumedLoc PL = SM.getPresumedLoc(SL);
    if (PL.isInvalid())
      return P;
    llvm::SmallString<256> Path(PL.getFilename());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    P.Uri = fileUri(Path);
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
    return P;
  };
  SarifLog::Result R{Id, Level == DiagLevel::Error, Message.str(), Place(Loc), {}};
  for (const DiagNote &N : Notes)
    R.Notes.push_back({Place(N.Loc), N.Message});
  Sarif->add(std::move(R));
}

void ClangDiagSink::emit(DiagLevel Level, const DiagLoc &Loc, llvm::StringRef Message) {
  unsigned ID = Level == DiagLevel::Error     ? diag::err_fe_backend_plugin
                : Level == DiagLevel::Warning ? diag::warn_fe_backend_plugin
                                              : diag::note_fe_backend_plugin;
  DE.Report(toSourceLocation(Loc), ID) << Message;
}

} // namespace irqlcheck
