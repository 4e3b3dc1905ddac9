#pragma once
// Free lists of small blocks, for the objects the loop makes and drops
// over and over: tasks, futures, handles, done-callbacks, C++ coroutine
// objects and their frames.
//
// Blocks are grouped by size, rounded up to 16 bytes. A freed block goes to
// its size's free list, up to kMaxFreeBlocks per size; beyond that, and for
// blocks larger than kMaxPooledSize, memory goes straight back to the
// global operator delete. So a pool never holds more than a bounded amount
// of idle memory. The lists are per thread: a block may be freed on another
// thread than the one that allocated it (it simply joins that thread's list).

#include <cstddef>

namespace loopscope::pool {

constexpr size_t kMaxPooledSize = 512;
constexpr size_t kMaxFreeBlocks = 4096;

void* allocate(size_t n);
void deallocate(void* p, size_t n) noexcept;
// Gives this thread's idle blocks back (memory benchmarks, so that every
// block they measure is allocated, and counted, anew).
void release_idle() noexcept;

}  // namespace loopscope::pool
