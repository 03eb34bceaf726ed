//===- Main.cpp - irqlcheck: the checks without a compiler plugin ---------===//
//
// For toolchains that cannot load plugins (the official Windows releases of
// clang-cl): irqlcheck reads the compile commands of a build, runs the same
// front end and IR pass as IrqlCheck.so on each translation unit, in
// parallel, and prints the same diagnostics. See docs/standalone.md.
//
//===----------------------------------------------------------------------===//
#include "report/Checks.h"
#include "tool/Analysis.h"
#include "tool/CompileCommands.h"
#include "tool/Isolated.h"
#include "tool/SarifMerge.h"

#include "clang/Basic/Version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <atomic>
#include <cstdlib>
#include <condition_variable>
#include <mutex>

using namespace llvm;
using namespace irqlcheck;
using namespace irqlcheck::tool;

static cl::OptionCategory Category("irqlcheck options");

static cl::opt<std::string>
    BuildPath("p", cl::value_desc("build-dir"), cl::cat(Category),
              cl::desc("The build directory holding compile_commands.json (or the file)"));
static cl::list<std::string> Files(cl::Positional, cl::desc("[files...]"), cl::cat(Category));
static cl::opt<unsigned> Jobs("j", cl::value_desc("N"), cl::cat(Category), cl::Prefix,
                              cl::desc("Check N translation units at a time "
                                       "(default: the number of cores)"));
static cl::opt<std::string> Sarif("sarif", cl::value_desc("file"), cl::cat(Category),
                                  cl::desc("Write one SARIF 2.1.0 log for the whole run"));
static cl::opt<bool> Werror("werror", cl::cat(Category),
                            cl::desc("Exit with status 1 on findings that are warnings too"));
static cl::list<std::string> Enable("enable", cl::value_desc("check"), cl::cat(Category),
                                    cl::desc("Turn a check on (name or C28xxx alias)"));
static cl::list<std::string> Disable("disable", cl::value_desc("check"), cl::cat(Category),
                                     cl::desc("Turn a check off"));
static cl::list<std::string> ErrorCheck("error", cl::value_desc("check"), cl::cat(Category),
                                        cl::desc("Report a check's findings as errors"));
static cl::list<std::string> Model("model", cl::value_desc("file"), cl::cat(Category),
                                   cl::desc("Read more kernel routine contracts from a file"));
static cl::opt<bool> HelpChecks("help-checks", cl::cat(Category),
                                cl::desc("List the checks and exit"));
static cl::opt<bool> NoProgress("no-progress", cl::cat(Category),
                                cl::desc("No progress line, even on a terminal"));

static const char Overview[] = R"(irqlcheck: Windows kernel IRQL checks, without a compiler plugin

  irqlcheck -p BUILD_DIR [options] [files...]
      every translation unit of BUILD_DIR/compile_commands.json (or the files named)
  irqlcheck [options] files... -- COMPILER ARGS...
      the files compiled with one command, in clang or clang-cl syntax
      (e.g. -- clang-cl /c /I include /D NDEBUG)

Each translation unit goes through the same front end and IR pass as the
plugin (-fplugin=IrqlCheck.so), without optimizing or writing anything.
Exit status: 0 clean; 1 irqlcheck errors, or findings with --werror;
2 a compile failed (or a usage error). See docs/standalone.md.
)";

static void printVersion(raw_ostream &OS) {
  OS << "irqlcheck " IRQLCHECK_VERSION " (built with clang " CLANG_VERSION_STRING ")\n";
}

/// The builtin headers (stddef.h, intrin.h) of the clang linked in: next to
/// this executable as an LLVM installation lays them out (bin/../lib/clang/N),
/// else where they were at build time.
static std::string resourceDir(const char *Argv0) {
  std::string Exe = sys::fs::getMainExecutable(Argv0, reinterpret_cast<void *>(&resourceDir));
  SmallString<256> Dir(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Dir, "lib", "clang", std::to_string(CLANG_VERSION_MAJOR));
  SmallString<256> Probe(Dir);
  sys::path::append(Probe, "include", "stddef.h");
  if (sys::fs::exists(Probe))
    return std::string(Dir);
  return IRQLCHECK_CLANG_RESOURCE_DIR;
}

