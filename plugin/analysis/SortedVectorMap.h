//===- SortedVectorMap.h - A small copy-on-write map kept sorted ----------===//
//
// The analysis copies its abstract state at every CFG edge, at every block's
// start and whenever it compares a state before and after a join; what a
// state's memory map holds (saved IRQLs, constants, pointers stored in
// locals) changes on few of those paths. So the entries live in one shared,
// reference-counted block: a copy shares it, and only a write to a shared
// block copies it first (copy on write). The entries stay a sorted vector,
// so the map iterates in key order like std::map, and two states that hold
// the same entries compare equal whatever order the entries were added in.
//
// Reading never copies: use a const map (or std::as_const) to look up
// without writing. A non-const begin(), or a non-const find() that finds the
// key, makes the block the map's own first, so its iterators can be written
// through and erased; take end() after them (as a range for does).
//
//===----------------------------------------------------------------------===//
#ifndef IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H
#define IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace irqlcheck {

template <typename KeyT, typename ValueT, unsigned InlineEntries = 8> class SortedVectorMap {
  using Entry = std::pair<KeyT, ValueT>;
  struct Block {
    unsigned Refs = 1;
    llvm::SmallVector<Entry, InlineEntries> Items;
  };
  Block *B = nullptr; // null: empty

  void release() {
    if (B && --B->Refs == 0)
      delete B;
    B = nullptr;
  }
  /// Makes the block this map's own (allocating one if the map is empty).
  Block &own() {
    if (!B) {
      B = new Block;
    } else if (B->Refs > 1) {
      Block *Copy = new Block;
      Copy->Items = B->Items;
      --B->Refs;
      B = Copy;
    }
    return *B;
  }
  static Entry *lowerBound(Entry *First, Entry *Last, const KeyT &Key) {
    return std::lower_bound(First, Last, Key,
                            [](const Entry &E, const KeyT &K) { return E.first < K; });
  }

public:
  using iterator = Entry *;
  using const_iterator = const Entry *;

  SortedVectorMap() = default;
  SortedVectorMap(const SortedVectorMap &O) : B(O.B) {
    if (B)
      ++B->Refs;
  }
  SortedVectorMap(SortedVectorMap &&O) noexcept : B(O.B) { O.B = nullptr; }
  SortedVectorMap &operator=(const SortedVectorMap &O) {
    if (O.B)
      ++O.B->Refs;
    release();
    B = O.B;
    return *this;
  }
  SortedVectorMap &operator=(SortedVectorMap &&O) noexcept {
    if (this != &O) {
      release();
      B = O.B;
      O.B = nullptr;
    }
    return *this;
  }
  ~SortedVectorMap() { release(); }

  const_iterator begin() const { return B ? B->Items.begin() : nullptr; }
  const_iterator end() const { return B ? B->Items.end() : nullptr; }
  iterator begin() { return B ? own().Items.begin() : nullptr; }
  // Not a copy: after begin() or a find() that hit, this is the end of the
  // map's own block; else of the shared one, which only compares.
  iterator end() { return B ? B->Items.end() : nullptr; }
  size_t size() const { return B ? B->Items.size() : 0; }
  bool empty() const { return size() == 0; }

  const_iterator find(const KeyT &Key) const {
    if (!B)
      return nullptr;
    const Entry *It = lowerBound(B->Items.begin(), B->Items.end(), Key);
    return It != end() && It->first == Key ? It : end();
  }
  iterator find(const KeyT &Key) {
    if (!B || std::as_const(*this).find(Key) == std::as_const(*this).end())
      return end();
    Block &Own = own();
    return lowerBound(Own.Items.begin(), Own.Items.end(), Key);
  }
  size_t count(const KeyT &Key) const { return find(Key) != end(); }

  ValueT &operator[](const KeyT &Key) {
    Block &Own = own();
    Entry *It = lowerBound(Own.Items.begin(), Own.Items.end(), Key);
    if (It == Own.Items.end() || It->first != Key)
      It = Own.Items.insert(It, Entry(Key, ValueT()));
    return It->second;
  }
  /// Writes Value at Key, without copying a shared block when Key already
  /// holds that value.
  void set(const KeyT &Key, const ValueT &Value) {
    const_iterator It = std::as_const(*this).find(Key);
    if (It != std::as_const(*this).end() && It->second == Value)
      return;
    (*this)[Key] = Value;
  }

  /// Returns the iterator after the erased entry (It must come from this
  /// map's non-const begin(), end() or find()).
  iterator erase(iterator It) { return B->Items.erase(It); }
  size_t erase(const KeyT &Key) {
    if (!count(Key))
      return 0;
    own().Items.erase(find(Key));
    return 1;
  }
  /// Erases the entries Pred holds for, copying a shared block only if
  /// there is one.
  template <typename PredT> void eraseIf(PredT Pred) {
    const SortedVectorMap &Read = *this; // (a read: no copy)
    const Entry *First = std::find_if(Read.begin(), Read.end(), Pred);
    if (First == Read.end())
      return;
    if (B->Refs > 1) {
      // Shared: the copy takes only what stays (not all, then erased).
      Block *Copy = new Block;
      Copy->Items.append(Read.begin(), First);
      for (const Entry *E = First + 1; E != Read.end(); ++E)
        if (!Pred(*E))
          Copy->Items.push_back(*E);
      --B->Refs;
      B = Copy;
      return;
    }
    Entry *Out = const_cast<Entry *>(First);
    B->Items.erase(std::remove_if(Out, B->Items.end(), Pred), B->Items.end());
  }

  /// Keeps the entries Keep holds for, which it may also change, calling
  /// it once per entry in key order; copies a shared block first.
  template <typename KeepT> void retain(KeepT Keep) {
    if (!B)
      return;
    Block &Own = own();
    Entry *Out = Own.Items.begin();
    for (Entry &E : Own.Items)
      if (Keep(E)) {
        if (Out != &E)
          *Out = std::move(E);
        ++Out;
      }
    Own.Items.erase(Out, Own.Items.end());
  }

  /// Do both maps share one block (so are equal without a look)?
  bool sharesWith(const SortedVectorMap &O) const { return B == O.B; }
  bool operator==(const SortedVectorMap &O) const {
    if (B == O.B)
      return true;
    if (size() != O.size())
      return false;
    return std::equal(begin(), end(), O.begin());
  }
  bool operator!=(const SortedVectorMap &O) const { return !(*this == O); }
};

} // namespace irqlcheck

#endif // IRQLCHECK_ANALYSIS_SORTEDVECTORMAP_H
