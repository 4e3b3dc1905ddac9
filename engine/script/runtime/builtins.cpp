// The built-in functions and the constructors of the built-in types.

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <typeinfo>

#include "engine/script/vm/generator.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

// print(): to the engine's stdout/stderr streams, or piece by piece
// through the write() of another file (file=, or sys.stdout replaced as
// contextlib.redirect_stdout does).
Value b_print(Interp& in, const Value&, CallArgs& a) {
  std::string sep = " ", end = "\n";
  Value file;
  bool flush = false;
  for (auto& [k, v] : a.kw) {
    if (k == "sep") {
      if (!v.is_none()) sep = as_str(v, "sep");
    } else if (k == "end") {
      if (!v.is_none()) end = as_str(v, "end");
    } else if (k == "file") {
      file = v;
    } else if (k == "flush") {
      flush = in.truthy(v);
    } else {
      type_error("'" + k + "' is an invalid keyword argument for print()");
    }
  }
  if (file.is_none()) file = in.getattr(in.import_module("sys"), "stdout");
  Value name;
  std::string stream = in.lookup_attr(file, "name", name) && name.is(ObjKind::Str) ? name.as<StrObj>()->value : "";
  if (stream == "<stdout>" || stream == "<stderr>") {
    std::string out;
    for (size_t i = 0; i < a.pos.size(); ++i) {
      if (i) out += sep;
      out += in.str(a.pos[i]);
    }
    out += end;
    if (stream == "<stderr>") in.write_stderr(out);
    else in.write_stdout(out);
    return Value();
  }
  Value write = in.getattr(file, "write");
  for (size_t i = 0; i < a.pos.size(); ++i) {
    if (i) in.call(write, std::vector<Value>{str_value(sep)});
    in.call(write, std::vector<Value>{str_value(in.str(a.pos[i]))});
  }
  in.call(write, std::vector<Value>{str_value(end)});
  if (flush) in.call(in.getattr(file, "flush"), std::vector<Value>{});
  return Value();
}

Value b_ascii(Interp& in, const Value&, CallArgs& a) {
  check_args("ascii", a, 1, 1);
  return str_value(ascii_repr(in, a.pos[0]));
}

Value b_len(Interp& in, const Value&, CallArgs& a) {
  check_args("len", a, 1, 1);
  return Value::integer(in.len(a.pos[0]));
}

Value b_repr(Interp& in, const Value&, CallArgs& a) {
  check_args("repr", a, 1, 1);
  return str_value(in.repr(a.pos[0]));
}

Value b_abs(Interp& in, const Value&, CallArgs& a) {
  check_args("abs", a, 1, 1);
  const Value& v = a.pos[0];
  Value hook;
  if (v.is(ObjKind::Instance) && in.lookup_attr(v, "__abs__", hook)) return in.call(hook, std::vector<Value>{});
  if (v.is_int() || is_bigint(v)) return in.less(v, Value::integer(0)) ? in.unary(UnOp::Neg, v) : v;
  if (v.is_bool()) return Value::integer(v.as_bool());
  if (v.is_float()) return Value::real(std::fabs(v.as_float()));
  type_error("bad operand type for abs(): '" + type_name(v) + "'");
}

Value b_round(Interp& in, const Value&, CallArgs& a) {
  check_args("round", a, 1, 2, true);
  Value nd = a.pos.size() > 1 ? a.pos[1] : Value();
  if (const Value* k = kwarg(a, "ndigits")) nd = *k;
  const Value& v = a.pos[0];
  if (Value m; v.is(ObjKind::Instance) && !number_base(v) && in.lookup_attr(v, "__round__", m)) {
    return nd.is_none() && a.pos.size() < 2 ? in.call(m, std::vector<Value>{}) : in.call(m, std::vector<Value>{nd});
  }
  bool wide = v.is_int() && (v.as_int() > (int64_t{1} << 53) || v.as_int() < -(int64_t{1} << 53));
  if (is_bigint(v) || wide) {  // round(x, -n): to a multiple of 10**n, ties to even
    if (nd.is_none() || !in.less(nd, Value::integer(0))) return v;
    Value p = in.binary(BinOp::Pow, Value::integer(10), in.unary(UnOp::Neg, nd));
    Value q = in.binary(BinOp::FloorDiv, v, p), r = in.binary(BinOp::Mod, v, p);
    Value twice = in.binary(BinOp::Mul, r, Value::integer(2));
    if (in.less(p, twice) || (in.eq(twice, p) && in.truthy(in.binary(BinOp::BitAnd, q, Value::integer(1))))) {
      q = in.binary(BinOp::Add, q, Value::integer(1));
    }
    return in.binary(BinOp::Mul, q, p);
  }
  if (v.is_int() || v.is_bool()) {
    int64_t x = v.is_int() ? v.as_int() : v.as_bool();
    if (nd.is_none() || to_int(nd, "ndigits") >= 0) return Value::integer(x);
    int64_t p = 1;
    for (int64_t i = 0; i < -to_int(nd, "ndigits") && p < INT64_MAX / 10; ++i) p *= 10;
    int64_t q = x / p, r = x % p;
    if (r < 0) {
      r += p;
      q -= 1;
    }
    if (2 * r > p || (2 * r == p && (q & 1))) q += 1;
    return Value::integer(q * p);
  }
  double x = to_float(v, "round() argument");
  if (nd.is_none()) {
    return float_to_int(std::nearbyint(x));
  }
  int64_t n = to_int(nd, "ndigits");
  if (!std::isfinite(x)) return Value::real(x);
  if (n > 300) return Value::real(x);
  if (n < -300) return Value::real(0.0 * x);
  if (n >= 0) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(n), x);
    return Value::real(std::strtod(buf, nullptr));
  }
  double p = std::pow(10.0, static_cast<double>(-n));
  return Value::real(std::nearbyint(x / p) * p);
}

