// json.dumps: CPython's encoder output (separators, indent, sort_keys,
// ensure_ascii, default=, float spelling, circular-reference check).

#include <cmath>

#include "engine/object/bigint.hpp"
#include "engine/script/modules/json.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/methods.hpp"

namespace loopscope::script::json {

namespace {

struct Encoder {
  explicit Encoder(Interp& i) : in(i) {}
  Interp& in;
  std::string item_sep = ", ", key_sep = ": ";
  bool indented = false;
  std::string indent;
  bool sort_keys = false, ensure_ascii = true, allow_nan = true;
  Value default_fn;
  std::vector<const Object*> stack;  // containers being encoded
  std::string out;

  void newline(size_t depth) {
    out += '\n';
    for (size_t i = 0; i < depth; ++i) out += indent;
  }

  void string(const std::string& s);
  void number(double d);
  std::string key_text(const Value& k);
  void value(const Value& v, size_t depth);
  void array(const std::vector<Value>& items, size_t depth);
  void object(const Value& dict, size_t depth);
};

void Encoder::string(const std::string& s) {
  static const char* hex = "0123456789abcdef";
  auto u16 = [&](uint32_t c) {
    out += "\\u";
    for (int sh = 12; sh >= 0; sh -= 4) out += hex[(c >> sh) & 15];
  };
  out += '"';
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20) u16(c);
          else out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (!ensure_ascii) {
      out += s.substr(i, len);
      i += len;
      continue;
    }
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      u16(0xD800 | (cp >> 10));
      u16(0xDC00 | (cp & 0x3FF));
    } else {
      u16(cp);
    }
    i += len;
  }
  out += '"';
}

void Encoder::number(double d) {
  if (std::isfinite(d)) {
    out += float_repr(d);
    return;
  }
  if (!allow_nan) value_error("Out of range float values are not JSON compliant");
  out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
}

std::string Encoder::key_text(const Value& k) {
  if (k.is(ObjKind::Str)) return k.as<StrObj>()->value;
  if (k.is_bool()) return k.as_bool() ? "true" : "false";
  if (k.is_none()) return "null";
  if (k.is_int()) return std::to_string(k.as_int());
  if (is_bigint(k)) return int_decimal(big_of(k));
  if (const Value* n = number_base(k)) return key_text(*n);
  if (k.is_float()) {
    std::string saved;
    std::swap(saved, out);
    number(k.as_float());
    std::swap(saved, out);
    return saved;
  }
  type_error("keys must be str, int, float, bool or None, not " + type_name(k));
}

struct StackGuard {
  std::vector<const Object*>& stack;
  StackGuard(std::vector<const Object*>& s, const Object* o) : stack(s) {
    for (const Object* p : stack)
      if (p == o) value_error("Circular reference detected");
    stack.push_back(o);
  }
  ~StackGuard() { stack.pop_back(); }
};

void Encoder::array(const std::vector<Value>& items, size_t depth) {
  if (items.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += item_sep;
    if (indented) newline(depth + 1);
    value(items[i], depth + 1);
  }
  if (indented) newline(depth);
  out += ']';
}

void Encoder::object(const Value& dict, size_t depth) {
  std::vector<Value> pairs;
  for (const auto& e : dict.as<DictObj>()->table.entries())
    if (e.live) pairs.push_back(Value::object(make<TupleObj>(std::vector<Value>{e.key, e.value})));
  if (pairs.empty()) {
    out += "{}";
    return;
  }
  if (sort_keys) sort_values(in, pairs, Value(), false);
  out += '{';
  for (size_t i = 0; i < pairs.size(); ++i) {
    const auto& kv = pairs[i].as<TupleObj>()->items;
    std::string key = key_text(kv[0]);
    if (i) out += item_sep;
    if (indented) newline(depth + 1);
    string(key);
    out += key_sep;
    value(kv[1], depth + 1);
  }
  if (indented) newline(depth);
  out += '}';
}

void Encoder::value(const Value& v, size_t depth) {
  if (v.is_none()) out += "null";
  else if (v.is_bool()) out += v.as_bool() ? "true" : "false";
  else if (v.is_int()) out += std::to_string(v.as_int());
  else if (is_bigint(v)) out += int_decimal(big_of(v));
  else if (v.is_float()) number(v.as_float());
  else if (const Value* n = number_base(v)) value(*n, depth);  // an int subclass (IntEnum): its number
  else if (v.is(ObjKind::Str)) string(v.as<StrObj>()->value);
  else if (v.is(ObjKind::List) || v.is(ObjKind::Tuple)) {
    StackGuard g(stack, v.obj());
    array(v.is(ObjKind::List) ? v.as<ListObj>()->items : v.as<TupleObj>()->items, depth);
  } else if (v.is(ObjKind::Dict)) {
    StackGuard g(stack, v.obj());
    object(v, depth);
  } else if (!default_fn.is_none()) {
    StackGuard g(stack, v.obj());
    value(in.call(default_fn, {v}), depth);
  } else {
    type_error("Object of type " + type_name(v) + " is not JSON serializable");
  }
}

