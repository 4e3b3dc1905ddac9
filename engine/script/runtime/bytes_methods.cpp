// The methods of bytes and bytearray, str.encode, bytes.fromhex and
// int.to_bytes / int.from_bytes.

#include <algorithm>

#include "engine/script/modules/args.hpp"
#include "engine/object/bigint.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script {

namespace {

BytesObj* self_b(const Value& self) { return self.as<BytesObj>(); }
const std::string& sv(const Value& self) { return self.as<BytesObj>()->value; }
Value same(const Value& self, std::string s) { return bytes_value(std::move(s), self_b(self)->is_array); }

const std::string& need_bytes(const Value& v) {
  const std::string* b = bytes_like(v);
  if (!b) type_error("a bytes-like object is required, not '" + type_name(v) + "'");
  return *b;
}

std::string opt_str(const CallArgs& a, size_t pos, const char* name, const char* fallback, const char* what) {
  Value v = arg_or(a, pos, name, str_value(fallback));
  return as_str(v, what);
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// ---- conversions ----

Value m_decode(Interp&, const Value& self, CallArgs& a) {
  check_args("decode", a, 0, 2, true);
  return str_value(decode_bytes(sv(self), opt_str(a, 0, "encoding", "utf-8", "decode() argument 'encoding'"),
                                opt_str(a, 1, "errors", "strict", "decode() argument 'errors'")));
}

Value m_encode(Interp&, const Value& self, CallArgs& a) {
  check_args("encode", a, 0, 2, true);
  return bytes_value(encode_text(self.as<StrObj>()->value, opt_str(a, 0, "encoding", "utf-8", "encode() argument 'encoding'"),
                                 opt_str(a, 1, "errors", "strict", "encode() argument 'errors'")));
}

Value m_hex(Interp&, const Value& self, CallArgs& a) {
  check_args("hex", a, 0, 1, true);
  Value sep = arg_or(a, 0, "sep", Value());
  std::string out;
  static const char* digits = "0123456789abcdef";
  for (size_t i = 0; i < sv(self).size(); ++i) {
    if (i > 0 && !sep.is_none()) out += sep.is(ObjKind::Str) ? sep.as<StrObj>()->value : need_bytes(sep);
    auto c = static_cast<unsigned char>(sv(self)[i]);
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return str_value(out);
}

std::string from_hex(const std::string& s) {
  std::string out;
  auto val = [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10 : -1;
  };
  for (size_t i = 0; i < s.size();) {
    if (is_ws(s[i])) {
      ++i;
      continue;
    }
    int hi = val(s[i]);
    int lo = i + 1 < s.size() ? val(s[i + 1]) : -1;
    if (hi < 0) value_error("non-hexadecimal number found in fromhex() arg at position " + std::to_string(i));
    if (lo < 0) value_error("non-hexadecimal number found in fromhex() arg at position " + std::to_string(i + 1));
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

Value c_fromhex(Interp&, const Value&, CallArgs& a) {
  check_args("fromhex", a, 1, 1);
  return bytes_value(from_hex(as_str(a.pos[0], "fromhex() argument")));
}
Value c_bytearray_fromhex(Interp&, const Value&, CallArgs& a) {
  check_args("fromhex", a, 1, 1);
  return bytes_value(from_hex(as_str(a.pos[0], "fromhex() argument")), true);
}

// ---- searching ----

Value m_find_impl(const Value& self, CallArgs& a, bool reverse, bool raise_missing) {
  check_args(raise_missing ? "index" : "find", a, 1, 3);
  const std::string& s = sv(self);
  std::string sub = a.pos[0].is_int() ? std::string(1, static_cast<char>(a.pos[0].as_int())) : need_bytes(a.pos[0]);
  int64_t n = static_cast<int64_t>(s.size());
  auto clampi = [n](int64_t i) { return std::clamp<int64_t>(i < 0 ? i + n : i, 0, n); };
  int64_t start = a.pos.size() > 1 && !a.pos[1].is_none() ? clampi(to_int(a.pos[1], "slice index")) : 0;
  int64_t end = a.pos.size() > 2 && !a.pos[2].is_none() ? clampi(to_int(a.pos[2], "slice index")) : n;
  int64_t found = -1;
  if (end - start >= static_cast<int64_t>(sub.size())) {
    std::string_view window(s.data() + start, static_cast<size_t>(end - start));
    size_t p = reverse ? window.rfind(sub) : window.find(sub);
    if (p != std::string_view::npos) found = start + static_cast<int64_t>(p);
  }
  if (found < 0 && raise_missing) value_error("subsection not found");
  return Value::integer(found);
}
Value m_find(Interp&, const Value& self, CallArgs& a) { return m_find_impl(self, a, false, false); }
Value m_rfind(Interp&, const Value& self, CallArgs& a) { return m_find_impl(self, a, true, false); }
Value m_index(Interp&, const Value& self, CallArgs& a) { return m_find_impl(self, a, false, true); }
Value m_rindex(Interp&, const Value& self, CallArgs& a) { return m_find_impl(self, a, true, true); }

Value m_count(Interp&, const Value& self, CallArgs& a) {
  check_args("count", a, 1, 1);
  std::string sub = a.pos[0].is_int() ? std::string(1, static_cast<char>(a.pos[0].as_int())) : need_bytes(a.pos[0]);
  const std::string& s = sv(self);
  if (sub.empty()) return Value::integer(static_cast<int64_t>(s.size()) + 1);
  int64_t c = 0;
  for (size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++c;
  return Value::integer(c);
}

Value affix(const Value& self, CallArgs& a, bool prefix, const char* name) {
  check_args(name, a, 1, 1);
  const std::string& s = sv(self);
  auto test = [&](const std::string& x) {
    return x.size() <= s.size() && (prefix ? s.compare(0, x.size(), x) == 0 : s.compare(s.size() - x.size(), x.size(), x) == 0);
  };
  if (a.pos[0].is(ObjKind::Tuple)) {
    for (const Value& v : a.pos[0].as<TupleObj>()->items)
      if (test(need_bytes(v))) return Value::boolean(true);
    return Value::boolean(false);
  }
  if (!bytes_like(a.pos[0])) {
    type_error(std::string(name) + " first arg must be bytes or a tuple of bytes, not " + type_name(a.pos[0]));
  }
  return Value::boolean(test(need_bytes(a.pos[0])));
}
Value m_startswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, true, "startswith"); }
Value m_endswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, false, "endswith"); }

// ---- transforming ----

Value m_replace(Interp&, const Value& self, CallArgs& a) {
  check_args("replace", a, 2, 3);
  const std::string& old = need_bytes(a.pos[0]);
  const std::string& rep = need_bytes(a.pos[1]);
  int64_t count = a.pos.size() > 2 ? to_int(a.pos[2], "count") : -1;
  const std::string& s = sv(self);
  std::string out;
  size_t i = 0;
  for (int64_t done = 0; count < 0 || done < count; ++done) {
    size_t p = old.empty() ? (i <= s.size() ? i : std::string::npos) : s.find(old, i);
    if (p == std::string::npos) break;
    out.append(s, i, p - i);
    out += rep;
    if (old.empty()) {
      if (p < s.size()) out += s[p];
      i = p + 1;
    } else {
      i = p + old.size();
    }
  }
  if (i < s.size()) out.append(s, i);
  return same(self, out);
}

Value map_case(const Value& self, CallArgs& a, const char* name, int (*f)(int)) {
  check_args(name, a, 0, 0);
  std::string s = sv(self);
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(f(c));
  return same(self, s);
}
Value m_upper(Interp&, const Value& self, CallArgs& a) { return map_case(self, a, "upper", ::toupper); }
Value m_lower(Interp&, const Value& self, CallArgs& a) { return map_case(self, a, "lower", ::tolower); }

Value strip_impl(const Value& self, CallArgs& a, bool left, bool right, const char* name) {
  check_args(name, a, 0, 1);
  std::string chars = a.pos.empty() || a.pos[0].is_none() ? std::string(" \t\n\r\v\f") : need_bytes(a.pos[0]);
  const std::string& s = sv(self);
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  if (right)
    while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  return same(self, s.substr(b, e - b));
}
Value m_strip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, true, true, "strip"); }
Value m_lstrip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, true, false, "lstrip"); }
Value m_rstrip(Interp&, const Value& self, CallArgs& a) { return strip_impl(self, a, false, true, "rstrip"); }

