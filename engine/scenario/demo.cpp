#include "engine/lib/gather.hpp"
#include "engine/lib/runner.hpp"
#include "engine/lib/sleep.hpp"
#include "engine/scenario/scenario.hpp"

namespace loopscope {

namespace {

void print(EventLoop& loop, const std::string& s) { loop.trace().add(Ev::Output, loop.trace().str(s)); }

Co worker(EventLoop& loop, std::string name, double delay) {
  print(loop, name + ": start");
  co_await sleep(loop, 0);
  print(loop, name + ": after sleep(0)");
  co_await sleep(loop, delay);
  print(loop, name + ": done");
  co_return str_value(name);
}

Co demo_main(World& w) {
  EventLoop& loop = *w.running_loop;
  Ref<Future> g = gather(loop, {Value::object(coroutine(worker(loop, "a", 1.0), "worker", &w)),
                                 Value::object(coroutine(worker(loop, "b", 0.5), "worker", &w))});
  Value v = co_await g;
  print(loop, "results: " + repr(v));
}

const char* kDemoSource = R"py(import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(0)
    print(f"{name}: after sleep(0)")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name


async def main():
    results = await asyncio.gather(worker("a", 1.0), worker("b", 0.5))
    print("results:", results)


asyncio.run(main())
)py";

}  // namespace

ScenarioRun run_demo(const RunOptions& options) {
  ScenarioRun run;
  run.name = "demo";
  run.source = kDemoSource;
  run.docstring = "Two workers gathered: sleep(0) yields once, sleep(d) waits on a timer.";
  run.world = std::make_unique<World>(options);
  try {
    asyncio_run(*run.world, coroutine(demo_main(*run.world), "main", run.world.get()));
  } catch (const LoopAbort& a) {
    run.exit_code = a.reason == LoopAbort::Reason::Deadlock ? 3 : 4;
  } catch (const PyError&) {
    run.exit_code = 1;
  }
  return run;
}

}  // namespace loopscope
