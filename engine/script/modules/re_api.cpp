// re: the module's functions and the methods of compiled patterns. Every
// scan over a string (findall, finditer, sub, split) follows CPython's
// rule for empty matches: a match may not be empty where the previous
// empty match was found.

#include <climits>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/re.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script::re {

namespace {

struct Scan {
  Ref<PatternObj> p;
  Value pattern_value;
  Value string;
  std::shared_ptr<Subject> s;
  int64_t pos = 0, endpos = 0;
};

const std::string& subject_str(const Value& v) {
  if (!v.is(ObjKind::Str)) type_error("expected string or bytes-like object, got '" + type_name(v) + "'");
  return v.as<StrObj>()->value;
}

bool is_pattern(const Value& v) { return v.obj() && typeid(*v.obj()) == typeid(PatternObj); }

Scan make_scan(const Value& pattern_value, const Value& string, const Value& pos, const Value& endpos) {
  Scan sc;
  sc.p = Ref<PatternObj>(static_cast<PatternObj*>(pattern_value.obj()));
  sc.pattern_value = pattern_value;
  sc.string = string;
  sc.s = make_subject(subject_str(string));
  auto n = static_cast<int64_t>(sc.s->length());
  sc.pos = pos.is_none() ? 0 : std::clamp<int64_t>(to_int(pos, "pos"), 0, n);
  sc.endpos = endpos.is_none() ? n : std::clamp<int64_t>(to_int(endpos, "endpos"), 0, n);
  return sc;
}

Value match_value(const Ref<MatchObj>& m) { return m ? Value::object(m) : Value(); }

Ref<MatchObj> one(const Scan& sc, uint32_t options) {
  if (sc.pos > sc.endpos) return {};
  return search_at(*sc.p, sc.pattern_value, sc.string, sc.s, sc.pos, sc.endpos, options);
}

// Calls `fn` on each match in order; stops when it returns false.
template <typename Fn>
void each_match(const Scan& sc, Fn fn) {
  int64_t at = sc.pos;
  bool must_advance = false;
  while (at <= sc.endpos) {
    Ref<MatchObj> m = search_at(*sc.p, sc.pattern_value, sc.string, sc.s, at, sc.endpos,
                                must_advance ? PCRE2_NOTEMPTY_ATSTART : 0);
    if (!m) return;
    if (!fn(m)) return;
    must_advance = m->spans[0] == m->spans[1];
    at = m->spans[1];
  }
}

std::string slice(const Scan& sc, int64_t a, int64_t b) {
  size_t ba = sc.s->byte_at(static_cast<size_t>(a)), bb = sc.s->byte_at(static_cast<size_t>(b));
  return sc.s->text.substr(ba, bb - ba);
}

Value findall(const Scan& sc) {
  std::vector<Value> out;
  each_match(sc, [&](const Ref<MatchObj>& m) {
    auto g = [&](size_t k) { return str_value(m->group_text(k)); };
    if (sc.p->groups == 0) {
      out.push_back(g(0));
    } else if (sc.p->groups == 1) {
      out.push_back(g(1));
    } else {
      std::vector<Value> items;
      for (size_t k = 1; k <= static_cast<size_t>(sc.p->groups); ++k) items.push_back(g(k));
      out.push_back(Value::object(make<TupleObj>(std::move(items))));
    }
    return true;
  });
  return Value::object(make<ListObj>(std::move(out)));
}

Value finditer(Interp& in, const Scan& sc) {
  std::vector<Value> out;
  each_match(sc, [&](const Ref<MatchObj>& m) {
    out.push_back(Value::object(m));
    return true;
  });
  return in.iter(Value::object(make<ListObj>(std::move(out))));
}

std::pair<std::string, int64_t> substitute(Interp& in, const Scan& sc, const Value& repl, int64_t count) {
  bool callable = !repl.is(ObjKind::Str);
  const std::string* tmpl = callable ? nullptr : &repl.as<StrObj>()->value;
  bool literal = tmpl && tmpl->find('\\') == std::string::npos;
  std::string out;
  int64_t n = 0, last = 0;
  size_t pieces = 0;  // CPython joins a list: its error names the item
  each_match(sc, [&](const Ref<MatchObj>& m) {
    std::string before = slice(sc, last, m->spans[0]);
    pieces += !before.empty();
    out += before;
    if (callable) {
      Value r = in.call(repl, std::vector<Value>{Value::object(m)});
      if (!r.is(ObjKind::Str))
        type_error("sequence item " + std::to_string(pieces) + ": expected str instance, " + type_name(r) + " found");
      pieces += !r.as<StrObj>()->value.empty();
      out += r.as<StrObj>()->value;
    } else {
      out += literal ? *tmpl : expand_template(in, *m, *tmpl);
    }
    last = m->spans[1];
    return ++n != count;
  });
  out += slice(sc, last, static_cast<int64_t>(sc.s->length()));
  return {out, n};
}

Value split(const Scan& sc, int64_t maxsplit) {
  std::vector<Value> out;
  int64_t last = 0, n = 0;
  if (maxsplit < 0) return Value::object(make<ListObj>(std::vector<Value>{sc.string}));
  each_match(sc, [&](const Ref<MatchObj>& m) {
    out.push_back(str_value(slice(sc, last, m->spans[0])));
    for (size_t k = 1; k <= static_cast<size_t>(sc.p->groups); ++k)
      out.push_back(m->spans[2 * k] < 0 ? Value() : str_value(m->group_text(k)));
    last = m->spans[1];
    return ++n != maxsplit;
  });
  out.push_back(str_value(slice(sc, last, static_cast<int64_t>(sc.s->length()))));
  return Value::object(make<ListObj>(std::move(out)));
}

// ---- module functions: (pattern, string, ..., flags=0) ----

Value pattern_of(Interp& in, const Value& pattern, const Value& flags) {
  int64_t f = flags.is_none() ? 0 : to_int(flags, "flags");
  if (is_pattern(pattern)) {
    if (f) value_error("cannot process flags argument with a compiled pattern");
    return pattern;
  }
  if (!pattern.is(ObjKind::Str)) type_error("first argument must be string or compiled pattern");
  return Value::object(compile_pattern(in, pattern.as<StrObj>()->value, f));
}

Value re_compile(Interp& in, const Value&, CallArgs& a) {
  check_args("compile", a, 1, 2, true);
  allow_keywords("compile", a, {"pattern", "flags"});
  return pattern_of(in, arg_or(a, 0, "pattern", Value()), arg_or(a, 1, "flags", Value()));
}

// A module function: the pattern from argument 0, the string from 1, the
// flags from `flags_pos`.
Scan module_scan(Interp& in, const char* name, CallArgs& a, size_t flags_pos, size_t string_pos = 1) {
  check_args(name, a, string_pos + 1, flags_pos + 1, true);
  Value p = pattern_of(in, arg_or(a, 0, "pattern", Value()), arg_or(a, flags_pos, "flags", Value()));
  Value s = arg_or(a, string_pos, "string", Value());
  if (s.is_none() && string_pos >= a.pos.size() && !kwarg(a, "string"))
    type_error(std::string(name) + "() missing 1 required positional argument: 'string'");
  return make_scan(p, s, Value(), Value());
}

Value re_search(Interp& in, const Value&, CallArgs& a) { return match_value(one(module_scan(in, "search", a, 2), 0)); }
Value re_match(Interp& in, const Value&, CallArgs& a) { return match_value(one(module_scan(in, "match", a, 2), PCRE2_ANCHORED)); }
Value re_fullmatch(Interp& in, const Value&, CallArgs& a) {
  return match_value(one(module_scan(in, "fullmatch", a, 2), PCRE2_ANCHORED | PCRE2_ENDANCHORED));
}
Value re_findall(Interp& in, const Value&, CallArgs& a) { return findall(module_scan(in, "findall", a, 2)); }
Value re_finditer(Interp& in, const Value&, CallArgs& a) { return finditer(in, module_scan(in, "finditer", a, 2)); }

Value re_sub_common(Interp& in, CallArgs& a, bool with_count) {
  const char* name = with_count ? "subn" : "sub";
  Scan sc = module_scan(in, name, a, 4, 2);
  int64_t count = to_int(arg_or(a, 3, "count", Value::integer(0)), "count");
  auto [text, n] = substitute(in, sc, arg_or(a, 1, "repl", Value()), count);
  if (!with_count) return str_value(text);
  return Value::object(make<TupleObj>(std::vector<Value>{str_value(text), Value::integer(n)}));
}
Value re_sub(Interp& in, const Value&, CallArgs& a) { return re_sub_common(in, a, false); }
Value re_subn(Interp& in, const Value&, CallArgs& a) { return re_sub_common(in, a, true); }

Value re_split(Interp& in, const Value&, CallArgs& a) {
  Scan sc = module_scan(in, "split", a, 3);
  return split(sc, to_int(arg_or(a, 2, "maxsplit", Value::integer(0)), "maxsplit"));
}

Value re_escape(Interp&, const Value&, CallArgs& a) {
  check_args("escape", a, 1, 1);
  static const std::string special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  for (char c : as_str(a.pos[0], "pattern")) {
    if (special.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return str_value(out);
}

Value re_purge(Interp&, const Value&, CallArgs& a) {
  check_args("purge", a, 0, 0);
  return Value();
}

// ---- Pattern methods: (string, pos=0, endpos=sys.maxsize) ----

Scan method_scan(const char* name, const Value& self, CallArgs& a) {
  check_args(name, a, 1, 3, true);
  allow_keywords(name, a, {"string", "pos", "endpos"});
  return make_scan(self, arg_or(a, 0, "string", Value()), arg_or(a, 1, "pos", Value()), arg_or(a, 2, "endpos", Value()));
}

Value p_search(Interp&, const Value& self, CallArgs& a) { return match_value(one(method_scan("search", self, a), 0)); }
Value p_match(Interp&, const Value& self, CallArgs& a) { return match_value(one(method_scan("match", self, a), PCRE2_ANCHORED)); }
Value p_fullmatch(Interp&, const Value& self, CallArgs& a) {
  return match_value(one(method_scan("fullmatch", self, a), PCRE2_ANCHORED | PCRE2_ENDANCHORED));
}
Value p_findall(Interp&, const Value& self, CallArgs& a) { return findall(method_scan("findall", self, a)); }
Value p_finditer(Interp& in, const Value& self, CallArgs& a) { return finditer(in, method_scan("finditer", self, a)); }

Value p_sub_common(Interp& in, const Value& self, CallArgs& a, bool with_count) {
  const char* name = with_count ? "subn" : "sub";
  check_args(name, a, 2, 3, true);
  allow_keywords(name, a, {"repl", "string", "count"});
  Scan sc = make_scan(self, arg_or(a, 1, "string", Value()), Value(), Value());
  int64_t count = to_int(arg_or(a, 2, "count", Value::integer(0)), "count");
  auto [text, n] = substitute(in, sc, arg_or(a, 0, "repl", Value()), count);
  if (!with_count) return str_value(text);
  return Value::object(make<TupleObj>(std::vector<Value>{str_value(text), Value::integer(n)}));
}
Value p_sub(Interp& in, const Value& self, CallArgs& a) { return p_sub_common(in, self, a, false); }
Value p_subn(Interp& in, const Value& self, CallArgs& a) { return p_sub_common(in, self, a, true); }

Value p_split(Interp&, const Value& self, CallArgs& a) {
  check_args("split", a, 1, 2, true);
  allow_keywords("split", a, {"string", "maxsplit"});
  Scan sc = make_scan(self, arg_or(a, 0, "string", Value()), Value(), Value());
  return split(sc, to_int(arg_or(a, 1, "maxsplit", Value::integer(0)), "maxsplit"));
}

PatternObj& self_pattern(const Value& v) { return *static_cast<PatternObj*>(v.obj()); }
Value pp_pattern(Interp&, const Value& self) { return str_value(self_pattern(self).pattern); }
Value pp_flags(Interp&, const Value& self) { return Value::integer(self_pattern(self).flags); }
Value pp_groups(Interp&, const Value& self) { return Value::integer(self_pattern(self).groups); }
Value pp_groupindex(Interp& in, const Value& self) {
  Ref<DictObj> d = make<DictObj>();
  for (const auto& [name, n] : self_pattern(self).groupindex) in.setitem(Value::object(d), str_value(name), Value::integer(n));
  return Value::object(d);
}

void install_pattern_methods() {
  static const bool done = [] {
    register_methods(engine_type("re.Pattern"), {{"search", p_search}, {"match", p_match}, {"fullmatch", p_fullmatch},
                                    {"findall", p_findall}, {"finditer", p_finditer}, {"sub", p_sub},
                                    {"subn", p_subn}, {"split", p_split}});
    register_properties(engine_type("re.Pattern"), {{"pattern", pp_pattern}, {"flags", pp_flags}, {"groups", pp_groups},
                                       {"groupindex", pp_groupindex}});
    return true;
  }();
  (void)done;
}

}  // namespace

}  // namespace loopscope::script::re

namespace loopscope::script {

Ref<ModuleObj> make_re_module(Interp&) {
  re::install_pattern_methods();
  re::install_match_methods();
  Ref<ModuleObj> m = make<ModuleObj>("re");
  add_function(*m, "compile", re::re_compile);
  add_function(*m, "search", re::re_search);
  add_function(*m, "match", re::re_match);
  add_function(*m, "fullmatch", re::re_fullmatch);
  add_function(*m, "findall", re::re_findall);
  add_function(*m, "finditer", re::re_finditer);
  add_function(*m, "sub", re::re_sub);
  add_function(*m, "subn", re::re_subn);
  add_function(*m, "split", re::re_split);
  add_function(*m, "escape", re::re_escape);
  add_function(*m, "purge", re::re_purge);
  m->globals["error"] = Value::object(make<ClassObj>("error", "re", Ref<ClassObj>(exc_class(Exc::Exception))));
  const std::pair<const char*, int64_t> flags[] = {
      {"IGNORECASE", re::kI}, {"I", re::kI}, {"LOCALE", re::kL}, {"L", re::kL}, {"MULTILINE", re::kM},
      {"M", re::kM}, {"DOTALL", re::kS}, {"S", re::kS}, {"UNICODE", re::kU}, {"U", re::kU},
      {"VERBOSE", re::kX}, {"X", re::kX}, {"ASCII", re::kA}, {"A", re::kA}, {"NOFLAG", 0}};
  for (const auto& [name, v] : flags) m->globals[name] = Value::integer(v);
  return m;
}

}  // namespace loopscope::script