Value b_isinstance(Interp& in, const Value&, CallArgs& a) {
  check_args("isinstance", a, 2, 2);
  return Value::boolean(in.isinstance(a.pos[0], a.pos[1]));
}

Value b_issubclass(Interp& in, const Value&, CallArgs& a) {
  check_args("issubclass", a, 2, 2);
  if (!a.pos[0].is(ObjKind::Class)) type_error("issubclass() arg 1 must be a class");
  auto check = [&](const Value& c) {
    if (!c.is(ObjKind::Class)) type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (c.as<ClassObj>() == builtin_class(BuiltinType::Object) || a.pos[0].as<ClassObj>()->is_subclass_of(c.as<ClassObj>()))
      return true;
    // A metaclass's __subclasscheck__ (abc.ABCMeta: registered classes).
    const ClassObj* meta = c.as<ClassObj>()->meta.get();
    const Value* hook = meta ? in.class_lookup(meta, "__subclasscheck__") : nullptr;
    return hook && in.truthy(in.call(*hook, std::vector<Value>{c, a.pos[0]}));
  };
  if (a.pos[1].is(ObjKind::Tuple)) {
    for (const Value& c : a.pos[1].as<TupleObj>()->items)
      if (check(c)) return Value::boolean(true);
    return Value::boolean(false);
  }
  return Value::boolean(check(a.pos[1]));
}

Value b_any(Interp& in, const Value&, CallArgs& a) {
  check_args("any", a, 1, 1);
  Value it = in.iter(a.pos[0]);
  Value x;
  while (in.next(it, x))
    if (in.truthy(x)) return Value::boolean(true);
  return Value::boolean(false);
}

Value b_all(Interp& in, const Value&, CallArgs& a) {
  check_args("all", a, 1, 1);
  Value it = in.iter(a.pos[0]);
  Value x;
  while (in.next(it, x))
    if (!in.truthy(x)) return Value::boolean(false);
  return Value::boolean(true);
}

Value b_sum(Interp& in, const Value&, CallArgs& a) {
  check_args("sum", a, 1, 2, true);
  Value acc = a.pos.size() > 1 ? a.pos[1] : Value::integer(0);
  if (const Value* k = kwarg(a, "start")) acc = *k;
  if (acc.is(ObjKind::Str)) type_error("sum() can't sum strings [use ''.join(seq) instead]");
  Value it = in.iter(a.pos[0]);
  Value x;
  while (in.next(it, x)) acc = in.binary(BinOp::Add, acc, x);
  return acc;
}

Value minmax(Interp& in, CallArgs& a, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Value key, dflt;
  bool has_default = false;
  for (auto& [k, v] : a.kw) {
    if (k == "key") key = v;
    else if (k == "default") {
      dflt = v;
      has_default = true;
    } else {
      type_error(std::string("'") + k + "' is an invalid keyword argument for " + name + "()");
    }
  }
  if (a.pos.empty()) type_error(std::string(name) + " expected at least 1 argument, got 0");
  std::vector<Value> items = a.pos.size() == 1 ? in.to_vector(a.pos[0]) : a.pos;
  if (items.empty()) {
    if (has_default) return dflt;
    value_error(std::string(name) + "() arg is an empty sequence");
  }
  Value best = items[0];
  Value best_key = key.is_none() ? best : in.call(key, std::vector<Value>{best});
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key.is_none() ? items[i] : in.call(key, std::vector<Value>{items[i]});
    bool better = is_max ? in.less(best_key, k) : in.less(k, best_key);
    if (better) {
      best = items[i];
      best_key = k;
    }
  }
  return best;
}
Value b_min(Interp& in, const Value&, CallArgs& a) { return minmax(in, a, false); }
Value b_max(Interp& in, const Value&, CallArgs& a) { return minmax(in, a, true); }