void configure(Encoder& e, Interp& in, const CallArgs& a) {
  Value indent = arg_or(a, 99, "indent", Value());
  if (!indent.is_none()) {
    e.indented = true;
    e.item_sep = ",";
    if (indent.is(ObjKind::Str)) e.indent = indent.as<StrObj>()->value;
    else e.indent = std::string(static_cast<size_t>(std::max<int64_t>(0, to_int(indent, "indent"))), ' ');
  }
  Value seps = arg_or(a, 99, "separators", Value());
  if (!seps.is_none()) {
    std::vector<Value> two = in.to_vector(seps);
    if (two.size() != 2) value_error("too many values to unpack (expected 2)");
    e.item_sep = as_str(two[0], "item separator");
    e.key_sep = as_str(two[1], "key separator");
  }
  e.sort_keys = in.truthy(arg_or(a, 99, "sort_keys", Value::boolean(false)));
  e.ensure_ascii = in.truthy(arg_or(a, 99, "ensure_ascii", Value::boolean(true)));
  e.allow_nan = in.truthy(arg_or(a, 99, "allow_nan", Value::boolean(true)));
  e.default_fn = arg_or(a, 99, "default", Value());
}

}  // namespace

Value dumps(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("dumps", a, {"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent",
                              "separators", "default", "sort_keys"});
  if (a.pos.empty()) type_error("dumps() missing 1 required positional argument: 'obj'");
  if (a.pos.size() > 1) type_error("dumps() takes 1 positional argument but " + std::to_string(a.pos.size()) + " were given");
  if (Value cls = arg_or(a, 99, "cls", Value()); !cls.is_none()) {
    // cls(**kw).encode(obj): a JSONEncoder subclass with its own default().
    CallArgs ca;
    for (const auto& kv : a.kw)
      if (kv.first != "cls") ca.kw.push_back(kv);
    Value encoder = in.call(cls, ca);
    return in.call(in.getattr(encoder, "encode"), std::vector<Value>{a.pos[0]});
  }
  Encoder e(in);
  configure(e, in, a);
  e.value(a.pos[0], 0);
  return str_value(std::move(e.out));
}

// json.dump(obj, fp, **kw): dumps, then fp.write.
Value dump(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() < 2) {
    type_error(std::string("dump() missing ") + (a.pos.empty() ? "2 required positional arguments: 'obj' and 'fp'" : "1 required positional argument: 'fp'"));
  }
  Value fp = a.pos[1];
  CallArgs rest{{a.pos[0]}, a.kw};
  Value text = dumps(in, Value(), rest);
  Value w;
  if (!in.lookup_attr(fp, "write", w)) raise(Exc::AttributeError, "'" + type_name(fp) + "' object has no attribute 'write'");
  in.call(w, std::vector<Value>{text});
  return Value();
}

// json.load(fp, **kw): loads(fp.read()).
Value load(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("load() missing 1 required positional argument: 'fp'");
  Value r;
  if (!in.lookup_attr(a.pos[0], "read", r)) raise(Exc::AttributeError, "'" + type_name(a.pos[0]) + "' object has no attribute 'read'");
  CallArgs rest{{in.call(r, std::vector<Value>{})}, a.kw};
  return loads(in, Value(), rest);
}

}  // namespace loopscope::script::json

namespace loopscope::script {

namespace {

// json.JSONEncoder: what dumps(cls=...) makes and calls encode() on.
const char* const kEncoderSource = R"PY(
class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        return dumps(o, ensure_ascii=self.ensure_ascii, allow_nan=self.allow_nan, sort_keys=self.sort_keys,
                     indent=self.indent, separators=(self.item_separator, self.key_separator),
                     default=self.default)
)PY";

}  // namespace

Ref<ModuleObj> make_json_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("json");
  add_function(*m, "dumps", json::dumps);
  add_function(*m, "loads", json::loads);
  add_function(*m, "dump", json::dump);
  add_function(*m, "load", json::load);
  m->globals["JSONDecodeError"] = Value::object(json::make_decode_error_class());
  run_source_in_module(in, m, "json/encoder.py", kEncoderSource);
  return m;
}

}  // namespace loopscope::script
