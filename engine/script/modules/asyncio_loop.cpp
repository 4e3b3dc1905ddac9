// The event loop object of scripts: its methods, its handles, the policy
// functions and the exception-handler API.

#include "engine/script/modules/asyncio_loop.hpp"

#include <typeinfo>

#include "engine/lib/wait_for.hpp"
#include "engine/loop/trace_text.hpp"
#include "engine/object/reprlib.hpp"
#include "engine/script/modules/concurrent_futures.hpp"
#include "engine/script/modules/functools.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

EventLoop& running_loop(Interp& in) {
  EventLoop* loop = in.world().running_loop;
  if (!loop) raise(Exc::RuntimeError, "no running event loop");
  return *loop;
}

// The qualified name a callback shows in the trace: __qualname__ without
// ".<locals>"; a built-in method as Type.method; a class by its name.
std::string callable_name(const Value& fn) {
  Object* o = fn.obj();
  if (o && typeid(*o) == typeid(FunctionObj)) {
    std::string q = static_cast<FunctionObj*>(o)->code->qualname;
    for (size_t p; (p = q.find(".<locals>")) != std::string::npos;) q.erase(p, 9);
    return q;
  }
  if (o && typeid(*o) == typeid(NativeObj)) {
    auto* n = static_cast<NativeObj*>(o);
    if (n->self.is_none()) return n->name;
    if (n->self.is(ObjKind::Future) || n->self.is(ObjKind::Task)) return n->self.as<Future>()->label() + "." + n->name;
    std::string type = type_name(n->self);
    if (type == "_UnixSelectorEventLoop") type = "BaseEventLoop";
    if (typeid(*n->self.obj()) == typeid(ModuleObj)) type = n->self.as<ModuleObj>()->name;
    return type + "." + n->name;
  }
  if (o && typeid(*o) == typeid(BoundMethodObj)) return callable_name(static_cast<BoundMethodObj*>(o)->func);
  if (fn.is(ObjKind::Class)) return fn.as<ClassObj>()->name;
  return type_name(fn);
}

namespace {

template <class T>
T* self_as(const Value& self) {
  return static_cast<T*>(self.obj());
}

std::string args_source(const std::vector<Value>& args) {
  std::string s = "(";
  for (size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + reprlib_repr(args[i]);
  return s + ")";
}

// __qualname__ as CPython has it (".<locals>" kept).
std::string full_qualname(const Value& fn) {
  Object* o = fn.obj();
  if (o && typeid(*o) == typeid(FunctionObj)) return static_cast<FunctionObj*>(o)->qualname;
  if (o && typeid(*o) == typeid(BoundMethodObj)) return full_qualname(static_cast<BoundMethodObj*>(o)->func);
  return callable_name(fn);
}

}  // namespace

std::string callback_source(const Value& fn, const std::vector<Value>& args) {
  PartialParts p;
  std::string suffix = args_source(args);
  const Value* target = &fn;
  // _format_callback: a partial shows its function with the stored
  // arguments, then the call's; the source is the function's.
  for (PartialParts q; partial_parts(*target, q);) {
    p = std::move(q);
    std::string stored = args_source(p.args);
    for (const auto& [k, v] : p.keywords) stored.insert(stored.size() - 1, (stored.size() > 2 ? ", " : "") + k + "=" + reprlib_repr(v));
    suffix = stored + suffix;
    target = &p.func;
  }
  std::string s = full_qualname(*target) + suffix;
  Object* o = target->obj();
  if (o && typeid(*o) == typeid(FunctionObj)) {
    const CodeObj& code = *static_cast<FunctionObj*>(o)->code;
    s += " at " + code.file + ":" + std::to_string(code.first_line);
  }
  return s;
}

EventLoop& event_loop(Interp& in) {
  if (EventLoop* l = in.world().running_loop) return *l;
  auto& st = in.state();
  if (!st.policy_loop) {
    if (st.policy_loop_set) raise(Exc::RuntimeError, "There is no current event loop in thread 'MainThread'.");
    st.policy_loop = &in.world().new_loop();
    st.policy_loop_set = true;
  }
  return *st.policy_loop;
}

Value create_task_on(Interp& in, EventLoop& loop, CallArgs& a) {
  check_args("create_task", a, 1, 1, true);
  if (!a.pos[0].is(ObjKind::Coroutine)) type_error("a coroutine was expected, got " + repr(a.pos[0]));
  Ref<Coroutine> c(a.pos[0].as<Coroutine>());
  Value name;
  if (const Value* n = kwarg(a, "name")) name = *n;
  Ref<Task> t = loop.create_task(c);
  // 3.11 creates the task under its Task-N name, then renames it.
  if (!name.is_none()) t->set_name(in.str(name));
  return Value::object(t);
}

Value loop_value(Interp& in, EventLoop& l) {
  auto& objs = in.state().loop_objects;
  auto it = objs.find(&l);
  if (it != objs.end()) return it->second;
  Value v = Value::object(make<LoopObj>(l));
  objs.emplace(&l, v);
  return v;
}

namespace {

EventLoop& loop_ref(const Value& self) { return *self_as<LoopObj>(self)->loop; }

// BaseEventLoop._check_closed.
EventLoop& loop_of(Interp&, const Value& self) {
  EventLoop& l = loop_ref(self);
  if (l.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  return l;
}

Value a_get_running_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("get_running_loop", a, 0, 0);
  return loop_value(in, running_loop(in));
}

// The policy's loop: asyncio.new_event_loop / set_event_loop / get_event_loop.
Value a_new_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("new_event_loop", a, 0, 0);
  return loop_value(in, in.world().new_loop());
}

Value a_set_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("set_event_loop", a, 1, 1);
  auto& st = in.state();
  st.policy_loop_set = true;
  if (a.pos[0].is_none()) {
    st.policy_loop = nullptr;
    return Value();
  }
  Object* o = a.pos[0].obj();
  if (!o || typeid(*o) != typeid(LoopObj)) {
    type_error("loop must be an instance of AbstractEventLoop or None, not '" + type_name(a.pos[0]) + "'");
  }
  st.policy_loop = static_cast<LoopObj*>(o)->loop;
  return Value();
}