/// Checks named on the command line exist; the plugin arguments they become.
static bool pluginArgs(std::vector<std::string> &Out) {
  bool Ok = true;
  auto Add = [&](const cl::list<std::string> &List, StringRef Verb) {
    for (const std::string &Name : List) {
      if (findChecks(Name).empty()) {
        errs() << "irqlcheck: error: unknown check '" << Name << "' in --" << Verb
               << " (irqlcheck --help-checks lists them)\n";
        Ok = false;
      }
      Out.push_back((Verb + "=" + Name).str());
    }
  };
  Add(Enable, "enable");
  Add(Disable, "disable");
  Add(ErrorCheck, "error");
  for (const std::string &File : Model) {
    SmallString<256> Abs(File);
    sys::fs::make_absolute(Abs);
    if (!sys::fs::exists(Abs)) {
      errs() << "irqlcheck: error: --model file not found: " << File << "\n";
      Ok = false;
    }
    Out.push_back("model=" + std::string(Abs));
  }
  return Ok;
}

static void listChecks() {
  outs() << "checks (--enable=, --disable=, --error= take the name or the alias):\n";
  for (unsigned I = 0; I < NumChecks; ++I) {
    const CheckInfo &Info = checkInfo(CheckId(I));
    outs() << "  " << Info.Name;
    if (!Info.Alias.empty())
      outs() << " (" << Info.Alias << ")";
    outs() << ": " << Info.Summary;
    if (Info.Default == ByDefault::Off)
      outs() << " [off by default]";
    outs() << "\n";
  }
}

