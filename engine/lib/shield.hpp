#pragma once
// asyncio.shield, ported from CPython 3.11's tasks.py.

#include "engine/loop/event_loop.hpp"

namespace loopscope {

// `arg` is a Coroutine (wrapped in a task), a Future or a Task. Returns the
// inner future itself when it is already done, else an outer future (the
// trace's `shield F#n on=<X>`) that follows the inner one but whose
// cancellation does not reach it.
Ref<Future> shield(EventLoop& loop, const Value& arg);

}  // namespace loopscope
