//===- IndirectCallees.h - What a call through a function pointer reaches -===//
//
// A call through a pointer is checked against its target's contract when the
// target is known. Two kinds of pointer are followed:
//   - a local variable: the flow-sensitive analysis already tracks what each
//     local holds on each path (SymbolicValues.cpp); a path on which it holds
//     one function calls that function (Analyzer::targetOnPath);
//   - a field of a table: a global of the translation unit that no unknown
//     code can write (internal or constant, its address never leaves the
//     loads and stores that name a constant offset in it, or a helper that
//     only stores through it), whose field holds
//     one function in every visible write, its initializer included.
// This file's module half finds the tables once per module (linear in the
// uses of functions and of those globals) and says which internal functions
// are called only through pointers it follows: those get their callers'
// IRQL top-down like a directly called helper.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_INDIRECTCALLEES_H
#define IRQLCHECK_ANALYSIS_INDIRECTCALLEES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <map>
#include <optional>

namespace llvm {
class AllocaInst;
class CallBase;
class DataLayout;
class Function;
class Instruction;
class GlobalVariable;
class Module;
class StoreInst;
class Value;
} // namespace llvm

namespace irqlcheck {

class IndirectCallees {
public:
  /// A function a table field can hold, and what put it there: a store, or
  /// (Store null) the global's initializer.
  struct Source {
    const llvm::Function *Fn;
    const llvm::StoreInst *Store;
  };

  /// Analyzable: the functions whose bodies are checked (a call in any
  /// other function is never seen, so its targets have unknown callers).
  IndirectCallees(const llvm::Module &M,
                  const llvm::DenseSet<const llvm::Function *> &Analyzable);

  /// The functions field Off of G (any element if Off is empty) can hold,
  /// when every write to it is visible and puts a function or null there;
  /// empty otherwise.
  llvm::ArrayRef<Source> fieldTargets(const llvm::Value *G, std::optional<int64_t> Off) const;

  /// Every function a call may reach through a pointer this file follows
  /// (a superset, flow-insensitive): for the call graph's order.
  void possibleTargets(const llvm::CallBase &CB,
                       llvm::SmallVectorImpl<const llvm::Function *> &Out) const;

  /// The one function every call of internal function F passes as its
  /// parameter N (`static VOID Run(WORKER *W) { W(); }` called only as
  /// `Run(CloseNow)`), or null: F's address is never taken, and no call
  /// passes anything else there.
  static const llvm::Function *paramTarget(const llvm::Function &F, unsigned N);

  /// A copy of a whole constant global with an initializer we see over a
  /// whole local (`const OPS Ops = { .Begin = F };` inside a function, which
  /// clang copies from a constant with memcpy): the local, with the
  /// functions the copy puts in it at their byte offsets in Fns; null for
  /// any other copy or fill.
  static const llvm::AllocaInst *
  constantCopy(const llvm::CallBase &CB, const llvm::DataLayout &DL,
               llvm::SmallVectorImpl<std::pair<int64_t, const llvm::Function *>> &Fns);

  /// V if it is a select or phi of two or more functions and nothing else
  /// (`Flag ? A : B`), else null; its functions in Fns if given.
  static const llvm::Instruction *
  functionChoice(const llvm::Value *V,
                 llvm::SmallVectorImpl<const llvm::Function *> *Fns = nullptr);

  /// Is every call of internal function F one the analysis sees and
  /// resolves: direct, or through a local or table field it follows, never
  /// through a pointer it lost on some path?
  bool callersAllKnown(const llvm::Function &F) const;

  /// Told by the analysis: on some path of this call the target was not
  /// known, so its possible targets have a caller of unknown IRQL.
  void unresolvedOnSomePath(const llvm::CallBase &CB);
  /// Told by the analysis: on every path this call reaches Fn (for the name
  /// of the callee in notes of other functions' findings).
  void resolved(const llvm::CallBase &CB, const llvm::Function &Fn) { Resolved[&CB] = &Fn; }
  const llvm::Function *resolvedAt(const llvm::CallBase &CB) const { return Resolved.lookup(&CB); }

private:
  struct Field {
    llvm::SmallVector<Source, 2> Fns;
    bool Resolvable = false;
  };
  struct Table {
    std::map<int64_t, Field> Fields;
    llvm::SmallVector<Source, 4> All; // every function of every field, once
    llvm::DenseSet<const llvm::Function *> InAll, InUnresolvable;
    bool AllResolvable = false;       // any element: only functions or null anywhere
    bool CallOnly = false;            // every load of a function is called at once
  };
  llvm::DenseMap<const llvm::Value *, Table> Tables;
  // Locals (allocas) a function is stored in: their functions, and whether
  // every load of them is called at once (nothing else sees the pointer).
  struct Local {
    llvm::SmallVector<const llvm::Function *, 2> Fns;
    bool CallOnly = false;
  };
  llvm::DenseMap<const llvm::Value *, Local> Locals;
  llvm::DenseSet<const llvm::Function *> OnlyFollowedCalls, UnknownCaller;
  llvm::DenseMap<const llvm::CallBase *, const llvm::Function *> Resolved;

  void addTable(const llvm::Module &M, const llvm::GlobalVariable &G,
                const llvm::DenseSet<const llvm::Function *> &Analyzable);
  void addLocal(const llvm::Value &A, const llvm::DenseSet<const llvm::Function *> &Analyzable);
};

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_INDIRECTCALLEES_H