Value m_split(Interp&, const Value& self, CallArgs& a) {
  check_args("split", a, 0, 2, true);
  Value sep = arg_or(a, 0, "sep", Value());
  int64_t maxsplit = to_int(arg_or(a, 1, "maxsplit", Value::integer(-1)), "maxsplit");
  const std::string& s = sv(self);
  std::vector<Value> out;
  if (sep.is_none()) {
    size_t i = 0;
    while (true) {
      while (i < s.size() && is_ws(s[i])) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
        out.push_back(same(self, s.substr(i)));
        break;
      }
      size_t j = i;
      while (j < s.size() && !is_ws(s[j])) ++j;
      out.push_back(same(self, s.substr(i, j - i)));
      i = j;
    }
    return Value::object(make<ListObj>(std::move(out)));
  }
  const std::string& d = need_bytes(sep);
  if (d.empty()) value_error("empty separator");
  size_t i = 0;
  for (size_t p; (maxsplit < 0 || static_cast<int64_t>(out.size()) < maxsplit) && (p = s.find(d, i)) != std::string::npos;) {
    out.push_back(same(self, s.substr(i, p - i)));
    i = p + d.size();
  }
  out.push_back(same(self, s.substr(i)));
  return Value::object(make<ListObj>(std::move(out)));
}

