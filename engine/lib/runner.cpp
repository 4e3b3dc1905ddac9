#include "engine/lib/runner.hpp"

#include "engine/lib/gather.hpp"
#include "engine/loop/co.hpp"
#include "engine/world/executor_shutdown.hpp"

namespace loopscope {

namespace {

// BaseEventLoop.shutdown_asyncgens: gather the aclose() of every async
// generator the loop still knows, report the ones that failed.
Co shutdown_asyncgens(EventLoop& loop, AsyncGenClosers closers) {
  std::vector<std::pair<Value, std::string>> agens = closers ? closers(loop) : decltype(closers(loop)){};
  if (agens.empty()) co_return Value();
  std::vector<Value> aws;
  for (const auto& [aw, name] : agens) aws.push_back(aw);
  Value results = co_await gather(loop, aws, true);
  const auto& rs = results.as<ListObj>()->items;
  for (size_t i = 0; i < rs.size() && i < agens.size(); ++i) {
    if (!rs[i].is(ObjKind::Exception)) continue;
    Ref<ExceptionObj> e(rs[i].as<ExceptionObj>());
    if (!e->is_instance_of(exc_class(Exc::Exception))) continue;
    loop.report_error("an error occurred during closing of asynchronous generator " + agens[i].second, nullptr, nullptr, e);
  }
  co_return Value();
}

void cancel_all_tasks(EventLoop& loop) {
  std::vector<Ref<Task>> to_cancel = loop.all_tasks();
  if (to_cancel.empty()) return;
  for (const Ref<Task>& t : to_cancel) t->cancel();
  std::vector<Value> args;
  for (const Ref<Task>& t : to_cancel) args.push_back(Value::object(t));
  loop.run_until_complete(gather(loop, args, true));
  for (const Ref<Task>& t : to_cancel) {
    if (t->cancelled()) continue;
    if (Ref<ExceptionObj> e = t->exception()) {
      loop.report_error("unhandled exception during asyncio.run() shutdown", t.get(), nullptr, e, "task");
    }
  }
}

}  // namespace

Value asyncio_run(World& world, Ref<Coroutine> main, AsyncGenClosers asyncgens, bool debug) {
  if (world.running_loop) {
    throw PyError{make_exc(Exc::RuntimeError, "asyncio.run() cannot be called from a running event loop")};
  }
  EventLoop& loop = world.new_loop();
  loop.debug = debug;
  struct Close {
    EventLoop& loop;
    bool armed = true;
    ~Close() {
      if (armed && !loop.is_running()) loop.close();
    }
  } close{loop};

  Value result;
  std::exception_ptr failure;
  try {
    Ref<Task> task = loop.create_task(std::move(main));
    result = loop.run_until_complete(task);
  } catch (const LoopAbort&) {
    close.armed = false;  // deadlock or limit: the run ends here, nothing more is traced
    throw;
  } catch (...) {
    failure = std::current_exception();
  }
  // Runner.close(): runs whether main succeeded or not.
  close.armed = false;
  runner_close(loop, asyncgens);
  if (failure) std::rethrow_exception(failure);
  return result;
}

void runner_close(EventLoop& loop, AsyncGenClosers asyncgens) {
  struct Close {
    EventLoop& loop;
    bool armed = true;
    ~Close() {
      if (armed && !loop.is_running()) loop.close();
    }
  } close{loop};
  try {
    cancel_all_tasks(loop);
    loop.run_until_complete(coroutine(shutdown_asyncgens(loop, asyncgens), "BaseEventLoop.shutdown_asyncgens"));
    loop.run_until_complete(coroutine(shutdown_default_executor(loop), "BaseEventLoop.shutdown_default_executor"));
  } catch (const LoopAbort&) {
    close.armed = false;  // deadlock or limit: the run ends here, nothing more is traced
    throw;
  }
  close.armed = false;
  loop.close();
}

}  // namespace loopscope
