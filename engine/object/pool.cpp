#include "engine/object/pool.hpp"

#include <new>

namespace loopscope::pool {

namespace {

constexpr size_t kGranule = 16;
constexpr size_t kClasses = kMaxPooledSize / kGranule;

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible, so its storage stays usable until the thread
// ends, even after `drain` below has run (a static object destroyed late
// may still free a handle).
struct FreeLists {
  FreeBlock* head[kClasses];
  size_t count[kClasses];
  bool closed;  // the thread is ending: blocks go straight back
};
thread_local FreeLists lists;

void free_idle_blocks() {
  for (size_t c = 0; c < kClasses; ++c) {
    for (FreeBlock* b = lists.head[c]; b;) {
      FreeBlock* next = b->next;
      ::operator delete(b);
      b = next;
    }
    lists.head[c] = nullptr;
    lists.count[c] = 0;
  }
}

// Returns the idle blocks when the thread ends.
struct Drain {
  ~Drain() {
    free_idle_blocks();
    lists.closed = true;
  }
};
thread_local Drain drain;

// Size class of an n-byte block (n > 0): blocks of 1..16 bytes are class 0.
size_t size_class(size_t n) { return (n - 1) / kGranule; }

}  // namespace

void* allocate(size_t n) {
  if (n == 0 || n > kMaxPooledSize) return ::operator new(n);
  size_t c = size_class(n);
  (void)&drain;  // constructed on first use, so it is destroyed at thread exit
  if (FreeBlock* b = lists.head[c]) {
    lists.head[c] = b->next;
    --lists.count[c];
    return b;
  }
  // Every block of a class has the class's full size, so any freed block
  // can serve any later request of that class.
  return ::operator new((c + 1) * kGranule);
}

void release_idle() noexcept { free_idle_blocks(); }

void deallocate(void* p, size_t n) noexcept {
  if (!p) return;
  if (n == 0 || n > kMaxPooledSize) {
    ::operator delete(p);
    return;
  }
  size_t c = size_class(n);
  if (lists.closed || lists.count[c] >= kMaxFreeBlocks) {
    ::operator delete(p);
    return;
  }
  auto* b = static_cast<FreeBlock*>(p);
  b->next = lists.head[c];
  lists.head[c] = b;
  ++lists.count[c];
}

}  // namespace loopscope::pool
