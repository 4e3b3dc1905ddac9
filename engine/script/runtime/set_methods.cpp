// Methods of the built-in set type, and CPython's set algorithms
// (Objects/setobject.c) that set operators share with them. Split out of
// methods.cpp.

#include "engine/script/vm/interp.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

Value none() { return Value(); }

// ---- set ----

SetTable& set_of(const Value& self) { return self.as<SetObj>()->table; }

Value m_add(Interp&, const Value& self, CallArgs& a) {
  check_args("add", a, 1, 1);
  set_of(self).set(a.pos[0]);
  return none();
}
Value m_sremove(Interp&, const Value& self, CallArgs& a) {
  check_args("remove", a, 1, 1);
  if (!set_of(self).erase(a.pos[0])) throw PyError{make_exc(Exc::KeyError, std::vector<Value>{a.pos[0]})};
  return none();
}
Value m_discard(Interp&, const Value& self, CallArgs& a) {
  check_args("discard", a, 1, 1);
  set_of(self).erase(a.pos[0]);
  return none();
}
Value m_spop(Interp&, const Value& self, CallArgs& a) {
  check_args("pop", a, 0, 0);
  Value k;
  if (set_of(self).pop(k)) return k;
  raise(Exc::KeyError, "pop from an empty set");
}
Value m_union(Interp& in, const Value& self, CallArgs& a) {
  check_args("union", a, 0, SIZE_MAX);
  Ref<SetObj> r = set_copy(set_of(self));
  for (const Value& o : a.pos) set_update(in, r->table, o);
  return Value::object(r);
}
Value m_intersection(Interp& in, const Value& self, CallArgs& a) {
  check_args("intersection", a, 0, SIZE_MAX);
  if (a.pos.empty()) return Value::object(set_copy(set_of(self)));
  Value r = self;
  for (const Value& o : a.pos) r = Value::object(set_intersection(in, r.as<SetObj>(), o));
  return r;
}
Value m_difference(Interp& in, const Value& self, CallArgs& a) {
  check_args("difference", a, 0, SIZE_MAX);
  if (a.pos.empty()) return Value::object(set_copy(set_of(self)));
  Ref<SetObj> r = set_difference(in, self.as<SetObj>(), a.pos[0]);
  for (size_t i = 1; i < a.pos.size(); ++i) set_difference_update(in, r->table, a.pos[i]);
  return Value::object(r);
}
Value m_symdiff(Interp& in, const Value& self, CallArgs& a) {
  check_args("symmetric_difference", a, 1, 1);
  return Value::object(set_symmetric_difference(in, self.as<SetObj>(), a.pos[0]));
}
Value m_supdate(Interp& in, const Value& self, CallArgs& a) {
  check_args("update", a, 0, SIZE_MAX);
  for (const Value& o : a.pos) set_update(in, set_of(self), o);
  return none();
}
Value m_sintersection_update(Interp& in, const Value& self, CallArgs& a) {
  check_args("intersection_update", a, 0, SIZE_MAX);
  Value r = self;
  for (const Value& o : a.pos) r = Value::object(set_intersection(in, r.as<SetObj>(), o));
  if (r.obj() != self.obj()) set_of(self).swap(r.as<SetObj>()->table);
  return none();
}
Value m_sdifference_update(Interp& in, const Value& self, CallArgs& a) {
  check_args("difference_update", a, 0, SIZE_MAX);
  for (const Value& o : a.pos) set_difference_update(in, set_of(self), o);
  return none();
}
Value m_ssymdiff_update(Interp& in, const Value& self, CallArgs& a) {
  check_args("symmetric_difference_update", a, 1, 1);
  set_symmetric_difference_update(in, self.as<SetObj>(), a.pos[0]);
  return none();
}
Value m_sclear(Interp&, const Value& self, CallArgs& a) {
  check_args("clear", a, 0, 0);
  set_of(self).clear();
  return none();
}
Value m_scopy(Interp&, const Value& self, CallArgs& a) {
  check_args("copy", a, 0, 0);
  return Value::object(set_copy(set_of(self)));
}
Value m_issubset(Interp& in, const Value& self, CallArgs& a) {
  check_args("issubset", a, 1, 1);
  Ref<SetObj> o = make<SetObj>();
  set_update(in, o->table, a.pos[0]);
  return in.compare(CmpOp::LtE, self, Value::object(o));
}
Value m_issuperset(Interp& in, const Value& self, CallArgs& a) {
  check_args("issuperset", a, 1, 1);
  Ref<SetObj> o = make<SetObj>();
  set_update(in, o->table, a.pos[0]);
  return in.compare(CmpOp::GtE, self, Value::object(o));
}
Value m_isdisjoint(Interp& in, const Value& self, CallArgs& a) {
  check_args("isdisjoint", a, 1, 1);
  for (const Value& v : in.to_vector(a.pos[0]))
    if (set_of(self).find(v) >= 0) return Value::boolean(false);
  return Value::boolean(true);
}

}  // namespace

