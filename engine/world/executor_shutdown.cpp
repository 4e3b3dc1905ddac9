#include "engine/world/executor_shutdown.hpp"

#include "engine/loop/event_loop.hpp"
#include "engine/world/thread_pool.hpp"

namespace loopscope {

Co shutdown_default_executor(EventLoop& loop) {
  World& w = loop.world();
  std::shared_ptr<ThreadPool> pool = w.threads.default_executor(&loop);
  if (!pool) co_return Value();
  Ref<Future> fut = loop.create_future("shutdown_default_executor", "shutdown_default_executor %F");
  uint32_t thread = Who::thread(w.trace.str("Thread-1 (_do_shutdown)"));
  w.threads.run_as(w, thread, w.now, [&] {
    pool->shutdown(true, false);
    if (!loop.is_closed()) {
      call_soon_threadsafe(loop, [fut] { fut->set_result(Value()); }, fut->label() + ".set_result(None)");
    }
  });
  co_return co_await fut;
}

}  // namespace loopscope
