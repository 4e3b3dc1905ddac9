// Subscription (items and slices), arithmetic and bitwise operators, unary
// operators, comparisons and membership tests.

#include <cmath>
#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

int64_t normalize_index(int64_t i, int64_t n, const char* what) {
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc::IndexError, std::string(what) + " index out of range");
  return i;
}

// slice.indices(n)
void slice_indices(Interp& in, const SliceObj& s, int64_t n, int64_t& start, int64_t& stop, int64_t& step) {
  (void)in;
  step = s.step.is_none() ? 1 : to_int(s.step, "slice indices");
  if (step == 0) value_error("slice step cannot be zero");
  auto clamp = [&](const Value& v, int64_t dflt, bool is_start) -> int64_t {
    (void)is_start;
    if (v.is_none()) return dflt;
    int64_t x = to_int(v, "slice indices");
    if (x < 0) {
      x += n;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= n) {
      x = step < 0 ? n - 1 : n;
    }
    return x;
  };
  start = clamp(s.start, step < 0 ? n - 1 : 0, true);
  stop = clamp(s.stop, step < 0 ? -1 : n, false);
}

std::vector<int64_t> slice_positions(Interp& in, const SliceObj& s, int64_t n) {
  int64_t start, stop, step;
  slice_indices(in, s, n, start, stop, step);
  std::vector<int64_t> out;
  if (step > 0) {
    for (int64_t i = start; i < stop; i += step) out.push_back(i);
  } else {
    for (int64_t i = start; i > stop; i += step) out.push_back(i);
  }
  return out;
}

int64_t int_of(const Value& v) { return v.is_int() ? v.as_int() : (v.as_bool() ? 1 : 0); }
double float_of(const Value& v) { return v.is_float() ? v.as_float() : int_to_float(v); }

// Small ints beyond 2**53 lose precision as doubles: those divide exactly.
bool exact_double(int64_t x) { return x >= -(int64_t{1} << 53) && x <= (int64_t{1} << 53); }

// base ** exp on 64 bits; nothing (a None) when the result needs a big int.
Value int_pow(int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::real(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1;
  int64_t b = base;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, b, &result)) return Value();
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(b, b, &b)) return Value();
  }
  return Value::integer(result);
}

// CPython's float_divmod.
void float_divmod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

const char* dunder(BinOp op) {
  switch (op) {
    case BinOp::Add: return "add";
    case BinOp::Sub: return "sub";
    case BinOp::Mul: return "mul";
    case BinOp::Div: return "truediv";
    case BinOp::FloorDiv: return "floordiv";
    case BinOp::Mod: return "mod";
    case BinOp::Pow: return "pow";
    case BinOp::LShift: return "lshift";
    case BinOp::RShift: return "rshift";
    case BinOp::BitAnd: return "and";
    case BinOp::BitOr: return "or";
    case BinOp::BitXor: return "xor";
  }
  return "?";
}

Value repeat_seq(const std::vector<Value>& items, int64_t n, bool tuple) {
  std::vector<Value> out;
  if (n > 0) {
    if (items.size() * static_cast<size_t>(n) > (1u << 26)) raise(Exc::OverflowError, "repeated sequence is too long");
    for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  }
  if (tuple) return Value::object(make<TupleObj>(std::move(out)));
  return Value::object(make<ListObj>(std::move(out)));
}

}  // namespace

// ---- items ----