Value m_splitlines(Interp& in, const Value& self, CallArgs& a) {
  check_args("splitlines", a, 0, 1, true);
  bool keep = in.truthy(arg_or(a, 0, "keepends", Value::boolean(false)));
  const std::string& s = sv(self);
  std::vector<Value> out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    size_t eol = j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    out.push_back(same(self, s.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return Value::object(make<ListObj>(std::move(out)));
}

Value partition_impl(const Value& self, CallArgs& a, bool reverse) {
  check_args(reverse ? "rpartition" : "partition", a, 1, 1);
  const std::string& d = need_bytes(a.pos[0]);
  if (d.empty()) value_error("empty separator");
  const std::string& s = sv(self);
  size_t p = reverse ? s.rfind(d) : s.find(d);
  std::vector<Value> parts;
  if (p == std::string::npos) {
    parts = reverse ? std::vector<Value>{same(self, ""), same(self, ""), same(self, s)}
                    : std::vector<Value>{same(self, s), same(self, ""), same(self, "")};
  } else {
    parts = {same(self, s.substr(0, p)), same(self, d), same(self, s.substr(p + d.size()))};
  }
  return Value::object(make<TupleObj>(std::move(parts)));
}
Value m_partition(Interp&, const Value& self, CallArgs& a) { return partition_impl(self, a, false); }
Value m_rpartition(Interp&, const Value& self, CallArgs& a) { return partition_impl(self, a, true); }

Value m_join(Interp& in, const Value& self, CallArgs& a) {
  check_args("join", a, 1, 1);
  std::string out;
  size_t i = 0;
  for (const Value& v : in.to_vector(a.pos[0])) {
    const std::string* b = bytes_like(v);
    if (!b) type_error("sequence item " + std::to_string(i) + ": expected a bytes-like object, " + type_name(v) + " found");
    if (i++ > 0) out += sv(self);
    out += *b;
  }
  return same(self, out);
}

template <int (*Pred)(int)>
Value all_of(Interp&, const Value& self, CallArgs&) {
  const std::string& s = sv(self);
  if (s.empty()) return Value::boolean(false);
  for (unsigned char c : s)
    if (c >= 0x80 || !Pred(c)) return Value::boolean(false);
  return Value::boolean(true);
}

// ---- bytearray mutation ----

int64_t byte_arg(const Value& v) {
  if (!v.is_int() && !v.is_bool()) type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  int64_t x = v.is_int() ? v.as_int() : v.as_bool();
  if (x < 0 || x > 255) value_error("byte must be in range(0, 256)");
  return x;
}

Value m_append(Interp&, const Value& self, CallArgs& a) {
  check_args("append", a, 1, 1);
  self_b(self)->value += static_cast<char>(byte_arg(a.pos[0]));
  return Value();
}

Value m_extend(Interp& in, const Value& self, CallArgs& a) {
  check_args("extend", a, 1, 1);
  if (const std::string* b = bytes_like(a.pos[0])) {
    self_b(self)->value += std::string(*b);
    return Value();
  }
  if (a.pos[0].is(ObjKind::Str)) type_error("expected iterable of integers; got: 'str'");
  std::string add;
  for (const Value& v : in.to_vector(a.pos[0])) add += static_cast<char>(byte_arg(v));
  self_b(self)->value += add;
  return Value();
}

Value m_pop(Interp&, const Value& self, CallArgs& a) {
  check_args("pop", a, 0, 1);
  std::string& s = self_b(self)->value;
  if (s.empty()) raise(Exc::IndexError, "pop from empty bytearray");
  int64_t n = static_cast<int64_t>(s.size());
  int64_t i = a.pos.empty() ? n - 1 : to_int(a.pos[0], "index");
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc::IndexError, "pop index out of range");
  auto c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
  s.erase(static_cast<size_t>(i), 1);
  return Value::integer(c);
}

Value m_insert(Interp&, const Value& self, CallArgs& a) {
  check_args("insert", a, 2, 2);
  std::string& s = self_b(self)->value;
  int64_t n = static_cast<int64_t>(s.size());
  int64_t i = to_int(a.pos[0], "index");
  if (i < 0) i += n;
  i = std::clamp<int64_t>(i, 0, n);
  s.insert(s.begin() + i, static_cast<char>(byte_arg(a.pos[1])));
  return Value();
}

Value m_remove(Interp&, const Value& self, CallArgs& a) {
  check_args("remove", a, 1, 1);
  std::string& s = self_b(self)->value;
  size_t p = s.find(static_cast<char>(byte_arg(a.pos[0])));
  if (p == std::string::npos) value_error("value not found in bytearray");
  s.erase(p, 1);
  return Value();
}

Value m_clear(Interp&, const Value& self, CallArgs& a) {
  check_args("clear", a, 0, 0);
  self_b(self)->value.clear();
  return Value();
}

Value m_copy(Interp&, const Value& self, CallArgs& a) {
  check_args("copy", a, 0, 0);
  return bytes_value(sv(self), true);
}

Value m_reverse(Interp&, const Value& self, CallArgs& a) {
  check_args("reverse", a, 0, 0);
  std::reverse(self_b(self)->value.begin(), self_b(self)->value.end());
  return Value();
}

// ---- int.to_bytes / int.from_bytes ----

bool little_order(const Value& v) {
  const std::string& o = as_str(v, "to_bytes() argument 'byteorder'");
  if (o != "little" && o != "big") value_error("byteorder must be either 'little' or 'big'");
  return o == "little";
}

Value m_to_bytes(Interp& in, const Value& self, CallArgs& a) {
  check_args("to_bytes", a, 0, 2, true);
  int64_t len = to_int(arg_or(a, 0, "length", Value::integer(1)), "length");
  bool little = little_order(arg_or(a, 1, "byteorder", str_value("big")));
  bool is_signed = in.truthy(arg_or(a, 99, "signed", Value::boolean(false)));
  if (len < 0) value_error("length argument must be non-negative");
  Mpz x(self), bound;
  if (mpz_sgn(x.z) < 0 && !is_signed) raise(Exc::OverflowError, "can't convert negative int to unsigned");
  mp_bitcnt_t bits = static_cast<mp_bitcnt_t>(8 * len);
  mpz_ui_pow_ui(bound.z, 2, is_signed && bits > 0 ? bits - 1 : bits);  // the first value that does not fit
  Mpz low;
  if (is_signed && bits > 0) mpz_neg(low.z, bound.z);
  if (mpz_cmp(x.z, bound.z) >= 0 || mpz_cmp(x.z, low.z) < 0) raise(Exc::OverflowError, "int too big to convert");
  if (mpz_sgn(x.z) < 0) mpz_fdiv_r_2exp(x.z, x.z, bits);  // two's complement in `len` bytes
  std::string out(static_cast<size_t>(len), '\0');
  size_t count = 0;
  std::string raw((mpz_sizeinbase(x.z, 2) + 7) / 8 + 1, '\0');
  mpz_export(raw.data(), &count, 1, 1, 1, 0, x.z);
  std::copy(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(count), out.end() - static_cast<std::ptrdiff_t>(count));
  if (little) std::reverse(out.begin(), out.end());
  return bytes_value(out);
}

Value c_from_bytes(Interp& in, const Value&, CallArgs& a) {
  check_args("from_bytes", a, 1, 2, true);
  const std::string* bp = bytes_like(a.pos[0]);
  CallArgs conv{{a.pos[0]}, {}};
  std::string data = bp ? *bp : c_bytes(in, Value(), conv).as<BytesObj>()->value;
  bool little = little_order(arg_or(a, 1, "byteorder", str_value("big")));
  bool is_signed = in.truthy(arg_or(a, 99, "signed", Value::boolean(false)));
  if (little) std::reverse(data.begin(), data.end());
  Mpz v;
  if (!data.empty()) mpz_import(v.z, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    Mpz wrap;
    mpz_ui_pow_ui(wrap.z, 2, 8 * data.size());
    mpz_sub(v.z, v.z, wrap.z);
  }
  return int_value(v.z);
}

}  // namespace

