// The object protocol: truth, repr/str, attributes, items, operators,
// comparisons, iteration — what the bytecode and the built-ins share.

#include <cmath>
#include <set>
#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/coroutine.hpp"
#include "engine/script/interp.hpp"
#include "engine/script/methods.hpp"
#include "engine/script/text.hpp"

namespace loopscope::script {

[[noreturn]] void raise(Exc e, std::string msg) { throw PyError{make_exc(e, std::move(msg))}; }
[[noreturn]] void type_error(std::string msg) { raise(Exc::TypeError, std::move(msg)); }
[[noreturn]] void value_error(std::string msg) { raise(Exc::ValueError, std::move(msg)); }

bool is_number(const Value& v) { return v.is_int() || v.is_float() || v.is_bool(); }

int64_t to_int(const Value& v, const char* what) {
  if (v.is_int()) return v.as_int();
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  type_error(std::string(what) + " must be an integer, not '" + type_name(v) + "'");
}

double to_float(const Value& v, const char* what) {
  if (v.is_float()) return v.as_float();
  if (v.is_int()) return static_cast<double>(v.as_int());
  if (v.is_bool()) return v.as_bool() ? 1.0 : 0.0;
  type_error(std::string(what) + " must be a real number, not '" + type_name(v) + "'");
}

const std::string& as_str(const Value& v, const char* what) {
  if (!v.is(ObjKind::Str)) type_error(std::string(what) + " must be str, not " + type_name(v));
  return v.as<StrObj>()->value;
}

namespace {

// Guards repr() of containers that contain themselves.
struct ReprGuard {
  static std::set<const Object*>& active() {
    static thread_local std::set<const Object*> s;
    return s;
  }
  const Object* o;
  bool entered;
  explicit ReprGuard(const Object* x) : o(x), entered(active().insert(x).second) {}
  ~ReprGuard() {
    if (entered) active().erase(o);
  }
};

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

[[noreturn]] void overflow() { raise(Exc::OverflowError, "integer overflow: the result does not fit in 64 bits"); }

int64_t int_of(const Value& v) { return v.is_int() ? v.as_int() : (v.as_bool() ? 1 : 0); }
double float_of(const Value& v) {
  return v.is_float() ? v.as_float() : static_cast<double>(int_of(v));
}

Value int_pow(int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0) raise(Exc::ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::real(std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  int64_t result = 1;
  int64_t b = base;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, b, &result)) overflow();
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(b, b, &b)) overflow();
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

// ---- truth, repr, str ----

bool Interp::truthy(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return false;
    case Value::Tag::Bool: return v.as_bool();
    case Value::Tag::Int: return v.as_int() != 0;
    case Value::Tag::Float: return v.as_float() != 0.0;
    case Value::Tag::Obj: break;
  }
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Str: return !static_cast<StrObj*>(o)->value.empty();
    case ObjKind::Tuple: return !static_cast<TupleObj*>(o)->items.empty();
    case ObjKind::List: return !static_cast<ListObj*>(o)->items.empty();
    case ObjKind::Dict: return static_cast<DictObj*>(o)->table.size() != 0;
    case ObjKind::Set: return static_cast<SetObj*>(o)->table.size() != 0;
    case ObjKind::Instance: {
      Value m;
      if (lookup_attr(v, "__bool__", m)) return truthy(call(m, std::vector<Value>{}));
      if (lookup_attr(v, "__len__", m)) return truthy(call(m, std::vector<Value>{}));
      return true;
    }
    default: break;
  }
  if (typeid(*o) == typeid(RangeObj)) return static_cast<RangeObj*>(o)->length() != 0;
  if (typeid(*o) == typeid(DictViewObj)) return static_cast<DictViewObj*>(o)->dict->table.size() != 0;
  return true;
}