Value Interp::getitem_builtin(const Value& obj, const Value& key) {
  Object* o = obj.obj();
  if (!o) type_error("'" + type_name(obj) + "' object is not subscriptable");
  bool is_slice = key.obj() && typeid(*key.obj()) == typeid(SliceObj);
  if (const Value* n = number_base(key); n && n->is_int() && o->kind() != ObjKind::Dict && o->kind() != ObjKind::Instance) {
    return getitem_builtin(obj, *n);  // seq[IntEnum member]
  }
  switch (o->kind()) {
    case ObjKind::List: case ObjKind::Tuple: {
      bool is_list = o->kind() == ObjKind::List;
      const auto& items = is_list ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
      if (is_slice) {
        std::vector<Value> out;
        for (int64_t i : slice_positions(*this, *key.as<SliceObj>(), static_cast<int64_t>(items.size())))
          out.push_back(items[static_cast<size_t>(i)]);
        if (is_list) return Value::object(make<ListObj>(std::move(out)));
        return Value::object(make<TupleObj>(std::move(out)));
      }
      if (is_bigint(key)) raise(Exc::IndexError, "cannot fit 'int' into an index-sized integer");
      if (!key.is_int() && !key.is_bool()) {
        type_error(std::string(is_list ? "list" : "tuple") + " indices must be integers or slices, not " + type_name(key));
      }
      int64_t i = normalize_index(int_of(key), static_cast<int64_t>(items.size()), is_list ? "list" : "tuple");
      return items[static_cast<size_t>(i)];
    }
    case ObjKind::Str: {
      const std::string& s = static_cast<StrObj*>(o)->value;
      bool ascii = is_ascii(s);
      std::vector<size_t> off;
      if (!ascii) off = utf8_offsets(s);
      int64_t n = ascii ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(off.size() - 1);
      auto at = [&](int64_t i) {
        if (ascii) return std::string(1, s[static_cast<size_t>(i)]);
        return s.substr(off[static_cast<size_t>(i)], off[static_cast<size_t>(i) + 1] - off[static_cast<size_t>(i)]);
      };
      if (is_slice) {
        std::string out;
        for (int64_t i : slice_positions(*this, *key.as<SliceObj>(), n)) out += at(i);
        return str_value(std::move(out));
      }
      if (is_bigint(key)) raise(Exc::IndexError, "cannot fit 'int' into an index-sized integer");
      if (!key.is_int() && !key.is_bool()) type_error("string indices must be integers, not '" + type_name(key) + "'");
      return str_value(at(normalize_index(int_of(key), n, "string")));
    }
    case ObjKind::Bytes: {
      Value out;
      bytes_getitem(*this, static_cast<BytesObj*>(o), key, out);
      return out;
    }
    case ObjKind::Dict: {
      Value* v = static_cast<DictObj*>(o)->table.get(key);
      if (v) return *v;
      if (const Value* missing = user_override(obj, "__missing__")) return call(*missing, std::vector<Value>{obj, key});
      throw PyError{make_exc(Exc::KeyError, std::vector<Value>{key})};
    }
    case ObjKind::Instance: {
      Value m;
      if (lookup_attr(obj, "__getitem__", m)) return call(m, std::vector<Value>{key});
      break;
    }
    default: break;
  }
  if (typeid(*o) == typeid(RangeObj)) {
    auto* r = static_cast<RangeObj*>(o);
    if (is_slice) {
      std::vector<Value> out;
      for (int64_t i : slice_positions(*this, *key.as<SliceObj>(), r->length())) out.push_back(Value::integer(r->start + i * r->step));
      return Value::object(make<ListObj>(std::move(out)));
    }
    int64_t i = normalize_index(to_int(key, "range index"), r->length(), "range object");
    return Value::integer(r->start + i * r->step);
  }
  if (o->kind() == ObjKind::Class) {
    Value m;
    if (lookup_attr(obj, "__class_getitem__", m)) {  // implicitly a classmethod
      if (m.is(ObjKind::Function)) return call(m, std::vector<Value>{obj, key});
      return call(m, std::vector<Value>{key});
    }
    for (BuiltinType t : {BuiltinType::List, BuiltinType::Dict, BuiltinType::Tuple, BuiltinType::Set, BuiltinType::Type})
      if (o == builtin_class(t)) return obj;  // list[int] annotations: the class itself
  }
  if (NativeFn fn = find_method(obj, "__getitem__")) {  // engine objects with items (re.Match)
    CallArgs a{{key}, {}};
    return fn(*this, obj, a);
  }
  type_error("'" + type_name(obj) + "' object is not subscriptable");
}

