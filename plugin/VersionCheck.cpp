//===- VersionCheck.cpp - IrqlCheck.so: the version check, and the way in -===//
//
// IrqlCheck.so is what users load (-fplugin=, -fpass-plugin=, cc1 -load, opt
// -load-pass-plugin=). It references no LLVM or Clang symbol, only the C
// library, so it loads into any clang or opt. Loading it:
//  1. finds the LLVM major version of the process (LLVMGetVersion, which
//     every LLVM since 16 exports; else the name of the loaded libLLVM);
//  2. if that is not the version it was built for, prints one line and exits
//     with status 1: the other halves use the C++ API of one LLVM version,
//     and in another they crash in their static constructors or fail to
//     resolve a symbol, long before any of their own code runs;
//  3. otherwise loads IrqlCheckPassPlugin.so from its own directory (which
//     loads IrqlCheckFrontend.so when the process is Clang, PassPlugin.cpp),
//     and hands LLVM that object's pass plugin entry point.
// If the version cannot be found (an LLVM linked statically into a clang
// that does not export the C API), step 2 is skipped.
//
//===----------------------------------------------------------------------===//
#define IRQLCHECK_COMPAT_PASS_PLUGIN_ONLY
#include "Compat.h" // PassPluginLibraryInfo (a type only: no symbol)

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#if defined(__ELF__)
#include <link.h>
#endif

#ifndef IRQLCHECK_LLVM_MAJOR
#error "IRQLCHECK_LLVM_MAJOR (the LLVM major version built against) must be defined"
#endif

namespace {

#if defined(__ELF__)
/// The N of a loaded libLLVM.so.N[.M] or libLLVM-N.so (Debian, upstream).
int soNameMajor(dl_phdr_info *Info, size_t, void *Out) {
  const char *Path = Info->dlpi_name ? Info->dlpi_name : "";
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  unsigned N = 0;
  if (std::sscanf(Base, "libLLVM.so.%u", &N) == 1 || std::sscanf(Base, "libLLVM-%u", &N) == 1) {
    *static_cast<unsigned *>(Out) = N;
    return 1;
  }
  return 0;
}
#endif

/// The LLVM major version of this process, 0 if it cannot be told.
unsigned hostMajor() {
  using GetVersion = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto Get = reinterpret_cast<GetVersion>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    Get(&Major, &Minor, &Patch);
    return Major;
  }
  unsigned Major = 0;
#if defined(__ELF__)
  dl_iterate_phdr(soNameMajor, &Major);
#endif
  return Major;
}

bool hostIsClang() { return dlsym(RTLD_DEFAULT, "_ZTIN5clang11PPCallbacksE") != nullptr; }

[[noreturn]] void refuse(const std::string &Message) {
  std::fprintf(stderr, "irqlcheck: error: %s\n", Message.c_str());
  std::fflush(stderr);
  // Exit as clang does on a fatal error: nothing of the compile has started.
  std::exit(1);
}

/// The real pass plugin, loaded once the version is right.
void *PassPluginHandle = nullptr;

struct VersionCheck {
  VersionCheck() {
    unsigned Host = hostMajor();
    const char *Kind = hostIsClang() ? "clang" : "LLVM";
    if (Host && Host != IRQLCHECK_LLVM_MAJOR)
      refuse(std::string("this plugin was built for ") + Kind + " " +
             std::to_string(IRQLCHECK_LLVM_MAJOR) + " but is loaded into " + Kind + " " +
             std::to_string(Host) + "; rebuild it with -DIRQLCHECK_LLVM_VERSION=" +
             std::to_string(Host) + " (docs/versions.md)");
    Dl_info Info;
    if (!dladdr(reinterpret_cast<void *>(&anchor), &Info) || !Info.dli_fname)
      refuse("cannot find where IrqlCheck is installed");
    std::string Path = Info.dli_fname;
    std::string::size_type Slash = Path.rfind('/');
    std::string Dir = Slash == std::string::npos ? std::string(".") : Path.substr(0, Slash);
    std::string::size_type Dot = Path.rfind('.');
    std::string Ext = Dot == std::string::npos || Dot < Slash + 1 ? std::string() : Path.substr(Dot);
    std::string Real = Dir + "/IrqlCheckPassPlugin" + Ext;
    PassPluginHandle = dlopen(Real.c_str(), RTLD_LAZY | RTLD_GLOBAL);
    if (!PassPluginHandle)
      refuse(std::string("cannot load the plugin's pass half: ") + dlerror());
  }
  static void anchor() {}
} Check;

} // namespace

/// LLVM's pass-plugin entry point: the real one's answer. (The version check
/// above has run by the time LLVM asks, so the struct is this version's.)
extern "C" __attribute__((visibility("default"))) ::llvm::PassPluginLibraryInfo
llvmGetPassPluginInfo() {
  using Entry = ::llvm::PassPluginLibraryInfo (*)();
  auto Get = reinterpret_cast<Entry>(dlsym(PassPluginHandle, "llvmGetPassPluginInfo"));
  if (!Get)
    refuse(std::string("IrqlCheckPassPlugin has no pass plugin entry point: ") + dlerror());
  return Get();
}
