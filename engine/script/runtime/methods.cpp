// Methods of the built-in types: str, list, tuple, dict, set.

#include <algorithm>
#include <map>
#include <unordered_map>

#include "engine/script/vm/interp.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

Value none() { return Value(); }

// ---- str ----

const std::string& self_str(const Value& self) { return self.as<StrObj>()->value; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string strip_chars(const std::string& s, const Value* chars, bool left, bool right) {
  auto strip_it = [&](char c) {
    if (chars && !chars->is_none()) return as_str(*chars, "strip arg").find(c) != std::string::npos;
    return is_space(c);
  };
  size_t b = 0, e = s.size();
  if (left) while (b < e && strip_it(s[b])) ++b;
  if (right) while (e > b && strip_it(s[e - 1])) --e;
  return s.substr(b, e - b);
}

Value m_strip(Interp&, const Value& self, CallArgs& a) {
  check_args("strip", a, 0, 1);
  return str_value(strip_chars(self_str(self), a.pos.empty() ? nullptr : &a.pos[0], true, true));
}
Value m_lstrip(Interp&, const Value& self, CallArgs& a) {
  check_args("lstrip", a, 0, 1);
  return str_value(strip_chars(self_str(self), a.pos.empty() ? nullptr : &a.pos[0], true, false));
}
Value m_rstrip(Interp&, const Value& self, CallArgs& a) {
  check_args("rstrip", a, 0, 1);
  return str_value(strip_chars(self_str(self), a.pos.empty() ? nullptr : &a.pos[0], false, true));
}

Value m_upper(Interp&, const Value& self, CallArgs& a) {
  check_args("upper", a, 0, 0);
  std::string s = self_str(self);
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return str_value(s);
}
Value m_lower(Interp&, const Value& self, CallArgs& a) {
  check_args("lower", a, 0, 0);
  std::string s = self_str(self);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return str_value(s);
}
Value m_capitalize(Interp&, const Value& self, CallArgs& a) {
  check_args("capitalize", a, 0, 0);
  std::string s = self_str(self);
  for (size_t i = 0; i < s.size(); ++i)
    s[i] = static_cast<char>(i == 0 ? std::toupper(static_cast<unsigned char>(s[i])) : std::tolower(static_cast<unsigned char>(s[i])));
  return str_value(s);
}
Value m_title(Interp&, const Value& self, CallArgs& a) {
  check_args("title", a, 0, 0);
  std::string s = self_str(self);
  bool prev_alpha = false;
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    c = static_cast<char>(prev_alpha ? std::tolower(u) : std::toupper(u));
    prev_alpha = std::isalpha(u);
  }
  return str_value(s);
}

template <int (*Pred)(int)>
Value str_all(const Value& self) {
  const std::string& s = self_str(self);
  if (s.empty()) return Value::boolean(false);
  for (unsigned char c : s)
    if (!Pred(c)) return Value::boolean(false);
  return Value::boolean(true);
}
Value m_isdigit(Interp&, const Value& self, CallArgs&) { return str_all<std::isdigit>(self); }
Value m_isalpha(Interp&, const Value& self, CallArgs&) { return str_all<std::isalpha>(self); }
Value m_isalnum(Interp&, const Value& self, CallArgs&) { return str_all<std::isalnum>(self); }
Value m_isspace(Interp&, const Value& self, CallArgs&) { return str_all<std::isspace>(self); }
Value m_isupper(Interp&, const Value& self, CallArgs&) {
  const std::string& s = self_str(self);
  bool any = false;
  for (unsigned char c : s) {
    if (std::islower(c)) return Value::boolean(false);
    any |= std::isupper(c) != 0;
  }
  return Value::boolean(any);
}
Value m_islower(Interp&, const Value& self, CallArgs&) {
  const std::string& s = self_str(self);
  bool any = false;
  for (unsigned char c : s) {
    if (std::isupper(c)) return Value::boolean(false);
    any |= std::islower(c) != 0;
  }
  return Value::boolean(any);
}