void Interp::setitem_builtin(const Value& obj, const Value& key, Value v) {
  Object* o = obj.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::List: {
        auto& items = static_cast<ListObj*>(o)->items;
        if (key.obj() && typeid(*key.obj()) == typeid(SliceObj)) {
          auto* s = key.as<SliceObj>();
          std::vector<Value> src = to_vector(v);
          int64_t start, stop, step;
          slice_indices(*this, *s, static_cast<int64_t>(items.size()), start, stop, step);
          if (step == 1) {
            if (stop < start) stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, src.begin(), src.end());
            return;
          }
          std::vector<int64_t> pos = slice_positions(*this, *s, static_cast<int64_t>(items.size()));
          if (pos.size() != src.size()) {
            value_error("attempt to assign sequence of size " + std::to_string(src.size()) +
                        " to extended slice of size " + std::to_string(pos.size()));
          }
          for (size_t i = 0; i < pos.size(); ++i) items[static_cast<size_t>(pos[i])] = src[i];
          return;
        }
        if (is_bigint(key)) raise(Exc::IndexError, "cannot fit 'int' into an index-sized integer");
        if (!key.is_int() && !key.is_bool()) type_error("list indices must be integers or slices, not " + type_name(key));
        int64_t i = normalize_index(int_of(key), static_cast<int64_t>(items.size()), "list assignment");
        items[static_cast<size_t>(i)] = std::move(v);
        return;
      }
      case ObjKind::Dict: static_cast<DictObj*>(o)->table.set(key, std::move(v)); return;
      case ObjKind::Bytes:
        if (bytes_setitem(*this, static_cast<BytesObj*>(o), key, v)) return;
        break;
      case ObjKind::Instance: {
        Value m;
        if (lookup_attr(obj, "__setitem__", m)) {
          call(m, std::vector<Value>{key, std::move(v)});
          return;
        }
        break;
      }
      default: break;
    }
  }
  type_error("'" + type_name(obj) + "' object does not support item assignment");
}

void Interp::delitem_builtin(const Value& obj, const Value& key) {
  Object* o = obj.obj();
  if (o && o->kind() == ObjKind::List) {
    auto& items = static_cast<ListObj*>(o)->items;
    if (key.obj() && typeid(*key.obj()) == typeid(SliceObj)) {
      std::vector<int64_t> pos = slice_positions(*this, *key.as<SliceObj>(), static_cast<int64_t>(items.size()));
      std::sort(pos.begin(), pos.end());
      for (size_t i = pos.size(); i-- > 0;) items.erase(items.begin() + pos[i]);
      return;
    }
    int64_t i = normalize_index(to_int(key, "list indices"), static_cast<int64_t>(items.size()), "list assignment");
    items.erase(items.begin() + i);
    return;
  }
  if (o && o->kind() == ObjKind::Dict) {
    if (!static_cast<DictObj*>(o)->table.erase(key)) throw PyError{make_exc(Exc::KeyError, std::vector<Value>{key})};
    return;
  }
  if (o && o->kind() == ObjKind::Instance) {
    Value m;
    if (lookup_attr(obj, "__delitem__", m)) {
      call(m, std::vector<Value>{key});
      return;
    }
  }
  type_error("'" + type_name(obj) + "' object does not support item deletion");
}

// ---- operators ----

namespace {

// `int | None` between classes: the tuple of the classes (None as
// NoneType), flattened, so that isinstance() accepts it.
bool union_operand(const Value& v) { return v.is_none() || v.is(ObjKind::Class) || v.is(ObjKind::Tuple); }

Value class_union(const Value& a, const Value& b) {
  std::vector<Value> out;
  auto add = [&](const Value& v) {
    Value c = v.is_none() ? Value::object(Ref<ClassObj>(builtin_class(BuiltinType::NoneType))) : v;
    for (const Value& x : out)
      if (x.obj() == c.obj()) return;
    out.push_back(c);
  };
  for (const Value& v : {a, b}) {
    if (v.is(ObjKind::Tuple)) {
      for (const Value& x : v.as<TupleObj>()->items) add(x);
    } else {
      add(v);
    }
  }
  return Value::object(make<TupleObj>(std::move(out)));
}

}  // namespace

namespace {

bool set_like_view(const Value& v) {
  Object* o = v.obj();
  return o && typeid(*o) == typeid(DictViewObj) && static_cast<DictViewObj*>(o)->which != DictViewObj::Which::Values;
}

}  // namespace

