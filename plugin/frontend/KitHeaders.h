//===- KitHeaders.h - Is a header part of the driver kit? -----------------===//
//
// Findings about the annotations themselves (an unevaluable level, a second
// function class, a missing PAGED_CODE()) are the user's problem only in the
// user's own files. The kit's headers are often brought in with -I rather
// than -isystem, so clang's system-header notion is not enough. A header is
// the kit's (docs/annotations.md, "Whose header is it?") when
//   - clang treats it as a system header, or
//   - its path has a "Windows Kits" component (the WDK's install layout), or
//   - its directory holds one of the kit's anchor headers (wdm.h, ntddk.h,
//     ntifs.h, ndis.h, wdf.h, fltKernel.h): the WDK's km/, KMDF's
//     wdf/kmdf/1.x/, a DDK copied into the project; or a ddk/ directory in
//     it does (mingw-w64's include/); or it is one of the kit's other
//     directories (shared/, um/, psdk/, xdk/, ndk/, crt/) and a km/ or ddk/
//     directory beside it holds one.
// The main file is always the user's.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_KITHEADERS_H
#define IRQLCHECK_FRONTEND_KITHEADERS_H

#include "frontend/SystemHeaderCache.h"

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace clang {
class SourceManager;
}

namespace irqlcheck {

class KitHeaders {
public:
  KitHeaders(const clang::SourceManager &SM, SystemHeaderCache &System)
      : SM(SM), System(System) {}

  /// Is L (where it was expanded, inside a macro) in a header of the kit?
  /// Inline: asked for every top-level declaration, most of them in
  /// system headers.
  bool inKitHeader(clang::SourceLocation L) {
    return L.isValid() && (System.inSystemHeader(L) || inKitFileOf(L));
  }
  /// Is FID a header of the kit by its path (whether or not clang treats it
  /// as a system header)? The main file never is. Asked while preprocessing
  /// too, when a file is entered: the answer does not change later.
  bool isKitFile(clang::FileID FID);

private:
  const clang::SourceManager &SM;
  SystemHeaderCache &System;
  llvm::DenseMap<clang::FileID, bool> ByFile;
  llvm::StringMap<bool> ByDirectory;
  bool directoryHoldsAnchor(llvm::StringRef Dir);
  /// isKitFile of the file L is expanded in.
  bool inKitFileOf(clang::SourceLocation L);
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_KITHEADERS_H