Value m_split(Interp& in, const Value& self, CallArgs& a) {
  check_args("split", a, 0, 2, true);
  const std::string& s = self_str(self);
  Value sep = a.pos.size() > 0 ? a.pos[0] : Value();
  if (const Value* k = kwarg(a, "sep")) sep = *k;
  int64_t maxsplit = a.pos.size() > 1 ? to_int(a.pos[1], "maxsplit") : -1;
  if (const Value* k = kwarg(a, "maxsplit")) maxsplit = to_int(*k, "maxsplit");
  std::vector<Value> out;
  if (sep.is_none()) {
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && is_space(s[i])) ++i;
      if (i >= s.size()) break;
      if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
        size_t e = s.size();
        while (e > i && is_space(s[e - 1])) --e;
        out.push_back(str_value(s.substr(i, e - i)));
        break;
      }
      size_t j = i;
      while (j < s.size() && !is_space(s[j])) ++j;
      out.push_back(str_value(s.substr(i, j - i)));
      i = j;
    }
  } else {
    const std::string& d = as_str(sep, "sep");
    if (d.empty()) value_error("empty separator");
    size_t i = 0;
    for (;;) {
      if (maxsplit >= 0 && static_cast<int64_t>(out.size()) == maxsplit) {
        out.push_back(str_value(s.substr(i)));
        break;
      }
      size_t j = s.find(d, i);
      if (j == std::string::npos) {
        out.push_back(str_value(s.substr(i)));
        break;
      }
      out.push_back(str_value(s.substr(i, j - i)));
      i = j + d.size();
    }
  }
  (void)in;
  return Value::object(make<ListObj>(std::move(out)));
}

Value m_rsplit(Interp& in, const Value& self, CallArgs& a) {
  check_args("rsplit", a, 0, 2, true);
  int64_t maxsplit = a.pos.size() > 1 ? to_int(a.pos[1], "maxsplit") : -1;
  if (const Value* k = kwarg(a, "maxsplit")) maxsplit = to_int(*k, "maxsplit");
  Value sep = a.pos.size() > 0 ? a.pos[0] : Value();
  if (maxsplit < 0 || sep.is_none()) return m_split(in, self, a);
  const std::string& s = self_str(self);
  const std::string& d = as_str(sep, "sep");
  if (d.empty()) value_error("empty separator");
  std::vector<Value> out;
  size_t end = s.size();
  while (static_cast<int64_t>(out.size()) < maxsplit) {
    size_t j = end >= d.size() ? s.rfind(d, end - d.size()) : std::string::npos;
    if (j == std::string::npos) break;
    out.insert(out.begin(), str_value(s.substr(j + d.size(), end - j - d.size())));
    end = j;
  }
  out.insert(out.begin(), str_value(s.substr(0, end)));
  return Value::object(make<ListObj>(std::move(out)));
}

Value m_splitlines(Interp&, const Value& self, CallArgs& a) {
  check_args("splitlines", a, 0, 1, true);
  const std::string& s = self_str(self);
  Value keep = a.pos.empty() ? Value::boolean(false) : a.pos[0];
  for (const auto& [k, v] : a.kw) {
    if (k != "keepends") type_error("'" + k + "' is an invalid keyword argument for splitlines()");
    keep = v;
  }
  bool keepends = keep.is_bool() ? keep.as_bool() : keep.is_int() && keep.as_int() != 0;
  std::vector<Value> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = s.find_first_of("\r\n", i);
    if (j == std::string::npos) {
      out.push_back(str_value(s.substr(i)));
      break;
    }
    size_t next = j + ((s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1);
    out.push_back(str_value(s.substr(i, (keepends ? next : j) - i)));
    i = next;
  }
  return Value::object(make<ListObj>(std::move(out)));
}

Value m_join(Interp& in, const Value& self, CallArgs& a) {
  check_args("join", a, 1, 1);
  std::string out;
  bool first = true;
  for (const Value& v : in.to_vector(a.pos[0])) {
    if (!v.is(ObjKind::Str)) type_error("sequence item: expected str instance, " + type_name(v) + " found");
    if (!first) out += self_str(self);
    first = false;
    out += v.as<StrObj>()->value;
  }
  return str_value(std::move(out));
}