Value Interp::binary(BinOp op, const Value& a, const Value& b, bool inplace) {
  if (op == BinOp::BitOr && (a.is(ObjKind::Class) || b.is(ObjKind::Class)) && union_operand(a) && union_operand(b)) {
    return class_union(a, b);
  }
  if (user_part(a) || user_part(b)) {
    // A dict/list/tuple/set subclass's own operator methods come first.
    std::string d = dunder(op);
    const Value* m = inplace ? user_override(a, ("__i" + d + "__").c_str()) : nullptr;
    if (m) {
      Value r = call(*m, std::vector<Value>{a, b});
      if (!is_not_implemented(r)) return r;
    }
    if ((m = user_override(a, ("__" + d + "__").c_str()))) {
      Value r = call(*m, std::vector<Value>{a, b});
      if (!is_not_implemented(r)) return r;
    }
    if ((m = user_override(b, ("__r" + d + "__").c_str()))) {
      Value r = call(*m, std::vector<Value>{b, a});
      if (!is_not_implemented(r)) return r;
    }
  }
  auto intlike = [](const Value& v) { return v.is_int() || v.is_bool(); };
  if (intlike(a) && intlike(b)) {
    int64_t x = int_of(a), y = int_of(b), r = 0;
    switch (op) {
      case BinOp::Add: if (__builtin_add_overflow(x, y, &r)) return int_binary(op, a, b); return Value::integer(r);
      case BinOp::Sub: if (__builtin_sub_overflow(x, y, &r)) return int_binary(op, a, b); return Value::integer(r);
      case BinOp::Mul: if (__builtin_mul_overflow(x, y, &r)) return int_binary(op, a, b); return Value::integer(r);
      case BinOp::Div:
        if (y == 0) raise(Exc::ZeroDivisionError, "division by zero");
        if (!exact_double(x) || !exact_double(y)) return int_binary(op, a, b);
        return Value::real(static_cast<double>(x) / static_cast<double>(y));
      case BinOp::FloorDiv: case BinOp::Mod: {
        if (y == 0) raise(Exc::ZeroDivisionError, op == BinOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) {
          if (op == BinOp::Mod) return Value::integer(0);
          return int_binary(op, a, b);
        }
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
          q -= 1;
          m += y;
        }
        return Value::integer(op == BinOp::Mod ? m : q);
      }
      case BinOp::Pow:
        if (Value p = int_pow(x, y); !p.is_none()) return p;
        return int_binary(op, a, b);
      case BinOp::LShift:
        if (y < 0) value_error("negative shift count");
        if (x == 0) return Value::integer(0);
        if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) return int_binary(op, a, b);
        return Value::integer(static_cast<int64_t>(static_cast<uint64_t>(x) << y));
      case BinOp::RShift:
        if (y < 0) value_error("negative shift count");
        return Value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
      case BinOp::BitAnd:
        if (a.is_bool() && b.is_bool()) return Value::boolean(x & y);
        return Value::integer(x & y);
      case BinOp::BitOr:
        if (a.is_bool() && b.is_bool()) return Value::boolean(x | y);
        return Value::integer(x | y);
      case BinOp::BitXor:
        if (a.is_bool() && b.is_bool()) return Value::boolean(x ^ y);
        return Value::integer(x ^ y);
    }
  }
  if (is_integer(a) && is_integer(b)) return int_binary(op, a, b);
  if (is_number(a) && is_number(b) && op <= BinOp::Pow) {
    double x = float_of(a), y = float_of(b);
    switch (op) {
      case BinOp::Add: return Value::real(x + y);
      case BinOp::Sub: return Value::real(x - y);
      case BinOp::Mul: return Value::real(x * y);
      case BinOp::Div:
        if (y == 0) raise(Exc::ZeroDivisionError, "float division by zero");
        return Value::real(x / y);
      case BinOp::FloorDiv: case BinOp::Mod: {
        if (y == 0) raise(Exc::ZeroDivisionError, op == BinOp::Mod ? "float modulo" : "float floor division by zero");
        double q, m;
        float_divmod(x, y, q, m);
        return Value::real(op == BinOp::Mod ? m : q);
      }
      case BinOp::Pow: {
        if (x == 0 && y < 0) raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        double r = std::pow(x, y);
        if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) value_error("math domain error");
        if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) raise(Exc::OverflowError, "(34, 'Numerical result out of range')");
        return Value::real(r);
      }
      default: break;
    }
  }
  Object* ao = a.obj();
  Object* bo = b.obj();
  if (op == BinOp::Mul && (is_bigint(a) || is_bigint(b))) {  // a sequence repeated a big int times
    const Value& seq = is_bigint(a) ? b : a;
    if (seq.is(ObjKind::Str) || seq.is(ObjKind::List) || seq.is(ObjKind::Tuple) || seq.is(ObjKind::Bytes)) {
      raise(Exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    }
  }
  if (Value r; ao && ao->kind() == ObjKind::Bytes && bytes_binary(*this, op, a, b, inplace, r)) return r;
  if (ao) {
    ObjKind ak = ao->kind();
    if (ak == ObjKind::Str) {
      const std::string& s = static_cast<StrObj*>(ao)->value;
      if (op == BinOp::Add) {
        if (!b.is(ObjKind::Str)) type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
        return str_value(s + b.as<StrObj>()->value);
      }
      if (op == BinOp::Mul && (b.is_int() || b.is_bool())) {
        int64_t n = int_of(b);
        if (n > 0 && s.size() * static_cast<size_t>(n) > (1u << 28)) raise(Exc::OverflowError, "repeated string is too long");
        std::string out;
        for (int64_t i = 0; i < n; ++i) out += s;
        return str_value(std::move(out));
      }
      if (op == BinOp::Mod) return str_value(percent_format(*this, s, b));
    }
    if (ak == ObjKind::List || ak == ObjKind::Tuple) {
      bool is_list = ak == ObjKind::List;
      auto& items = is_list ? static_cast<ListObj*>(ao)->items : static_cast<TupleObj*>(ao)->items;
      if (op == BinOp::Add) {
        if (is_list && inplace) {
          std::vector<Value> more = to_vector(b);
          items.insert(items.end(), more.begin(), more.end());
          return a;
        }
        if (!bo || bo->kind() != ak) {
          type_error(std::string("can only concatenate ") + (is_list ? "list" : "tuple") + " (not \"" + type_name(b) +
                     "\") to " + (is_list ? "list" : "tuple"));
        }
        std::vector<Value> out = items;
        const auto& more = is_list ? static_cast<ListObj*>(bo)->items : static_cast<TupleObj*>(bo)->items;
        out.insert(out.end(), more.begin(), more.end());
        if (is_list) return Value::object(make<ListObj>(std::move(out)));
        return Value::object(make<TupleObj>(std::move(out)));
      }
      if (op == BinOp::Mul && (b.is_int() || b.is_bool())) {
        if (is_list && inplace) {
          Value r = repeat_seq(items, int_of(b), false);
          items = r.as<ListObj>()->items;
          return a;
        }
        return repeat_seq(items, int_of(b), !is_list);
      }
    }
    if (ak == ObjKind::Set && bo && bo->kind() == ObjKind::Set) {
      auto* x = static_cast<SetObj*>(ao);
      switch (op) {
        case BinOp::BitOr:
          if (inplace) {
            set_update(*this, x->table, b);
            return a;
          }
          {
            Ref<SetObj> r = set_copy(x->table);
            if (bo != ao) set_update(*this, r->table, b);
            return Value::object(r);
          }
        case BinOp::BitAnd: {
          Ref<SetObj> r = set_intersection(*this, x, b);
          if (!inplace) return Value::object(r);
          x->table.swap(r->table);
          return a;
        }
        case BinOp::Sub:
          if (inplace) {
            set_difference_update(*this, x->table, b);
            return a;
          }
          return Value::object(set_difference(*this, x, b));
        case BinOp::BitXor:
          if (inplace) {
            set_symmetric_difference_update(*this, x, b);
            return a;
          }
          return Value::object(set_symmetric_difference(*this, x, b));
        default: goto unsupported;
      }
    }
    if (ak == ObjKind::Dict && bo && bo->kind() == ObjKind::Dict && op == BinOp::BitOr) {
      Ref<DictObj> out = inplace ? Ref<DictObj>(static_cast<DictObj*>(ao)) : make<DictObj>();
      if (!inplace)
        for (auto& e : static_cast<DictObj*>(ao)->table.entries()) if (e.live) out->table.set(e.key, e.value);
      for (auto& e : static_cast<DictObj*>(bo)->table.entries()) if (e.live) out->table.set(e.key, e.value);
      return Value::object(out);
    }
    if (ak == ObjKind::Instance) {
      Value m;
      if (inplace && lookup_attr(a, std::string("__i") + dunder(op) + "__", m)) {
        Value r = call(m, std::vector<Value>{b});
        if (!is_not_implemented(r)) return r;
      }
      if (lookup_attr(a, std::string("__") + dunder(op) + "__", m)) {
        Value r = call(m, std::vector<Value>{b});
        if (!is_not_implemented(r)) return r;
      }
    }
  }
  if (bo && bo->kind() == ObjKind::Instance) {
    Value m;
    if (lookup_attr(b, std::string("__r") + dunder(op) + "__", m)) {
      Value r = call(m, std::vector<Value>{a});
      if (!is_not_implemented(r)) return r;
    }
  }
  if ((op == BinOp::BitOr || op == BinOp::BitAnd || op == BinOp::Sub || op == BinOp::BitXor) &&
      (set_like_view(a) || set_like_view(b))) {
    // keys() and items() views are set-like: the result is a set.
    Ref<SetObj> x = make<SetObj>(), y = make<SetObj>();
    set_update(*this, x->table, a);
    set_update(*this, y->table, b);
    return binary(op, Value::object(x), Value::object(y), false);
  }
  if (op == BinOp::Mul && (a.is_int() || a.is_bool()) && bo &&
      (bo->kind() == ObjKind::Str || bo->kind() == ObjKind::List || bo->kind() == ObjKind::Tuple ||
       bo->kind() == ObjKind::Bytes)) {
    return binary(op, b, a, false);
  }
  if (number_base(a) || number_base(b)) {
    // An int or float subclass without the operator: the number's own.
    Value x = plain_value(a), y = plain_value(b);
    if ((is_number(x) && is_number(y)) || (op == BinOp::Mul && (x.is_int() || y.is_int())) ||
        (op == BinOp::Mod && x.is(ObjKind::Str))) {
      return binary(op, x, y, inplace);
    }
  }
unsupported:
  type_error(std::string("unsupported operand type(s) for ") + binop_symbol(op) + (inplace ? "=" : "") + ": '" +
             type_name(a) + "' and '" + type_name(b) + "'");
}

