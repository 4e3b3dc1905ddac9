#pragma once
// asyncio.wait, ported from CPython 3.11's tasks.py (wait and _wait).

#include <vector>

#include "engine/loop/co.hpp"
#include "engine/loop/event_loop.hpp"

namespace loopscope {

enum class ReturnWhen : uint8_t { FirstCompleted, FirstException, AllCompleted };
const char* return_when_name(ReturnWhen r);  // "FIRST_COMPLETED", ...

// `fs`: Futures and Tasks (coroutines raise TypeError, as in 3.11; an empty
// list raises ValueError). `timeout`: None or seconds. Resolves to a tuple
// (done, pending) of two lists in creation order: where CPython returns
// sets iterated in address order, the reference iterates in creation order.
Co wait(EventLoop& loop, std::vector<Value> fs, Value timeout = {},
        ReturnWhen return_when = ReturnWhen::AllCompleted);
// As a Coroutine object named "wait".
Ref<Coroutine> wait_coroutine(EventLoop& loop, std::vector<Value> fs, Value timeout = {},
                              ReturnWhen return_when = ReturnWhen::AllCompleted);

// set(fs) in creation order: duplicates dropped, sorted by serial.
std::vector<Ref<Future>> unique_in_creation_order(const std::vector<Ref<Future>>& fs);

}  // namespace loopscope
