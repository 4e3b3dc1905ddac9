#pragma once
// The ready queue: a ring buffer (a deque that, once warm, never allocates:
// each step of each task passes through it).
//
// An entry is a Handle (a callback or a due timer), or one of a task's own
// steps and wakeups. Those are by far the most common entries (one per
// yield) and nobody outside the loop ever sees or cancels them, so they are
// kept in the entry itself, with no Handle object: what the trace shows of
// them (their h# and text) is all they need.

#include <cstddef>
#include <vector>

#include "engine/loop/handle.hpp"

namespace loopscope {

struct ReadyEntry {
  enum class Kind : uint8_t { Handle, TaskStep, TaskWakeup };
  Ref<Object> target;  // the Handle; or the Task to step or wake
  Ref<Object> arg;     // TaskStep: the exception to throw in, if any; TaskWakeup: the future
  uint32_t id = 0;     // h#: the Handle's own, or the step's
  uint32_t text = 0;   // steps and wakeups: the text the trace shows (a Handle keeps its own)
  Kind kind = Kind::Handle;
  bool retitled = false;  // steps and wakeups: the task was renamed after the `soon` line

  static ReadyEntry of(Ref<Handle> h) {
    ReadyEntry e;
    e.id = h->id;
    e.target = std::move(h);
    return e;
  }
  Handle* handle() const { return static_cast<Handle*>(target.get()); }
  bool cancelled() const { return kind == Kind::Handle && handle()->cancelled(); }
};

class ReadyRing {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void push_back(ReadyEntry e) { emplace_back() = std::move(e); }
  // A slot at the back; its fields are whatever a popped entry left there
  // (the references empty): the caller sets them all.
  ReadyEntry& emplace_back() {
    if (size_ == slots_.size()) grow();
    return slots_[(head_ + size_++) & (slots_.size() - 1)];
  }
  // Takes the front entry out.
  ReadyEntry take_front() {
    ReadyEntry e = std::move(slots_[head_]);  // leaves the slot's references empty
    head_ = (head_ + 1) & (slots_.size() - 1);
    if (--size_ == 0 && slots_.size() > kKept) release_memory();
    return e;
  }
  void clear() {
    while (!empty()) take_front();
  }

  class const_iterator {
   public:
    const_iterator(const ReadyRing* q, size_t i) : q_(q), i_(i) {}
    const ReadyEntry& operator*() const { return q_->slots_[(q_->head_ + i_) & (q_->slots_.size() - 1)]; }
    const ReadyEntry* operator->() const { return &**this; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const ReadyRing* q_;
    size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }
  // For renaming: entries stay where they are.
  template <class F>
  void for_each(F&& f) {
    for (size_t i = 0; i < size_; ++i) f(slots_[(head_ + i) & (slots_.size() - 1)]);
  }

 private:
  // Emptied after a burst (100,000 tasks created at once): the memory goes back.
  void release_memory() {
    std::vector<ReadyEntry>().swap(slots_);
    head_ = 0;
  }
  void grow() {
    std::vector<ReadyEntry> slots(slots_.empty() ? 64 : slots_.size() * 2);
    for (size_t i = 0; i < size_; ++i) slots[i] = std::move(slots_[(head_ + i) & (slots_.size() - 1)]);
    slots_.swap(slots);
    head_ = 0;
  }

  static constexpr size_t kKept = 4096;  // slots kept when the queue empties
  std::vector<ReadyEntry> slots_;        // a power of two in size
  size_t head_ = 0;
  size_t size_ = 0;
};

}  // namespace loopscope
