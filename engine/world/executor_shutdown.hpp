#pragma once
// loop.shutdown_default_executor(), as asyncio.run ends it: a simulated
// thread shuts the default executor down (waiting for its jobs), then
// calls call_soon_threadsafe(future.set_result, None).

#include "engine/loop/co.hpp"

namespace loopscope {

class EventLoop;

Co shutdown_default_executor(EventLoop& loop);

}  // namespace loopscope
