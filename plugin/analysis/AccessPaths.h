//===- AccessPaths.h - Names for the memory that holds saved IRQLs --------===//
//
// At the start of the pipeline every local lives in an alloca and every
// access re-loads its base pointer, so "the same variable" is many SSA
// values. An access path names the location instead: a root (a local, a
// global, what a parameter points to, or what another path holds) plus a
// constant byte offset. Paths are interned to small integers. The offsets
// of GEPs are looked up by shape, once per module (GepOffsetTable).
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_ACCESSPATHS_H
#define IRQLCHECK_ANALYSIS_ACCESSPATHS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <cstdint>
#include <optional>
#include <tuple>
#include <vector>

namespace llvm {
class AllocaInst;
class DataLayout;
class GEPOperator;
class Type;
class Value;
} // namespace llvm

namespace irqlcheck {

using PathId = unsigned; // 0 means "no path"

class PathTable {
public:
  enum RootKind : uint8_t { Local, Global, ParamPointee, Pointee, Slot, Offset, AnyOffset };

  PathId local(const llvm::AllocaInst *AI) { return intern(Local, AI, 0, 0); }
  PathId global(const llvm::Value *GV) { return intern(Global, GV, 0, 0); }
  /// What pointer parameter I points to.
  PathId paramPointee(unsigned I) { return intern(ParamPointee, nullptr, I, 0); }
  /// What the pointer stored at P points to.
  PathId pointee(PathId P) { return P ? intern(Pointee, nullptr, P, 0) : 0; }
  /// P + Bytes.
  PathId offset(PathId P, int64_t Bytes);
  /// P + (an unknown offset): array elements.
  PathId anyOffset(PathId P) { return P ? intern(AnyOffset, nullptr, P, 0) : 0; }
  /// _IRQL_saves_global_(Kind, Obj): the slot Kind of the object at P.
  PathId slot(llvm::StringRef Kind, PathId P);

  /// The path below all offsets (Local/Global/ParamPointee/Pointee/Slot).
  PathId base(PathId P) const;
  RootKind kind(PathId P) const { return Nodes[P].K; }
  /// How many paths are interned (grows only).
  size_t size() const { return Nodes.size(); }
  /// Room for about N paths: a function's table fills from empty, and
  /// growing step by step rehashes every path each time.
  void reserve(size_t N) {
    Nodes.reserve(N);
    Index.reserve(N);
  }
  /// The alloca at the root if P lives in a local variable.
  const llvm::AllocaInst *localRoot(PathId P) const;
  /// The parameter whose pointee P is in (directly, at some offset), or -1.
  int paramRoot(PathId P) const;
  /// Is P inside Root: Root itself, at an offset in it, or reached from it
  /// through pointers stored in it (Dev->Ext->OldIrql is inside *Dev)?
  /// Slots are not: they are abstract, not memory of the object.
  bool inside(PathId P, PathId Root) const;
  /// Does P hold an IRQL saved inside Root: inside it, or the slot of an
  /// object inside it (an in-stack queued spin lock's handle in Dev->Ext),
  /// other than a slot of kind Except (a floating-point state's).
  bool holdsInside(PathId P, PathId Root, llvm::StringRef Except) const;

  /// How a caller names P: byte Off of what parameter Param points to, or of
  /// global Global. Only paths with a constant offset have such a name.
  struct CallerName {
    int Param = -1;
    const llvm::Value *Global = nullptr;
    int64_t Off = 0;
    llvm::StringRef SlotKind; // non-empty: the _IRQL_saves_global_ slot of that object
  };
  std::optional<CallerName> callerName(PathId P) const;

private:
  struct Node {
    RootKind K;
    const void *Ptr;
    uint64_t Parent; // parent path or parameter index
    int64_t Off;
  };
  std::vector<Node> Nodes{Node{Local, nullptr, 0, 0}};
  // Interning runs for every load, store and call argument: a hash map,
  // whose key is hashed in one mix (a tuple's hash mixes each field).
  struct Key {
    int K;
    const void *Ptr;
    uint64_t Parent;
    int64_t Off;
    bool operator==(const Key &O) const {
      return K == O.K && Ptr == O.Ptr && Parent == O.Parent && Off == O.Off;
    }
  };
  struct KeyInfo {
    static Key getEmptyKey() { return {-1, nullptr, 0, 0}; }
    static Key getTombstoneKey() { return {-2, nullptr, 0, 0}; }
    static unsigned getHashValue(const Key &A) {
      uint64_t H = (reinterpret_cast<uintptr_t>(A.Ptr) >> 4) ^ (A.Parent << 8) ^
                   (uint64_t(A.Off) << 24) ^ uint64_t(A.K);
      H *= 0x9E3779B97F4A7C15ull;
      return unsigned(H >> 32);
    }
    static bool isEqual(const Key &A, const Key &B) { return A == B; }
  };
  llvm::DenseMap<Key, PathId, KeyInfo> Index;
  llvm::StringMap<char> SlotNames;

  PathId intern(RootKind K, const void *Ptr, uint64_t Parent, int64_t Off);
};

/// The constant byte offset of a GEP (nullopt: not constant), by its shape
/// (the types and up to two constant indices), shared by a module's runs:
/// at -O0 every access to a field is its own GEP, and computing an offset
/// costs far more than looking its shape up.
class GepOffsetTable {
public:
  std::optional<int64_t> of(const llvm::GEPOperator &GEP, const llvm::DataLayout &DL);

private:
  using Shape = std::tuple<const llvm::Type *, const llvm::Type *, const llvm::Value *,
                           const llvm::Value *>;
  llvm::DenseMap<Shape, std::optional<int64_t>> Known;
};

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_ACCESSPATHS_H
