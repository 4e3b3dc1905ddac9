#include "engine/object/dict.hpp"

#include <cmath>
#include <cstring>

namespace loopscope {

namespace {

constexpr uint64_t kModulus = (1ull << 61) - 1;  // CPython's _PyHASH_MODULUS

uint64_t hash_int(int64_t i) {
  // CPython: hash(-1) is -2; other ints hash to themselves modulo 2**61-1.
  bool neg = i < 0;
  uint64_t m = neg ? (0 - static_cast<uint64_t>(i)) : static_cast<uint64_t>(i);
  m %= kModulus;
  int64_t h = neg ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
  if (h == -1) h = -2;
  return static_cast<uint64_t>(h);
}

uint64_t hash_double(double d) {
  if (std::isnan(d)) return 0;
  if (std::isinf(d)) return d > 0 ? 314159 : static_cast<uint64_t>(-314159);
  double ip;
  if (std::modf(d, &ip) == 0.0 && std::fabs(d) < 9.2e18) return hash_int(static_cast<int64_t>(d));
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits * 0x9E3779B97F4A7C15ull;
}

uint64_t hash_bytes(const std::string& s) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

uint64_t hash_value(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return 0x5bd1e995;
    case Value::Tag::Bool: return v.as_bool() ? 1 : 0;
    case Value::Tag::Int: return hash_int(v.as_int());
    case Value::Tag::Float: return hash_double(v.as_float());
    case Value::Tag::Obj: break;
  }
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Str: return hash_bytes(static_cast<StrObj*>(o)->value);
    case ObjKind::Tuple: {
      uint64_t h = 0x345678;
      for (const Value& x : static_cast<TupleObj*>(o)->items) h = (h ^ hash_value(x)) * 1000003ull + 97531;
      return h;
    }
    case ObjKind::List: case ObjKind::Dict: case ObjKind::Set:
      throw PyError{make_exc(Exc::TypeError, "unhashable type: '" + o->type_name() + "'")};
    default: {
      uintptr_t p = reinterpret_cast<uintptr_t>(o);
      return static_cast<uint64_t>(p >> 4) * 0x9E3779B97F4A7C15ull;
    }
  }
}

bool values_equal(const Value& a, const Value& b) {
  using T = Value::Tag;
  auto numeric = [](const Value& v) { return v.tag() == T::Bool || v.tag() == T::Int || v.tag() == T::Float; };
  if (numeric(a) && numeric(b)) {
    if (a.is_float() || b.is_float()) {
      auto as_d = [](const Value& v) {
        return v.is_float() ? v.as_float() : v.is_int() ? static_cast<double>(v.as_int()) : (v.as_bool() ? 1.0 : 0.0);
      };
      return as_d(a) == as_d(b);
    }
    auto as_i = [](const Value& v) { return v.is_int() ? v.as_int() : (v.as_bool() ? 1 : 0); };
    return as_i(a) == as_i(b);
  }
  if (a.tag() != b.tag()) return false;
  if (!a.is_obj()) return a.is_none();
  Object* x = a.obj();
  Object* y = b.obj();
  if (x == y) return true;
  if (x->kind() != y->kind()) return false;
  switch (x->kind()) {
    case ObjKind::Str: return static_cast<StrObj*>(x)->value == static_cast<StrObj*>(y)->value;
    case ObjKind::Tuple: case ObjKind::List: {
      const auto& p = x->kind() == ObjKind::Tuple ? static_cast<TupleObj*>(x)->items : static_cast<ListObj*>(x)->items;
      const auto& q = x->kind() == ObjKind::Tuple ? static_cast<TupleObj*>(y)->items : static_cast<ListObj*>(y)->items;
      if (p.size() != q.size()) return false;
      for (size_t i = 0; i < p.size(); ++i)
        if (!values_equal(p[i], q[i])) return false;
      return true;
    }
    case ObjKind::Dict: {
      auto& p = static_cast<DictObj*>(x)->table;
      auto& q = static_cast<DictObj*>(y)->table;
      if (p.size() != q.size()) return false;
      for (const auto& e : p.entries()) {
        if (!e.live) continue;
        Value* other = q.get(e.key);
        if (!other || !values_equal(e.value, *other)) return false;
      }
      return true;
    }
    case ObjKind::Set: {
      auto& p = static_cast<SetObj*>(x)->table;
      auto& q = static_cast<SetObj*>(y)->table;
      if (p.size() != q.size()) return false;
      for (const auto& e : p.entries())
        if (e.live && q.find(e.key) < 0) return false;
      return true;
    }
    default: return false;
  }
}

