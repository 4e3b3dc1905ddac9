// Replaces global new/delete to count live heap bytes (size-prefixed blocks).
#include <atomic>
#include <cstdlib>
#include <new>

#include "tests/bench/alloc_counter.hpp"

namespace {
std::atomic<size_t> g_live{0};
constexpr size_t kHeader = 16;  // keeps 16-byte alignment

void* counted_alloc(size_t n) {
  auto* p = static_cast<unsigned char*>(std::malloc(n + kHeader));
  if (!p) throw std::bad_alloc();
  *reinterpret_cast<size_t*>(p) = n;
  g_live += n;
  return p + kHeader;
}

void counted_free(void* q) noexcept {
  if (!q) return;
  auto* p = static_cast<unsigned char*>(q) - kHeader;
  g_live -= *reinterpret_cast<size_t*>(p);
  std::free(p);
}
}  // namespace

namespace loopscope::bench {
size_t live_heap_bytes() { return g_live.load(); }
}  // namespace loopscope::bench

void* operator new(size_t n) { return counted_alloc(n); }
void* operator new[](size_t n) { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, size_t) noexcept { counted_free(p); }
void operator delete[](void* p, size_t) noexcept { counted_free(p); }