Value b_sorted(Interp& in, const Value&, CallArgs& a) {
  check_args("sorted", a, 1, 1, true);
  Value key;
  bool reverse = false;
  for (auto& [k, v] : a.kw) {
    if (k == "key") key = v;
    else if (k == "reverse") reverse = in.truthy(v);
    else type_error("sorted() got an unexpected keyword argument '" + k + "'");
  }
  std::vector<Value> items = in.to_vector(a.pos[0]);
  sort_values(in, items, key, reverse);
  return Value::object(make<ListObj>(std::move(items)));
}

Value b_reversed(Interp& in, const Value&, CallArgs& a) {
  check_args("reversed", a, 1, 1);
  const Value& v = a.pos[0];
  bool view = v.obj() && typeid(*v.obj()) == typeid(DictViewObj);
  if (v.is(ObjKind::Set) || !(v.is(ObjKind::List) || v.is(ObjKind::Tuple) || v.is(ObjKind::Str) || v.is(ObjKind::Dict) ||
                              view || (v.obj() && typeid(*v.obj()) == typeid(RangeObj)) || v.is(ObjKind::Instance))) {
    type_error("'" + type_name(v) + "' object is not reversible");
  }
  std::vector<Value> items = in.to_vector(v);
  size_t i = items.size();
  return Value::object(make<IterObj>("reversed", [items = std::move(items), i](Interp&, Value& out) mutable {
    if (i == 0) return false;
    out = items[--i];
    return true;
  }));
}

Value b_enumerate(Interp& in, const Value&, CallArgs& a) {
  check_args("enumerate", a, 1, 2, true);
  int64_t start = a.pos.size() > 1 ? to_int(a.pos[1], "start") : 0;
  if (const Value* k = kwarg(a, "start")) start = to_int(*k, "start");
  Value it = in.iter(a.pos[0]);
  return Value::object(make<IterObj>("enumerate", [it, start](Interp& in2, Value& out) mutable {
    Value x;
    if (!in2.next(it, x)) return false;
    out = Value::object(make<TupleObj>(std::vector<Value>{Value::integer(start++), x}));
    return true;
  }));
}

Value b_zip(Interp& in, const Value&, CallArgs& a) {
  bool strict = false;
  for (auto& [k, v] : a.kw) {
    if (k == "strict") strict = in.truthy(v);
    else type_error("zip() got an unexpected keyword argument '" + k + "'");
  }
  std::vector<Value> its;
  for (const Value& v : a.pos) its.push_back(in.iter(v));
  return Value::object(make<IterObj>("zip", [its, strict](Interp& in2, Value& out) {
    if (its.empty()) return false;
    std::vector<Value> row;
    for (size_t i = 0; i < its.size(); ++i) {
      Value x;
      if (!in2.next(its[i], x)) {
        if (strict && i > 0) value_error("zip() argument " + std::to_string(i + 1) + " is shorter than argument 1");
        return false;
      }
      row.push_back(std::move(x));
    }
    out = Value::object(make<TupleObj>(std::move(row)));
    return true;
  }));
}

Value b_map(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() < 2) type_error("map() must have at least two arguments.");
  Value fn = a.pos[0];
  std::vector<Value> its;
  for (size_t i = 1; i < a.pos.size(); ++i) its.push_back(in.iter(a.pos[i]));
  return Value::object(make<IterObj>("map", [fn, its](Interp& in2, Value& out) {
    std::vector<Value> args;
    for (const Value& it : its) {
      Value x;
      if (!in2.next(it, x)) return false;
      args.push_back(std::move(x));
    }
    out = in2.call(fn, std::move(args));
    return true;
  }));
}

Value b_filter(Interp& in, const Value&, CallArgs& a) {
  check_args("filter", a, 2, 2);
  Value fn = a.pos[0];
  Value it = in.iter(a.pos[1]);
  return Value::object(make<IterObj>("filter", [fn, it](Interp& in2, Value& out) {
    Value x;
    while (in2.next(it, x)) {
      bool keep = fn.is_none() ? in2.truthy(x) : in2.truthy(in2.call(fn, std::vector<Value>{x}));
      if (keep) {
        out = std::move(x);
        return true;
      }
    }
    return false;
  }));
}

Value b_iter(Interp& in, const Value&, CallArgs& a) {
  check_args("iter", a, 1, 1);
  return in.iter(a.pos[0]);
}