Value m_replace(Interp&, const Value& self, CallArgs& a) {
  check_args("replace", a, 2, 3);
  std::string s = self_str(self);
  const std::string& from = as_str(a.pos[0], "replace() argument 1");
  const std::string& to = as_str(a.pos[1], "replace() argument 2");
  int64_t count = a.pos.size() > 2 ? to_int(a.pos[2], "count") : -1;
  std::string out;
  if (from.empty()) {
    int64_t n = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (count < 0 || n < count) {
        out += to;
        ++n;
      }
      if (i < s.size()) out += s[i];
    }
    return str_value(out);
  }
  size_t i = 0;
  int64_t n = 0;
  for (;;) {
    size_t j = s.find(from, i);
    if (j == std::string::npos || (count >= 0 && n >= count)) {
      out += s.substr(i);
      break;
    }
    out += s.substr(i, j - i) + to;
    i = j + from.size();
    ++n;
  }
  return str_value(out);
}

int64_t cp_index(const std::string& s, size_t byte_pos) {
  return static_cast<int64_t>(utf8_length(std::string_view(s).substr(0, byte_pos)));
}

Value find_impl(const Value& self, CallArgs& a, bool reverse, bool raise_missing, const char* name) {
  check_args(name, a, 1, 3);
  const std::string& s = self_str(self);
  const std::string& sub = as_str(a.pos[0], "argument");
  size_t start = 0, end = s.size();
  if (a.pos.size() > 1 && !a.pos[1].is_none()) {
    int64_t x = to_int(a.pos[1], "start");
    int64_t n = static_cast<int64_t>(s.size());
    if (x < 0) x = std::max<int64_t>(0, x + n);
    start = static_cast<size_t>(std::min(x, n));
  }
  if (a.pos.size() > 2 && !a.pos[2].is_none()) {
    int64_t x = to_int(a.pos[2], "end");
    int64_t n = static_cast<int64_t>(s.size());
    if (x < 0) x = std::max<int64_t>(0, x + n);
    end = static_cast<size_t>(std::min(x, n));
  }
  size_t pos = std::string::npos;
  if (start <= end && end - start >= sub.size()) {
    std::string_view window = std::string_view(s).substr(start, end - start);
    size_t p = reverse ? window.rfind(sub) : window.find(sub);
    if (p != std::string::npos) pos = p + start;
  }
  if (pos == std::string::npos) {
    if (raise_missing) value_error("substring not found");
    return Value::integer(-1);
  }
  return Value::integer(cp_index(s, pos));
}
Value m_find(Interp&, const Value& self, CallArgs& a) { return find_impl(self, a, false, false, "find"); }
Value m_rfind(Interp&, const Value& self, CallArgs& a) { return find_impl(self, a, true, false, "rfind"); }
Value m_sindex(Interp&, const Value& self, CallArgs& a) { return find_impl(self, a, false, true, "index"); }
Value m_srindex(Interp&, const Value& self, CallArgs& a) { return find_impl(self, a, true, true, "rindex"); }

Value m_scount(Interp&, const Value& self, CallArgs& a) {
  check_args("count", a, 1, 1);
  const std::string& s = self_str(self);
  const std::string& sub = as_str(a.pos[0], "argument");
  if (sub.empty()) return Value::integer(static_cast<int64_t>(utf8_length(s)) + 1);
  int64_t n = 0;
  for (size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++n;
  return Value::integer(n);
}

Value affix(const Value& self, CallArgs& a, bool prefix, const char* name) {
  check_args(name, a, 1, 1);
  const std::string& s = self_str(self);
  auto test = [&](const std::string& p) {
    if (p.size() > s.size()) return false;
    return prefix ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0;
  };
  if (a.pos[0].is(ObjKind::Tuple)) {
    for (const Value& v : a.pos[0].as<TupleObj>()->items)
      if (test(as_str(v, name))) return Value::boolean(true);
    return Value::boolean(false);
  }
  if (!a.pos[0].is(ObjKind::Str)) {
    type_error(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(a.pos[0]));
  }
  return Value::boolean(test(a.pos[0].as<StrObj>()->value));
}
Value m_startswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, true, "startswith"); }
Value m_endswith(Interp&, const Value& self, CallArgs& a) { return affix(self, a, false, "endswith"); }