Value Interp::unary(UnOp op, const Value& a) {
  switch (op) {
    case UnOp::Not: return Value::boolean(!truthy(a));
    case UnOp::Neg:
      if (a.is_int() || a.is_bool()) {
        int64_t x = int_of(a);
        if (x == INT64_MIN) return int_unary(op, a);
        return Value::integer(-x);
      }
      if (a.is_float()) return Value::real(-a.as_float());
      if (is_bigint(a)) return int_unary(op, a);
      break;
    case UnOp::Pos:
      if (a.is_int() || a.is_bool()) return Value::integer(int_of(a));
      if (a.is_float() || is_bigint(a)) return a;
      break;
    case UnOp::Invert:
      if (a.is_int() || a.is_bool()) return Value::integer(~int_of(a));
      if (is_bigint(a)) return int_unary(op, a);
      break;
  }
  if (a.is(ObjKind::Instance)) {
    const char* n = op == UnOp::Neg ? "__neg__" : op == UnOp::Pos ? "__pos__" : "__invert__";
    Value m;
    if (lookup_attr(a, n, m)) return call(m, std::vector<Value>{});
    if (const Value* x = number_base(a)) return unary(op, *x);
  }
  const char* sym = op == UnOp::Neg ? "-" : op == UnOp::Pos ? "+" : "~";
  type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

bool Interp::eq_builtin(const Value& a, const Value& b) {
  if (a.is(ObjKind::Instance) || b.is(ObjKind::Instance)) {
    if (a.identical(b)) return true;
    Value m;
    if (a.is(ObjKind::Instance) && lookup_attr(a, "__eq__", m)) {
      Value r = call(m, std::vector<Value>{b});
      if (!is_not_implemented(r)) return truthy(r);
    }
    if (b.is(ObjKind::Instance) && lookup_attr(b, "__eq__", m)) {
      Value r = call(m, std::vector<Value>{a});
      if (!is_not_implemented(r)) return truthy(r);
    }
    if (number_base(a) || number_base(b)) return values_equal(a, b);
    return false;
  }
  if ((a.is(ObjKind::List) && b.is(ObjKind::List)) || (a.is(ObjKind::Tuple) && b.is(ObjKind::Tuple))) {
    const auto& x = a.is(ObjKind::List) ? a.as<ListObj>()->items : a.as<TupleObj>()->items;
    const auto& y = b.is(ObjKind::List) ? b.as<ListObj>()->items : b.as<TupleObj>()->items;
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!eq(x[i], y[i])) return false;
    return true;
  }
  return values_equal(a, b);
}