std::string Interp::repr(const Value& v) {
  if (!v.is_obj()) return loopscope::repr(v);
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Str: return o->repr();
    case ObjKind::List: case ObjKind::Tuple: {
      bool is_list = o->kind() == ObjKind::List;
      ReprGuard g(o);
      if (!g.entered) return is_list ? "[...]" : "(...)";
      const auto& items = is_list ? static_cast<ListObj*>(o)->items : static_cast<TupleObj*>(o)->items;
      std::string out = is_list ? "[" : "(";
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += repr(items[i]);
      }
      if (!is_list && items.size() == 1) out += ",";
      return out + (is_list ? "]" : ")");
    }
    case ObjKind::Dict: {
      ReprGuard g(o);
      if (!g.entered) return "{...}";
      std::string out = "{";
      bool first = true;
      for (const auto& e : static_cast<DictObj*>(o)->table.entries()) {
        if (!e.live) continue;
        if (!first) out += ", ";
        first = false;
        out += repr(e.key) + ": " + repr(e.value);
      }
      return out + "}";
    }
    case ObjKind::Set: {
      auto& t = static_cast<SetObj*>(o)->table;
      if (t.size() == 0) return "set()";
      ReprGuard g(o);
      if (!g.entered) return "set(...)";
      std::string out = "{";
      bool first = true;
      for (const auto& e : t.entries()) {
        if (!e.live) continue;
        if (!first) out += ", ";
        first = false;
        out += repr(e.key);
      }
      return out + "}";
    }
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      if (const Value* m = class_lookup(inst->cls.get(), "__repr__")) {
        Value r = call(*m, std::vector<Value>{v});
        if (!r.is(ObjKind::Str)) type_error("__repr__ returned non-string (type " + type_name(r) + ")");
        return r.as<StrObj>()->value;
      }
      return "<" + inst->cls->module + "." + inst->cls->name + " object at 0x?>";
    }
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObj*>(o);
      if (const Value* m = class_lookup(e->cls.get(), "__repr__")) {
        Value r = call(*m, std::vector<Value>{v});
        return str(r);
      }
      std::string inner;
      for (size_t i = 0; i < e->args.size(); ++i) {
        if (i) inner += ", ";
        inner += repr(e->args[i]);
      }
      return e->cls->name + "(" + inner + ")";
    }
    default: break;
  }
  if (typeid(*o) == typeid(BoundMethodObj)) {
    auto* m = static_cast<BoundMethodObj*>(o);
    std::string fname = m->func.obj() && typeid(*m->func.obj()) == typeid(FunctionObj)
                            ? m->func.as<FunctionObj>()->code->qualname : "?";
    return "<bound method " + fname + " of " + repr(m->self) + ">";
  }
  if (typeid(*o) == typeid(DictViewObj)) {
    auto* dv = static_cast<DictViewObj*>(o);
    std::string out = dv->type_name() + "([";
    bool first = true;
    for (const auto& e : dv->dict->table.entries()) {
      if (!e.live) continue;
      if (!first) out += ", ";
      first = false;
      if (dv->which == DictViewObj::Which::Keys) out += repr(e.key);
      else if (dv->which == DictViewObj::Which::Values) out += repr(e.value);
      else out += "(" + repr(e.key) + ", " + repr(e.value) + ")";
    }
    return out + "])";
  }
  return o->repr();
}

std::string Interp::str(const Value& v) {
  if (!v.is_obj()) return loopscope::repr(v);
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Str: return static_cast<StrObj*>(o)->value;
    case ObjKind::Instance: {
      auto* inst = static_cast<InstanceObj*>(o);
      if (const Value* m = class_lookup(inst->cls.get(), "__str__")) {
        Value r = call(*m, std::vector<Value>{v});
        if (!r.is(ObjKind::Str)) type_error("__str__ returned non-string (type " + type_name(r) + ")");
        return r.as<StrObj>()->value;
      }
      return repr(v);
    }
    case ObjKind::Exception: {
      auto* e = static_cast<ExceptionObj*>(o);
      if (const Value* m = class_lookup(e->cls.get(), "__str__")) {
        Value r = call(*m, std::vector<Value>{v});
        if (!r.is(ObjKind::Str)) type_error("__str__ returned non-string (type " + type_name(r) + ")");
        return r.as<StrObj>()->value;
      }
      if (e->is_instance_of(exc_class(Exc::BaseExceptionGroup)) && !e->args.empty()) {
        size_t n = e->exceptions.size();
        return str(e->args[0]) + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")";
      }
      if (e->args.empty()) return "";
      if (e->args.size() == 1) {
        if (e->is_instance_of(exc_class(Exc::KeyError))) return repr(e->args[0]);
        return str(e->args[0]);
      }
      return repr(Value::object(make<TupleObj>(e->args)));
    }
    default: return repr(v);
  }
}

// ---- attributes ----

