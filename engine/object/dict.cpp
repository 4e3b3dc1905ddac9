#include "engine/object/dict.hpp"

#include "engine/object/bigint.hpp"

#include <cmath>
#include <algorithm>
#include <cstring>

namespace loopscope {

namespace {

constexpr uint64_t kModulus = (1ull << 61) - 1;  // CPython's _PyHASH_MODULUS

uint64_t hash_double_cpython(double v);

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
  return hash_double_cpython(d);
}

uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

// CPython 3.11's str hash: SipHash-1-3 with the all-zero key of
// PYTHONHASHSEED=0, over the string's PEP 393 representation (1, 2 or 4
// bytes per code point, little-endian).
uint64_t siphash13(const uint8_t* in, size_t len) {
  uint64_t b = static_cast<uint64_t>(len) << 56;
  uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
  uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
  auto round = [&] {
    v0 += v1; v2 += v3; v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2; v0 = rotl(v0, 32);
    v2 += v1; v0 += v3; v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0; v2 = rotl(v2, 32);
  };
  while (len >= 8) {
    uint64_t mi = 0;
    for (int k = 7; k >= 0; --k) mi = (mi << 8) | in[k];
    in += 8;
    len -= 8;
    v3 ^= mi;
    round();
    v0 ^= mi;
  }
  uint64_t t = 0;
  for (size_t k = len; k-- > 0;) t = (t << 8) | in[k];
  b |= t;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round();
  round();
  round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

uint64_t hash_str(const std::string& s) {
  if (s.empty()) return 0;
  bool ascii = true;
  for (unsigned char c : s) ascii &= c < 0x80;
  uint64_t h;
  if (ascii) {
    h = siphash13(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  } else {
    std::vector<uint32_t> cps;
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
      for (int k = 1; k < n && i + static_cast<size_t>(k) < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
      cps.push_back(cp);
      i += static_cast<size_t>(n);
    }
    uint32_t mx = 0;
    for (uint32_t cp : cps) mx = std::max(mx, cp);
    size_t width = mx < 0x100 ? 1 : mx < 0x10000 ? 2 : 4;
    std::vector<uint8_t> bytes;
    bytes.reserve(cps.size() * width);
    for (uint32_t cp : cps)
      for (size_t k = 0; k < width; ++k) bytes.push_back(static_cast<uint8_t>(cp >> (8 * k)));
    h = siphash13(bytes.data(), bytes.size());
  }
  if (h == static_cast<uint64_t>(-1)) h = static_cast<uint64_t>(-2);
  return h;
}

// CPython's _Py_HashDouble for finite values.
uint64_t hash_double_cpython(double v) {
  constexpr int kBits = 61;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  if (x == static_cast<uint64_t>(-1)) x = static_cast<uint64_t>(-2);
  return x;
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
    case ObjKind::Str: return hash_str(static_cast<StrObj*>(o)->value);
    case ObjKind::Bytes: {  // the raw bytes through the same SipHash as str
      auto* b = static_cast<BytesObj*>(o);
      if (b->is_array) throw PyError{make_exc(Exc::TypeError, "unhashable type: 'bytearray'")};
      if (b->value.empty()) return 0;
      uint64_t h = siphash13(reinterpret_cast<const uint8_t*>(b->value.data()), b->value.size());
      return h == static_cast<uint64_t>(-1) ? static_cast<uint64_t>(-2) : h;
    }
    case ObjKind::Tuple: {  // CPython 3.8+: xxHash-based
      const auto& items = static_cast<TupleObj*>(o)->items;
      uint64_t acc = 2870177450012600261ull;
      for (const Value& x : items) {
        acc += hash_value(x) * 14029467366897019727ull;
        acc = (acc << 31) | (acc >> 33);
        acc *= 11400714785074694791ull;
      }
      acc += items.size() ^ (2870177450012600261ull ^ 3527539ull);
      if (acc == static_cast<uint64_t>(-1)) return 1546275796;
      return acc;
    }
    case ObjKind::BigInt: return hash_bigint(static_cast<BigIntObj*>(o)->z);
    case ObjKind::List: case ObjKind::Dict: case ObjKind::Set:
      throw PyError{make_exc(Exc::TypeError, "unhashable type: '" + o->type_name() + "'")};
    default:
      if (KeyProtocol* kp = o->key_protocol()) return kp->key_hash(v);
      if (const Value* n = o->number_base()) return hash_value(*n);
      return o->identity_hash();
  }
}

// An int (any size, or bool) equals a float only when exactly equal.
static bool int_equals_double(const Value& i, double d) {
  if (std::isnan(d) || std::isinf(d)) return false;
  if (!i.is(ObjKind::BigInt)) {
    int64_t x = i.is_int() ? i.as_int() : (i.as_bool() ? 1 : 0);
    if (x >= -(int64_t{1} << 53) && x <= (int64_t{1} << 53)) return static_cast<double>(x) == d;
  }
  return compare_int_double(Mpz(i).z, d) == 0;
}

bool values_equal(const Value& a, const Value& b) {
  using T = Value::Tag;
  // An instance of an int or float subclass equals its number.
  if (const Value* n = a.is(ObjKind::Instance) ? a.obj()->number_base() : nullptr) return values_equal(*n, b);
  if (const Value* n = b.is(ObjKind::Instance) ? b.obj()->number_base() : nullptr) return values_equal(a, *n);
  if (a.is_obj() && b.is_obj() && a.obj() == b.obj()) return true;
  if (KeyProtocol* kp = a.is_obj() ? a.obj()->key_protocol() : nullptr) return kp->key_equal(a, b);
  if (KeyProtocol* kp = b.is_obj() ? b.obj()->key_protocol() : nullptr) return kp->key_equal(a, b);
  auto numeric = [](const Value& v) {
    return v.tag() == T::Bool || v.tag() == T::Int || v.tag() == T::Float || v.is(ObjKind::BigInt);
  };
  if (numeric(a) && numeric(b)) {
    if (a.is_float() && b.is_float()) return a.as_float() == b.as_float();
    if (a.is_float() || b.is_float()) return int_equals_double(a.is_float() ? b : a, a.is_float() ? a.as_float() : b.as_float());
    if (a.is(ObjKind::BigInt) || b.is(ObjKind::BigInt)) {
      if (!a.is(ObjKind::BigInt) || !b.is(ObjKind::BigInt)) return false;  // a big int never fits 64 bits
      return mpz_cmp(static_cast<BigIntObj*>(a.obj())->z, static_cast<BigIntObj*>(b.obj())->z) == 0;
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
    case ObjKind::Bytes: return static_cast<BytesObj*>(x)->value == static_cast<BytesObj*>(y)->value;
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

// ---- SetTable: Objects/setobject.c ----

namespace {
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;
}  // namespace

int64_t SetTable::find(const Value& key) const {
  uint64_t hash = hash_value(key);
  size_t mask = table_.size() - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    for (;;) {
      const Entry& e = table_[j];
      if (!e.live && !e.dummy) return -1;
      if (e.live && e.hash == hash && values_equal(e.key, key)) return static_cast<int64_t>(j);
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool SetTable::add(const Value& key, uint64_t hash) {
  size_t mask = table_.size() - 1;
  size_t i = static_cast<size_t>(hash) & mask;
  size_t perturb = static_cast<size_t>(hash);
  Entry* freeslot = nullptr;
  Entry* entry = nullptr;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    size_t j = i;
    for (;;) {
      entry = &table_[j];
      if (!entry->live && !entry->dummy) goto found_unused_or_dummy;
      if (entry->live) {
        if (entry->hash == hash && values_equal(entry->key, key)) return false;
      } else {
        freeslot = entry;
      }
      if (probes-- == 0) break;
      ++j;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  ++version_;
  if (freeslot) {
    ++used_;
    freeslot->key = key;
    freeslot->hash = hash;
    freeslot->live = true;
    freeslot->dummy = false;
    return true;
  }
  ++fill_;
  ++used_;
  entry->key = key;
  entry->hash = hash;
  entry->live = true;
  if (fill_ * 5 < mask * 3) return true;
  resize(used_ > 50000 ? used_ * 2 : used_ * 4);
  return true;
}

void SetTable::insert_clean(std::vector<Entry>& table, size_t mask, const Value& key, uint64_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    Entry* entry = &table[i];
    if (!entry->live) goto found;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; ++j) {
        ++entry;
        if (!entry->live) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    entry->key = key;
    entry->hash = hash;
    entry->live = true;
    return;
  }
}

void SetTable::resize(size_t minused) {
  size_t newsize = 8;
  while (newsize <= minused) newsize <<= 1;
  if (newsize == 8 && table_.size() == 8 && fill_ == used_) return;
  std::vector<Entry> old(newsize);
  old.swap(table_);
  fill_ = used_;
  for (const Entry& e : old)
    if (e.live) insert_clean(table_, newsize - 1, e.key, e.hash);
  ++version_;
}

bool SetTable::discard(const Value& key, uint64_t hash) {
  (void)hash;
  int64_t i = find(key);
  if (i < 0) return false;
  Entry& e = table_[static_cast<size_t>(i)];
  Value k = std::move(e.key);  // released after the table is consistent
  e.key = Value();
  e.hash = static_cast<uint64_t>(-1);
  e.live = false;
  e.dummy = true;
  --used_;
  ++version_;
  return true;
}

bool SetTable::erase(const Value& key) { return discard(key, 0); }

bool SetTable::pop(Value& key) {
  if (used_ == 0) return false;
  size_t mask = table_.size() - 1;
  size_t i = finger_ & mask;
  while (!table_[i].live) i = (i + 1) & mask;
  key = std::move(table_[i].key);
  table_[i].key = Value();
  table_[i].hash = static_cast<uint64_t>(-1);
  table_[i].live = false;
  table_[i].dummy = true;
  --used_;
  ++version_;
  finger_ = i + 1;
  return true;
}

void SetTable::clear() {
  std::vector<Entry> old(8);
  old.swap(table_);
  fill_ = used_ = 0;
  ++version_;
}

void SetTable::reserve_for_update(size_t n) {
  if ((fill_ + n) * 5 >= (table_.size() - 1) * 3) resize((used_ + n) * 2);
}

void SetTable::merge(const SetTable& other) {
  if (&other == this || other.used_ == 0) return;
  if ((fill_ + other.used_) * 5 >= (table_.size() - 1) * 3) resize((used_ + other.used_) * 2);
  ++version_;
  if (fill_ == 0 && table_.size() == other.table_.size() && other.fill_ == other.used_) {
    for (size_t i = 0; i < table_.size(); ++i) {
      if (other.table_[i].live) table_[i] = other.table_[i];
    }
    fill_ = other.fill_;
    used_ = other.used_;
    return;
  }
  if (fill_ == 0) {
    fill_ = used_ = other.used_;
    for (const Entry& e : other.table_)
      if (e.live) insert_clean(table_, table_.size() - 1, e.key, e.hash);
    return;
  }
  for (const Entry& e : other.table_)
    if (e.live) add(e.key, e.hash);
}

void SetTable::swap(SetTable& other) noexcept {
  table_.swap(other.table_);
  std::swap(fill_, other.fill_);
  std::swap(used_, other.used_);
  std::swap(finger_, other.finger_);
  ++version_;
  ++other.version_;
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