bool Interp::less(const Value& a, const Value& b) {
  if (is_number(a) && is_number(b)) {
    if (a.is_float() && b.is_float()) return a.as_float() < b.as_float();
    if (!a.is_obj() && !b.is_obj() && !a.is_float() && !b.is_float()) return int_of(a) < int_of(b);
    return compare_numbers(a, b) == -1;
  }
  if (a.is(ObjKind::Str) && b.is(ObjKind::Str)) return a.as<StrObj>()->value < b.as<StrObj>()->value;
  if (bool r; bytes_less(a, b, r)) return r;
  if ((a.is(ObjKind::List) && b.is(ObjKind::List)) || (a.is(ObjKind::Tuple) && b.is(ObjKind::Tuple))) {
    const auto& x = a.is(ObjKind::List) ? a.as<ListObj>()->items : a.as<TupleObj>()->items;
    const auto& y = b.is(ObjKind::List) ? b.as<ListObj>()->items : b.as<TupleObj>()->items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (!eq(x[i], y[i])) return less(x[i], y[i]);
    }
    return x.size() < y.size();
  }
  Value m;
  if (a.is(ObjKind::Instance) && lookup_attr(a, "__lt__", m)) {
    Value r = call(m, std::vector<Value>{b});
    if (!is_not_implemented(r)) return truthy(r);
  }
  if (b.is(ObjKind::Instance) && lookup_attr(b, "__gt__", m)) {
    Value r = call(m, std::vector<Value>{a});
    if (!is_not_implemented(r)) return truthy(r);
  }
  if (number_base(a) || number_base(b)) return less(plain_value(a), plain_value(b));
  type_error("'<' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value Interp::compare(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::Eq: return Value::boolean(eq(a, b));
    case CmpOp::NotEq: {
      Value m;
      if (a.is(ObjKind::Instance) && lookup_attr(a, "__ne__", m)) {
        Value r = call(m, std::vector<Value>{b});
        if (!is_not_implemented(r)) return Value::boolean(truthy(r));
        if (b.is(ObjKind::Instance) && lookup_attr(b, "__ne__", m)) r = call(m, std::vector<Value>{a});
        return is_not_implemented(r) ? Value::boolean(!a.identical(b)) : Value::boolean(truthy(r));
      }
      return Value::boolean(!eq(a, b));
    }
    case CmpOp::Is: return Value::boolean(a.identical(b));
    case CmpOp::IsNot: return Value::boolean(!a.identical(b));
    case CmpOp::In: return Value::boolean(contains(b, a));
    case CmpOp::NotIn: return Value::boolean(!contains(b, a));
    default: break;
  }
  const char* names[] = {"", "", "<", "<=", ">", ">="};
  const char* dunders[] = {"", "", "__lt__", "__le__", "__gt__", "__ge__"};
  int i = static_cast<int>(op);
  if (a.is(ObjKind::Instance) || b.is(ObjKind::Instance)) {
    Value m;
    if (a.is(ObjKind::Instance) && lookup_attr(a, dunders[i], m)) {
      Value r = call(m, std::vector<Value>{b});
      if (!is_not_implemented(r)) return r;
    }
    const char* reflected[] = {"", "", "__gt__", "__ge__", "__lt__", "__le__"};
    if (b.is(ObjKind::Instance) && lookup_attr(b, reflected[i], m)) {
      Value r = call(m, std::vector<Value>{a});
      if (!is_not_implemented(r)) return r;
    }
    if (number_base(a) || number_base(b)) return compare(op, plain_value(a), plain_value(b));
    type_error(std::string("'") + names[i] + "' not supported between instances of '" + type_name(a) + "' and '" +
               type_name(b) + "'");
  }
  bool comparable = (is_number(a) && is_number(b)) || (a.is(ObjKind::Str) && b.is(ObjKind::Str)) ||
                    (a.is(ObjKind::Bytes) && b.is(ObjKind::Bytes)) ||
                    (a.is(ObjKind::List) && b.is(ObjKind::List)) || (a.is(ObjKind::Tuple) && b.is(ObjKind::Tuple));
  if (a.is(ObjKind::Set) && b.is(ObjKind::Set)) {
    auto subset = [](SetTable& x, SetTable& y) {
      for (auto& e : x.entries()) if (e.live && y.find(e.key) < 0) return false;
      return true;
    };
    auto& x = a.as<SetObj>()->table;
    auto& y = b.as<SetObj>()->table;
    switch (op) {
      case CmpOp::Lt: return Value::boolean(x.size() < y.size() && subset(x, y));
      case CmpOp::LtE: return Value::boolean(subset(x, y));
      case CmpOp::Gt: return Value::boolean(x.size() > y.size() && subset(y, x));
      default: return Value::boolean(subset(y, x));
    }
  }
  if (!comparable) {
    type_error(std::string("'") + names[i] + "' not supported between instances of '" + type_name(a) + "' and '" +
               type_name(b) + "'");
  }
  if ((a.is_float() && std::isnan(a.as_float())) || (b.is_float() && std::isnan(b.as_float()))) return Value::boolean(false);
  switch (op) {
    case CmpOp::Lt: return Value::boolean(less(a, b));
    case CmpOp::LtE: return Value::boolean(!less(b, a));
    case CmpOp::Gt: return Value::boolean(less(b, a));
    default: return Value::boolean(!less(a, b));
  }
}

