//===- CompileCommands.cpp - What the standalone tool compiles ------------===//
#include "tool/CompileCommands.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace llvm;

namespace irqlcheck {
namespace tool {

static std::string absolute(StringRef Directory, StringRef File) {
  SmallString<256> Path(File);
  if (!sys::path::is_absolute(Path)) {
    SmallString<256> Dir(Directory);
    if (Dir.empty() || !sys::path::is_absolute(Dir))
      sys::fs::make_absolute(Dir);
    sys::path::append(Dir, Path);
    Path = Dir;
  }
  sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

bool loadDatabase(StringRef Path, std::vector<CompileJob> &Jobs, std::string &Error) {
  SmallString<256> File(Path);
  if (sys::fs::is_directory(File))
    sys::path::append(File, "compile_commands.json");
  auto DB = clang::tooling::JSONCompilationDatabase::loadFromFile(
      File, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!DB)
    return false;
  // Response files (@args.rsp), as the build would read them.
  auto Expanded =
      clang::tooling::expandResponseFiles(std::move(DB), vfs::getRealFileSystem());
  for (clang::tooling::CompileCommand &C : Expanded->getAllCompileCommands()) {
    if (C.CommandLine.empty())
      continue;
    Jobs.push_back({C.Directory, absolute(C.Directory, C.Filename), std::move(C.CommandLine)});
  }
  return true;
}

std::vector<CompileJob> selectFiles(const std::vector<CompileJob> &Jobs,
                                    ArrayRef<std::string> Files,
                                    std::vector<std::string> &Missing) {
  if (Files.empty())
    return Jobs;
  std::vector<bool> Chosen(Jobs.size());
  for (const std::string &F : Files) {
    std::string Want = absolute("", F);
    // A path relative to the project: match trailing components.
    SmallString<128> Tail(sys::path::get_separator());
    Tail += F;
    sys::path::remove_dots(Tail, /*remove_dot_dot=*/true);
    bool Found = false;
    for (size_t I = 0; I < Jobs.size(); ++I) {
      if (Jobs[I].File == Want) {
        Chosen[I] = Found = true;
      }
    }
    if (!Found)
      for (size_t I = 0; I < Jobs.size(); ++I)
        if (StringRef(Jobs[I].File).ends_with(Tail))
          Chosen[I] = Found = true;
    if (!Found)
      Missing.push_back(F);
  }
  std::vector<CompileJob> Out;
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (Chosen[I])
      Out.push_back(Jobs[I]);
  return Out;
}

static bool isClMode(ArrayRef<std::string> Argv);

std::vector<CompileJob> jobsFromCommand(ArrayRef<std::string> Files,
                                        ArrayRef<std::string> Command) {
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  std::vector<std::string> Base(Command.begin(), Command.end());
  if (Base.empty() || StringRef(Base.front()).starts_with("-"))
    Base.insert(Base.begin(), "clang");
  std::vector<CompileJob> Jobs;
  for (const std::string &F : Files) {
    CompileJob J{std::string(Cwd), absolute(Cwd, F), Base};
    bool Named = false;
    for (size_t I = 1; I < J.Argv.size(); ++I)
      Named |= J.Argv[I] == F || J.Argv[I] == J.File;
    if (!Named) {
      // clang-cl reads /home/me/f.c as an option: after `--` it is a file.
      if (isClMode(J.Argv) && StringRef(F).starts_with("/") &&
          llvm::find(J.Argv, "--") == J.Argv.end())
        J.Argv.push_back("--");
      J.Argv.push_back(F);
    }
    Jobs.push_back(std::move(J));
  }
  return Jobs;
}

/// A launcher in front of the compiler (ccache clang-cl ...).
static bool isLauncher(StringRef Arg) {
  StringRef Name = sys::path::stem(Arg);
  return Name == "ccache" || Name == "sccache" || Name == "distcc" || Name == "icecc" ||
         Name == "buildcache";
}

/// clang-cl, cl, clang-cl-19.exe, or --driver-mode=cl: the driver reads
/// MSVC-style options.
static bool isClMode(ArrayRef<std::string> Argv) {
  std::string Name = sys::path::filename(Argv.front()).lower();
  StringRef N(Name);
  N.consume_back(".exe");
  N = N.rtrim("0123456789.");
  N.consume_back("-");
  bool Cl = N.ends_with("clang-cl") || N == "cl";
  for (const std::string &A : Argv.drop_front())
    if (StringRef(A).starts_with("--driver-mode="))
      Cl = A == "--driver-mode=cl";
  return Cl;
}

std::vector<std::string> analysisCommand(const CompileJob &J, StringRef ResourceDir) {
  ArrayRef<std::string> In(J.Argv);
  while (In.size() > 1 && isLauncher(In.front()))
    In = In.drop_front();
  bool Cl = isClMode(In);
  std::vector<std::string> Out{In.front()};
  bool HasResourceDir = false;
  for (size_t I = 1; I < In.size(); ++I) {
    StringRef A = In[I];
    if (A == "--") { // the inputs follow, verbatim
      Out.insert(Out.end(), In.begin() + I, In.end());
      break;
    }
    HasResourceDir |= A == "-resource-dir" || A.starts_with("-resource-dir=");
    // Several jobs (preprocess, compile, assemble) instead of one.
    if (A.starts_with("-save-temps") || A.starts_with("/clang:-save-temps"))
      continue;
    // Precompiled headers: irqlcheck reads the header itself instead of a
    // .pch the build may not have made yet.
    if (Cl && (A.starts_with("/Yc") || A.starts_with("-Yc") || A.starts_with("/Yu") ||
               A.starts_with("-Yu") || A.starts_with("/Fp") || A.starts_with("-Fp") ||
               A == "/Y-" || A == "-Y-"))
      continue;
    Out.push_back(std::string(A));
  }
  if (!HasResourceDir && !ResourceDir.empty())
    Out.insert(Out.begin() + 1, {"-resource-dir", std::string(ResourceDir)});
  return Out;
}

} // namespace tool
} // namespace irqlcheck
