#pragma once
// Containers for replay states whose copies share storage.
//
// Elements live in fixed-capacity blocks held by shared_ptr. Copying a
// container copies only the block pointers; changing an element first
// copies its block if another container still holds it (copy on write).
// A keyframe taken some events after the previous one therefore costs only
// the blocks those events changed, and handing a state to the GUI costs a
// few thousand pointer copies, not 100,000 task records.
//
//   ChunkedVector: indexed like a vector (the tasks, by id).
//   SortedChunks:  kept in ascending key order, with cheap removal at the
//                  front (the ready queue, the timer heap).
//
// Single-threaded use per container; copies may be read on other threads.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <vector>

namespace loopscope {

// ---------------------------------------------------------------------------
// A vector as a two-level tree: leaves of L elements, nodes of F leaves, and
// the container's own array of nodes. A write copies the leaf and the node
// it goes through if they are shared, so a copy taken before costs the
// touched leaves (L elements each) plus their nodes, however far apart the
// written elements are. L and F are powers of two.
template <class T, size_t L, size_t F>
class ChunkedVector {
  static_assert((L & (L - 1)) == 0 && (F & (F - 1)) == 0, "leaf and node sizes are powers of two");
  static constexpr size_t kSpan = L * F;  // elements under one node
  struct Leaf {
    T items[L];
  };
  struct Node {
    std::shared_ptr<Leaf> leaves[F];
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
    const_iterator(const ChunkedVector* v, size_t i) : v_(v), i_(i) { load(); }
    reference operator*() const { return *p_; }
    pointer operator->() const { return p_; }
    reference operator[](difference_type n) const { return (*v_)[size_t(difference_type(i_) + n)]; }
    const_iterator& operator++() {
      if (++i_ % L == 0) load();
      else ++p_;
      return *this;
    }
    const_iterator operator++(int) { const_iterator o = *this; ++*this; return o; }
    const_iterator& operator--() {
      --i_;
      load();
      return *this;
    }
    const_iterator operator--(int) { const_iterator o = *this; --*this; return o; }
    const_iterator& operator+=(difference_type n) { i_ = size_t(difference_type(i_) + n); load(); return *this; }
    const_iterator& operator-=(difference_type n) { i_ = size_t(difference_type(i_) - n); load(); return *this; }
    friend const_iterator operator+(const_iterator a, difference_type n) { return a += n; }
    friend const_iterator operator+(difference_type n, const_iterator a) { return a += n; }
    friend const_iterator operator-(const_iterator a, difference_type n) { return a -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return difference_type(a.i_) - difference_type(b.i_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.i_ <=> b.i_; }

   private:
    // Walks on within a leaf by pointer; looks the element up at a leaf's
    // start (or after a jump).
    void load() { p_ = v_ && i_ < v_->size_ ? &(*v_)[i_] : nullptr; }
    const ChunkedVector* v_ = nullptr;
    size_t i_ = 0;
    const T* p_ = nullptr;
  };

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return nodes_[i / kSpan]->leaves[(i / L) % F]->items[i % L]; }
  const T& front() const { return (*this)[0]; }
  const T& back() const { return (*this)[size_ - 1]; }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }

  // Element i for writing: its node and leaf are copied first if shared.
  T& edit(size_t i) { return own_leaf(i).items[i % L]; }

  void push_back(const T& v) {
    if (size_ % kSpan == 0 && size_ / kSpan == nodes_.size()) nodes_.push_back(std::make_shared<Node>());
    own_leaf(size_).items[size_ % L] = v;
    ++size_;
  }
  // Grows with default elements or shrinks.
  void resize(size_t n) {
    if (n > size_) {
      while (size_ < n) push_back(T{});
      return;
    }
    size_ = n;
    nodes_.resize((n + kSpan - 1) / kSpan);
    // Leaves past the end are let go (a later push_back makes new ones).
    if (n % kSpan) {
      Node& last = own_node(n / kSpan);
      for (size_t l = (n % kSpan + L - 1) / L; l < F; ++l) last.leaves[l].reset();
    }
  }
  void clear() {
    nodes_.clear();
    size_ = 0;
  }

  // Storage accounting. Bytes of the container itself (the node pointers);
  // and the bytes of the nodes and leaves `before` does not share with it,
  // each counted with `overhead` more (a copy of a copy shares them all).
  size_t own_bytes() const { return nodes_.capacity() * sizeof(std::shared_ptr<Node>); }
  size_t bytes_not_in(const ChunkedVector* before, size_t overhead) const {
    size_t n = 0;
    for (size_t k = 0; k < nodes_.size(); ++k) {
      const Node* old = before && k < before->nodes_.size() ? before->nodes_[k].get() : nullptr;
      if (old == nodes_[k].get()) continue;  // the whole subtree is shared
      n += sizeof(Node) + overhead;
      for (size_t l = 0; l < F; ++l) {
        const Leaf* leaf = nodes_[k]->leaves[l].get();
        if (leaf && (!old || old->leaves[l].get() != leaf)) n += sizeof(Leaf) + overhead;
      }
    }
    return n;
  }

 private:
  Node& own_node(size_t n) {
    std::shared_ptr<Node>& p = nodes_[n];
    if (p.use_count() != 1) p = std::make_shared<Node>(*p);
    return *p;
  }
  // The leaf holding element i (made if missing), owned by this container.
  Leaf& own_leaf(size_t i) {
    std::shared_ptr<Leaf>& p = own_node(i / kSpan).leaves[(i / L) % F];
    if (!p) p = std::make_shared<Leaf>();
    else if (p.use_count() != 1) p = std::make_shared<Leaf>(*p);
    return *p;
  }

  std::vector<std::shared_ptr<Node>> nodes_;
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

  // Storage accounting, as ChunkedVector's.
  size_t own_bytes() const { return slices_.capacity() * sizeof(Slice); }
  size_t bytes_not_in(const SortedChunks* before, size_t overhead) const {
    std::vector<const Block*> old;
    if (before) {
      old.reserve(before->slices_.size());
      for (const Slice& s : before->slices_) old.push_back(s.block.get());
      std::sort(old.begin(), old.end(), std::less<const Block*>());
    }
    size_t n = 0;
    for (const Slice& s : slices_) {
      if (!std::binary_search(old.begin(), old.end(), s.block.get(), std::less<const Block*>())) {
        n += sizeof(Block) + overhead;
        old.insert(std::upper_bound(old.begin(), old.end(), s.block.get(), std::less<const Block*>()), s.block.get());
      }
    }
    return n;
  }

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