size_t ValueTable::slot_for(const Value& key, uint64_t h, bool& found) const {
  size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(h) & mask;
  for (;;) {
    int32_t idx = slots_[i];
    if (idx < 0) {
      found = false;
      return i;
    }
    const Entry& e = entries_[static_cast<size_t>(idx)];
    if (e.live && e.hash == h && values_equal(e.key, key)) {
      found = true;
      return i;
    }
    i = (i + 1) & mask;
  }
}

int64_t ValueTable::find(const Value& key) const {
  uint64_t h = hash_value(key);
  if (slots_.empty()) return -1;
  bool found;
  size_t s = slot_for(key, h, found);
  return found ? slots_[s] : -1;
}

Value* ValueTable::get(const Value& key) {
  int64_t i = find(key);
  return i < 0 ? nullptr : &entries_[static_cast<size_t>(i)].value;
}

void ValueTable::rebuild(size_t capacity) {
  std::vector<Entry> old;
  old.swap(entries_);
  entries_.reserve(old.size());
  for (Entry& e : old)
    if (e.live) entries_.push_back(std::move(e));
  slots_.assign(capacity, -1);
  size_t mask = capacity - 1;
  for (size_t k = 0; k < entries_.size(); ++k) {
    size_t i = static_cast<size_t>(entries_[k].hash) & mask;
    while (slots_[i] >= 0) i = (i + 1) & mask;
    slots_[i] = static_cast<int32_t>(k);
  }
}

bool ValueTable::set(const Value& key, Value value) {
  uint64_t h = hash_value(key);
  if (slots_.empty()) rebuild(8);
  bool found;
  size_t s = slot_for(key, h, found);
  if (found) {
    entries_[static_cast<size_t>(slots_[s])].value = std::move(value);
    return false;
  }
  // Dead entries keep their slots (so probing stays correct) until a rebuild.
  if ((entries_.size() + 1) * 3 >= slots_.size() * 2) {
    size_t cap = slots_.size();
    while ((live_ + 1) * 3 >= cap) cap *= 2;
    rebuild(cap);
    s = slot_for(key, h, found);
  }
  slots_[s] = static_cast<int32_t>(entries_.size());
  entries_.push_back(Entry{key, std::move(value), h, true});
  ++live_;
  ++version_;
  return true;
}

bool ValueTable::erase(const Value& key) {
  int64_t i = find(key);
  if (i < 0) return false;
  Entry& e = entries_[static_cast<size_t>(i)];
  e.live = false;
  Value k = std::move(e.key), v = std::move(e.value);  // released after the table is consistent
  --live_;
  ++version_;
  return true;
}

bool ValueTable::pop_last(Value& key, Value& value) {
  for (size_t i = entries_.size(); i-- > 0;) {
    if (!entries_[i].live) continue;
    key = entries_[i].key;
    value = entries_[i].value;
    erase(key);
    return true;
  }
  return false;
}

void ValueTable::clear() {
  std::vector<Entry> old;
  old.swap(entries_);
  slots_.clear();
  live_ = 0;
  ++version_;
}

std::string DictObj::repr() const {
  std::string out = "{";
  bool first = true;
  for (const auto& e : table.entries()) {
    if (!e.live) continue;
    if (!first) out += ", ";
    first = false;
    out += loopscope::repr(e.key) + ": " + loopscope::repr(e.value);
  }
  return out + "}";
}

std::string SetObj::repr() const {
  if (table.size() == 0) return "set()";
  std::string out = "{";
  bool first = true;
  for (const auto& e : table.entries()) {
    if (!e.live) continue;
    if (!first) out += ", ";
    first = false;
    out += loopscope::repr(e.key);
  }
  return out + "}";
}

}  // namespace loopscope