Value b_next(Interp& in, const Value&, CallArgs& a) {
  check_args("next", a, 1, 2);
  Value out;
  if (Object* o = a.pos[0].obj(); o && typeid(*o) == typeid(GeneratorObj)) {
    // A generator's StopIteration carries its return value.
    if (static_cast<GeneratorObj*>(o)->step(Value(), nullptr, out)) return out;
    if (a.pos.size() > 1) return a.pos[1];
    if (out.is_none()) throw PyError{make_exc(Exc::StopIteration)};
    throw PyError{make_exc(Exc::StopIteration, std::vector<Value>{out})};
  }
  if (in.next(a.pos[0], out)) return out;
  if (a.pos.size() > 1) return a.pos[1];
  throw PyError{make_exc(Exc::StopIteration)};
}

Value b_type(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() == 1 && a.kw.empty()) return Value::object(class_of(a.pos[0]));
  if (a.pos.size() != 3) type_error("type() takes 1 or 3 arguments");
  if (a.pos[1].is(ObjKind::Tuple)) {
    // The bases' metaclass makes the class when it is not `type`.
    Value meta = in.metaclass_of_bases(a.pos[1].as<TupleObj>()->items);
    if (!meta.is_none()) return in.call(meta, a);
  }
  return in.type_new(Ref<ClassObj>(builtin_class(BuiltinType::Type)), a);
}

Value b_hasattr(Interp& in, const Value&, CallArgs& a) {
  check_args("hasattr", a, 2, 2);
  Value out;
  return Value::boolean(in.lookup_attr(a.pos[0], as_str(a.pos[1], "attribute name"), out));
}

Value b_getattr(Interp& in, const Value&, CallArgs& a) {
  check_args("getattr", a, 2, 3);
  const std::string& n = as_str(a.pos[1], "attribute name");
  if (a.pos.size() == 3) {
    Value out;
    return in.lookup_attr(a.pos[0], n, out) ? out : a.pos[2];
  }
  return in.getattr(a.pos[0], n);
}

Value b_setattr(Interp& in, const Value&, CallArgs& a) {
  check_args("setattr", a, 3, 3);
  in.setattr(a.pos[0], as_str(a.pos[1], "attribute name"), a.pos[2]);
  return Value();
}

Value b_delattr(Interp& in, const Value&, CallArgs& a) {
  check_args("delattr", a, 2, 2);
  in.delattr(a.pos[0], as_str(a.pos[1], "attribute name"));
  return Value();
}

Value b_callable(Interp& in, const Value&, CallArgs& a) {
  check_args("callable", a, 1, 1);
  Object* o = a.pos[0].obj();
  if (!o) return Value::boolean(false);
  if (o->kind() == ObjKind::Function || o->kind() == ObjKind::Class) return Value::boolean(true);
  if (typeid(*o) == typeid(BoundMethodObj)) return Value::boolean(true);
  Value m;
  return Value::boolean(o->kind() == ObjKind::Instance && in.lookup_attr(a.pos[0], "__call__", m));
}

Value b_hash(Interp& in, const Value&, CallArgs& a) {
  check_args("hash", a, 1, 1);
  return Value::integer(static_cast<int64_t>(in.hash(a.pos[0])));
}

Value b_id(Interp&, const Value&, CallArgs& a) {
  check_args("id", a, 1, 1);
  // Addresses would make runs differ; a stable stand-in is enough to compare ids.
  uint64_t h = a.pos[0].is_obj() ? reinterpret_cast<uintptr_t>(a.pos[0].obj()) : hash_value(a.pos[0]);
  return Value::integer(static_cast<int64_t>(h & 0x7fffffffffffull));
}

Value b_divmod(Interp& in, const Value&, CallArgs& a) {
  check_args("divmod", a, 2, 2);
  return Value::object(make<TupleObj>(std::vector<Value>{in.binary(BinOp::FloorDiv, a.pos[0], a.pos[1]),
                                                         in.binary(BinOp::Mod, a.pos[0], a.pos[1])}));
}

Value b_pow(Interp& in, const Value&, CallArgs& a) {
  check_args("pow", a, 2, 3);
  if (a.pos.size() == 3) {
    for (const Value& x : a.pos)
      if (!is_integer(x)) type_error("pow() 3rd argument not allowed unless all arguments are integers");
    return int_pow_mod(a.pos[0], a.pos[1], a.pos[2]);
  }
  return in.binary(BinOp::Pow, a.pos[0], a.pos[1]);
}

Value b_chr(Interp&, const Value&, CallArgs& a) {
  check_args("chr", a, 1, 1);
  int64_t c = to_int(a.pos[0], "chr()");
  if (c < 0 || c > 0x10FFFF) value_error("chr() arg not in range(0x110000)");
  std::string out;
  uint32_t cp = static_cast<uint32_t>(c);
  if (cp < 0x80) out += static_cast<char>(cp);
  else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return str_value(out);
}