// 3.11: the running loop; else the policy's loop, created on first use in
// the main thread unless set_event_loop (or asyncio.run) was called.
Value a_get_event_loop(Interp& in, const Value&, CallArgs& a) {
  check_args("get_event_loop", a, 0, 0);
  return loop_value(in, event_loop(in));
}

Value lp_run_until_complete(Interp& in, const Value& self, CallArgs& a) {
  check_args("run_until_complete", a, 1, 1);
  EventLoop& l = loop_ref(self);
  const Value& x = a.pos[0];
  if (x.is(ObjKind::Coroutine)) {
    // A closed loop raises inside run_until_complete, after its trace line.
    return l.run_until_complete(Ref<Coroutine>(x.as<Coroutine>()));
  }
  if (x.is(ObjKind::Future) || x.is(ObjKind::Task)) {
    Ref<Future> f(x.as<Future>());
    if (&f->loop() != &l) value_error("The future belongs to a different loop than the one specified as the loop argument");
    return l.run_until_complete(f);
  }
  (void)in;
  type_error("An asyncio.Future, a coroutine or an awaitable is required");
}

Value lp_run_forever(Interp&, const Value& self, CallArgs& a) {
  check_args("run_forever", a, 0, 0);
  EventLoop& l = loop_ref(self);
  if (l.is_closed()) raise(Exc::RuntimeError, "Event loop is closed");
  l.run_forever();
  return Value();
}

Value lp_stop(Interp&, const Value& self, CallArgs& a) {
  check_args("stop", a, 0, 0);
  loop_ref(self).stop();
  return Value();
}

Value lp_close(Interp&, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  loop_ref(self).close();
  return Value();
}

Value lp_is_closed(Interp&, const Value& self, CallArgs& a) {
  check_args("is_closed", a, 0, 0);
  return Value::boolean(loop_ref(self).is_closed());
}

Value lp_is_running(Interp&, const Value& self, CallArgs& a) {
  check_args("is_running", a, 0, 0);
  return Value::boolean(loop_ref(self).is_running());
}

}  // namespace

// functools.partial(f, a, k=v) called with b: f(a, b, k=v); a partial of a
// partial unwraps as CPython's constructor flattens it.
std::string callback_text(const Value& fn, const std::vector<Value>& args) {
  std::vector<Value> all = args;
  std::vector<std::pair<std::string, Value>> keywords;
  Value target = fn;
  for (PartialParts p; partial_parts(target, p);) {
    all.insert(all.begin(), p.args.begin(), p.args.end());
    for (auto& [k, v] : keywords) {  // the outer partial's keywords win
      for (auto& [k0, v0] : p.keywords)
        if (k0 == k) v0 = v;
    }
    for (auto& kv : keywords) {
      bool known = false;
      for (auto& kv0 : p.keywords) known = known || kv0.first == kv.first;
      if (!known) p.keywords.push_back(kv);
    }
    keywords = std::move(p.keywords);
    target = p.func;
  }
  std::string text = callable_name(target) + "(";
  for (size_t i = 0; i < all.size(); ++i) text += (i ? ", " : "") + trace_value(all[i]);
  for (size_t i = 0; i < keywords.size(); ++i) {
    text += (all.empty() && i == 0 ? "" : ", ") + keywords[i].first + "=" + trace_value(keywords[i].second);
  }
  return text + ")";
}