void install_bytes_methods() {
  static const std::initializer_list<std::pair<const char*, NativeFn>> common = {
      {"decode", m_decode}, {"hex", m_hex}, {"find", m_find}, {"rfind", m_rfind}, {"index", m_index},
      {"rindex", m_rindex}, {"count", m_count}, {"startswith", m_startswith}, {"endswith", m_endswith},
      {"replace", m_replace}, {"upper", m_upper}, {"lower", m_lower}, {"strip", m_strip}, {"lstrip", m_lstrip},
      {"rstrip", m_rstrip}, {"split", m_split}, {"splitlines", m_splitlines}, {"partition", m_partition},
      {"rpartition", m_rpartition}, {"join", m_join}, {"isdigit", all_of<std::isdigit>},
      {"isalpha", all_of<std::isalpha>}, {"isalnum", all_of<std::isalnum>}, {"isspace", all_of<std::isspace>},
  };
  register_methods(builtin_class(BuiltinType::Bytes), common);
  register_methods(builtin_class(BuiltinType::ByteArray), common);
  register_methods(builtin_class(BuiltinType::ByteArray), {{"append", m_append}, {"extend", m_extend}, {"pop", m_pop}, {"insert", m_insert},
                                 {"remove", m_remove}, {"clear", m_clear}, {"copy", m_copy}, {"reverse", m_reverse}});
  register_methods(builtin_class(BuiltinType::Str), {{"encode", m_encode}});
  register_methods(builtin_class(BuiltinType::Int), {{"to_bytes", m_to_bytes}});
  register_methods(builtin_class(BuiltinType::Bool), {{"to_bytes", m_to_bytes}});
  builtin_class(BuiltinType::Bytes)->attrs["fromhex"] = Value::object(make<NativeObj>("fromhex", c_fromhex));
  builtin_class(BuiltinType::ByteArray)->attrs["fromhex"] = Value::object(make<NativeObj>("fromhex", c_bytearray_fromhex));
  builtin_class(BuiltinType::Int)->attrs["from_bytes"] = Value::object(make<NativeObj>("from_bytes", c_from_bytes));
}

}  // namespace loopscope::script
