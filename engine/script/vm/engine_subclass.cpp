// Instances of user subclasses of engine classes (class MyQueue(asyncio.Queue)):
// an InstanceObj whose `base` holds the engine object (the Queue itself),
// made by super().__init__(...) or, without an __init__ of the user's, by
// the class call. The user's methods come first; the engine object's
// methods answer the rest, and super().put(...) reaches them directly.

#include "engine/script/runtime/descriptors.hpp"
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

}  // namespace

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
