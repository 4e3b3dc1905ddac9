#pragma once
// Measurements a lesson can quote next to each other (the coroutines vs
// threads lesson): what one suspended task costs here, and the stack a
// new thread would reserve. Measured when asked, never written down.

#include <cstddef>

namespace loopscope {

// Heap bytes per suspended script task: n tasks of an `async def` each
// waiting on one asyncio.Event, the heap in use before and after they
// suspend (glibc's mallinfo2), less what the trace grew by. Counts the
// Task, its coroutine, its frame and the waiter future with its callback.
double measure_task_bytes(size_t n = 10000);

// The stack size a new thread gets by default: the process's stack limit
// (RLIMIT_STACK, what glibc uses for pthread stacks), 0 when unlimited.
size_t thread_stack_bytes();

}  // namespace loopscope
