#pragma once
// asyncio.sleep and the blocking time.sleep.

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"

namespace loopscope {

// asyncio.sleep(delay, result): sleep(0) is a bare yield (one iteration, no
// future, no timer); otherwise a future resolved by a timer.
Co sleep(EventLoop& loop, double delay, Value result = {});
// As a Coroutine object named "sleep", for tasks and scripts.
Ref<Coroutine> sleep_coroutine(EventLoop& loop, double delay, Value result = {});

// futures._set_result_unless_cancelled
void set_result_unless_cancelled(Future* f, const Value& v);

}  // namespace loopscope
