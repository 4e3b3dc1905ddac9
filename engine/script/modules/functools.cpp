// The functools module: reduce and partial.

#include "engine/script/modules/functools.hpp"

#include <typeinfo>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"

namespace loopscope::script {

namespace {

Value f_reduce(Interp& in, const Value&, CallArgs& a) {
  expect_args("reduce", a, 2, 3);
  Value it = in.iter(a.pos[1]);
  Value acc;
  bool have = a.pos.size() == 3;
  if (have) acc = a.pos[2];
  Value v;
  while (in.next(it, v)) {
    if (!have) {
      acc = v;
      have = true;
    } else {
      acc = in.call(a.pos[0], {acc, v});
    }
  }
  if (!have) type_error("reduce() of empty iterable with no initial value");
  return acc;
}

// A partial is a built-in callable whose self is (func, args, kwargs):
// the stored keywords come first and the call's override them.
Value call_partial(Interp& in, const Value& self, CallArgs& a) {
  const auto& parts = self.as<TupleObj>()->items;
  CallArgs call;
  call.pos = parts[1].as<TupleObj>()->items;
  call.pos.insert(call.pos.end(), a.pos.begin(), a.pos.end());
  for (const Value& kv : parts[2].as<TupleObj>()->items) {
    const auto& p = kv.as<TupleObj>()->items;
    call.kw.emplace_back(p[0].as<StrObj>()->value, p[1]);
  }
  for (auto& [k, v] : a.kw) {
    bool replaced = false;
    for (auto& [k0, v0] : call.kw)
      if (k0 == k) v0 = v, replaced = true;
    if (!replaced) call.kw.emplace_back(k, v);
  }
  return in.call(parts[0], call);
}

Value f_partial(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("type 'partial' takes at least one argument");
  CallArgs probe;
  probe.pos = {a.pos[0]};
  if (!in.truthy(in.call(in.builtin("callable"), probe))) type_error("the first argument must be callable");
  std::vector<Value> kws;
  for (const auto& [k, v] : a.kw) kws.push_back(Value::object(make<TupleObj>(std::vector<Value>{str_value(k), v})));
  std::vector<Value> parts = {a.pos[0], Value::object(make<TupleObj>(std::vector<Value>(a.pos.begin() + 1, a.pos.end()))),
                              Value::object(make<TupleObj>(std::move(kws)))};
  return Value::object(make<NativeObj>("partial", call_partial, Value::object(make<TupleObj>(std::move(parts)))));
}

}  // namespace

bool partial_parts(const Value& fn, PartialParts& out) {
  Object* o = fn.obj();
  if (!o || typeid(*o) != typeid(NativeObj) || static_cast<NativeObj*>(o)->fn != call_partial) return false;
  const auto& parts = static_cast<NativeObj*>(o)->self.as<TupleObj>()->items;
  out.func = parts[0];
  out.args = parts[1].as<TupleObj>()->items;
  out.keywords.clear();
  for (const Value& kv : parts[2].as<TupleObj>()->items) {
    const auto& p = kv.as<TupleObj>()->items;
    out.keywords.emplace_back(p[0].as<StrObj>()->value, p[1]);
  }
  return true;
}

Ref<ModuleObj> make_functools_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("functools");
  add_function(*m, "reduce", f_reduce);
  add_function(*m, "partial", f_partial);
  return m;
}

}  // namespace loopscope::script