bool Interp::contains_builtin(const Value& c, const Value& item) {
  Object* o = c.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::Str:
        if (!item.is(ObjKind::Str)) type_error("'in <string>' requires string as left operand, not " + type_name(item));
        return static_cast<StrObj*>(o)->value.find(item.as<StrObj>()->value) != std::string::npos;
      case ObjKind::Bytes: return bytes_contains(static_cast<BytesObj*>(o), item);
      case ObjKind::List: case ObjKind::Tuple: {
        const auto& items = o->kind() == ObjKind::List ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
        for (const Value& v : items)
          if (v.identical(item) || eq(v, item)) return true;
        return false;
      }
      case ObjKind::Dict: return static_cast<DictObj*>(o)->table.find(item) >= 0;
      case ObjKind::Set: return static_cast<SetObj*>(o)->table.find(item) >= 0;
      case ObjKind::Instance: {
        Value m;
        if (lookup_attr(c, "__contains__", m)) return truthy(call(m, std::vector<Value>{item}));
        break;
      }
      default: break;
    }
    if (typeid(*o) == typeid(RangeObj)) {
      auto* r = static_cast<RangeObj*>(o);
      if (!item.is_int() && !item.is_bool()) {
        for (int64_t i = 0; i < r->length(); ++i)
          if (eq(Value::integer(r->start + i * r->step), item)) return true;
        return false;
      }
      int64_t x = int_of(item);
      if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
      return (x - r->start) % r->step == 0;
    }
    if (typeid(*o) == typeid(DictViewObj) && static_cast<DictViewObj*>(o)->which == DictViewObj::Which::Keys) {
      return static_cast<DictViewObj*>(o)->dict->table.find(item) >= 0;
    }
  }
  Value it = iter(c);
  Value x;
  while (next(it, x))
    if (eq(x, item)) return true;
  return false;
}

