//===- KitHeaders.cpp - Is a header part of the driver kit? ---------------===//
#include "frontend/KitHeaders.h"
#include "frontend/SystemHeaderCache.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;
using namespace llvm;

namespace irqlcheck {

namespace {
/// Headers only a driver kit ships; a directory holding one is the kit's.
const char *const AnchorHeaders[] = {"wdm.h",  "ntddk.h", "ntifs.h",
                                     "ndis.h", "wdf.h",   "fltKernel.h"};
} // namespace

bool KitHeaders::directoryHoldsAnchor(StringRef Dir) {
  auto [It, New] = ByDirectory.try_emplace(Dir, false);
  if (!New)
    return It->second;
  bool Found = false;
  for (const char *Name : AnchorHeaders) {
    SmallString<256> Path(Dir);
    sys::path::append(Path, Name);
    if (sys::fs::exists(Path)) {
      Found = true;
      break;
    }
    // Case-insensitive file systems and kits that spell it fltkernel.h.
    Path = Dir;
    sys::path::append(Path, StringRef(Name).lower());
    if (sys::fs::exists(Path)) {
      Found = true;
      break;
    }
  }
  return It->second = Found;
}

bool KitHeaders::inKitFileOf(SourceLocation L) {
  return isKitFile(SM.getFileID(SM.getExpansionLoc(L)));
}

bool KitHeaders::isKitFile(FileID FID) {
  if (FID.isInvalid() || FID == SM.getMainFileID())
    return false;
  auto [It, New] = ByFile.try_emplace(FID, false);
  if (!New)
    return It->second;
  OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
  if (!FE)
    return false;
  SmallString<256> Path(FE->getName());
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  bool Kit = false;
  for (auto C = sys::path::begin(Path), E = sys::path::end(Path); C != E && !Kit; ++C)
    Kit = C->equals_insensitive("Windows Kits");
  StringRef Dir = sys::path::parent_path(Path);
  if (!Kit)
    Kit = directoryHoldsAnchor(Dir);
  if (!Kit) {
    // mingw-w64: include/ holds ddk/.
    SmallString<256> Child(Dir);
    sys::path::append(Child, "ddk");
    Kit = directoryHoldsAnchor(Child);
  }
  // The kit's other directories beside km/ or ddk/: the WDK's shared/ and
  // um/, ReactOS's psdk/, xdk/, ndk/, crt/. (Only those names: a project's
  // own src/ beside a vendored ddk/ stays the user's.)
  StringRef DirName = sys::path::filename(Dir);
  bool KitSibling = false;
  for (const char *Name : {"shared", "um", "psdk", "xdk", "ndk", "crt"})
    KitSibling |= DirName.equals_insensitive(Name);
  StringRef Parent = sys::path::parent_path(Dir);
  for (const char *Beside : {"km", "ddk"}) {
    if (Kit || !KitSibling || Parent.empty())
      break;
    SmallString<256> Sibling(Parent);
    sys::path::append(Sibling, Beside);
    Kit = directoryHoldsAnchor(Sibling);
  }
  // (The map may have grown; look the slot up again.)
  return ByFile[FID] = Kit;
}

} // namespace irqlcheck