Value justify(const Value& self, CallArgs& a, char align, const char* name) {
  check_args(name, a, 1, 2);
  const std::string& s = self_str(self);
  int64_t width = to_int(a.pos[0], "width");
  std::string fill = a.pos.size() > 1 ? as_str(a.pos[1], "fill character") : " ";
  int64_t len = static_cast<int64_t>(utf8_length(s));
  if (width <= len) return self;
  int64_t n = width - len;
  auto rep = [&](int64_t k) {
    std::string r;
    for (int64_t i = 0; i < k; ++i) r += fill;
    return r;
  };
  if (align == '<') return str_value(s + rep(n));
  if (align == '>') return str_value(rep(n) + s);
  // str.center: the odd character goes left when both the margin and the width are odd.
  int64_t left = n / 2 + (n & width & 1);
  return str_value(rep(left) + s + rep(n - left));
}
Value m_ljust(Interp&, const Value& self, CallArgs& a) { return justify(self, a, '<', "ljust"); }
Value m_rjust(Interp&, const Value& self, CallArgs& a) { return justify(self, a, '>', "rjust"); }
Value m_center(Interp&, const Value& self, CallArgs& a) { return justify(self, a, '^', "center"); }

Value m_zfill(Interp&, const Value& self, CallArgs& a) {
  check_args("zfill", a, 1, 1);
  std::string s = self_str(self);
  int64_t width = to_int(a.pos[0], "width");
  int64_t len = static_cast<int64_t>(s.size());
  if (width <= len) return self;
  size_t at = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  s.insert(at, std::string(static_cast<size_t>(width - len), '0'));
  return str_value(s);
}

Value m_format(Interp& in, const Value& self, CallArgs& a) { return str_value(str_format(in, self_str(self), a)); }

Value partition_impl(const Value& self, CallArgs& a, bool reverse) {
  check_args(reverse ? "rpartition" : "partition", a, 1, 1);
  const std::string& s = self_str(self);
  const std::string& sep = as_str(a.pos[0], "separator");
  if (sep.empty()) value_error("empty separator");
  size_t p = reverse ? s.rfind(sep) : s.find(sep);
  std::vector<Value> out;
  if (p == std::string::npos) {
    if (reverse) out = {str_value(""), str_value(""), self};
    else out = {self, str_value(""), str_value("")};
  } else {
    out = {str_value(s.substr(0, p)), str_value(sep), str_value(s.substr(p + sep.size()))};
  }
  return Value::object(make<TupleObj>(std::move(out)));
}
Value m_partition(Interp&, const Value& self, CallArgs& a) { return partition_impl(self, a, false); }
Value m_rpartition(Interp&, const Value& self, CallArgs& a) { return partition_impl(self, a, true); }

Value m_removeprefix(Interp&, const Value& self, CallArgs& a) {
  check_args("removeprefix", a, 1, 1);
  const std::string& s = self_str(self);
  const std::string& p = as_str(a.pos[0], "prefix");
  if (s.compare(0, p.size(), p) == 0) return str_value(s.substr(p.size()));
  return self;
}
Value m_removesuffix(Interp&, const Value& self, CallArgs& a) {
  check_args("removesuffix", a, 1, 1);
  const std::string& s = self_str(self);
  const std::string& p = as_str(a.pos[0], "suffix");
  if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0) {
    return str_value(s.substr(0, s.size() - p.size()));
  }
  return self;
}


// ---- list ----

std::vector<Value>& items_of(const Value& self) { return self.as<ListObj>()->items; }