namespace {

std::function<void()> callback(Interp& in, const Value& fn, std::vector<Value> args, std::string& text) {
  text = callback_text(fn, args);
  Interp* ip = &in;
  return [ip, fn, args]() { ip->call(fn, args); };
}

// The handle's text is written again when it runs: its arguments may have
// changed since it was scheduled (CPython formats them then).
Value scheduled(Ref<Handle> h, const Value& fn, std::vector<Value> args) {
  h->set_source([fn, args] { return callback_source(fn, args); });
  h->set_describe([fn, args = std::move(args)] { return callback_text(fn, args); });
  return Value::object(h);
}

Value lp_get_debug(Interp&, const Value& self, CallArgs& a) {
  check_args("get_debug", a, 0, 0);
  return Value::boolean(loop_ref(self).debug);
}
Value lp_set_debug(Interp& in, const Value& self, CallArgs& a) {
  check_args("set_debug", a, 1, 1);
  EventLoop& loop = loop_ref(self);
  loop.debug = in.truthy(a.pos[0]);
  // CPython tells the loop's thread to switch coroutine origin tracking.
  if (loop.is_running()) {
    loop.call_soon([] {}, std::string("BaseEventLoop._set_coroutine_origin_tracking(") + (loop.debug ? "True" : "False") + ")");
  }
  return Value();
}
Value lp_slow_callback_duration(Interp&, const Value& self) { return Value::real(loop_ref(self).slow_callback_duration); }

Value lp_time(Interp&, const Value& self, CallArgs& a) {
  check_args("time", a, 0, 0);
  return Value::real(loop_ref(self).time());
}
Value lp_call_soon(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.empty()) type_error("call_soon() missing 1 required positional argument: 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[0], std::vector<Value>(a.pos.begin() + 1, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_soon(std::move(fn), text), a.pos[0],
                   std::vector<Value>(a.pos.begin() + 1, a.pos.end()));
}
Value lp_call_later(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("call_later() missing required positional arguments: 'delay' and 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[1], std::vector<Value>(a.pos.begin() + 2, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_later(seconds_of(a.pos[0]), std::move(fn), text), a.pos[1],
                   std::vector<Value>(a.pos.begin() + 2, a.pos.end()));
}
Value lp_call_at(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("call_at() missing required positional arguments: 'when' and 'callback'");
  std::string text;
  auto fn = callback(in, a.pos[1], std::vector<Value>(a.pos.begin() + 2, a.pos.end()), text);
  return scheduled(loop_of(in, self).call_at(seconds_of(a.pos[0]), std::move(fn), text), a.pos[1],
                   std::vector<Value>(a.pos.begin() + 2, a.pos.end()));
}
Value lp_call_soon_threadsafe(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.empty()) type_error("call_soon_threadsafe() missing 1 required positional argument: 'callback'");
  std::string text;
  std::vector<Value> args(a.pos.begin() + 1, a.pos.end());
  auto fn = callback(in, a.pos[0], args, text);
  World& w = in.world();
  if (w.threads.in_thread()) {
    // From a simulated thread: the loop takes the call at the thread's
    // clock, and only then is the handle made and its text written (the
    // labels of the objects it shows may be given meanwhile, as CPython
    // formats the callback then).
    EventLoop* lp = &loop_of(in, self);
    w.threads.schedule(w.now, [lp, fn, cb = a.pos[0], args] {
      scheduled(lp->call_soon(fn, callback_text(cb, args)), cb, args);
    });
    return Value();
  }
  Value made;  // the handle, when the call is made on the loop's thread
  call_soon_threadsafe(loop_of(in, self), std::move(fn), text, [&made, cb = a.pos[0], args](Handle* h) {
    made = scheduled(Ref<Handle>(h), cb, args);
  });
  return made;
}
Value lp_run_in_executor(Interp& in, const Value& self, CallArgs& a) {
  if (a.pos.size() < 2) type_error("run_in_executor() missing required positional arguments: 'executor' and 'func'");
  CallArgs rest{std::vector<Value>(a.pos.begin() + 2, a.pos.end()), {}};
  return Value::object(run_in_executor(in, loop_of(in, self), a.pos[0], a.pos[1], std::move(rest)));
}
Value lp_create_future(Interp& in, const Value& self, CallArgs& a) {
  check_args("create_future", a, 0, 0);
  // Inside asyncio's own script source (the streams), the future is named
  // after the function creating it, as CPython's asyncio functions are.
  const std::vector<Frame*>& fs = in.frames();
  if (!fs.empty() && fs.back()->module && fs.back()->module->name.rfind("asyncio.", 0) == 0) {
    const std::string& origin = fs.back()->code->name;
    return Value::object(loop_of(in, self).create_future(origin, origin + " %F"));
  }
  return Value::object(loop_of(in, self).create_future("create_future"));
}
Value lp_create_task(Interp& in, const Value& self, CallArgs& a) {
  return create_task_on(in, loop_of(in, self), a);
}
Value h_cancel(Interp&, const Value& self, CallArgs& a) {
  check_args("cancel", a, 0, 0);
  self_as<Handle>(self)->cancel();
  return Value();
}
Value h_when(Interp&, const Value& self, CallArgs& a) {
  check_args("when", a, 0, 0);
  return Value::real(self_as<Handle>(self)->when);
}
Value h_cancelled(Interp&, const Value& self, CallArgs& a) {
  check_args("cancelled", a, 0, 0);
  return Value::boolean(self_as<Handle>(self)->cancelled());
}


