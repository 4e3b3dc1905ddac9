// re: match objects, searching one position, replacement templates.

#include <algorithm>

#include "engine/script/modules/re.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script::re {

size_t Subject::cp_at(size_t byte) const {
  if (offsets.empty()) return byte;
  return static_cast<size_t>(std::lower_bound(offsets.begin(), offsets.end(), byte) - offsets.begin());
}

std::shared_ptr<Subject> make_subject(const std::string& text) {
  auto s = std::make_shared<Subject>();
  s->text = text;
  if (!is_ascii(text)) s->offsets = utf8_offsets(text);
  return s;
}

std::string MatchObj::group_text(size_t g) const {
  int64_t a = spans[2 * g], b = spans[2 * g + 1];
  if (a < 0) return {};
  size_t ba = subject->byte_at(static_cast<size_t>(a)), bb = subject->byte_at(static_cast<size_t>(b));
  return subject->text.substr(ba, bb - ba);
}

std::string MatchObj::repr() const {
  return "<re.Match object; span=(" + std::to_string(spans[0]) + ", " + std::to_string(spans[1]) +
         "), match=" + str_repr(group_text(0)) + ">";
}

namespace {

// The group that closed last among the matched ones, as CPython's lastindex:
// the largest end, ties to the group whose ')' comes later in the pattern
// (an enclosing group closes after the groups inside it).
int64_t last_index(const std::vector<int64_t>& spans, const std::vector<int>& close_rank) {
  int64_t best = -1;
  for (size_t g = 1; 2 * g < spans.size(); ++g) {
    if (spans[2 * g] < 0) continue;
    if (best < 0 || spans[2 * g + 1] > spans[2 * best + 1] ||
        (spans[2 * g + 1] == spans[2 * best + 1] && close_rank[g] > close_rank[static_cast<size_t>(best)]))
      best = static_cast<int64_t>(g);
  }
  return best;
}

}  // namespace

Ref<MatchObj> search_at(PatternObj& p, const Value& pattern_value, const Value& string,
                        const std::shared_ptr<Subject>& s, int64_t pos, int64_t endpos, uint32_t options) {
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(p.code, nullptr);
  struct Free {
    pcre2_match_data* m;
    ~Free() { pcre2_match_data_free(m); }
  } free_md{md};
  size_t len = s->byte_at(static_cast<size_t>(endpos));
  size_t start = s->byte_at(static_cast<size_t>(pos));
  int rc = pcre2_match(p.code, reinterpret_cast<PCRE2_SPTR>(s->text.data()), len, start, options, md, nullptr);
  if (rc == PCRE2_ERROR_NOMATCH) return {};
  if (rc < 0) raise(Exc::RuntimeError, "regular expression match failed (PCRE2 error " + std::to_string(rc) + ")");
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  Ref<MatchObj> m = make<MatchObj>();
  m->pattern = Ref<PatternObj>(&p);
  m->pattern_value = pattern_value;
  m->string = string;
  m->subject = s;
  m->pos = pos;
  m->endpos = endpos;
  size_t n = static_cast<size_t>(p.groups) + 1;
  m->spans.assign(2 * n, -1);
  for (size_t g = 0; g < n && g < static_cast<size_t>(rc); ++g) {
    if (ov[2 * g] == PCRE2_UNSET) continue;
    m->spans[2 * g] = static_cast<int64_t>(s->cp_at(ov[2 * g]));
    m->spans[2 * g + 1] = static_cast<int64_t>(s->cp_at(ov[2 * g + 1]));
  }
  m->lastindex = last_index(m->spans, p.close_rank);
  return m;
}

size_t group_number(const MatchObj& m, const Value& g) {
  if (g.is_int() || g.is_bool()) {
    int64_t i = g.is_bool() ? g.as_bool() : g.as_int();
    if (i < 0 || i > m.pattern->groups) raise(Exc::IndexError, "no such group");
    return static_cast<size_t>(i);
  }
  if (g.is(ObjKind::Str)) {
    auto it = m.pattern->groupindex.find(g.as<StrObj>()->value);
    if (it == m.pattern->groupindex.end()) raise(Exc::IndexError, "no such group");
    return static_cast<size_t>(it->second);
  }
  raise(Exc::IndexError, "no such group");
}