namespace {

/// A one-line "[3/40] file.c" on a terminal, cleared before output.
class Progress {
public:
  Progress(bool On, size_t Total) : On(On), Total(Total) {}
  void show(size_t Done, StringRef File) {
    if (!On)
      return;
    std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) + "] " +
                       sys::path::filename(File).str();
    unsigned Width = sys::Process::StandardErrColumns();
    if (Width > 1 && Line.size() >= Width)
      Line.resize(Width - 1);
    errs() << "\r\x1b[K" << Line;
    errs().flush();
    Shown = true;
  }
  void clear() {
    if (Shown)
      errs() << "\r\x1b[K";
    Shown = false;
  }

private:
  bool On;
  size_t Total;
  bool Shown = false;
};

} // namespace

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);
  // Everything after `--` is one compile command, not irqlcheck's.
  int OwnArgc = argc;
  std::vector<std::string> Command;
  for (int I = 1; I < argc; ++I)
    if (StringRef(argv[I]) == "--") {
      OwnArgc = I;
      Command.assign(argv + I + 1, argv + argc);
      break;
    }
  bool HaveCommand = OwnArgc != argc;
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  if (!cl::ParseCommandLineOptions(OwnArgc, argv, Overview, &errs()))
    return 2;
  if (HelpChecks) {
    listChecks();
    return 0;
  }

  std::vector<std::string> Args;
  if (!pluginArgs(Args))
    return 2;

  std::vector<CompileJob> Units;
  if (HaveCommand) {
    if (!BuildPath.empty()) {
      errs() << "irqlcheck: error: -p and `-- COMMAND` do not go together\n";
      return 2;
    }
    if (Command.empty()) {
      errs() << "irqlcheck: error: no compile command after `--`\n";
      return 2;
    }
    if (Files.empty()) {
      errs() << "irqlcheck: error: name the source files before `--`\n";
      return 2;
    }
    Units = jobsFromCommand(Files, Command);
  } else {
    std::string Path = BuildPath.empty() ? "." : BuildPath.getValue();
    std::vector<CompileJob> All;
    std::string Error;
    if (!loadDatabase(Path, All, Error)) {
      errs() << "irqlcheck: error: " << Error << "\n";
      if (BuildPath.empty())
        errs() << "irqlcheck: use -p BUILD_DIR, or give the compile command after `--`\n";
      return 2;
    }
    std::vector<std::string> Missing;
    Units = selectFiles(All, Files, Missing);
    for (const std::string &F : Missing)
      errs() << "irqlcheck: error: no compile command for " << F << "\n";
    if (!Missing.empty())
      return 2;
  }

  InitializeAllTargets(); // MS-style inline assembly is parsed with the target's MC layer
  InitializeAllTargetMCs();
  InitializeAllAsmParsers();
  CrashRecoveryContext::Enable();

  AnalysisOptions Opts;
  Opts.PluginArgs = std::move(Args);
  Opts.ResourceDir = resourceDir(argv[0]);
  Opts.Color = outs().has_colors();

  // Each unit's SARIF log, merged at the end.
  SmallString<128> SarifDir;
  if (!Sarif.empty()) {
    if (std::error_code EC = sys::fs::createUniqueDirectory("irqlcheck-sarif", SarifDir)) {
      errs() << "irqlcheck: error: cannot make a temporary directory: " << EC.message() << "\n";
      return 2;
    }
  }
  auto SarifPath = [&](size_t I) {
    if (SarifDir.empty())
      return std::string();
    SmallString<128> P(SarifDir);
    sys::path::append(P, "tu" + std::to_string(I) + ".sarif");
    return std::string(P);
  };

  // Workers take units in order; the output is printed in order too, each
  // unit's at once, as soon as the units before it are done.
  size_t N = Units.size();
  std::vector<AnalysisResult> Results(N);
  std::vector<bool> Done(N);
  std::mutex M;
  std::condition_variable CV;
  std::atomic<size_t> Next{0};
  // Set by the first compiler crash: the units after it run in child processes.
  std::atomic<bool> Crashed{false};
  std::string Self = sys::fs::getMainExecutable(argv[0], reinterpret_cast<void *>(&resourceDir));
  size_t Finished = 0;
  size_t LastFinished = 0;
  unsigned Threads = Jobs ? Jobs : std::max(1u, llvm::hardware_concurrency().compute_thread_count());
  Threads = std::max<unsigned>(1, std::min<size_t>(Threads, N));
  std::vector<llvm::thread> Workers;
  // Clang's parser recurses: give each thread the stack a compiler has.
  const std::optional<unsigned> StackSize = 8u << 20;
  for (unsigned T = 0; T < Threads && N; ++T)
    Workers.emplace_back(StackSize, [&] {
      for (size_t I; (I = Next++) < N;) {
        AnalysisResult R = Crashed ? analyzeInChild(Self, Units[I], Opts, SarifPath(I))
                                   : analyze(Units[I], Opts, SarifPath(I));
        if (R.Crashed)
          Crashed = true;
        std::lock_guard<std::mutex> L(M);
        Results[I] = std::move(R);
        Done[I] = true;
        ++Finished;
        LastFinished = I;
        CV.notify_one();
      }
    });

  Progress Bar(!NoProgress && N > 1 && sys::Process::StandardErrIsDisplayed(), N);
  unsigned Warnings = 0, Errors = 0, Failed = 0;
  size_t Shown = 0;
  for (size_t Printed = 0; Printed < N;) {
    std::unique_lock<std::mutex> L(M);
    CV.wait(L, [&] { return Done[Printed] || Finished != Shown; });
    Shown = Finished;
    std::vector<AnalysisResult> Ready;
    size_t First = Printed;
    for (; Printed < N && Done[Printed]; ++Printed)
      Ready.push_back(std::move(Results[Printed]));
    std::string Current = Finished < N ? Units[LastFinished].File : std::string();
    size_t Count = Finished;
    L.unlock();
    if (!Ready.empty())
      Bar.clear();
    for (size_t K = 0; K < Ready.size(); ++K) {
      const AnalysisResult &R = Ready[K];
      outs() << R.Output;
      outs().flush();
      Warnings += R.Warnings;
      Errors += R.Errors;
      if (R.Failed) {
        ++Failed;
        errs() << "irqlcheck: error: compile failed: " << Units[First + K].File << "\n";
      }
    }
    if (!Current.empty())
      Bar.show(Count, Current);
  }
  for (llvm::thread &W : Workers)
    W.join();
  Bar.clear();

  if (!Sarif.empty()) {
    std::vector<std::string> Logs;
    for (size_t I = 0; I < N; ++I)
      Logs.push_back(SarifPath(I));
    std::string Error;
    if (!mergeSarifLogs(Logs, Sarif, Error)) {
      errs() << "irqlcheck: error: cannot write SARIF log '" << Sarif << "': " << Error << "\n";
      ++Failed;
    }
    for (const std::string &Log : Logs)
      sys::fs::remove(Log);
    sys::fs::remove(SarifDir);
  }

  errs() << "irqlcheck: " << N << " translation unit" << (N == 1 ? "" : "s") << ", " << Warnings
         << " warning" << (Warnings == 1 ? "" : "s") << ", " << Errors << " error"
         << (Errors == 1 ? "" : "s") << ", " << Failed << " failed\n";
  int Status = Failed ? 2 : (Errors || (Werror && Warnings)) ? 1 : 0;
  if (Crashed) {
    // What the crash left behind would be torn down now (llvm_shutdown):
    // leave without.
    outs().flush();
    errs().flush();
    std::_Exit(Status);
  }
  return Status;
}
