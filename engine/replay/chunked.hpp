#pragma once
// Containers for replay states whose copies share storage.
//
// Elements live in fixed-capacity blocks held by shared_ptr. Copying a
// container copies only the block pointers; changing an element first
// copies its block if another container still holds it (copy on write).
// A keyframe taken a few thousand events after the previous one therefore
// costs only the blocks those events changed, and handing a state to the
// GUI costs a few thousand pointer copies, not 100,000 task records.
//
//   ChunkedVector: indexed like a vector (the tasks, by id).
//   SortedChunks:  kept in ascending key order, with cheap removal at the
//                  front (the ready queue, the timer heap).
//
// Single-threaded use per container; copies may be read on other threads.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

namespace loopscope {

// ---------------------------------------------------------------------------
// A vector in blocks of C elements (C a power of two).
template <class T, size_t C>
class ChunkedVector {
  static_assert((C & (C - 1)) == 0, "block size is a power of two");
  struct Block {
    T items[C];
  };

 public:
  using value_type = T;

  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const ChunkedVector* v, size_t i) : v_(v), i_(i) {}
    reference operator*() const { return (*v_)[i_]; }
    pointer operator->() const { return &(*v_)[i_]; }
    reference operator[](difference_type n) const { return (*v_)[size_t(difference_type(i_) + n)]; }
    const_iterator& operator++() { ++i_; return *this; }
    const_iterator operator++(int) { const_iterator o = *this; ++i_; return o; }
    const_iterator& operator--() { --i_; return *this; }
    const_iterator operator--(int) { const_iterator o = *this; --i_; return o; }
    const_iterator& operator+=(difference_type n) { i_ = size_t(difference_type(i_) + n); return *this; }
    const_iterator& operator-=(difference_type n) { i_ = size_t(difference_type(i_) - n); return *this; }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return difference_type(a.i_) - difference_type(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    const ChunkedVector* v_ = nullptr;
    size_t i_ = 0;
  };

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return blocks_[i / C]->items[i % C]; }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

  // Element i for writing: its block is copied first if it is shared.
  T& edit(size_t i) { return own(i / C).items[i % C]; }

  void push_back(const T& v) {
    if (size_ % C == 0) blocks_.push_back(std::make_shared<Block>());
    own(size_ / C).items[size_ % C] = v;
    ++size_;
  }
  // Grows with default elements or shrinks.
  void resize(size_t n) {
    if (n <= size_) {
      blocks_.resize((n + C - 1) / C);
      size_ = n;
      return;
    }
    while (size_ < n) push_back(T{});
  }
  void clear() {
    blocks_.clear();
    size_ = 0;
  }

  // Storage accounting: f(block address, bytes) for every block.
  template <class F>
  void for_each_block(F&& f) const {
    for (const auto& b : blocks_) f(static_cast<const void*>(b.get()), sizeof(Block));
  }
  // Bytes of the container itself (the block pointers), blocks excluded.
  size_t own_bytes() const { return blocks_.capacity() * sizeof(std::shared_ptr<Block>); }

 private:
  Block& own(size_t b) {
    std::shared_ptr<Block>& p = blocks_[b];
    if (p.use_count() != 1) p = std::make_shared<Block>(*p);
    return *p;
  }

  std::vector<std::shared_ptr<Block>> blocks_;
  size_t size_ = 0;
};

// ---------------------------------------------------------------------------
// Elements in ascending key order, in blocks of at most C. Each block is
// seen through a slice [lo, hi) of it, so removing the first or the last
// element of a slice never copies anything, even when the block is shared.
// Keys come from a function passed to each call (key(const T&) returns
// something with operator<); elements' keys are unique.
template <class T, size_t C>
class SortedChunks {
  struct Block {
    T items[C];
  };
  struct Slice {
    std::shared_ptr<Block> block;
    uint32_t lo = 0, hi = 0;
    size_t count() const { return hi - lo; }
    const T& first() const { return block->items[lo]; }
    const T& last() const { return block->items[hi - 1]; }
  };

