#pragma once
// asyncio.run: CPython 3.11's Runner, step for step — a new loop, the main
// task, then the shutdown sequence: cancel and gather leftover tasks,
// shutdown_asyncgens, shutdown_default_executor, close.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "engine/loop/event_loop.hpp"

namespace loopscope {

// loop.shutdown_asyncgens()'s work: the aclose() awaitables of the async
// generators the loop still knows, each with its generator's repr.
using AsyncGenClosers = std::function<std::vector<std::pair<Value, std::string>>(EventLoop&)>;

// Runs `main` to completion on a new loop in `world`; returns its result or
// throws PyError (the main task's exception) or LoopAbort.
// `debug`: the loop runs in debug mode (asyncio.run(main, debug=True)).
Value asyncio_run(World& world, Ref<Coroutine> main, AsyncGenClosers asyncgens = {}, bool debug = false);

// Runner.close()'s work on an initialized loop: cancel and gather the
// leftover tasks, shutdown_asyncgens, shutdown_default_executor, close.
void runner_close(EventLoop& loop, AsyncGenClosers asyncgens = {});

}  // namespace loopscope
