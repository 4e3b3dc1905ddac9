// What programs see of generators: the methods of generator and
// async_generator objects, and the aiter/anext built-ins.

#include <typeinfo>

#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

GeneratorObj* gen_of(const Value& self) { return static_cast<GeneratorObj*>(self.obj()); }
Ref<AsyncGenObj> agen_of(const Value& self) { return Ref<AsyncGenObj>(static_cast<AsyncGenObj*>(self.obj())); }

// throw(typ[, val]) / athrow(typ[, val]): the exception to raise inside.
Ref<ExceptionObj> thrown_exception(Interp& in, const char* fname, CallArgs& a) {
  check_args(fname, a, 1, 3);
  const Value& t = a.pos[0];
  if (t.is(ObjKind::Exception)) {
    if (a.pos.size() > 1 && !a.pos[1].is_none()) type_error("instance exception may not have a separate value");
    return Ref<ExceptionObj>(t.as<ExceptionObj>());
  }
  if (t.is(ObjKind::Class) && is_exception_class(t.as<ClassObj>())) {
    std::vector<Value> args;
    if (a.pos.size() > 1 && !a.pos[1].is_none()) {
      if (a.pos[1].is(ObjKind::Exception)) return Ref<ExceptionObj>(a.pos[1].as<ExceptionObj>());
      if (a.pos[1].is(ObjKind::Tuple)) args = a.pos[1].as<TupleObj>()->items;
      else args.push_back(a.pos[1]);
    }
    Value e = in.call(t, std::move(args));
    if (e.is(ObjKind::Exception)) return Ref<ExceptionObj>(e.as<ExceptionObj>());
  }
  type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(t));
}

Value g_next(Interp&, const Value& self, CallArgs& a) {
  check_args("__next__", a, 0, 0);
  return gen_of(self)->send(Value());
}
Value g_send(Interp&, const Value& self, CallArgs& a) {
  check_args("send", a, 1, 1);
  return gen_of(self)->send(a.pos[0]);
}
Value g_throw(Interp& in, const Value& self, CallArgs& a) {
  Ref<GeneratorObj> keep(gen_of(self));
  return keep->throw_in(thrown_exception(in, "throw", a));
}
Value g_close(Interp&, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  gen_of(self)->close();
  return Value();
}
Value g_iter(Interp&, const Value& self, CallArgs& a) {
  check_args("__iter__", a, 0, 0);
  return self;
}

Value step_value(Ref<AsyncGenObj> g, AsyncGenStep::Mode mode, Value v, Ref<ExceptionObj> e) {
  return Value::object(make<AsyncGenStep>(std::move(g), mode, std::move(v), std::move(e)));
}
Value ag_anext(Interp&, const Value& self, CallArgs& a) {
  check_args("__anext__", a, 0, 0);
  return step_value(agen_of(self), AsyncGenStep::Mode::ASend, Value(), nullptr);
}
Value ag_asend(Interp&, const Value& self, CallArgs& a) {
  check_args("asend", a, 1, 1);
  return step_value(agen_of(self), AsyncGenStep::Mode::ASend, a.pos[0], nullptr);
}
Value ag_athrow(Interp& in, const Value& self, CallArgs& a) {
  return step_value(agen_of(self), AsyncGenStep::Mode::AThrow, Value(), thrown_exception(in, "athrow", a));
}
Value ag_aclose(Interp&, const Value& self, CallArgs& a) {
  check_args("aclose", a, 0, 0);
  return step_value(agen_of(self), AsyncGenStep::Mode::AClose, Value(), nullptr);
}

Value p_gi_running(Interp&, const Value& self) { return Value::boolean(gen_of(self)->running()); }
Value p_ag_running(Interp&, const Value& self) { return Value::boolean(agen_of(self)->running_async); }
Value p_gen_name(Interp&, const Value& self) {
  auto* o = self.obj();
  if (typeid(*o) == typeid(GeneratorObj)) return str_value(gen_of(self)->name());
  return str_value(agen_of(self)->name());
}
Value p_gen_qualname(Interp&, const Value& self) {
  auto* o = self.obj();
  if (typeid(*o) == typeid(GeneratorObj)) return str_value(gen_of(self)->qualname());
  return str_value(agen_of(self)->qualname());
}

// anext(it, default): StopAsyncIteration from the step becomes `default`.
class ANextDefault final : public Coroutine {
 public:
  ANextDefault(Ref<Coroutine> inner, Value dflt) : inner_(std::move(inner)), default_(std::move(dflt)) {}
  std::string type_name() const override { return "anext_awaitable"; }
  std::string qualname() const override { return type_name(); }
  std::string repr() const override { return "<anext_awaitable object at 0x?>"; }
  StepResult send(Value v) override { return settle(inner_->send(std::move(v))); }
  StepResult throw_exc(Ref<ExceptionObj> e) override { return settle(inner_->throw_exc(std::move(e))); }
  void suspend_site(std::vector<SuspendFrame>& out) const override { inner_->suspend_site(out); }

 private:
  StepResult settle(StepResult r) {
    started_ = true;
    if (r.kind == StepResult::Kind::Raise && is_exc(r.exc.get(), Exc::StopAsyncIteration)) {
      r.kind = StepResult::Kind::Return;
      r.exc.reset();
      r.value = default_;
    }
    return r;
  }
  Ref<Coroutine> inner_;
  Value default_;
};