// ---- replacement templates ----

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_group(std::string& out, const MatchObj& m, size_t g) {
  if (m.spans[2 * g] >= 0) out += m.group_text(g);
}

// \g<...> at template[i] (i at the 'g'); returns the index past '>'.
size_t expand_named(Interp& in, const MatchObj& m, const std::string& t, size_t i, std::string& out) {
  if (i + 1 >= t.size() || t[i + 1] != '<') re_error(in, "missing < at position " + std::to_string(i + 1));
  size_t close = t.find('>', i + 2);
  if (close == std::string::npos) re_error(in, "missing >, unterminated name at position " + std::to_string(i + 2));
  std::string name = t.substr(i + 2, close - i - 2);
  if (name.empty()) re_error(in, "missing group name at position " + std::to_string(i + 2));
  size_t g;
  if (std::all_of(name.begin(), name.end(), is_digit)) {
    g = static_cast<size_t>(std::stoll(name));
    if (g > static_cast<size_t>(m.pattern->groups))
      re_error(in, "invalid group reference " + name + " at position " + std::to_string(i + 2));
  } else {
    auto it = m.pattern->groupindex.find(name);
    if (it == m.pattern->groupindex.end()) raise(Exc::IndexError, "unknown group name '" + name + "'");
    g = static_cast<size_t>(it->second);
  }
  append_group(out, m, g);
  return close + 1;
}

char simple_escape(char c) {
  switch (c) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\': return '\\';
    default: return 0;
  }
}

}  // namespace

std::string expand_template(Interp& in, const MatchObj& m, const std::string& t) {
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c != '\\' || i + 1 >= t.size()) {
      if (c == '\\') re_error(in, "bad escape (end of pattern) at position " + std::to_string(i));
      out += c;
      ++i;
      continue;
    }
    char d = t[i + 1];
    if (d == 'g') {
      i = expand_named(in, m, t, i + 1, out);
    } else if (d == '0') {
      // \0 and up to two more octal digits
      size_t j = i + 2;
      int v = 0;
      while (j < t.size() && j < i + 4 && t[j] >= '0' && t[j] <= '7') v = v * 8 + (t[j++] - '0');
      out += static_cast<char>(v);
      i = j;
    } else if (is_digit(d)) {
      size_t j = i + 1;
      std::string num;
      while (j < t.size() && is_digit(t[j]) && num.size() < 2) num += t[j++];
      // Three octal digits make a character, not a group.
      if (num.size() == 2 && j < t.size() && t[j] >= '0' && t[j] <= '7' && num[0] <= '7' && num[1] <= '7') {
        int v = (num[0] - '0') * 64 + (num[1] - '0') * 8 + (t[j] - '0');
        if (v > 0377) re_error(in, "octal escape value \\" + num + t[j] + " outside of range 0-0o377 at position " + std::to_string(i));
        out += static_cast<char>(v);
        i = j + 1;
        continue;
      }
      size_t g = static_cast<size_t>(std::stoll(num));
      if (g > static_cast<size_t>(m.pattern->groups))
        re_error(in, "invalid group reference " + num + " at position " + std::to_string(i + 1));
      append_group(out, m, g);
      i = j;
    } else if (char e = simple_escape(d)) {
      out += e;
      i += 2;
    } else if ((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z')) {
      re_error(in, std::string("bad escape \\") + d + " at position " + std::to_string(i));
    } else {
      out += '\\';
      out += d;
      i += 2;
    }
  }
  return out;
}

// ---- Match methods ----