Value b_ord(Interp&, const Value&, CallArgs& a) {
  check_args("ord", a, 1, 1);
  const std::string& s = as_str(a.pos[0], "ord() argument");
  if (utf8_length(s) != 1) type_error("ord() expected a character, but string of length " + std::to_string(utf8_length(s)) + " found");
  auto u = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[i])); };
  uint32_t c = u(0);
  if (c < 0x80) return Value::integer(c);
  if (c < 0xE0) return Value::integer(((c & 0x1F) << 6) | (u(1) & 0x3F));
  if (c < 0xF0) return Value::integer(((c & 0x0F) << 12) | ((u(1) & 0x3F) << 6) | (u(2) & 0x3F));
  return Value::integer(((c & 0x07) << 18) | ((u(1) & 0x3F) << 12) | ((u(2) & 0x3F) << 6) | (u(3) & 0x3F));
}

Value radix(Interp& in, CallArgs& a, const char* name, const char* spec) {
  check_args(name, a, 1, 1);
  Value x = is_bigint(a.pos[0]) ? a.pos[0] : Value::integer(to_int(a.pos[0], name));
  std::string s = format_spec(in, x, spec);
  return str_value(s);
}
Value b_hex(Interp& in, const Value&, CallArgs& a) { return radix(in, a, "hex", "#x"); }
Value b_oct(Interp& in, const Value&, CallArgs& a) { return radix(in, a, "oct", "#o"); }
Value b_bin(Interp& in, const Value&, CallArgs& a) { return radix(in, a, "bin", "#b"); }

Value b_format(Interp& in, const Value&, CallArgs& a) {
  check_args("format", a, 1, 2);
  return str_value(in.format(a.pos[0], a.pos.size() > 1 ? as_str(a.pos[1], "format spec") : ""));
}

Value b_super(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() == 2) {
    if (!a.pos[0].is(ObjKind::Class)) type_error("super() argument 1 must be a type");
    return Value::object(make<SuperObj>(Ref<ClassObj>(a.pos[0].as<ClassObj>()), a.pos[1]));
  }
  if (!a.pos.empty()) type_error("super() takes 0 or 2 arguments");
  auto& frames = in.frames();
  if (frames.empty()) raise(Exc::RuntimeError, "super(): no arguments");
  Frame* f = frames.back();
  if (!f->func || !f->func->owner || f->code->argcount == 0) raise(Exc::RuntimeError, "super(): no arguments");
  Value self = f->locals[0];
  // The first parameter may have been moved into a cell.
  for (size_t i = 0; i < f->code->cellvars.size(); ++i) {
    if (f->code->cell_param[i] == 0) self = f->cells[i]->value;
  }
  return Value::object(make<SuperObj>(f->func->owner, self));
}

Value b_exit(Interp&, const Value&, CallArgs& a) {
  throw PyError{make_exc(Exc::SystemExit, a.pos)};
}

Value b_unsupported(Interp&, const Value& self, CallArgs&) {
  raise(Exc::NotImplementedError, as_str(self, "name") + "() is not supported in scenarios");
}

// ---- constructors of the built-in types ----

// `shown` is the literal as the error shows it (a bytes argument's repr).
Value parse_int(const std::string& text, int64_t base, const std::string* shown = nullptr) {
  if (base != 0 && (base < 2 || base > 36)) value_error("int() base must be >= 2 and <= 36, or 0");
  const int64_t given = base;
  auto bad = [&]() -> Value {
    value_error("invalid literal for int() with base " + std::to_string(given) + ": " + (shown ? *shown : str_repr(text)));
  };
  size_t b = text.find_first_not_of(" \t\n\r\f\v"), e = text.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) bad();
  std::string s = text.substr(b, e - b + 1);
  bool neg = false;
  size_t i = 0;
  if (s[i] == '+' || s[i] == '-') neg = s[i++] == '-';
  bool prefixed = false;
  if (base == 0 || base == 16 || base == 8 || base == 2) {
    if (i + 1 < s.size() && s[i] == '0') {
      char p = static_cast<char>(std::tolower(s[i + 1]));
      int64_t pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
      if (pb && (base == 0 || base == pb)) {
        base = pb;
        prefixed = true;
        i += 2;
      }
    }
  }
  bool decimal_of_base0 = base == 0;
  if (base == 0) base = 10;
  // Digits with single underscores between them (one may follow a prefix).
  std::string digits;
  bool after_underscore = false;
  for (; i < s.size(); ++i) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    if (c == '_') {
      if (after_underscore || (digits.empty() && !prefixed)) bad();
      after_underscore = true;
      continue;
    }
    int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c >= 'a' && c <= 'z') ? c - 'a' + 10 : 99;
    if (d >= base) bad();
    digits += c;
    after_underscore = false;
  }
  if (digits.empty() || after_underscore) bad();
  // Base 0 reads a decimal as a literal would: no leading zeros but in 0.
  if (decimal_of_base0 && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) bad();
  if ((base & (base - 1)) != 0 && digits.size() > kMaxStrDigits) {
    value_error("Exceeds the limit (4300 digits) for integer string conversion: value has " +
                std::to_string(digits.size()) + " digits; use sys.set_int_max_str_digits() to increase the limit");
  }
  Mpz z;
  mpz_set_str(z.z, digits.c_str(), static_cast<int>(base));
  if (neg) mpz_neg(z.z, z.z);
  return int_value(z.z);
}

