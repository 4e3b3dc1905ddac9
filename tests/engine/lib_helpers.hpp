#pragma once
// Helpers for the asyncio library tests: run a C++ `main` the way
// `asyncio.run(main())` runs a Python one, and return the whole transcript,
// to compare with what the CPython oracle prints for the same program.

#include <string>

#include "engine/lib/runner.hpp"
#include "engine/loop/co.hpp"
#include "engine/trace/printer.hpp"
#include "tests/engine/helpers.hpp"

namespace loopscope::testing {

// asyncio.run(main()), where `main` is a function EventLoop& -> Co. An
// uncaught exception ends the transcript with its `! traceback` line.
template <class Main>
std::string run_main(Main main, RunOptions options = {}, std::string qualname = "main") {
  World w(options);
  struct Shim {
    static Co run(World& w, Main f) { co_return co_await f(*w.running_loop); }
  };
  try {
    asyncio_run(w, coroutine(Shim::run(w, main), qualname, &w));
  } catch (const PyError& e) {
    std::string text = e.exc->cls->qualified_name();
    std::string msg = e.exc->str();
    if (!msg.empty()) text += ": " + msg;
    w.trace.add(Ev::Traceback, w.trace.str(text));
  }
  return transcript(w.trace, true);
}

// `await coro` for a Coroutine object from C++.
inline Co await_(Ref<Coroutine> c) { return await_coroutine(std::move(c)); }

// A Coroutine object for a task: create_task(f(...)) in Python.
inline Ref<Coroutine> coro(Co co, const std::string& qualname, EventLoop& loop) {
  return coroutine(std::move(co), qualname, &loop.world());
}

}  // namespace loopscope::testing