 public:
  using value_type = T;

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator() = default;
    const_iterator(const SortedChunks* c, size_t slice, uint32_t pos) : c_(c), slice_(slice), pos_(pos) {}
    reference operator*() const { return c_->slices_[slice_].block->items[pos_]; }
    pointer operator->() const { return &**this; }
    const_iterator& operator++() {
      if (++pos_ == c_->slices_[slice_].hi) {
        ++slice_;
        pos_ = slice_ < c_->slices_.size() ? c_->slices_[slice_].lo : 0;
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator o = *this;
      ++*this;
      return o;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) {
      return a.slice_ == b.slice_ && a.pos_ == b.pos_;
    }

   private:
    friend class SortedChunks;
    const SortedChunks* c_ = nullptr;
    size_t slice_ = 0;
    uint32_t pos_ = 0;
  };

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& front() const { return slices_.front().first(); }
  const T& back() const { return slices_.back().last(); }
  const_iterator begin() const { return slices_.empty() ? end() : const_iterator(this, 0, slices_[0].lo); }
  const_iterator end() const { return const_iterator(this, slices_.size(), 0); }
  // The i-th element: a walk over the slices (about size() / C steps).
  const T& operator[](size_t i) const {
    for (const Slice& s : slices_) {
      if (i < s.count()) return s.block->items[s.lo + i];
      i -= s.count();
    }
    return back();  // out of range: as a vector's UB, but harmless
  }

  void clear() {
    slices_.clear();
    size_ = 0;
  }

  void pop_front() {
    Slice& s = slices_.front();
    if (++s.lo == s.hi) slices_.erase(slices_.begin());
    --size_;
  }

  // Appends an element whose key is above every key held.
  void push_back(const T& v) {
    if (!slices_.empty()) {
      Slice& s = slices_.back();
      bool owned = s.block.use_count() == 1;
      // A shared block is copied if it is small; otherwise a new block
      // starts, so appending after a keyframe does not copy a full block.
      if (!owned && s.count() < C / 2) {
        own(s);
        owned = true;
      }
      if (owned) {
        if (s.hi == C && s.lo > 0) compact(s);
        if (s.hi < C) {
          s.block->items[s.hi++] = v;
          ++size_;
          return;
        }
      }
    }
    Slice fresh{std::make_shared<Block>(), 0, 1};
    fresh.block->items[0] = v;
    slices_.push_back(std::move(fresh));
    ++size_;
  }

  // Inserts v at its key's place, or replaces the element with that key.
  template <class Key>
  void insert(const T& v, Key&& key) {
    const auto k = key(v);
    if (slices_.empty() || key(back()) < k) {
      push_back(v);
      return;
    }
    size_t si = slice_for(k, key);
    own(slices_[si]);
    uint32_t pos = position(slices_[si], k, key);
    if (pos < slices_[si].hi && !(k < key(slices_[si].block->items[pos]))) {
      slices_[si].block->items[pos] = v;
      return;
    }
    if (slices_[si].count() == C) {
      split(si);
      if (!(k < key(slices_[si + 1].first()))) ++si;
    }
    Slice& s = slices_[si];
    if (s.hi == C) compact(s);
    pos = position(s, k, key);
    T* items = s.block->items;
    std::move_backward(items + pos, items + s.hi, items + s.hi + 1);
    items[pos] = v;
    ++s.hi;
    ++size_;
  }

  // The element with key k, or nullptr.
  template <class K, class Key>
  const T* find(const K& k, Key&& key) const {
    if (slices_.empty()) return nullptr;
    size_t si = slice_for(k, key);
    const Slice& s = slices_[si];
    uint32_t pos = position(s, k, key);
    if (pos < s.hi && !(k < key(s.block->items[pos]))) return &s.block->items[pos];
    return nullptr;
  }

  // The element with key k for writing (its block copied first if shared),
  // or nullptr.
  template <class K, class Key>
  T* edit(const K& k, Key&& key) {
    if (!find(k, key)) return nullptr;
    Slice& s = slices_[slice_for(k, key)];
    own(s);
    return &s.block->items[position(s, k, key)];
  }

  // Removes the element with key k; false if there is none.
  template <class K, class Key>
  bool erase(const K& k, Key&& key) {
    if (slices_.empty()) return false;
    size_t si = slice_for(k, key);
    Slice& s = slices_[si];
    uint32_t pos = position(s, k, key);
    if (pos >= s.hi || k < key(s.block->items[pos])) return false;
    erase_at(si, pos);
    return true;
  }

