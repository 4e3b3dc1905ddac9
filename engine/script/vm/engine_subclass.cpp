// Instances of user subclasses of engine classes (class MyQueue(asyncio.Queue)):
// an InstanceObj whose `base` holds the engine object (the Queue itself),
// made by super().__init__(...) or, without an __init__ of the user's, by
// the class call. The user's methods come first; the engine object's
// methods answer the rest, and super().put(...) reaches them directly.

#include <typeinfo>

#include "engine/lib/queue.hpp"
#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

InstanceObj* engine_instance(const Value& v) {
  if (!v.is(ObjKind::Instance)) return nullptr;
  auto* inst = v.as<InstanceObj>();
  return engine_base_constructor(inst->cls.get()) ? inst : nullptr;
}

// super().__init__(...): the engine class's constructor makes the object.
Value engine_init(Interp& in, const Value& self, CallArgs& a) {
  in.make_engine_base(self.as<InstanceObj>(), a);
  return Value();
}

// The engine object, made with no arguments if __init__ never made it.
Value base_of(Interp& in, InstanceObj* inst) {
  if (inst->base.is_none()) {
    CallArgs none;
    in.make_engine_base(inst, none);
  }
  return inst->base;
}

// A queue subclass's _put/_get/_qsize/_init (CPython's queues.py hooks):
// the queue stores its items through the overrides, and _init(maxsize)
// runs once the queue is made. Without a _qsize of its own, a class whose
// _init made `self._queue` is sized by len(self._queue), as queues.py does.
void install_queue_hooks(Interp& in, InstanceObj* inst) {
  auto* q = static_cast<asyncio::Queue*>(inst->base.obj());
  ClassObj* cls = inst->cls.get();
  Value self = Value::object(inst);
  auto method = [&](const char* name) -> Value {
    const Value* m = in.class_lookup(cls, name);
    return m ? descriptor_get(in, *m, self, cls) : Value();
  };
  Value put = method("_put"), get = method("_get"), qsize = method("_qsize"), init = method("_init");
  Interp* ip = &in;
  asyncio::Queue::Hooks h;
  if (!put.is_none()) h.put = [ip, put](const Value& item) { ip->call(put, std::vector<Value>{item}); };
  if (!get.is_none()) h.get = [ip, get]() { return ip->call(get, std::vector<Value>{}); };
  if (!qsize.is_none()) {
    h.qsize = [ip, qsize]() { return to_int(ip->call(qsize, std::vector<Value>{}), "_qsize()"); };
  } else if (!init.is_none()) {
    InstanceObj* raw = inst;  // the instance owns the queue, so outlives its hooks
    auto* plain = q;
    h.qsize = [ip, raw, plain]() -> int64_t {
      auto it = raw->attrs.find("_queue");
      return it == raw->attrs.end() ? int64_t(plain->plain_qsize()) : ip->len(it->second);
    };
  }
  q->set_hooks(std::move(h));
  if (!init.is_none()) in.call(init, std::vector<Value>{Value::integer(q->maxsize())});
}

bool is_queue(const Value& v) { return v.obj() && typeid(*v.obj()) == typeid(asyncio::Queue); }

// The queue's own _init/_put/_get/_qsize (super()._put(item) reaches them).
Value q_init(Interp&, const Value& self, CallArgs& a) {
  check_args("_init", a, 1, 1);
  self.as<asyncio::Queue>()->plain_init();
  return Value();
}
Value q_put(Interp&, const Value& self, CallArgs& a) {
  check_args("_put", a, 1, 1);
  self.as<asyncio::Queue>()->plain_put(a.pos[0]);
  return Value();
}
Value q_get(Interp&, const Value& self, CallArgs& a) {
  check_args("_get", a, 0, 0);
  return self.as<asyncio::Queue>()->plain_get();
}
Value q_qsize(Interp&, const Value& self, CallArgs& a) {
  check_args("_qsize", a, 0, 0);
  return Value::integer(int64_t(self.as<asyncio::Queue>()->plain_qsize()));
}

}  // namespace

void install_queue_storage_methods() {
  for (const char* q : {"Queue", "PriorityQueue", "LifoQueue"}) {
    register_methods(engine_type(q), {{"_init", q_init}, {"_put", q_put}, {"_get", q_get}, {"_qsize", q_qsize}});
  }
}

// The engine object is labelled after the subclass (MyQueue#1), as the oracle does.
void Interp::make_engine_base(InstanceObj* inst, CallArgs& args) {
  world().subclass_name = inst->cls->name;
  try {
    inst->base = engine_base_constructor(inst->cls.get())(*this, Value(), args);
  } catch (...) {
    world().subclass_name.clear();
    throw;
  }
  world().subclass_name.clear();
  if (is_queue(inst->base)) install_queue_hooks(*this, inst);
}

bool Interp::engine_base_attr(const Value& obj, const std::string& name, Value& out) {
  InstanceObj* inst = engine_instance(obj);
  if (!inst) return false;
  if (name == "__aenter__") {
    // async with: the lock's acquire(), the subclass's own if it has one.
    if (const Value* acquire = class_lookup(inst->cls.get(), "acquire")) {
      Value bound = descriptor_get(*this, *acquire, obj, inst->cls.get());
      out = Value::object(make<NativeObj>("__aenter__", [](Interp& in, const Value& f, CallArgs&) {
        return in.call(f, std::vector<Value>{});
      }, bound));
      return true;
    }
  } else if (name.starts_with("__") && name != "__aexit__") {
    return false;
  }
  return lookup_attr(base_of(*this, inst), name, out);
}

bool Interp::engine_super_attr(const Value& self, const std::string& name, Value& out) {
  InstanceObj* inst = engine_instance(self);
  if (!inst) return false;
  if (name == "__init__") {
    out = Value::object(make<NativeObj>("__init__", engine_init, self));
    return true;
  }
  return lookup_attr(base_of(*this, inst), name, out);
}

}  // namespace loopscope::script
