#pragma once
// asyncio.run: CPython 3.11's Runner, step for step — a new loop, the main
// task, then the shutdown sequence: cancel and gather leftover tasks,
// shutdown_asyncgens, shutdown_default_executor, close.

#include "engine/loop/event_loop.hpp"

namespace loopscope {

// Runs `main` to completion on a new loop in `world`; returns its result or
// throws PyError (the main task's exception) or LoopAbort. `on_loop` (if
// set) is called with the loop once it exists, for bindings that need it.
Value asyncio_run(World& world, Ref<Coroutine> main);

// loop.run_until_complete(coro): wraps the coroutine in a task first; the
// trace shows `run_until_complete coro:<qualname>`.
Value run_until_complete_coro(EventLoop& loop, Ref<Coroutine> coro);

}  // namespace loopscope
