#include "engine/object/reprlib.hpp"

#include <algorithm>
#include <vector>

#include "engine/object/bigint.hpp"
#include "engine/object/dict.hpp"

namespace loopscope {

namespace {

// reprlib.Repr's defaults.
constexpr size_t kMaxLevel = 6;
constexpr size_t kMaxItems = 6;  // maxlist, maxtuple
constexpr size_t kMaxDict = 4;
constexpr size_t kMaxString = 30;
constexpr size_t kMaxLong = 40;
constexpr size_t kMaxOther = 30;

// Byte offsets of the code points of a UTF-8 string, plus its size.
std::vector<size_t> code_points(const std::string& s) {
  std::vector<size_t> at;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) at.push_back(i);
  }
  at.push_back(s.size());
  return at;
}

// s[:i] + '...' + s[len(s)-j:], counted in code points.
std::string cut(const std::string& s, size_t limit) {
  std::vector<size_t> at = code_points(s);
  size_t n = at.size() - 1;
  if (n <= limit) return s;
  size_t i = (limit - 3) / 2;
  size_t j = limit - 3 - i;
  return s.substr(0, at[i]) + "..." + s.substr(at[n - j]);
}

// s[:i] + '...' + s[len(s)-j:] for reprlib's i and j, in code points.
std::string fill(const std::string& s, size_t limit) {
  std::vector<size_t> at = code_points(s);
  size_t n = at.size() - 1;
  size_t i = std::min(n, (limit - 3) / 2);
  size_t j = std::min(n, limit - 3 - (limit - 3) / 2);
  return s.substr(0, at[i]) + "..." + s.substr(at[n - j]);
}

std::string repr_str(const std::string& x) {
  std::vector<size_t> at = code_points(x);
  size_t n = at.size() - 1;
  std::string s = str_repr(x.substr(0, at[std::min(n, kMaxString)]));
  if (code_points(s).size() - 1 <= kMaxString) return s;
  size_t i = (kMaxString - 3) / 2;
  size_t j = kMaxString - 3 - i;
  std::string shorter = x.substr(0, at[std::min(n, i)]) + x.substr(at[n >= j ? n - j : 0]);
  return fill(str_repr(shorter), kMaxString);
}

std::string repr_level(const Value& v, size_t level);

std::string repr_items(const std::vector<Value>& items, size_t level, const char* open, const char* close,
                       bool tuple) {
  if (items.empty()) return std::string(open) + close;
  if (level == 0) return std::string(open) + "..." + close;
  std::string s = open;
  for (size_t k = 0; k < items.size() && k < kMaxItems; ++k) s += (k ? ", " : "") + repr_level(items[k], level - 1);
  if (items.size() > kMaxItems) s += ", ...";
  if (tuple && items.size() == 1) s += ",";
  return s + close;
}

bool is_number(const Value& v) { return v.is_int() || v.is_bool() || v.is_float() || v.is(ObjKind::BigInt); }
double number(const Value& v) {
  return v.is_float() ? v.as_float() : v.is_bool() ? double(v.as_bool()) : double(v.as_int());
}
// a < b for two numbers, exact when a big int takes part.
bool number_less(const Value& a, const Value& b) {
  if (!a.is(ObjKind::BigInt) && !b.is(ObjKind::BigInt)) return number(a) < number(b);
  if (a.is_float()) return compare_int_double(Mpz(b).z, a.as_float()) > 0;
  if (b.is_float()) return compare_int_double(Mpz(a).z, b.as_float()) < 0;
  return mpz_cmp(Mpz(a).z, Mpz(b).z) < 0;
}

// _possibly_sorted: sorted when the keys compare (all numbers, or all
// strings), else in insertion order.
std::vector<const ValueTable::Entry*> possibly_sorted(const ValueTable& table) {
  std::vector<const ValueTable::Entry*> keys;
  bool numbers = true, strings = true;
  for (const auto& e : table.entries()) {
    if (!e.live) continue;
    keys.push_back(&e);
    numbers = numbers && is_number(e.key);
    strings = strings && e.key.is(ObjKind::Str);
  }
  if (numbers) {
    std::stable_sort(keys.begin(), keys.end(), [](auto* a, auto* b) { return number_less(a->key, b->key); });
  } else if (strings) {
    std::stable_sort(keys.begin(), keys.end(), [](auto* a, auto* b) {
      return a->key.template as<StrObj>()->value < b->key.template as<StrObj>()->value;
    });
  }
  return keys;
}

std::string repr_dict(const ValueTable& table, size_t level) {
  if (table.size() == 0) return "{}";
  if (level == 0) return "{...}";
  std::string s = "{";
  size_t n = 0;
  for (const ValueTable::Entry* e : possibly_sorted(table)) {
    if (n == kMaxDict) break;
    s += (n++ ? ", " : "") + repr_level(e->key, level - 1) + ": " + repr_level(e->value, level - 1);
  }
  if (table.size() > kMaxDict) s += ", ...";
  return s + "}";
}

std::string repr_level(const Value& v, size_t level) {
  if (v.is(ObjKind::Dict)) return repr_dict(v.as<DictObj>()->table, level);
  if (v.is_int() || v.is(ObjKind::BigInt)) return cut(repr(v), kMaxLong);
  if (v.is(ObjKind::Str)) return repr_str(v.as<StrObj>()->value);
  if (v.is(ObjKind::List)) {
    return repr_items(v.as<ListObj>()->items, level, "[", "]", false);
  }
  if (v.is(ObjKind::Tuple)) {
    return repr_items(v.as<TupleObj>()->items, level, "(", ")", true);
  }
  return cut(repr(v), kMaxOther);
}

}  // namespace

std::string reprlib_repr(const Value& v) { return repr_level(v, kMaxLevel); }

}  // namespace loopscope