  // Linear search, for when keys cannot be trusted: the first element
  // matching pred, removed (or edited) in place.
  template <class Pred>
  bool erase_first_if(Pred&& pred) {
    for (size_t si = 0; si < slices_.size(); ++si) {
      for (uint32_t p = slices_[si].lo; p < slices_[si].hi; ++p) {
        if (pred(slices_[si].block->items[p])) {
          erase_at(si, p);
          return true;
        }
      }
    }
    return false;
  }
  template <class Pred, class F>
  void edit_if(Pred&& pred, F&& f) {
    for (Slice& s : slices_) {
      for (uint32_t p = s.lo; p < s.hi; ++p) {
        if (!pred(s.block->items[p])) continue;
        uint32_t offset = p - s.lo;
        own(s);
        p = s.lo + offset;
        f(s.block->items[p]);
      }
    }
  }

  template <class F>
  void for_each_block(F&& f) const {
    for (const Slice& s : slices_) f(static_cast<const void*>(s.block.get()), sizeof(Block));
  }
  size_t own_bytes() const { return slices_.capacity() * sizeof(Slice); }

 private:
  // The slice that holds key k, or would: the first whose last key is not
  // below k (the last slice when k is above them all).
  template <class K, class Key>
  size_t slice_for(const K& k, Key& key) const {
    auto it = std::partition_point(slices_.begin(), slices_.end(),
                                   [&](const Slice& s) { return key(s.last()) < k; });
    return it == slices_.end() ? slices_.size() - 1 : size_t(it - slices_.begin());
  }
  // First position in s whose key is not below k.
  template <class K, class Key>
  static uint32_t position(const Slice& s, const K& k, Key& key) {
    const T* items = s.block->items;
    return uint32_t(std::partition_point(items + s.lo, items + s.hi, [&](const T& v) { return key(v) < k; }) -
                    items);
  }
  // Makes s the only holder of its block (copying the slice's elements to
  // the start of a new block if not).
  static void own(Slice& s) {
    if (s.block.use_count() == 1) return;
    auto b = std::make_shared<Block>();
    std::copy(s.block->items + s.lo, s.block->items + s.hi, b->items);
    s.hi -= s.lo;
    s.lo = 0;
    s.block = std::move(b);
  }
  // Moves an owned slice's elements to the start of its block.
  static void compact(Slice& s) {
    if (s.lo == 0) return;
    std::move(s.block->items + s.lo, s.block->items + s.hi, s.block->items);
    s.hi -= s.lo;
    s.lo = 0;
  }
  // Splits a full slice in two halves (the upper half in a new block).
  void split(size_t si) {
    Slice& s = slices_[si];
    uint32_t mid = s.lo + uint32_t(s.count() / 2);
    Slice upper{std::make_shared<Block>(), 0, s.hi - mid};
    std::copy(s.block->items + mid, s.block->items + s.hi, upper.block->items);
    s.hi = mid;  // the lower half stays a view of the old block
    slices_.insert(slices_.begin() + std::ptrdiff_t(si) + 1, std::move(upper));
  }
  void erase_at(size_t si, uint32_t pos) {
    Slice& s = slices_[si];
    --size_;
    if (pos == s.lo) {
      ++s.lo;
    } else if (pos + 1 == s.hi) {
      --s.hi;
    } else {
      uint32_t offset = pos - s.lo;
      own(s);
      pos = s.lo + offset;
      std::move(s.block->items + pos + 1, s.block->items + s.hi, s.block->items + pos);
      --s.hi;
    }
    if (s.lo == s.hi) {
      slices_.erase(slices_.begin() + std::ptrdiff_t(si));
      return;
    }
    // A slice thinned out by removals in its middle joins its successor
    // when both fit in one block, so many cancellations do not leave many
    // nearly empty blocks.
    if (si + 1 < slices_.size() && s.count() < C / 4 && s.count() + slices_[si + 1].count() <= C) {
      Slice& next = slices_[si + 1];
      auto b = std::make_shared<Block>();
      T* out = std::copy(s.block->items + s.lo, s.block->items + s.hi, b->items);
      std::copy(next.block->items + next.lo, next.block->items + next.hi, out);
      next.hi = uint32_t(s.count() + next.count());
      next.lo = 0;
      next.block = std::move(b);
      slices_.erase(slices_.begin() + std::ptrdiff_t(si));
    }
  }

  std::vector<Slice> slices_;
  size_t size_ = 0;
};

}  // namespace loopscope
