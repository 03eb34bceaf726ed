//===- Contract.h - The IRQL contract of one function ---------------------===//
//
// A contract is what irqlcheck knows about a function's IRQL behaviour: the
// IRQL it may be entered at, what it does to the IRQL, which parameter or
// return value carries a saved IRQL, its role and whether it is pageable.
// It is a short list of items, one per SAL annotation, so that the text form
// (docs/contract-format.md) maps 1:1 onto it and every item can remember
// where it came from, for the notes of a diagnostic.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_MODEL_CONTRACT_H
#define IRQLCHECK_MODEL_CONTRACT_H

#include "model/Irql.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>

namespace irqlcheck {

enum class ItemKind : uint8_t {
  Min,            // _IRQL_requires_min_
  Max,            // _IRQL_requires_max_
  Req,            // _IRQL_requires_
  Raises,         // _IRQL_raises_
  Sets,           // __drv_setsIRQL
  Same,           // _IRQL_requires_same_
  Saves,          // _IRQL_saves_ (argument or return value)
  Restores,       // _IRQL_restores_
  SavesGlobal,    // _IRQL_saves_global_(Kind, Param)
  RestoresGlobal, // _IRQL_restores_global_(Kind, Param)
  FnMax,          // _IRQL_always_function_max_
  FnMin,          // _IRQL_always_function_min_
  Cancel,         // _IRQL_uses_cancel_ / _IRQL_is_cancel_
  Class,          // _Function_class_
  Paged,          // PAGED_CODE() or a PAGE* section
  Try,            // a try-acquire: the effects happen only if it returns non-zero
  FpSave,         // saves the floating-point state in a buffer (KeSaveFloatingPointState)
  FpRestore,      // restores it from that buffer (KeRestoreFloatingPointState)
  WaitNext,       // returns at DISPATCH_LEVEL until the next call, a KeWaitForXxx (KeSetEvent Wait=TRUE)
};

/// The text key of an item kind ("max", "saves-global", ...).
llvm::StringRef itemKeyword(ItemKind K);

/// The operand of an item: a level, an argument, the return value, or (for
/// saves/restores, and the object of a saves/restores-global slot) a memory
/// location: byte Off of what argument N points to, or of a global variable
/// (named by the item's Var). Lock-wrapper
/// summaries use the locations: a helper that saves the IRQL in Dev->OldIrql
/// "saves=arg0+8".
struct ItemValue {
  enum Kind : uint8_t { None, Lvl, Arg, Ret, Global } K = None;
  unsigned N = 0; // the level, or the argument index
  int32_t Off = 0; // Arg and Global locations only

  static ItemValue level(Level L) { return {Lvl, L, 0}; }
  static ItemValue arg(unsigned I, int32_t Off = 0) { return {Arg, I, Off}; }
  static ItemValue ret() { return {Ret, 0, 0}; }
  static ItemValue global(int32_t Off = 0) { return {Global, 0, Off}; }
  bool operator==(const ItemValue &O) const { return K == O.K && N == O.N && Off == O.Off; }
  bool operator!=(const ItemValue &O) const { return !(*this == O); }
};

/// When an item applies only under a condition on the call's arguments.
struct Condition {
  enum Kind : uint8_t {
    Always,         // unconditional
    ArgEq,          // argN==K
    ArgNe,          // argN!=K
    TimeoutNonZero, // argN is NULL or points to a non-zero timeout
    PagedPool,      // argN is a paged POOL_TYPE
    PagedFlags,     // argN is POOL_FLAGS with POOL_FLAG_PAGED
    UnicodeFormat,  // argN is a format string with a Unicode conversion
    Opaque,         // a _When_ condition that cannot be evaluated
    PointeeEq,      // argN points to a value ==K (so it is not NULL)
    PointeeNe,      // argN points to a value !=K (so it is not NULL)
  } K = Always;
  unsigned Arg = 0;
  int64_t Value = 0;
  std::string Text; // Opaque only

  bool operator==(const Condition &O) const {
    return K == O.K && Arg == O.Arg && Value == O.Value && Text == O.Text;
  }
};

/// Where an item came from. Location is a clang::SourceLocation raw encoding
/// (0 when the contract came from IR or a table), kept opaque here so that the
/// model does not depend on Clang.
struct Origin {
  enum Source : uint8_t { Annotation, FunctionClass, KernelModel, UserModel, IR, Inferred } Src = IR;
  unsigned RawLoc = 0;
  std::string Via; // the function-class typedef, the model file:line, ...
  /// A role's entry item that only bounds where the routine is called, even
  /// though the role itself promises its range (Registrations: a minifilter
  /// post-operation after FLT_PREOP_SYNCHRONIZE runs at APC_LEVEL or below).
  bool BoundOnly = false;
};

struct ContractItem {
  ItemKind Kind;
  ItemValue Value;
  std::string Name; // Class: the class; Saves/RestoresGlobal: the slot kind
  Condition Cond;
  Origin From;
  std::string Var; // a Global location: the variable's (IR) name

  bool sameMeaning(const ContractItem &O) const {
    return Kind == O.Kind && Value == O.Value && Name == O.Name && Cond == O.Cond && Var == O.Var;
  }
};

class Contract {
public:
  using ItemList = llvm::SmallVector<ContractItem, 4>;

  bool empty() const { return Items.empty(); }
  const ItemList &items() const { return Items; }
  void add(ContractItem I) { Items.push_back(std::move(I)); }

  /// The first unconditional item of kind K, or null.
  const ContractItem *find(ItemKind K) const;
  bool has(ItemKind K) const { return find(K) != nullptr; }
  /// Does any item mention the IRQL? (Then the documented default entry range
  /// PASSIVE_LEVEL..DISPATCH_LEVEL applies where no max is given.)
  bool mentionsIrql() const;
  /// Adds every item of Other whose kind this contract does not have yet
  /// (and Other's unconditional items of a kind this contract has only under
  /// conditions): this is how precedence works (explicit > function class >
  /// model).
  void addMissingFrom(const Contract &Other);

  /// Text form, docs/contract-format.md. Items are printed in a fixed order.
  std::string str(const LevelTable &Levels) const;
  /// Parses the text form. On error returns false and sets Error (the message
  /// names the offending item).
  static bool parse(llvm::StringRef Text, const LevelTable &Levels, Contract &Out,
                    std::string &Error, Origin From = Origin());

private:
  ItemList Items;
};

} // namespace irqlcheck

#endif // IRQLCHECK_MODEL_CONTRACT_H