namespace {

MatchObj& self_match(const Value& v) { return *static_cast<MatchObj*>(v.obj()); }

Value group_value(const MatchObj& m, size_t g, const Value& dflt = Value()) {
  if (m.spans[2 * g] < 0) return dflt;
  return str_value(m.group_text(g));
}

Value m_group(Interp&, const Value& self, CallArgs& a) {
  check_args("group", a, 0, 100);
  MatchObj& m = self_match(self);
  if (a.pos.empty()) return group_value(m, 0);
  if (a.pos.size() == 1) return group_value(m, group_number(m, a.pos[0]));
  std::vector<Value> items;
  for (const Value& g : a.pos) items.push_back(group_value(m, group_number(m, g)));
  return Value::object(make<TupleObj>(std::move(items)));
}

Value m_getitem(Interp&, const Value& self, CallArgs& a) {
  check_args("__getitem__", a, 1, 1);
  MatchObj& m = self_match(self);
  return group_value(m, group_number(m, a.pos[0]));
}

Value m_groups(Interp&, const Value& self, CallArgs& a) {
  check_args("groups", a, 0, 1, true);
  Value dflt = a.pos.empty() ? Value() : a.pos[0];
  if (const Value* d = kwarg(a, "default")) dflt = *d;
  MatchObj& m = self_match(self);
  std::vector<Value> items;
  for (size_t g = 1; g <= static_cast<size_t>(m.pattern->groups); ++g) items.push_back(group_value(m, g, dflt));
  return Value::object(make<TupleObj>(std::move(items)));
}

Value m_groupdict(Interp& in, const Value& self, CallArgs& a) {
  check_args("groupdict", a, 0, 1, true);
  Value dflt = a.pos.empty() ? Value() : a.pos[0];
  if (const Value* d = kwarg(a, "default")) dflt = *d;
  MatchObj& m = self_match(self);
  Ref<DictObj> d = make<DictObj>();
  for (size_t g = 1; g < m.pattern->group_names.size(); ++g)
    if (!m.pattern->group_names[g].empty())
      in.setitem(Value::object(d), str_value(m.pattern->group_names[g]), group_value(m, g, dflt));
  return Value::object(d);
}

size_t group_arg(const MatchObj& m, const CallArgs& a, const char* name) {
  check_args(name, a, 0, 1);
  return a.pos.empty() ? 0 : group_number(m, a.pos[0]);
}

Value m_start(Interp&, const Value& self, CallArgs& a) {
  MatchObj& m = self_match(self);
  return Value::integer(m.spans[2 * group_arg(m, a, "start")]);
}

Value m_end(Interp&, const Value& self, CallArgs& a) {
  MatchObj& m = self_match(self);
  return Value::integer(m.spans[2 * group_arg(m, a, "end") + 1]);
}

Value m_span(Interp&, const Value& self, CallArgs& a) {
  MatchObj& m = self_match(self);
  size_t g = group_arg(m, a, "span");
  return Value::object(make<TupleObj>(std::vector<Value>{Value::integer(m.spans[2 * g]), Value::integer(m.spans[2 * g + 1])}));
}

Value m_expand(Interp& in, const Value& self, CallArgs& a) {
  check_args("expand", a, 1, 1);
  return str_value(expand_template(in, self_match(self), as_str(a.pos[0], "template")));
}

Value p_string(Interp&, const Value& self) { return self_match(self).string; }
Value p_re(Interp&, const Value& self) { return self_match(self).pattern_value; }
Value p_pos(Interp&, const Value& self) { return Value::integer(self_match(self).pos); }
Value p_endpos(Interp&, const Value& self) { return Value::integer(self_match(self).endpos); }
Value p_lastindex(Interp&, const Value& self) {
  int64_t i = self_match(self).lastindex;
  return i < 0 ? Value() : Value::integer(i);
}
Value p_lastgroup(Interp&, const Value& self) {
  MatchObj& m = self_match(self);
  if (m.lastindex < 0) return Value();
  const std::string& name = m.pattern->group_names[static_cast<size_t>(m.lastindex)];
  return name.empty() ? Value() : str_value(name);
}

}  // namespace

void install_match_methods() {
  static const bool done = [] {
    register_methods(engine_type("re.Match"), {{"group", m_group}, {"__getitem__", m_getitem}, {"groups", m_groups},
                                  {"groupdict", m_groupdict}, {"start", m_start}, {"end", m_end},
                                  {"span", m_span}, {"expand", m_expand}});
    register_properties(engine_type("re.Match"), {{"string", p_string}, {"re", p_re}, {"pos", p_pos}, {"endpos", p_endpos},
                                     {"lastindex", p_lastindex}, {"lastgroup", p_lastgroup}});
    return true;
  }();
  (void)done;
}

}  // namespace loopscope::script::re