Value c_int(Interp& in, const Value&, CallArgs& a) {
  check_args("int", a, 0, 2, true);
  if (a.pos.empty()) return Value::integer(0);
  if (number_base(a.pos[0]) && !in.class_lookup(class_of(a.pos[0]), "__int__")) a.pos[0] = *number_base(a.pos[0]);
  const Value& v = a.pos[0];
  Value base_v = a.pos.size() > 1 ? a.pos[1] : Value();
  if (const Value* k = kwarg(a, "base")) base_v = *k;
  if (v.is(ObjKind::Bytes)) {
    std::string shown = v.as<BytesObj>()->repr();
    return parse_int(v.as<BytesObj>()->value, base_v.is_none() ? 10 : to_int(base_v, "base"), &shown);
  }
  if (!base_v.is_none()) {
    if (!v.is(ObjKind::Str)) type_error("int() can't convert non-string with explicit base");
    return parse_int(v.as<StrObj>()->value, to_int(base_v, "base"));
  }
  if (v.is_int() || is_bigint(v)) return v;
  if (v.is_bool()) return Value::integer(v.as_bool());
  if (v.is_float()) return float_to_int(v.as_float());
  if (v.is(ObjKind::Str)) return parse_int(v.as<StrObj>()->value, 10);
  Value m;
  if (v.is(ObjKind::Instance) && in.lookup_attr(v, "__int__", m)) return in.call(m, std::vector<Value>{});
  type_error("int() argument must be a string, a bytes-like object or a real number, not '" + type_name(v) + "'");
}

Value c_float(Interp& in, const Value&, CallArgs& a) {
  check_args("float", a, 0, 1);
  if (a.pos.empty()) return Value::real(0.0);
  if (number_base(a.pos[0]) && !in.class_lookup(class_of(a.pos[0]), "__float__")) a.pos[0] = *number_base(a.pos[0]);
  const Value& v = a.pos[0];
  if (v.is_float()) return v;
  if (v.is_int() || v.is_bool() || is_bigint(v)) return Value::real(to_float(v, "float"));
  if (v.is(ObjKind::Str)) {
    std::string s = v.as<StrObj>()->value;
    size_t b = s.find_first_not_of(" \t\n\r"), e = s.find_last_not_of(" \t\n\r");
    std::string t = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    std::string low;
    for (char c : t) if (c != '_') low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (low == "inf" || low == "+inf" || low == "infinity" || low == "+infinity") return Value::real(INFINITY);
    if (low == "-inf" || low == "-infinity") return Value::real(-INFINITY);
    if (low == "nan" || low == "+nan" || low == "-nan") return Value::real(NAN);
    bool ok = !low.empty() && low.find_first_not_of("0123456789.e+-") == std::string::npos;
    char* end = nullptr;
    double d = ok ? std::strtod(low.c_str(), &end) : 0;
    if (!ok || !end || *end != '\0') value_error("could not convert string to float: " + str_repr(s));
    return Value::real(d);
  }
  Value m;
  if (v.is(ObjKind::Instance) && in.lookup_attr(v, "__float__", m)) return in.call(m, std::vector<Value>{});
  type_error("float() argument must be a string or a real number, not '" + type_name(v) + "'");
}

Value c_str(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.size() > 1 || !a.kw.empty()) {  // str(b, encoding, errors)
    check_args("str", a, 1, 3, true);
    const Value* enc = a.pos.size() > 1 ? &a.pos[1] : kwarg(a, "encoding");
    const Value* err = a.pos.size() > 2 ? &a.pos[2] : kwarg(a, "errors");
    const std::string* b = bytes_like(a.pos[0]);
    if (!b) type_error("decoding to str: need a bytes-like object, " + type_name(a.pos[0]) + " found");
    return str_value(decode_bytes(*b, enc ? as_str(*enc, "str() argument 'encoding'") : "utf-8",
                                  err ? as_str(*err, "str() argument 'errors'") : "strict"));
  }
  check_args("str", a, 0, 1);
  if (a.pos.empty()) return str_value("");
  return str_value(in.str(a.pos[0]));
}

Value c_bool(Interp& in, const Value&, CallArgs& a) {
  check_args("bool", a, 0, 1);
  return Value::boolean(!a.pos.empty() && in.truthy(a.pos[0]));
}

