//===- SystemHeaderCache.cpp - Is a declaration in a system header? -------===//
#include "frontend/SystemHeaderCache.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace irqlcheck {

bool SystemHeaderCache::inSystemHeaderSlow(SourceLocation L) {
  if (L.isInvalid())
    return false;
  L = SM.getExpansionLoc(L);
  // A file location's raw encoding is its offset in the source manager;
  // loaded (module/PCH) locations are not cached.
  unsigned Off = L.getRawEncoding();
  if (Last < Extents.size() && Extents[Last].Begin <= Off && Off < Extents[Last].End)
    return Extents[Last].System;
  auto It = llvm::upper_bound(Extents, Off,
                              [](unsigned O, const Extent &E) { return O < E.Begin; });
  if (It != Extents.begin() && Off < std::prev(It)->End) {
    Last = std::prev(It) - Extents.begin();
    return Extents[Last].System;
  }
  bool System = SM.isInSystemHeader(L);
  FileID FID = SM.getFileID(L);
  if (SM.isLoadedFileID(FID))
    return System;
  bool Invalid = false;
  const SrcMgr::SLocEntry &E = SM.getSLocEntry(FID, &Invalid);
  // Line markers (# 1 "x.h" 3) and #pragma GCC system_header change the
  // answer inside one file: ask every time there.
  if (Invalid || !E.isFile() || E.getFile().hasLineDirectives())
    return System;
  unsigned Begin = E.getOffset();
  unsigned End = Begin + SM.getFileIDSize(FID) + 1; // + the end-of-file location
  It = Extents.insert(It, Extent{Begin, End, System});
  Last = It - Extents.begin();
  return System;
}

} // namespace irqlcheck
