#pragma once
// asyncio.wait_for, ported from CPython 3.11's tasks.py (the 3.11
// algorithm: a waiter future, a _release_waiter timer, and
// _cancel_and_wait so the inner task is not running when it returns).

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"

namespace loopscope {

// `aw` is a Coroutine (wrapped in a task), a Future or a Task; `timeout`
// is None (wait forever) or a number of seconds. Raises TimeoutError, from
// the inner CancelledError, when the timeout wins.
Co wait_for(EventLoop& loop, Value aw, Value timeout);
// As a Coroutine object named "wait_for".
Ref<Coroutine> wait_for_coroutine(EventLoop& loop, Value aw, Value timeout);

// tasks._cancel_and_wait: cancels `fut` and waits until it is done, on a
// future of its own so that the wait itself stays cancellable.
Co cancel_and_wait(EventLoop& loop, Ref<Future> fut);

// tasks._release_waiter as a done-callback bound to `waiter`.
DoneCallback release_waiter_callback(const Ref<Future>& waiter);
void release_waiter(Future* waiter);

// A number of seconds from a Value (int, float or bool); TypeError otherwise.
double seconds_of(const Value& v);

}  // namespace loopscope