Value c_list(Interp& in, const Value&, CallArgs& a) {
  check_args("list", a, 0, 1);
  if (a.pos.empty()) return Value::object(make<ListObj>());
  return Value::object(make<ListObj>(in.to_vector(a.pos[0])));
}

Value c_tuple(Interp& in, const Value&, CallArgs& a) {
  check_args("tuple", a, 0, 1);
  if (a.pos.empty()) return Value::object(make<TupleObj>());
  if (a.pos[0].is(ObjKind::Tuple)) return a.pos[0];
  return Value::object(make<TupleObj>(in.to_vector(a.pos[0])));
}

Value c_dict(Interp& in, const Value&, CallArgs& a) {
  check_args("dict", a, 0, 1, true);
  Ref<DictObj> d = make<DictObj>();
  if (!a.pos.empty()) {
    const Value& src = a.pos[0];
    if (src.is(ObjKind::Dict)) {
      for (const auto& e : src.as<DictObj>()->table.entries())
        if (e.live) d->table.set(e.key, e.value);
    } else if (!update_from_mapping(in, d->table, src)) {
      size_t i = 0;
      for (const Value& item : in.to_vector(src)) {
        std::vector<Value> kv = in.to_vector(item);
        if (kv.size() != 2) {
          value_error("dictionary update sequence element #" + std::to_string(i) + " has length " +
                      std::to_string(kv.size()) + "; 2 is required");
        }
        d->table.set(kv[0], kv[1]);
        ++i;
      }
    }
  }
  for (auto& [k, v] : a.kw) d->table.set(str_value(k), v);
  return Value::object(d);
}

Value c_set(Interp& in, const Value&, CallArgs& a) {
  check_args("set", a, 0, 1);
  Ref<SetObj> s = make<SetObj>();
  if (!a.pos.empty()) set_update(in, s->table, a.pos[0]);
  return Value::object(s);
}

Value c_range(Interp&, const Value&, CallArgs& a) {
  check_args("range", a, 1, 3);
  int64_t start = 0, stop, step = 1;
  if (a.pos.size() == 1) {
    stop = to_int(a.pos[0], "range() argument");
  } else {
    start = to_int(a.pos[0], "range() argument");
    stop = to_int(a.pos[1], "range() argument");
    if (a.pos.size() == 3) step = to_int(a.pos[2], "range() argument");
  }
  if (step == 0) value_error("range() arg 3 must not be zero");
  return Value::object(make<RangeObj>(start, stop, step));
}

Value c_object(Interp&, const Value&, CallArgs& a) {
  check_args("object", a, 0, 0);
  static Ref<ClassObj> plain = make<ClassObj>("object", "builtins", nullptr);
  return Value::object(make<InstanceObj>(plain));
}

Value c_type(Interp& in, const Value& self, CallArgs& a) { return b_type(in, self, a); }

}  // namespace

NativeFn builtin_constructor(const ClassObj* cls) {
  if (cls == builtin_class(BuiltinType::Int)) return c_int;
  if (cls == builtin_class(BuiltinType::Float)) return c_float;
  if (cls == builtin_class(BuiltinType::Str)) return c_str;
  if (cls == builtin_class(BuiltinType::Bool)) return c_bool;
  if (cls == builtin_class(BuiltinType::List)) return c_list;
  if (cls == builtin_class(BuiltinType::Tuple)) return c_tuple;
  if (cls == builtin_class(BuiltinType::Dict)) return c_dict;
  if (cls == builtin_class(BuiltinType::Set)) return c_set;
  if (cls == builtin_class(BuiltinType::Range)) return c_range;
  if (cls == builtin_class(BuiltinType::Object)) return c_object;
  if (cls == builtin_class(BuiltinType::Type)) return c_type;
  if (cls == builtin_class(BuiltinType::Bytes)) return c_bytes;
  if (cls == builtin_class(BuiltinType::ByteArray)) return c_bytearray;
  return engine_constructor(cls);
}