Value b_aiter(Interp& in, const Value&, CallArgs& a) {
  check_args("aiter", a, 1, 1);
  const Value& v = a.pos[0];
  bool agen = v.obj() && typeid(*v.obj()) == typeid(AsyncGenObj);
  Value m;
  if (!agen && !(v.is(ObjKind::Instance) && in.lookup_attr(v, "__aiter__", m))) {
    type_error("'" + type_name(v) + "' object is not an async iterable");
  }
  if (agen) return v;
  return in.call(m, std::vector<Value>{});
}

Value b_anext(Interp& in, const Value&, CallArgs& a) {
  check_args("anext", a, 1, 2);
  const Value& v = a.pos[0];
  bool agen = v.obj() && typeid(*v.obj()) == typeid(AsyncGenObj);
  Value m;
  if (!agen && !(v.is(ObjKind::Instance) && in.lookup_attr(v, "__anext__", m))) {
    type_error("'" + type_name(v) + "' object is not an async iterator");
  }
  Value aw = agen ? step_value(agen_of(v), AsyncGenStep::Mode::ASend, Value(), nullptr) : in.call(m, std::vector<Value>{});
  if (a.pos.size() == 1) return aw;
  if (!aw.is(ObjKind::Coroutine)) type_error("anext() with a default needs a coroutine from __anext__");
  return Value::object(make<ANextDefault>(Ref<Coroutine>(aw.as<Coroutine>()), a.pos[1]));
}

// The coroutine object of an `async def` call: close(), its names, cr_running.
ScriptCoroutine* script_coro(const Value& self) {
  Object* o = self.obj();
  return o && typeid(*o) == typeid(ScriptCoroutine) ? static_cast<ScriptCoroutine*>(o) : nullptr;
}
Value c_close(Interp&, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  if (ScriptCoroutine* c = script_coro(self)) {
    if (Ref<ExceptionObj> e = c->close_by_program()) throw PyError{e};
  }
  return Value();
}
// coroutine.__await__(): the coroutine itself stands for CPython's
// coroutine_wrapper (an object's __await__ returning coro.__await__() is
// then awaited as the coroutine).
Value c_await(Interp&, const Value& self, CallArgs& a) {
  check_args("__await__", a, 0, 0);
  return self;
}
Value p_coro_name(Interp&, const Value& self) {
  ScriptCoroutine* c = script_coro(self);
  return str_value(c ? c->name() : self.as<Coroutine>()->qualname());
}
Value p_coro_qualname(Interp&, const Value& self) {
  ScriptCoroutine* c = script_coro(self);
  return str_value(c ? c->full_qualname() : self.as<Coroutine>()->qualname());
}
Value p_cr_running(Interp&, const Value& self) {
  ScriptCoroutine* c = script_coro(self);
  return Value::boolean(c && c->running());
}

Value p_cr_code(Interp&, const Value& self) {
  ScriptCoroutine* c = script_coro(self);
  return c ? Value::object(c->code()) : Value();
}
const CodeObj& code_of(const Value& self) { return *static_cast<const CodeObj*>(self.obj()); }
Value p_co_name(Interp&, const Value& self) { return str_value(code_of(self).name); }
Value p_co_qualname(Interp&, const Value& self) { return str_value(code_of(self).qualname); }
Value p_co_filename(Interp&, const Value& self) { return str_value(code_of(self).file); }
Value p_co_firstlineno(Interp&, const Value& self) { return Value::integer(code_of(self).first_line); }

}  // namespace

void install_generator_builtins(Interp& in) {
  register_properties(engine_type("code"), {{"co_name", p_co_name}, {"co_qualname", p_co_qualname},
                               {"co_filename", p_co_filename}, {"co_firstlineno", p_co_firstlineno}});
  register_methods(builtin_class(BuiltinType::Coroutine), {{"close", c_close}, {"__await__", c_await}});
  register_properties(builtin_class(BuiltinType::Coroutine), {{"__name__", p_coro_name}, {"__qualname__", p_coro_qualname},
                                    {"cr_running", p_cr_running}, {"cr_code", p_cr_code}});
  register_methods(engine_type("generator"), {{"__next__", g_next}, {"send", g_send}, {"throw", g_throw}, {"close", g_close},
                                 {"__iter__", g_iter}});
  register_properties(engine_type("generator"), {{"gi_running", p_gi_running}, {"__name__", p_gen_name}, {"__qualname__", p_gen_qualname}});
  register_methods(engine_type("async_generator"), {{"__aiter__", g_iter}, {"__anext__", ag_anext}, {"asend", ag_asend},
                                       {"athrow", ag_athrow}, {"aclose", ag_aclose}});
  register_properties(engine_type("async_generator"),
                      {{"ag_running", p_ag_running}, {"__name__", p_gen_name}, {"__qualname__", p_gen_qualname}});
  in.define_builtin("aiter", Value::object(make<NativeObj>("aiter", b_aiter)));
  in.define_builtin("anext", Value::object(make<NativeObj>("anext", b_anext)));
}

}  // namespace loopscope::script