Value m_append(Interp&, const Value& self, CallArgs& a) {
  check_args("append", a, 1, 1);
  items_of(self).push_back(a.pos[0]);
  return none();
}
Value m_extend(Interp& in, const Value& self, CallArgs& a) {
  check_args("extend", a, 1, 1);
  std::vector<Value> more = in.to_vector(a.pos[0]);
  auto& items = items_of(self);
  items.insert(items.end(), more.begin(), more.end());
  return none();
}
Value m_insert(Interp&, const Value& self, CallArgs& a) {
  check_args("insert", a, 2, 2);
  auto& items = items_of(self);
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = to_int(a.pos[0], "index");
  if (i < 0) i = std::max<int64_t>(0, i + n);
  if (i > n) i = n;
  items.insert(items.begin() + i, a.pos[1]);
  return none();
}
Value m_pop(Interp&, const Value& self, CallArgs& a) {
  check_args("pop", a, 0, 1);
  auto& items = items_of(self);
  if (items.empty()) raise(Exc::IndexError, "pop from empty list");
  int64_t n = static_cast<int64_t>(items.size());
  int64_t i = a.pos.empty() ? n - 1 : to_int(a.pos[0], "index");
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc::IndexError, "pop index out of range");
  Value v = items[static_cast<size_t>(i)];
  items.erase(items.begin() + i);
  return v;
}
Value m_remove(Interp& in, const Value& self, CallArgs& a) {
  check_args("remove", a, 1, 1);
  auto& items = items_of(self);
  for (size_t i = 0; i < items.size(); ++i) {
    if (in.eq(items[i], a.pos[0])) {
      items.erase(items.begin() + static_cast<long>(i));
      return none();
    }
  }
  value_error("list.remove(x): x not in list");
}
Value m_lindex(Interp& in, const Value& self, CallArgs& a) {
  check_args("index", a, 1, 3);
  const auto& items = self.is(ObjKind::List) ? items_of(self) : self.as<TupleObj>()->items;
  for (size_t i = 0; i < items.size(); ++i)
    if (in.eq(items[i], a.pos[0])) return Value::integer(static_cast<int64_t>(i));
  value_error(self.is(ObjKind::List) ? in.repr(a.pos[0]) + " is not in list" : "tuple.index(x): x not in tuple");
}
Value m_lcount(Interp& in, const Value& self, CallArgs& a) {
  check_args("count", a, 1, 1);
  const auto& items = self.is(ObjKind::List) ? items_of(self) : self.as<TupleObj>()->items;
  int64_t n = 0;
  for (const Value& v : items)
    if (in.eq(v, a.pos[0])) ++n;
  return Value::integer(n);
}
Value m_reverse(Interp&, const Value& self, CallArgs& a) {
  check_args("reverse", a, 0, 0);
  std::reverse(items_of(self).begin(), items_of(self).end());
  return none();
}
Value m_lclear(Interp&, const Value& self, CallArgs& a) {
  check_args("clear", a, 0, 0);
  std::vector<Value> old;
  old.swap(items_of(self));
  return none();
}
Value m_lcopy(Interp&, const Value& self, CallArgs& a) {
  check_args("copy", a, 0, 0);
  return Value::object(make<ListObj>(items_of(self)));
}

}  // namespace

// Sorting with Python's semantics: stable, key and reverse; exceptions from
// comparisons propagate.
void sort_values(Interp& in, std::vector<Value>& items, const Value& key, bool reverse) {
  std::vector<std::pair<Value, Value>> decorated;
  decorated.reserve(items.size());
  for (Value& v : items) decorated.emplace_back(key.is_none() ? v : in.call(key, std::vector<Value>{v}), v);
  // reverse keeps stability: reverse, stable-sort, reverse (as CPython does).
  if (reverse) std::reverse(decorated.begin(), decorated.end());
  std::stable_sort(decorated.begin(), decorated.end(),
                   [&](const auto& x, const auto& y) { return in.less(x.first, y.first); });
  if (reverse) std::reverse(decorated.begin(), decorated.end());
  for (size_t i = 0; i < items.size(); ++i) items[i] = std::move(decorated[i].second);
}

