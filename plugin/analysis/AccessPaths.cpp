//===- AccessPaths.cpp - Names for the memory that holds saved IRQLs ------===//
#include "analysis/AccessPaths.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DataLayout.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"

namespace irqlcheck {

PathId PathTable::intern(RootKind K, const void *Ptr, uint64_t Parent, int64_t Off) {
  auto [It, New] = Index.try_emplace(Key{int(K), Ptr, Parent, Off}, PathId(0));
  if (!New)
    return It->second;
  It->second = PathId(Nodes.size());
  Nodes.push_back({K, Ptr, Parent, Off});
  return It->second;
}

PathId PathTable::offset(PathId P, int64_t Bytes) {
  if (!P || Bytes == 0)
    return P;
  // Offsets fold: (P + a) + b is P + (a + b).
  if (Nodes[P].K == Offset)
    return offset(PathId(Nodes[P].Parent), Nodes[P].Off + Bytes);
  return intern(Offset, nullptr, P, Bytes);
}

PathId PathTable::slot(llvm::StringRef Kind, PathId P) {
  if (!P)
    return 0;
  const void *Name = &*SlotNames.try_emplace(Kind, 0).first;
  return intern(Slot, Name, P, 0);
}

PathId PathTable::base(PathId P) const {
  while (P && (Nodes[P].K == Offset || Nodes[P].K == AnyOffset))
    P = PathId(Nodes[P].Parent);
  return P;
}

const llvm::AllocaInst *PathTable::localRoot(PathId P) const {
  P = base(P);
  return P && Nodes[P].K == Local ? static_cast<const llvm::AllocaInst *>(Nodes[P].Ptr)
                                  : nullptr;
}

int PathTable::paramRoot(PathId P) const {
  P = base(P);
  return P && Nodes[P].K == ParamPointee ? int(Nodes[P].Parent) : -1;
}

bool PathTable::inside(PathId P, PathId Root) const {
  for (unsigned Guard = 0; P && Root && Guard < 64; ++Guard) {
    if (P == Root)
      return true;
    RootKind K = Nodes[P].K;
    if (K != Offset && K != AnyOffset && K != Pointee)
      return false;
    P = PathId(Nodes[P].Parent);
  }
  return false;
}

bool PathTable::holdsInside(PathId P, PathId Root, llvm::StringRef Except) const {
  if (P && Nodes[P].K == Slot) {
    if (static_cast<const llvm::StringMapEntry<char> *>(Nodes[P].Ptr)->getKey() == Except)
      return false;
    P = PathId(Nodes[P].Parent);
  }
  return inside(P, Root);
}

std::optional<PathTable::CallerName> PathTable::callerName(PathId P) const {
  CallerName N;
  if (P && Nodes[P].K == Slot) {
    N.SlotKind = static_cast<const llvm::StringMapEntry<char> *>(Nodes[P].Ptr)->getKey();
    P = PathId(Nodes[P].Parent);
  }
  if (P && Nodes[P].K == Offset) {
    N.Off = Nodes[P].Off;
    P = PathId(Nodes[P].Parent);
  }
  if (!P)
    return std::nullopt;
  if (Nodes[P].K == ParamPointee)
    N.Param = int(Nodes[P].Parent);
  else if (Nodes[P].K == Global)
    N.Global = static_cast<const llvm::Value *>(Nodes[P].Ptr);
  else
    return std::nullopt;
  return N;
}

std::optional<int64_t> GepOffsetTable::of(const llvm::GEPOperator &GEP, const llvm::DataLayout &DL) {
  auto Compute = [&]() -> std::optional<int64_t> {
    llvm::APInt Off(DL.getIndexTypeSizeInBits(GEP.getType()), 0);
    if (GEP.accumulateConstantOffset(DL, Off))
      return Off.getSExtValue();
    return std::nullopt;
  };
  unsigned N = GEP.getNumIndices();
  if (N > 2 || !llvm::all_of(GEP.indices(), [](const llvm::Use &U) {
        return llvm::isa<llvm::ConstantInt>(U.get());
      }))
    return Compute();
  // Constants are unique: the same field is the same index values.
  Shape Key{GEP.getSourceElementType(), GEP.getType(), N > 0 ? GEP.getOperand(1) : nullptr,
            N > 1 ? GEP.getOperand(2) : nullptr};
  auto [It, New] = Known.try_emplace(Key);
  if (New)
    It->second = Compute();
  return It->second;
}

} // namespace irqlcheck