const Value* Interp::class_lookup(const ClassObj* cls, const std::string& name) const {
  for (const ClassObj* c = cls; c; c = c->base.get()) {
    auto it = c->attrs.find(name);
    if (it != c->attrs.end()) return &it->second;
  }
  return nullptr;
}

namespace {
Value bind(const Value& func, const Value& self) {
  Object* o = func.obj();
  if (o && typeid(*o) == typeid(FunctionObj)) return Value::object(make<BoundMethodObj>(self, func));
  return func;
}

Value exception_init(Interp&, const Value& self, CallArgs& a) {
  // BaseException.__init__(self, *args)
  if (a.pos.empty() || !a.pos[0].is(ObjKind::Exception)) return Value();
  a.pos[0].as<ExceptionObj>()->args.assign(a.pos.begin() + 1, a.pos.end());
  (void)self;
  return Value();
}

Value object_init(Interp&, const Value&, CallArgs&) { return Value(); }
}  // namespace

bool Interp::lookup_attr(const Value& obj, const std::string& name, Value& out) {
  Object* o = obj.obj();
  if (name == "__class__") {
    out = Value::object(class_of(obj));
    return true;
  }
  if (o) {
    switch (o->kind()) {
      case ObjKind::Instance: {
        auto* inst = static_cast<InstanceObj*>(o);
        auto it = inst->attrs.find(name);
        if (it != inst->attrs.end()) {
          out = it->second;
          return true;
        }
        if (name == "__dict__") {
          Ref<DictObj> d = make<DictObj>();
          for (auto& [k, v] : inst->attrs) d->table.set(str_value(k), v);
          out = Value::object(d);
          return true;
        }
        if (const Value* m = class_lookup(inst->cls.get(), name)) {
          if (name == "__user__") return false;
          out = bind(*m, obj);
          return true;
        }
        return false;
      }
      case ObjKind::Class: {
        auto* c = static_cast<ClassObj*>(o);
        if (name == "__name__" || name == "__qualname__") {
          out = str_value(c->name);
          return true;
        }
        if (name == "__module__") {
          out = str_value(c->module);
          return true;
        }
        if (name == "__bases__") {
          std::vector<Value> b;
          if (c->base) b.push_back(Value::object(c->base));
          else if (c != builtin_class(BuiltinType::Object)) b.push_back(Value::object(builtin_class(BuiltinType::Object)));
          out = Value::object(make<TupleObj>(std::move(b)));
          return true;
        }
        if (name == "__user__") return false;
        if (const Value* m = class_lookup(c, name)) {
          out = *m;
          return true;
        }
        if (name == "__init__") {
          out = Value::object(make<NativeObj>("__init__", is_exception_class(c) ? exception_init : object_init));
          return true;
        }
        return false;
      }
      case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") {
          out = Value::object(make<TupleObj>(e->args));
          return true;
        }
        if (name == "__cause__") {
          out = Value::object(e->cause);
          return true;
        }
        if (name == "__context__") {
          out = Value::object(e->context);
          return true;
        }
        if (name == "__traceback__") {
          out = Value();
          return true;
        }
        if (name == "__suppress_context__") {
          out = Value::boolean(e->suppress_context);
          return true;
        }
        if (name == "exceptions" && e->is_instance_of(exc_class(Exc::BaseExceptionGroup))) {
          std::vector<Value> items;
          for (auto& x : e->exceptions) items.push_back(Value::object(x));
          out = Value::object(make<TupleObj>(std::move(items)));
          return true;
        }
        auto it = e->attrs.find(name);
        if (it != e->attrs.end()) {
          out = it->second;
          return true;
        }
        if (const Value* m = class_lookup(e->cls.get(), name)) {
          if (name == "__user__") return false;
          out = bind(*m, obj);
          return true;
        }
        break;
      }
      case ObjKind::Function: {
        if (typeid(*o) == typeid(FunctionObj)) {
          auto* fn = static_cast<FunctionObj*>(o);
          if (name == "__name__") {
            out = str_value(fn->code->name);
            return true;
          }
          if (name == "__qualname__") {
            out = str_value(fn->code->qualname);
            return true;
          }
        } else if (name == "__name__") {
          out = str_value(static_cast<NativeObj*>(o)->name);
          return true;
        }
        break;
      }
      default: break;
    }
    if (typeid(*o) == typeid(ModuleObj)) {
      auto* m = static_cast<ModuleObj*>(o);
      auto it = m->globals.find(name);
      if (it == m->globals.end()) return false;
      out = it->second;
      return true;
    }
    if (typeid(*o) == typeid(SuperObj)) {
      auto* s = static_cast<SuperObj*>(o);
      const ClassObj* start = s->start->base.get();
      if (const Value* m = start ? class_lookup(start, name) : nullptr) {
        out = bind(*m, s->self);
        return true;
      }
      if (name == "__init__") {
        bool exc = s->self.is(ObjKind::Exception);
        out = Value::object(make<NativeObj>("__init__", exc ? exception_init : object_init));
        if (exc) {
          // Bind: the native receives self as its first positional argument.
          out = Value::object(make<BoundMethodObj>(s->self, out));
        }
        return true;
      }
      if (name == "__str__" || name == "__repr__") {
        Value self = s->self;
        bool is_repr = name == "__repr__";
        out = Value::object(make<NativeObj>(name, is_repr ? [](Interp& in, const Value& self, CallArgs&) -> Value {
          Object* so = self.obj();
          if (so && so->kind() == ObjKind::Exception) return str_value(so->repr());
          if (so && so->kind() == ObjKind::Instance) return str_value("<" + static_cast<InstanceObj*>(so)->cls->qualified_name() + " object at 0x?>");
          return str_value(in.repr(self));
        } : [](Interp& in, const Value& self, CallArgs&) -> Value {
          Object* so = self.obj();
          if (so && so->kind() == ObjKind::Exception) {
            auto* e = static_cast<ExceptionObj*>(so);
            if (e->args.size() == 1) return str_value(in.str(e->args[0]));
            return str_value(so->str());
          }
          if (so && so->kind() == ObjKind::Instance) return str_value("<" + static_cast<InstanceObj*>(so)->cls->qualified_name() + " object at 0x?>");
          return str_value(in.str(self));
        }, self));
        return true;
      }
      return false;
    }
  }
  if (PropertyFn p = find_property(obj, name)) {
    out = p(*this, obj);
    return true;
  }
  NativeFn fn = find_method(obj, name);
  if (fn) {
    out = Value::object(make<NativeObj>(name, fn, obj));
    return true;
  }
  return false;
}