namespace {

Value m_sort(Interp& in, const Value& self, CallArgs& a) {
  if (!a.pos.empty()) type_error("sort() takes no positional arguments");
  Value key;
  bool reverse = false;
  for (auto& [k, v] : a.kw) {
    if (k == "key") key = v;
    else if (k == "reverse") reverse = in.truthy(v);
    else type_error("sort() got an unexpected keyword argument '" + k + "'");
  }
  std::vector<Value> items = items_of(self);
  sort_values(in, items, key, reverse);
  items_of(self) = std::move(items);
  return none();
}

// ---- dict ----

ValueTable& table_of(const Value& self) { return self.as<DictObj>()->table; }

Value m_get(Interp&, const Value& self, CallArgs& a) {
  check_args("get", a, 1, 2);
  Value* v = table_of(self).get(a.pos[0]);
  if (v) return *v;
  return a.pos.size() > 1 ? a.pos[1] : none();
}
Value m_keys(Interp&, const Value& self, CallArgs& a) {
  check_args("keys", a, 0, 0);
  return Value::object(make<DictViewObj>(Ref<DictObj>(self.as<DictObj>()), DictViewObj::Which::Keys));
}
Value m_values(Interp&, const Value& self, CallArgs& a) {
  check_args("values", a, 0, 0);
  return Value::object(make<DictViewObj>(Ref<DictObj>(self.as<DictObj>()), DictViewObj::Which::Values));
}
Value m_items(Interp&, const Value& self, CallArgs& a) {
  check_args("items", a, 0, 0);
  return Value::object(make<DictViewObj>(Ref<DictObj>(self.as<DictObj>()), DictViewObj::Which::Items));
}
Value m_dpop(Interp&, const Value& self, CallArgs& a) {
  check_args("pop", a, 1, 2);
  Value* v = table_of(self).get(a.pos[0]);
  if (!v) {
    if (a.pos.size() > 1) return a.pos[1];
    throw PyError{make_exc(Exc::KeyError, std::vector<Value>{a.pos[0]})};
  }
  Value out = *v;
  table_of(self).erase(a.pos[0]);
  return out;
}
Value m_popitem(Interp&, const Value& self, CallArgs& a) {
  check_args("popitem", a, 0, 0);
  Value k, v;
  if (!table_of(self).pop_last(k, v)) raise(Exc::KeyError, "popitem(): dictionary is empty");
  return Value::object(make<TupleObj>(std::vector<Value>{k, v}));
}
Value m_setdefault(Interp&, const Value& self, CallArgs& a) {
  check_args("setdefault", a, 1, 2);
  Value* v = table_of(self).get(a.pos[0]);
  if (v) return *v;
  Value d = a.pos.size() > 1 ? a.pos[1] : none();
  table_of(self).set(a.pos[0], d);
  return d;
}
bool mapping_update(Interp& in, ValueTable& t, const Value& src) {
  Value keys;
  if (!src.is(ObjKind::Instance) || !in.lookup_attr(src, "keys", keys)) return false;
  for (const Value& k : in.to_vector(in.call(keys, std::vector<Value>{}))) t.set(k, in.getitem(src, k));
  return true;
}
void update_from(Interp& in, ValueTable& t, const Value& src) {
  if (src.is(ObjKind::Dict)) {
    for (const auto& e : src.as<DictObj>()->table.entries())
      if (e.live) t.set(e.key, e.value);
    return;
  }
  if (mapping_update(in, t, src)) return;
  for (const Value& item : in.to_vector(src)) {
    std::vector<Value> kv = in.to_vector(item);
    if (kv.size() != 2) value_error("dictionary update sequence element has length " + std::to_string(kv.size()) + "; 2 is required");
    t.set(kv[0], kv[1]);
  }
}
Value m_update(Interp& in, const Value& self, CallArgs& a) {
  check_args("update", a, 0, 1, true);
  if (!a.pos.empty()) update_from(in, table_of(self), a.pos[0]);
  for (auto& [k, v] : a.kw) table_of(self).set(str_value(k), v);
  return none();
}
Value m_dclear(Interp&, const Value& self, CallArgs& a) {
  check_args("clear", a, 0, 0);
  table_of(self).clear();
  return none();
}
Value m_dcopy(Interp&, const Value& self, CallArgs& a) {
  check_args("copy", a, 0, 0);
  Ref<DictObj> d = make<DictObj>();
  for (const auto& e : table_of(self).entries())
    if (e.live) d->table.set(e.key, e.value);
  return Value::object(d);
}

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

// Run by type_tables.cpp before the first lookup.
void install_builtin_methods();
void install_builtin_methods() {
  ClassObj* str = builtin_class(BuiltinType::Str);
  register_methods(str, {
      {"strip", m_strip}, {"lstrip", m_lstrip}, {"rstrip", m_rstrip}, {"upper", m_upper}, {"lower", m_lower},
      {"capitalize", m_capitalize}, {"title", m_title}, {"isdigit", m_isdigit}, {"isnumeric", m_isdigit},
      {"isdecimal", m_isdigit}, {"isalpha", m_isalpha}, {"isalnum", m_isalnum}, {"isspace", m_isspace},
      {"isupper", m_isupper}, {"islower", m_islower}, {"split", m_split}, {"rsplit", m_rsplit},
      {"splitlines", m_splitlines}, {"join", m_join}, {"replace", m_replace}, {"find", m_find},
      {"rfind", m_rfind}, {"index", m_sindex}, {"count", m_scount}, {"startswith", m_startswith},
      {"endswith", m_endswith}, {"ljust", m_ljust}, {"rjust", m_rjust}, {"center", m_center},
      {"zfill", m_zfill}, {"format", m_format}, {"partition", m_partition}, {"rpartition", m_rpartition},
      {"removeprefix", m_removeprefix}, {"removesuffix", m_removesuffix},
      {"rindex", m_srindex},
  });
  register_methods(builtin_class(BuiltinType::List), {
      {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop}, {"remove", m_remove},
      {"index", m_lindex}, {"count", m_lcount}, {"reverse", m_reverse}, {"clear", m_lclear}, {"copy", m_lcopy},
      {"sort", m_sort},
  });
  register_methods(builtin_class(BuiltinType::Tuple), {{"index", m_lindex}, {"count", m_lcount}});
  register_methods(builtin_class(BuiltinType::Dict), {
      {"get", m_get}, {"keys", m_keys}, {"values", m_values}, {"items", m_items}, {"pop", m_dpop},
      {"popitem", m_popitem}, {"setdefault", m_setdefault}, {"update", m_update}, {"clear", m_dclear},
      {"copy", m_dcopy},
  });
  register_methods(builtin_class(BuiltinType::Set), {
      {"add", m_add}, {"remove", m_sremove}, {"discard", m_discard}, {"pop", m_spop}, {"union", m_union},
      {"intersection", m_intersection}, {"difference", m_difference}, {"symmetric_difference", m_symdiff},
      {"update", m_supdate}, {"clear", m_sclear}, {"copy", m_scopy}, {"issubset", m_issubset},
      {"issuperset", m_issuperset}, {"isdisjoint", m_isdisjoint},
      {"intersection_update", m_sintersection_update}, {"difference_update", m_sdifference_update},
      {"symmetric_difference_update", m_ssymdiff_update},
  });
  install_more_methods();
  install_bytes_methods();
  install_io_methods();
  install_container_dunders();
  install_value_dunders();
}

void check_args(const char* fname, const CallArgs& a, size_t min, size_t max, bool kw_allowed) {
  if (!kw_allowed && !a.kw.empty()) type_error(std::string(fname) + "() takes no keyword arguments");
  size_t n = a.pos.size();
  if (n >= min && n <= max) return;
  if (min == max) {
    if (min == 0) type_error(std::string(fname) + "() takes no arguments (" + std::to_string(n) + " given)");
    type_error(std::string(fname) + "() takes exactly " + (min == 1 ? "one argument" : std::to_string(min) + " arguments") +
               " (" + std::to_string(n) + " given)");
  }
  if (n < min) type_error(std::string(fname) + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got " + std::to_string(n));
  type_error(std::string(fname) + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got " + std::to_string(n));
}

const Value* kwarg(const CallArgs& a, const char* name) {
  for (const auto& [k, v] : a.kw)
    if (k == name) return &v;
  return nullptr;
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

bool update_from_mapping(Interp& in, ValueTable& t, const Value& src) { return mapping_update(in, t, src); }

}  // namespace loopscope::script
