//===- KernelModel.h - Built-in IRQL contracts of the kernel API ----------===//
//
// mingw-w64's DDK headers carry no IRQL annotations, and the WDK's exist only
// as SAL macros, so irqlcheck knows the kernel routines itself: a data table
// (KernelApi.def) keyed by routine name, extended or overridden by the user's
// model files. The table and its name index are constant data built by the
// compiler (the plugin loads in every compile: nothing is built per compile),
// and an entry is parsed the first time its routine is looked up.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_MODEL_KERNELMODEL_H
#define IRQLCHECK_MODEL_KERNELMODEL_H

#include "model/Contract.h"
#include "model/Irql.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <map>
#include <string>

namespace irqlcheck {

/// One row of the built-in table (KernelApi.def). Its strings live in one
/// constant pool and its family in a small table, so the rows hold no
/// pointers: loading the plugin relocates nothing for them.
struct KernelApiEntry {
  uint32_t PoolOffset; // "Name\0Contract\0Doc\0Sdv" in the string pool
  uint8_t Arity;
  uint8_t FamilyId;

  const char *name() const;
  const char *contract() const;
  const char *doc() const; // page below learn.microsoft.com/windows-hardware/drivers/ddi/
  const char *sdv() const; // Static Driver Verifier rule, or ""
  const char *file() const;    // the family file under plugin/model/api/ ("Wdm.def")
  const char *headers() const; // the headers its doc pages may name ("wdm", "wdf*")
};

/// The built-in table, in KernelApi.def order.
llvm::ArrayRef<KernelApiEntry> kernelApiTable();

class KernelModel {
public:
  explicit KernelModel(const LevelTable &Levels);

  /// The contract of routine Name (a C name: "KeAcquireSpinLockRaiseToDpc"),
  /// or null if the model does not know it.
  const Contract *lookup(llvm::StringRef Name);

  /// The built-in contract of a callback role (KDEFERRED_ROUTINE), or null.
  const Contract *role(llvm::StringRef Class);
  /// Is a routine of this role really entered anywhere in its entry range,
  /// up to the top (Roles.def: Promised), rather than merely bounded by it?
  /// False for unknown classes.
  static bool rolePromisesEntry(llvm::StringRef Class);
  /// Is the top of the role's range reached only in a case the routine can
  /// test (Roles.def: Guarded)? Then a call wrong at the top is a bug only
  /// where it runs on every path. False for unknown classes.
  static bool roleGuardsEntry(llvm::StringRef Class);
  /// Is Class a callback role of the role table (Roles.def)?
  static bool isRole(llvm::StringRef Class);

  /// Reads a user model file: one routine per line, "Name contract...", '#'
  /// starts a comment. Its entries override the built-in ones. On error
  /// returns false with "file:line: message" in Error. Only regular files of
  /// at most MaxModelFileSize bytes are read.
  bool loadFile(llvm::StringRef Path, std::string &Error);
  static constexpr uint64_t MaxModelFileSize = 4u << 20;
  /// Same, from text (Path is used in messages and origins only).
  bool loadText(llvm::StringRef Text, llvm::StringRef Path, std::string &Error);

  /// The entries of the user's model files, by routine name.
  const llvm::StringMap<Contract> &userEntries() const { return UserEntries; }

private:
  const LevelTable &Levels;
  /// Entries of the user's model files, which override the built-in ones.
  llvm::StringMap<Contract> UserEntries;
  /// Built-in entries parsed so far, by the address of their table entry
  /// (std::map: the contracts handed out must not move).
  std::map<const void *, Contract> Parsed;
  const Contract *parsed(const void *Entry, const char *Text, Origin::Source Src,
                         const char *Via);
};

/// The built-in table's entry for routine Name, or null.
const KernelApiEntry *findKernelApi(llvm::StringRef Name);

/// How many parameters a routine must have for contract C to make sense:
/// one more than the highest argN it names (0 if it names none).
unsigned argumentsNamed(const Contract &C);

/// The C name behind an IR or mangled symbol name: strips "\01", the i686
/// leading underscore and "@N" stdcall suffix, and "__imp_".
llvm::StringRef cNameOfSymbol(llvm::StringRef Symbol);

} // namespace irqlcheck

#endif // IRQLCHECK_MODEL_KERNELMODEL_H