Value Interp::getattr(const Value& obj, const std::string& name) {
  Value out;
  if (lookup_attr(obj, name, out)) return out;
  if (obj.is(ObjKind::Class)) {
    raise(Exc::AttributeError, "type object '" + obj.as<ClassObj>()->name + "' has no attribute '" + name + "'");
  }
  if (obj.obj() && typeid(*obj.obj()) == typeid(ModuleObj)) {
    raise(Exc::AttributeError, "module '" + obj.as<ModuleObj>()->name + "' has no attribute '" + name + "'");
  }
  raise(Exc::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

void Interp::setattr(const Value& obj, const std::string& name, Value v) {
  Object* o = obj.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::Instance: static_cast<InstanceObj*>(o)->attrs[name] = std::move(v); return;
      case ObjKind::Class:
        if (static_cast<ClassObj*>(o)->module == "builtins") break;
        static_cast<ClassObj*>(o)->attrs[name] = std::move(v);
        return;
      case ObjKind::Exception: {
        auto* e = static_cast<ExceptionObj*>(o);
        if (name == "args") {
          e->args = to_vector(v);
        } else if (name == "__cause__") {
          e->cause = v.is(ObjKind::Exception) ? Ref<ExceptionObj>(v.as<ExceptionObj>()) : nullptr;
          e->suppress_context = true;
        } else if (name == "__context__") {
          e->context = v.is(ObjKind::Exception) ? Ref<ExceptionObj>(v.as<ExceptionObj>()) : nullptr;
        } else {
          e->attrs[name] = std::move(v);
        }
        return;
      }
      default: break;
    }
    if (typeid(*o) == typeid(ModuleObj)) {
      static_cast<ModuleObj*>(o)->globals[name] = std::move(v);
      return;
    }
  }
  if (obj.is(ObjKind::Class)) type_error("cannot set '" + name + "' attribute of immutable type '" + obj.as<ClassObj>()->name + "'");
  raise(Exc::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

void Interp::delattr(const Value& obj, const std::string& name) {
  Object* o = obj.obj();
  if (o && o->kind() == ObjKind::Instance) {
    if (static_cast<InstanceObj*>(o)->attrs.erase(name)) return;
  } else if (o && o->kind() == ObjKind::Exception) {
    if (static_cast<ExceptionObj*>(o)->attrs.erase(name)) return;
  } else if (o && o->kind() == ObjKind::Class && static_cast<ClassObj*>(o)->module != "builtins") {
    if (static_cast<ClassObj*>(o)->attrs.erase(name)) return;
  }
  raise(Exc::AttributeError, "'" + type_name(obj) + "' object has no attribute '" + name + "'");
}

// ---- items ----

Value Interp::getitem(const Value& obj, const Value& key) {
  Object* o = obj.obj();
  if (!o) type_error("'" + type_name(obj) + "' object is not subscriptable");
  bool is_slice = key.obj() && typeid(*key.obj()) == typeid(SliceObj);
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
      if (!key.is_int() && !key.is_bool()) type_error("string indices must be integers, not '" + type_name(key) + "'");
      return str_value(at(normalize_index(int_of(key), n, "string")));
    }
    case ObjKind::Dict: {
      Value* v = static_cast<DictObj*>(o)->table.get(key);
      if (!v) throw PyError{make_exc(Exc::KeyError, std::vector<Value>{key})};
      return *v;
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
  if (o->kind() == ObjKind::Class && o == builtin_class(BuiltinType::List)) return obj;  // list[int] annotations
  type_error("'" + type_name(obj) + "' object is not subscriptable");
}

void Interp::setitem(const Value& obj, const Value& key, Value v) {
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
        if (!key.is_int() && !key.is_bool()) type_error("list indices must be integers or slices, not " + type_name(key));
        int64_t i = normalize_index(int_of(key), static_cast<int64_t>(items.size()), "list assignment");
        items[static_cast<size_t>(i)] = std::move(v);
        return;
      }
      case ObjKind::Dict: static_cast<DictObj*>(o)->table.set(key, std::move(v)); return;
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

void Interp::delitem(const Value& obj, const Value& key) {
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

Value Interp::binary(BinOp op, const Value& a, const Value& b, bool inplace) {
  auto intlike = [](const Value& v) { return v.is_int() || v.is_bool(); };
  if (intlike(a) && intlike(b)) {
    int64_t x = int_of(a), y = int_of(b), r = 0;
    switch (op) {
      case BinOp::Add: if (__builtin_add_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case BinOp::Sub: if (__builtin_sub_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case BinOp::Mul: if (__builtin_mul_overflow(x, y, &r)) overflow(); return Value::integer(r);
      case BinOp::Div:
        if (y == 0) raise(Exc::ZeroDivisionError, "division by zero");
        return Value::real(static_cast<double>(x) / static_cast<double>(y));
      case BinOp::FloorDiv: case BinOp::Mod: {
        if (y == 0) raise(Exc::ZeroDivisionError, op == BinOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        if (x == INT64_MIN && y == -1) {
          if (op == BinOp::Mod) return Value::integer(0);
          overflow();
        }
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
          q -= 1;
          m += y;
        }
        return Value::integer(op == BinOp::Mod ? m : q);
      }
      case BinOp::Pow: return int_pow(x, y);
      case BinOp::LShift:
        if (y < 0) value_error("negative shift count");
        if (x == 0) return Value::integer(0);
        if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) overflow();
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
      if (inplace && lookup_attr(a, std::string("__i") + dunder(op) + "__", m)) return call(m, std::vector<Value>{b});
      if (lookup_attr(a, std::string("__") + dunder(op) + "__", m)) {
        Value r = call(m, std::vector<Value>{b});
        if (!(r.is(ObjKind::Other) && r.obj()->type_name() == "NotImplementedType")) return r;
      }
    }
  }
  if (bo && bo->kind() == ObjKind::Instance) {
    Value m;
    if (lookup_attr(b, std::string("__r") + dunder(op) + "__", m)) return call(m, std::vector<Value>{a});
  }
  if (op == BinOp::Mul && (a.is_int() || a.is_bool()) && bo &&
      (bo->kind() == ObjKind::Str || bo->kind() == ObjKind::List || bo->kind() == ObjKind::Tuple)) {
    return binary(op, b, a, false);
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
        if (x == INT64_MIN) overflow();
        return Value::integer(-x);
      }
      if (a.is_float()) return Value::real(-a.as_float());
      break;
    case UnOp::Pos:
      if (a.is_int() || a.is_bool()) return Value::integer(int_of(a));
      if (a.is_float()) return a;
      break;
    case UnOp::Invert:
      if (a.is_int() || a.is_bool()) return Value::integer(~int_of(a));
      break;
  }
  if (a.is(ObjKind::Instance)) {
    const char* n = op == UnOp::Neg ? "__neg__" : op == UnOp::Pos ? "__pos__" : "__invert__";
    Value m;
    if (lookup_attr(a, n, m)) return call(m, std::vector<Value>{});
  }
  const char* sym = op == UnOp::Neg ? "-" : op == UnOp::Pos ? "+" : "~";
  type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

bool Interp::eq(const Value& a, const Value& b) {
  if (a.is(ObjKind::Instance) || b.is(ObjKind::Instance)) {
    if (a.identical(b)) return true;
    Value m;
    if (a.is(ObjKind::Instance) && lookup_attr(a, "__eq__", m)) return truthy(call(m, std::vector<Value>{b}));
    if (b.is(ObjKind::Instance) && lookup_attr(b, "__eq__", m)) return truthy(call(m, std::vector<Value>{a}));
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
    if (a.is_float() || b.is_float()) return float_of(a) < float_of(b);
    return int_of(a) < int_of(b);
  }
  if (a.is(ObjKind::Str) && b.is(ObjKind::Str)) return a.as<StrObj>()->value < b.as<StrObj>()->value;
  if ((a.is(ObjKind::List) && b.is(ObjKind::List)) || (a.is(ObjKind::Tuple) && b.is(ObjKind::Tuple))) {
    const auto& x = a.is(ObjKind::List) ? a.as<ListObj>()->items : a.as<TupleObj>()->items;
    const auto& y = b.is(ObjKind::List) ? b.as<ListObj>()->items : b.as<TupleObj>()->items;
    for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
      if (!eq(x[i], y[i])) return less(x[i], y[i]);
    }
    return x.size() < y.size();
  }
  Value m;
  if (a.is(ObjKind::Instance) && lookup_attr(a, "__lt__", m)) return truthy(call(m, std::vector<Value>{b}));
  if (b.is(ObjKind::Instance) && lookup_attr(b, "__gt__", m)) return truthy(call(m, std::vector<Value>{a}));
  type_error("'<' not supported between instances of '" + type_name(a) + "' and '" + type_name(b) + "'");
}

Value Interp::compare(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::Eq: return Value::boolean(eq(a, b));
    case CmpOp::NotEq: {
      Value m;
      if (a.is(ObjKind::Instance) && lookup_attr(a, "__ne__", m)) return Value::boolean(truthy(call(m, std::vector<Value>{b})));
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
    if (a.is(ObjKind::Instance) && lookup_attr(a, dunders[i], m)) return call(m, std::vector<Value>{b});
    const char* reflected[] = {"", "", "__gt__", "__ge__", "__lt__", "__le__"};
    if (b.is(ObjKind::Instance) && lookup_attr(b, reflected[i], m)) return call(m, std::vector<Value>{a});
    type_error(std::string("'") + names[i] + "' not supported between instances of '" + type_name(a) + "' and '" +
               type_name(b) + "'");
  }
  bool comparable = (is_number(a) && is_number(b)) || (a.is(ObjKind::Str) && b.is(ObjKind::Str)) ||
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

bool Interp::contains(const Value& c, const Value& item) {
  Object* o = c.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::Str:
        if (!item.is(ObjKind::Str)) type_error("'in <string>' requires string as left operand, not " + type_name(item));
        return static_cast<StrObj*>(o)->value.find(item.as<StrObj>()->value) != std::string::npos;
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

// ---- iteration ----

Value Interp::iter(const Value& v) {
  Object* o = v.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::List: {
        Ref<ListObj> l(static_cast<ListObj*>(o));
        size_t i = 0;
        return Value::object(make<IterObj>("list_iterator", [l, i](Interp&, Value& out) mutable {
          if (i >= l->items.size()) return false;
          out = l->items[i++];
          return true;
        }));
      }
      case ObjKind::Tuple: {
        Ref<TupleObj> t(static_cast<TupleObj*>(o));
        size_t i = 0;
        return Value::object(make<IterObj>("tuple_iterator", [t, i](Interp&, Value& out) mutable {
          if (i >= t->items.size()) return false;
          out = t->items[i++];
          return true;
        }));
      }
      case ObjKind::Str: {
        Ref<StrObj> s(static_cast<StrObj*>(o));
        size_t i = 0;
        return Value::object(make<IterObj>("str_iterator", [s, i](Interp&, Value& out) mutable {
          const std::string& str = s->value;
          if (i >= str.size()) return false;
          size_t j = i + 1;
          while (j < str.size() && (static_cast<unsigned char>(str[j]) & 0xC0) == 0x80) ++j;
          out = str_value(str.substr(i, j - i));
          i = j;
          return true;
        }));
      }
      case ObjKind::Dict: {
        Ref<Object> keep(o);
        ValueTable* t = &static_cast<DictObj*>(o)->table;
        size_t i = 0;
        uint64_t version = t->version();
        size_t size = t->size();
        return Value::object(make<IterObj>("dict_keyiterator", [keep, t, i, version, size](Interp&, Value& out) mutable {
          if (t->size() != size || t->version() != version) raise(Exc::RuntimeError, "dictionary changed size during iteration");
          const auto& es = t->entries();
          while (i < es.size() && !es[i].live) ++i;
          if (i >= es.size()) return false;
          out = es[i++].key;
          return true;
        }));
      }
      case ObjKind::Set: {
        Ref<Object> keep(o);
        SetTable* t = &static_cast<SetObj*>(o)->table;
        size_t i = 0;
        size_t size = t->size();
        return Value::object(make<IterObj>("set_iterator", [keep, t, i, size](Interp&, Value& out) mutable {
          if (t->size() != size) raise(Exc::RuntimeError, "Set changed size during iteration");
          const auto& es = t->entries();
          while (i < es.size() && !es[i].live) ++i;
          if (i >= es.size()) return false;
          out = es[i++].key;
          return true;
        }));
      }
      case ObjKind::Instance: {
        Value m;
        if (lookup_attr(v, "__iter__", m)) {
          Value it = call(m, std::vector<Value>{});
          if (it.is(ObjKind::Instance)) {
            Value nx;
            if (!lookup_attr(it, "__next__", nx)) type_error("iter() returned non-iterator of type '" + type_name(it) + "'");
          }
          return it;
        }
        if (lookup_attr(v, "__getitem__", m)) {
          int64_t i = 0;
          return Value::object(make<IterObj>("iterator", [m, i](Interp& in, Value& out) mutable {
            try {
              out = in.call(m, std::vector<Value>{Value::integer(i++)});
              return true;
            } catch (const PyError& e) {
              if (is_exc(e.exc.get(), Exc::IndexError) || is_exc(e.exc.get(), Exc::StopIteration)) return false;
              throw;
            }
          }));
        }
        break;
      }
      default: break;
    }
    if (typeid(*o) == typeid(IterObj)) return v;
    if (typeid(*o) == typeid(RangeObj)) {
      auto* r = static_cast<RangeObj*>(o);
      int64_t cur = r->start, stop = r->stop, step = r->step;
      return Value::object(make<IterObj>("range_iterator", [cur, stop, step](Interp&, Value& out) mutable {
        if (step > 0 ? cur >= stop : cur <= stop) return false;
        out = Value::integer(cur);
        cur += step;
        return true;
      }));
    }
    if (typeid(*o) == typeid(DictViewObj)) {
      auto* dv = static_cast<DictViewObj*>(o);
      Ref<DictObj> d = dv->dict;
      auto which = dv->which;
      size_t i = 0;
      uint64_t version = d->table.version();
      return Value::object(make<IterObj>("dict_iterator", [d, which, i, version](Interp&, Value& out) mutable {
        if (d->table.version() != version) raise(Exc::RuntimeError, "dictionary changed size during iteration");
        const auto& es = d->table.entries();
        while (i < es.size() && !es[i].live) ++i;
        if (i >= es.size()) return false;
        const auto& e = es[i++];
        if (which == DictViewObj::Which::Keys) out = e.key;
        else if (which == DictViewObj::Which::Values) out = e.value;
        else out = Value::object(make<TupleObj>(std::vector<Value>{e.key, e.value}));
        return true;
      }));
    }
  }
  type_error("'" + type_name(v) + "' object is not iterable");
}

bool Interp::next(const Value& it, Value& out) {
  Object* o = it.obj();
  if (o && typeid(*o) == typeid(IterObj)) return static_cast<IterObj*>(o)->next(*this, out);
  if (o && o->kind() == ObjKind::Instance) {
    Value m;
    if (lookup_attr(it, "__next__", m)) {
      try {
        out = call(m, std::vector<Value>{});
        return true;
      } catch (const PyError& e) {
        if (is_exc(e.exc.get(), Exc::StopIteration)) return false;
        throw;
      }
    }
  }
  type_error("'" + type_name(it) + "' object is not an iterator");
}

std::vector<Value> Interp::to_vector(const Value& v) {
  if (v.is(ObjKind::List)) return v.as<ListObj>()->items;
  if (v.is(ObjKind::Tuple)) return v.as<TupleObj>()->items;
  std::vector<Value> out;
  Value it = iter(v);
  Value x;
  while (next(it, x)) out.push_back(std::move(x));
  return out;
}

int64_t Interp::len(const Value& v) {
  Object* o = v.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::Str: return static_cast<int64_t>(utf8_length(static_cast<StrObj*>(o)->value));
      case ObjKind::List: return static_cast<int64_t>(static_cast<ListObj*>(o)->items.size());
      case ObjKind::Tuple: return static_cast<int64_t>(static_cast<TupleObj*>(o)->items.size());
      case ObjKind::Dict: return static_cast<int64_t>(static_cast<DictObj*>(o)->table.size());
      case ObjKind::Set: return static_cast<int64_t>(static_cast<SetObj*>(o)->table.size());
      case ObjKind::Instance: {
        Value m;
        if (lookup_attr(v, "__len__", m)) return to_int(call(m, std::vector<Value>{}), "__len__()");
        break;
      }
      default: break;
    }
    if (typeid(*o) == typeid(RangeObj)) return static_cast<RangeObj*>(o)->length();
    if (typeid(*o) == typeid(DictViewObj)) return static_cast<int64_t>(static_cast<DictViewObj*>(o)->dict->table.size());
    Value m;
    if (lookup_attr(v, "__len__", m)) return to_int(call(m, std::vector<Value>{}), "__len__()");
  }
  type_error("object of type '" + type_name(v) + "' has no len()");
}

bool Interp::isinstance(const Value& v, const Value& cls) {
  if (cls.is(ObjKind::Tuple)) {
    for (const Value& c : cls.as<TupleObj>()->items)
      if (isinstance(v, c)) return true;
    return false;
  }
  if (!cls.is(ObjKind::Class)) type_error("isinstance() arg 2 must be a type, a tuple of types, or a union");
  const ClassObj* c = cls.as<ClassObj>();
  if (c == builtin_class(BuiltinType::Object)) return true;
  return class_of(v)->is_subclass_of(c);
}

uint64_t Interp::hash(const Value& v) {
  if (v.is(ObjKind::Instance)) {
    const Value* h = class_lookup(v.as<InstanceObj>()->cls.get(), "__hash__");
    if (h) return static_cast<uint64_t>(to_int(call(*h, std::vector<Value>{v}), "__hash__()"));
  }
  return hash_value(v);
}

// ---- output ----

void Interp::write_stdout(std::string_view s) {
  out_buf_ += s;
  size_t nl;
  while ((nl = out_buf_.find('\n')) != std::string::npos) {
    Trace& t = world_->trace;
    t.add(Ev::Output, t.str(std::string_view(out_buf_).substr(0, nl)));
    out_buf_.erase(0, nl + 1);
  }
}

void Interp::write_stderr(std::string_view s) {
  err_buf_ += s;
  size_t nl;
  while ((nl = err_buf_.find('\n')) != std::string::npos) {
    Trace& t = world_->trace;
    t.add(Ev::Stderr, t.str(std::string_view(err_buf_).substr(0, nl)));
    err_buf_.erase(0, nl + 1);
  }
}

void Interp::flush_output() {
  Trace& t = world_->trace;
  if (!out_buf_.empty()) {
    t.add(Ev::Output, t.str(out_buf_));
    out_buf_.clear();
  }
  if (!err_buf_.empty()) {
    t.add(Ev::Stderr, t.str(err_buf_));
    err_buf_.clear();
  }
}

}  // namespace loopscope::script
