//===- SystemHeaderCache.h - Is a declaration in a system header? ---------===//
//
// The front end asks this for every top-level declaration of a translation
// unit, tens of thousands with the DDK headers. SourceManager answers each
// question with a search over all of its entries, one per macro expansion
// too; declarations come in long runs from a few files, so remembering the
// extent of each file seen so far answers almost every question with a
// range check.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_FRONTEND_SYSTEMHEADERCACHE_H
#define IRQLCHECK_FRONTEND_SYSTEMHEADERCACHE_H

#include "clang/Basic/SourceLocation.h"
#include <vector>

namespace clang {
class SourceManager;
}

namespace irqlcheck {

class SystemHeaderCache {
public:
  explicit SystemHeaderCache(const clang::SourceManager &SM) : SM(SM) {}

  /// Is L (or, inside a macro expansion, where it was expanded) in a system
  /// header? The same answer as SourceManager::isInSystemHeader. Inline for
  /// a file location in the file last asked about (asked for each of the
  /// translation unit's top-level declarations): a call costs as much.
  bool inSystemHeader(clang::SourceLocation L) {
    unsigned Off = L.getRawEncoding();
    if (L.isValid() && L.isFileID() && Last < Extents.size() && Extents[Last].Begin <= Off &&
        Off < Extents[Last].End)
      return Extents[Last].System;
    return inSystemHeaderSlow(L);
  }

private:
  bool inSystemHeaderSlow(clang::SourceLocation L);
  /// The local offsets of one file, [Begin, End).
  struct Extent {
    unsigned Begin, End;
    bool System;
  };
  const clang::SourceManager &SM;
  std::vector<Extent> Extents; // disjoint, sorted by Begin
  size_t Last = 0;             // index of the last extent hit
};

} // namespace irqlcheck

#endif // IRQLCHECK_FRONTEND_SYSTEMHEADERCACHE_H