// ---- the exception handler (BaseEventLoop.call_exception_handler & co) ----

Value ctx_get(DictObj* ctx, const char* key) {
  Value* v = ctx->table.get(str_value(key));
  return v ? *v : Value();
}

std::string escape_newlines(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// default_exception_handler(context): the `! asyncio` line of the transcript.
void default_report(Interp& in, EventLoop& loop, DictObj* ctx) {
  Value msg = ctx_get(ctx, "message");
  std::string text = in.truthy(msg) ? in.str(msg) : "Unhandled exception in event loop";
  Value handle = ctx_get(ctx, "handle");
  const std::string prefix = "Exception in callback ";
  bool is_handle = handle.is(ObjKind::Handle);
  if (is_handle && text.compare(0, prefix.size(), prefix) == 0) {
    text = prefix + std::string(loop.trace().string(handle.as<Handle>()->text));
  }
  text = escape_newlines(text);
  for (const char* key : {"task", "future"}) {
    Value f = ctx_get(ctx, key);
    if (f.is(ObjKind::Future) || f.is(ObjKind::Task)) text += std::string(" ") + key + "=" + f.as<Future>()->label();
  }
  if (is_handle) text += " handle=h#" + std::to_string(handle.as<Handle>()->id);
  Value exc = ctx_get(ctx, "exception");
  if (exc.is(ObjKind::Exception)) text += " exception=" + trace_exc(exc.as<ExceptionObj>());
  Trace& t = loop.trace();
  t.add(Ev::AsyncioError, t.str(text));
}

// call_exception_handler(context): the program's handler, or the default;
// an error in the handler is reported through the default.
void call_handler(Interp& in, EventLoop& loop, const Value& context) {
  auto& handlers = in.state().exception_handlers;
  auto it = handlers.find(&loop);
  if (it == handlers.end()) {
    default_report(in, loop, context.as<DictObj>());
    return;
  }
  Value handler = it->second;
  try {
    in.call(handler, std::vector<Value>{loop_value(in, loop), context});
  } catch (const PyError& e) {
    if (is_exc(e.exc.get(), Exc::SystemExit) || is_exc(e.exc.get(), Exc::KeyboardInterrupt)) throw;
    auto d = make<DictObj>();
    d->table.set(str_value("message"), str_value("Unhandled error in exception handler"));
    d->table.set(str_value("exception"), Value::object(e.exc));
    d->table.set(str_value("context"), context);
    default_report(in, loop, d.get());
  }
}

// The context dict CPython builds for an error the loop itself reports.
Value context_dict(const ErrorContext& c) {
  auto d = make<DictObj>();
  auto put = [&d](const char* k, Value v) { d->table.set(str_value(k), std::move(v)); };
  const std::string prefix = "Exception in callback ";
  if (c.future && c.message == "Task was destroyed but it is pending!") {
    put("task", Value::object(c.future));
    put("message", str_value(c.message));
    return Value::object(d);
  }
  bool callback = c.handle && c.message.compare(0, prefix.size(), prefix) == 0;
  put("message", str_value(callback ? prefix + c.handle->source() : c.message));
  if (c.exc) put("exception", Value::object(c.exc));
  if (c.future) put(std::string(c.key) == "task" ? "task" : "future", Value::object(c.future));
  if (c.handle) put("handle", Value::object(c.handle));
  return Value::object(d);
}

bool is_callable(Interp& in, const Value& v) {
  Object* o = v.obj();
  if (!o) return false;
  if (o->kind() == ObjKind::Function || o->kind() == ObjKind::Class) return true;
  if (typeid(*o) == typeid(BoundMethodObj) || typeid(*o) == typeid(NativeObj)) return true;
  Value m;
  return o->kind() == ObjKind::Instance && in.lookup_attr(v, "__call__", m);
}

Value lp_set_exception_handler(Interp& in, const Value& self, CallArgs& a) {
  check_args("set_exception_handler", a, 1, 1);
  const Value& handler = a.pos[0];
  if (!handler.is_none() && !is_callable(in, handler)) {
    type_error("A callable object or None is expected, got " + in.repr(handler));
  }
  EventLoop& loop = loop_ref(self);
  auto& handlers = in.state().exception_handlers;
  if (handler.is_none()) {
    handlers.erase(&loop);
    loop.set_exception_handler(nullptr);
    return Value();
  }
  handlers[&loop] = handler;
  Interp* ip = &in;
  EventLoop* lp = &loop;
  loop.set_exception_handler([ip, lp](const ErrorContext& c) {
    // After a deadlock or a limit no program code runs any more.
    if (ip->quiet()) return lp->default_exception_handler(c);
    call_handler(*ip, *lp, context_dict(c));
  });
  return Value();
}

Value lp_get_exception_handler(Interp& in, const Value& self, CallArgs& a) {
  check_args("get_exception_handler", a, 0, 0);
  auto& handlers = in.state().exception_handlers;
  auto it = handlers.find(&loop_ref(self));
  return it == handlers.end() ? Value() : it->second;
}

DictObj* context_arg(const char* fn, CallArgs& a) {
  check_args(fn, a, 1, 1);
  if (!a.pos[0].is(ObjKind::Dict)) {
    raise(Exc::AttributeError, "'" + type_name(a.pos[0]) + "' object has no attribute 'get'");
  }
  return a.pos[0].as<DictObj>();
}

Value lp_default_exception_handler(Interp& in, const Value& self, CallArgs& a) {
  default_report(in, loop_ref(self), context_arg("default_exception_handler", a));
  return Value();
}

Value lp_call_exception_handler(Interp& in, const Value& self, CallArgs& a) {
  context_arg("call_exception_handler", a);
  call_handler(in, loop_ref(self), a.pos[0]);
  return Value();
}

}  // namespace