// ---- isinstance and hash ----

bool Interp::isinstance(const Value& v, const Value& cls) {
  if (cls.is(ObjKind::Tuple)) {
    for (const Value& c : cls.as<TupleObj>()->items)
      if (isinstance(v, c)) return true;
    return false;
  }
  if (!cls.is(ObjKind::Class)) type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
  const ClassObj* c = cls.as<ClassObj>();
  if (c == builtin_class(BuiltinType::Object)) return true;
  if (class_of(v)->is_subclass_of(c)) return true;
  // A metaclass's __instancecheck__ (abc.ABCMeta: registered classes, the
  // collections.abc protocols).
  const Value* hook = c->meta ? class_lookup(c->meta.get(), "__instancecheck__") : nullptr;
  return hook && truthy(call(*hook, std::vector<Value>{cls, v}));
}

uint64_t Interp::hash(const Value& v) {
  if (v.is(ObjKind::Instance)) return key_hash(v);
  if (UserPart* u = v.is(ObjKind::Str) ? user_part(v) : nullptr) {
    const Value* h = class_lookup(user_class(u), "__hash__");
    if (h && h->is_none()) type_error("unhashable type: '" + type_name(v) + "'");
    if (h) return static_cast<uint64_t>(to_int(call(*h, std::vector<Value>{v}), "__hash__()"));
  }
  return hash_value(v);
}

// hash() of an instance: its class's __hash__ (None: unhashable), else its
// number (int and float subclasses), else its identity. An int __hash__
// returns is reduced as hash() reduces ints (CPython's -1 becomes -2).
uint64_t Interp::key_hash(const Value& v) {
  const Value* h = class_lookup(v.as<InstanceObj>()->cls.get(), "__hash__");
  if (h && h->is_none()) type_error("unhashable type: '" + type_name(v) + "'");
  if (h) {
    Value r = call(*h, std::vector<Value>{v});
    if (!r.is_int() && !r.is_bool() && !r.is(ObjKind::BigInt)) type_error("__hash__ method should return an integer");
    return hash_value(r);
  }
  if (const Value* n = v.obj()->number_base()) return hash_value(*n);
  return v.obj()->identity_hash();
}

bool Interp::key_equal(const Value& a, const Value& b) { return eq(a, b); }

std::vector<int64_t> slice_index_list(Interp& in, const SliceObj& s, int64_t n) { return slice_positions(in, s, n); }

}  // namespace loopscope::script
