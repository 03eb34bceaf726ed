//===- SortedVectorMap.h - A small map kept as a sorted vector ------------===//
//
// The analysis copies its abstract state at every CFG edge, and a state's
// memory map holds a handful of entries. Kept as a sorted SmallVector it
// copies without allocating, and it iterates in key order like std::map, so
// two states that hold the same entries compare equal whatever order the
// entries were added in.
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H
#define IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace irqlcheck {

template <typename KeyT, typename ValueT, unsigned InlineEntries = 4> class SortedVectorMap {
  using Entry = std::pair<KeyT, ValueT>;
  using Storage = llvm::SmallVector<Entry, InlineEntries>;
  Storage Items;

  typename Storage::iterator lowerBound(const KeyT &Key) {
    return llvm::lower_bound(Items, Key,
                             [](const Entry &E, const KeyT &K) { return E.first < K; });
  }
  typename Storage::const_iterator lowerBound(const KeyT &Key) const {
    return llvm::lower_bound(Items, Key,
                             [](const Entry &E, const KeyT &K) { return E.first < K; });
  }

public:
  using iterator = typename Storage::iterator;
  using const_iterator = typename Storage::const_iterator;

  iterator begin() { return Items.begin(); }
  iterator end() { return Items.end(); }
  const_iterator begin() const { return Items.begin(); }
  const_iterator end() const { return Items.end(); }
  size_t size() const { return Items.size(); }
  bool empty() const { return Items.empty(); }

  iterator find(const KeyT &Key) {
    auto It = lowerBound(Key);
    return It != end() && It->first == Key ? It : end();
  }
  const_iterator find(const KeyT &Key) const {
    auto It = lowerBound(Key);
    return It != end() && It->first == Key ? It : end();
  }
  size_t count(const KeyT &Key) const { return find(Key) != end(); }

  ValueT &operator[](const KeyT &Key) {
    auto It = lowerBound(Key);
    if (It == end() || It->first != Key)
      It = Items.insert(It, Entry(Key, ValueT()));
    return It->second;
  }

  /// Returns the iterator after the erased entry.
  iterator erase(iterator It) { return Items.erase(It); }
  size_t erase(const KeyT &Key) {
    auto It = find(Key);
    if (It == end())
      return 0;
    Items.erase(It);
    return 1;
  }

  bool operator==(const SortedVectorMap &O) const { return Items == O.Items; }
  bool operator!=(const SortedVectorMap &O) const { return !(*this == O); }
};

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H
