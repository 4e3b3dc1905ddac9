#pragma once
// Counts live heap bytes in the benchmark binary (global operator new and
// delete are replaced in alloc_counter_bench.cpp), for memory-per-task figures.

#include <cstddef>

namespace loopscope::bench {
size_t live_heap_bytes();
}