// Built-in exception classes beyond the engine's own list.
// Never destroyed: the classes live for the process (as exc_class's do).
const std::vector<ClassObj*>& extra_exception_classes() {
  static const std::vector<ClassObj*>& extra = *[] {
    auto* out_ptr = new std::vector<ClassObj*>();
    std::vector<ClassObj*>& out = *out_ptr;
    auto add = [&](const char* name, ClassObj* base) {
      auto* c = new ClassObj(name, "builtins", Ref<ClassObj>(base));
      incref(c);
      out.push_back(c);
      return c;
    };
    ClassObj* conn = add("ConnectionError", exc_class(Exc::OSError));
    add("ConnectionRefusedError", conn);
    add("ConnectionResetError", conn);
    add("BrokenPipeError", conn);
    add("FileNotFoundError", exc_class(Exc::OSError));
    add("PermissionError", exc_class(Exc::OSError));
    add("FileExistsError", exc_class(Exc::OSError));
    add("IsADirectoryError", exc_class(Exc::OSError));
    add("NotADirectoryError", exc_class(Exc::OSError));
    ClassObj* imp = add("ImportError", exc_class(Exc::Exception));
    add("ModuleNotFoundError", imp);
    add("EOFError", exc_class(Exc::Exception));
    ClassObj* uni = add("UnicodeError", exc_class(Exc::ValueError));
    add("UnicodeDecodeError", uni);
    add("UnicodeEncodeError", uni);
    add("MemoryError", exc_class(Exc::Exception));
    add("FloatingPointError", exc_class(Exc::ArithmeticError));
    add("ConnectionAbortedError", conn);
    for (const char* n : {"BlockingIOError", "ChildProcessError", "InterruptedError", "ProcessLookupError"})
      add(n, exc_class(Exc::OSError));
    for (const char* n : {"ReferenceError", "SystemError", "BufferError"}) add(n, exc_class(Exc::Exception));
    add("TabError", add("IndentationError", add("SyntaxError", exc_class(Exc::Exception))));
    ClassObj* warning = add("Warning", exc_class(Exc::Exception));
    for (const char* n : {"UserWarning", "DeprecationWarning", "PendingDeprecationWarning", "RuntimeWarning",
                          "SyntaxWarning", "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning",
                          "ResourceWarning", "EncodingWarning"})
      add(n, warning);
    return out_ptr;
  }();
  return extra;
}

ClassObj* builtin_exception(const std::string& name) {
  for (ClassObj* c : extra_exception_classes())
    if (c->name == name) return c;
  return nullptr;
}

void install_builtin_functions(Interp& in) {
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"print", b_print}, {"len", b_len}, {"repr", b_repr}, {"abs", b_abs}, {"round", b_round},
      {"isinstance", b_isinstance}, {"issubclass", b_issubclass}, {"any", b_any}, {"all", b_all},
      {"sum", b_sum}, {"min", b_min}, {"max", b_max}, {"sorted", b_sorted}, {"reversed", b_reversed},
      {"enumerate", b_enumerate}, {"zip", b_zip}, {"map", b_map}, {"filter", b_filter}, {"iter", b_iter},
      {"next", b_next}, {"hasattr", b_hasattr}, {"getattr", b_getattr}, {"setattr", b_setattr},
      {"delattr", b_delattr}, {"callable", b_callable}, {"hash", b_hash}, {"id", b_id}, {"divmod", b_divmod},
      {"pow", b_pow}, {"chr", b_chr}, {"ord", b_ord}, {"hex", b_hex}, {"oct", b_oct}, {"bin", b_bin},
      {"format", b_format}, {"super", b_super}, {"exit", b_exit}, {"quit", b_exit}, {"open", b_open},
      {"ascii", b_ascii},
  };
  for (const Fn& f : fns) in.define_builtin(f.name, Value::object(make<NativeObj>(f.name, f.fn)));
  for (const char* n : {"input", "eval", "exec", "compile", "__import__", "locals"}) {
    in.define_builtin(n, Value::object(make<NativeObj>(n, b_unsupported, str_value(n))));
  }
  const BuiltinType types[] = {BuiltinType::Int, BuiltinType::Float, BuiltinType::Str, BuiltinType::Bool,
                               BuiltinType::List, BuiltinType::Tuple, BuiltinType::Dict, BuiltinType::Set,
                               BuiltinType::Range, BuiltinType::Object, BuiltinType::Type, BuiltinType::Bytes,
                               BuiltinType::ByteArray};
  for (BuiltinType t : types) in.define_builtin(builtin_class(t)->name, Value::object(builtin_class(t)));
  for (int e = 0; e < static_cast<int>(Exc::Count); ++e) {
    ClassObj* c = exc_class(static_cast<Exc>(e));
    if (c->module == "builtins") in.define_builtin(c->name, Value::object(c));
  }
  for (ClassObj* c : extra_exception_classes()) in.define_builtin(c->name, Value::object(c));
  in.define_builtin("EnvironmentError", Value::object(exc_class(Exc::OSError)));
  in.define_builtin("IOError", Value::object(exc_class(Exc::OSError)));
  in.define_builtin("NotImplemented", not_implemented_value());
  in.define_builtin("Ellipsis", ellipsis_value());
  install_descriptor_builtins(in);
  install_introspection(in);
  // The method tables are installed on first use; they also give the types
  // their class attributes (int.from_bytes, bytes.fromhex), which a program
  // may read before it calls any method.
  (void)find_type_method(builtin_class(BuiltinType::Int), "bit_length");
}

}  // namespace loopscope::script
