#pragma once
// The ready queue: a ring buffer of handles (a deque that, once warm, never
// allocates: each step of each task passes through it).

#include <cstddef>
#include <vector>

#include "engine/loop/handle.hpp"

namespace loopscope {

class HandleQueue {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  Ref<Handle>& front() { return slots_[head_]; }
  void push_back(Ref<Handle> h) {
    if (size_ == slots_.size()) grow();
    slots_[(head_ + size_) & (slots_.size() - 1)] = std::move(h);
    ++size_;
  }
  void pop_front() {
    slots_[head_].reset();
    head_ = (head_ + 1) & (slots_.size() - 1);
    // Emptied after a burst (100,000 tasks created at once): the memory goes back.
    if (--size_ == 0 && slots_.size() > kKept) {
      std::vector<Ref<Handle>>().swap(slots_);
      head_ = 0;
    }
  }
  void clear() {
    while (!empty()) pop_front();
  }

  class const_iterator {
   public:
    const_iterator(const HandleQueue* q, size_t i) : q_(q), i_(i) {}
    const Ref<Handle>& operator*() const { return q_->slots_[(q_->head_ + i_) & (q_->slots_.size() - 1)]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const HandleQueue* q_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  void grow() {
    std::vector<Ref<Handle>> slots(slots_.empty() ? 64 : slots_.size() * 2);
    for (size_t i = 0; i < size_; ++i) slots[i] = std::move(slots_[(head_ + i) & (slots_.size() - 1)]);
    slots_.swap(slots);
    head_ = 0;
  }

  static constexpr size_t kKept = 4096;  // slots kept when the queue empties
  std::vector<Ref<Handle>> slots_;  // a power of two in size
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace loopscope