void install_loop_methods() {
  register_properties(engine_type("_UnixSelectorEventLoop"), {{"slow_callback_duration", lp_slow_callback_duration}});
    register_methods(engine_type("_UnixSelectorEventLoop"), {{"time", lp_time}, {"call_soon", lp_call_soon},
                                                {"call_later", lp_call_later}, {"call_at", lp_call_at},
                                                {"create_future", lp_create_future}, {"create_task", lp_create_task},
                                                {"run_until_complete", lp_run_until_complete},
                                                {"run_forever", lp_run_forever}, {"stop", lp_stop},
                                                {"close", lp_close}, {"is_closed", lp_is_closed},
                                                {"is_running", lp_is_running},
                                                {"call_soon_threadsafe", lp_call_soon_threadsafe},
                                                {"run_in_executor", lp_run_in_executor},
                                                {"set_exception_handler", lp_set_exception_handler},
                                                {"get_exception_handler", lp_get_exception_handler},
                                                {"default_exception_handler", lp_default_exception_handler},
                                                {"call_exception_handler", lp_call_exception_handler},
                                                {"get_debug", lp_get_debug}, {"set_debug", lp_set_debug}});
    register_methods(engine_type("Handle"), {{"cancel", h_cancel}, {"cancelled", h_cancelled}});
    register_methods(engine_type("TimerHandle"), {{"cancel", h_cancel}, {"cancelled", h_cancelled}, {"when", h_when}});
}

void add_loop_functions(ModuleObj& m) {
  add_function(m, "get_running_loop", a_get_running_loop);
  add_function(m, "get_event_loop", a_get_event_loop);
  add_function(m, "new_event_loop", a_new_event_loop);
  add_function(m, "set_event_loop", a_set_event_loop);
}

}  // namespace loopscope::script
