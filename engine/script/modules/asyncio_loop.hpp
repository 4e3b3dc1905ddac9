#pragma once
// asyncio's event loop as scripts see it (`asyncio.get_running_loop()` and
// the legacy policy functions), and the callback texts shared with
// asyncio.cpp.

#include <string>
#include <vector>

#include "engine/loop/event_loop.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

class LoopObj final : public Object {
 public:
  explicit LoopObj(EventLoop& l) : Object(ObjKind::Other), loop(&l) {}
  std::string type_name() const override { return "_UnixSelectorEventLoop"; }
  std::string repr() const override {
    return std::string("<_UnixSelectorEventLoop running=") + (loop->is_running() ? "True" : "False") +
           " closed=" + (loop->is_closed() ? "True" : "False") + " debug=False>";
  }
  EventLoop* loop;
};

EventLoop& running_loop(Interp& in);
// events._get_event_loop(): the running loop, else the policy's loop (made
// on first use unless set_event_loop was called).
EventLoop& event_loop(Interp& in);
// loop.create_task(coro, name=...) and asyncio.create_task's work.
Value create_task_on(Interp& in, EventLoop& loop, CallArgs& a);
// One script object per engine loop, so `is` compares loops.
Value loop_value(Interp& in, EventLoop& l);
// The name a callback shows in the trace (the CB grammar).
std::string callable_name(const Value& fn);
// A callback as the trace shows it (the CB grammar): `f(1, 'x')`.
std::string callback_text(const Value& fn, const std::vector<Value>& args);
// How CPython's reprs show a callback: format_helpers._format_callback_source
// ("cb(1, 'x') at x.py:3" for a function, "print('x')" for a built-in).
std::string callback_source(const Value& fn, const std::vector<Value>& args);
// The methods of the loop and of its handles.
void install_loop_methods();
// get_running_loop, get_event_loop, new_event_loop, set_event_loop.
void add_loop_functions(ModuleObj& m);
// asyncio.Runner (asyncio_runner.cpp).
void add_runner(ModuleObj& m);
// open_connection, start_server and the stream classes (asyncio_streams.cpp).
void add_streams(Interp& in, ModuleObj& asyncio);
const char* asyncio_selector_source();
// The loop's base classes, the event loop policy, transports and the other
// protocol classes (asyncio_names.cpp); after add_streams.
void add_asyncio_names(Interp& in, const Ref<ModuleObj>& asyncio);

}  // namespace loopscope::script