// Run by install_builtin_methods.
void install_set_methods() {
  register_methods(builtin_class(BuiltinType::Set), {
      {"add", m_add}, {"remove", m_sremove}, {"discard", m_discard}, {"pop", m_spop}, {"union", m_union},
      {"intersection", m_intersection}, {"difference", m_difference}, {"symmetric_difference", m_symdiff},
      {"update", m_supdate}, {"clear", m_sclear}, {"copy", m_scopy}, {"issubset", m_issubset},
      {"issuperset", m_issuperset}, {"isdisjoint", m_isdisjoint},
      {"intersection_update", m_sintersection_update}, {"difference_update", m_sdifference_update},
      {"symmetric_difference_update", m_ssymdiff_update},
  });
}

// ---- CPython's set algorithms (Objects/setobject.c) ----

Ref<SetObj> set_copy(const SetTable& t) {
  Ref<SetObj> r = make<SetObj>();
  r->table.merge(t);
  return r;
}

void set_update(Interp& in, SetTable& so, const Value& other) {
  if (other.is(ObjKind::Set)) {
    so.merge(other.as<SetObj>()->table);
    return;
  }
  if (other.is(ObjKind::Dict)) {
    const ValueTable& d = other.as<DictObj>()->table;
    so.reserve_for_update(d.size());
    for (const auto& e : d.entries())
      if (e.live) so.add(e.key, e.hash);
    return;
  }
  for (const Value& v : in.to_vector(other)) so.set(v);
}

Ref<SetObj> set_intersection(Interp& in, SetObj* so, const Value& other) {
  if (other.obj() == so) return set_copy(so->table);
  Ref<SetObj> result = make<SetObj>();
  if (other.is(ObjKind::Set)) {
    const SetTable* a = &so->table;
    const SetTable* b = &other.as<SetObj>()->table;
    if (b->size() > a->size()) std::swap(a, b);
    for (const auto& e : b->entries())
      if (e.live && a->contains(e.key)) result->table.add(e.key, e.hash);
    return result;
  }
  for (const Value& v : in.to_vector(other))
    if (so->table.contains(v)) result->table.set(v);
  return result;
}

void set_difference_update(Interp& in, SetTable& so, const Value& other) {
  if (other.is(ObjKind::Set)) {
    const SetTable& o = other.as<SetObj>()->table;
    if (&o == &so) {
      so.clear();
      return;
    }
    std::vector<Value> keys;
    for (const auto& e : o.entries())
      if (e.live) keys.push_back(e.key);
    for (const Value& k : keys) so.erase(k);
    return;
  }
  for (const Value& v : in.to_vector(other)) so.erase(v);
}

Ref<SetObj> set_difference(Interp& in, SetObj* so, const Value& other) {
  size_t other_size;
  if (other.is(ObjKind::Set)) other_size = other.as<SetObj>()->table.size();
  else if (other.is(ObjKind::Dict)) other_size = other.as<DictObj>()->table.size();
  else other_size = SIZE_MAX;
  if (other_size == SIZE_MAX || (so->table.size() >> 2) > other_size) {
    Ref<SetObj> r = set_copy(so->table);
    set_difference_update(in, r->table, other);
    return r;
  }
  Ref<SetObj> result = make<SetObj>();
  for (const auto& e : so->table.entries()) {
    if (!e.live) continue;
    bool in_other = other.is(ObjKind::Set) ? other.as<SetObj>()->table.contains(e.key)
                                           : other.as<DictObj>()->table.find(e.key) >= 0;
    if (!in_other) result->table.add(e.key, e.hash);
  }
  return result;
}

void set_symmetric_difference_update(Interp& in, SetObj* so, const Value& other) {
  if (other.obj() == so) {
    so->table.clear();
    return;
  }
  Ref<SetObj> keep;
  const SetTable* o;
  if (other.is(ObjKind::Set)) {
    o = &other.as<SetObj>()->table;
  } else if (other.is(ObjKind::Dict)) {
    for (const auto& e : other.as<DictObj>()->table.entries()) {
      if (e.live && !so->table.discard(e.key, e.hash)) so->table.add(e.key, e.hash);
    }
    return;
  } else {
    keep = make<SetObj>();
    set_update(in, keep->table, other);
    o = &keep->table;
  }
  std::vector<std::pair<Value, uint64_t>> keys;
  for (const auto& e : o->entries())
    if (e.live) keys.emplace_back(e.key, e.hash);
  for (auto& [k, h] : keys)
    if (!so->table.discard(k, h)) so->table.add(k, h);
}

Ref<SetObj> set_symmetric_difference(Interp& in, SetObj* so, const Value& other) {
  Ref<SetObj> r = make<SetObj>();
  set_update(in, r->table, other);
  set_symmetric_difference_update(in, r.get(), Value::object(Ref<SetObj>(so)));
  return r;
}

}  // namespace loopscope::script
