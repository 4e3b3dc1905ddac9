// The object protocol: conversions and error helpers, truth, repr/str and
// the output buffers. Attributes are in attrs.cpp, subscription,
// isinstance/hash and operators in ops_operators.cpp, iteration and len()
// in ops_iter.cpp.

#include <algorithm>
#include <limits>
#include <set>
#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/frame_snapshot.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/vm/slots.hpp"
#include "engine/script/runtime/descriptors.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

[[noreturn]] void raise(Exc e, std::string msg) { throw PyError{make_exc(e, std::move(msg))}; }
[[noreturn]] void type_error(std::string msg) { raise(Exc::TypeError, std::move(msg)); }
[[noreturn]] void value_error(std::string msg) { raise(Exc::ValueError, std::move(msg)); }

bool is_number(const Value& v) { return v.is_int() || v.is_float() || v.is_bool() || is_bigint(v); }

int64_t to_int(const Value& v, const char* what) {
  if (v.is_int()) return v.as_int();
  if (v.is_bool()) return v.as_bool() ? 1 : 0;
  if (is_bigint(v)) raise(Exc::OverflowError, "Python int too large to convert to C ssize_t");
  if (const Value* n = number_base(v); n && n->is_int()) return n->as_int();
  type_error(std::string(what) + " must be an integer, not '" + type_name(v) + "'");
}

double to_float(const Value& v, const char* what) {
  if (v.is_float()) return v.as_float();
  if (v.is_int()) return static_cast<double>(v.as_int());
  if (v.is_bool()) return v.as_bool() ? 1.0 : 0.0;
  if (is_bigint(v)) return int_to_float(v);
  if (const Value* n = number_base(v)) return to_float(*n, what);
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
  if (const Value* m = user_override(v, "__bool__")) return truthy(call(*m, std::vector<Value>{v}));
  if (const Value* m = user_override(v, "__len__")) return to_int(call(*m, std::vector<Value>{v}), "__len__()") != 0;
  switch (o->kind()) {
    case ObjKind::Str: return !static_cast<StrObj*>(o)->value.empty();
    case ObjKind::Bytes: return !static_cast<BytesObj*>(o)->value.empty();
    case ObjKind::Tuple: return !static_cast<TupleObj*>(o)->items.empty();
    case ObjKind::List: return !static_cast<ListObj*>(o)->items.empty();
    case ObjKind::Dict: return static_cast<DictObj*>(o)->table.size() != 0;
    case ObjKind::Set: return static_cast<SetObj*>(o)->table.size() != 0;
    case ObjKind::Instance: {
      Value m;
      if (lookup_attr(v, "__bool__", m)) return truthy(call(m, std::vector<Value>{}));
      if (lookup_attr(v, "__len__", m)) return truthy(call(m, std::vector<Value>{}));
      if (const Value* n = number_base(v)) return truthy(*n);
      return true;
    }
    default: break;
  }
  if (typeid(*o) == typeid(RangeObj)) return static_cast<RangeObj*>(o)->length() != 0;
  if (typeid(*o) == typeid(DictViewObj)) return static_cast<DictViewObj*>(o)->dict->table.size() != 0;
  return true;
}

std::string Interp::repr_builtin(const Value& v) {
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
      if (const Value* n = number_base(v)) return loopscope::repr(*n);
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
    case ObjKind::Str:
      if (static_cast<StrObj*>(o)->user) {
        if (const Value* m = user_override(v, "__str__")) {
          Value r = call(*m, std::vector<Value>{v});
          if (!r.is(ObjKind::Str)) type_error("__str__ returned non-string (type " + type_name(r) + ")");
          return r.as<StrObj>()->value;
        }
      }
      return static_cast<StrObj*>(o)->value;
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
      if (e->args.size() == 2 && e->is_instance_of(exc_class(Exc::OSError))) return e->str();  // [Errno N] ...
      if (e->args.size() == 1) {
        if (e->is_instance_of(exc_class(Exc::KeyError))) return repr(e->args[0]);
        return str(e->args[0]);
      }
      return repr(Value::object(make<TupleObj>(e->args)));
    }
    case ObjKind::Other: {
      // An engine object with a __str__ of its own (asyncio.Queue).
      std::string s = o->str();
      return s != o->repr() ? s : repr(v);
    }
    default:
      if (const Value* m = user_override(v, "__str__")) {
        Value r = call(*m, std::vector<Value>{v});
        if (!r.is(ObjKind::Str)) type_error("__str__ returned non-string (type " + type_name(r) + ")");
        return r.as<StrObj>()->value;
      }
      return repr(v);
  }
}

// ---- output ----

void Interp::write_stdout(std::string_view s) {
  out_buf_ += s;
  size_t nl;
  while ((nl = out_buf_.find('\n')) != std::string::npos) {
    Trace& t = world_->trace;
    std::string_view line = std::string_view(out_buf_).substr(0, nl);
    if (world_->threads.in_thread()) {
      world_->threads.hold_output(*world_, std::string(line));  // stamped on the thread's clock
    } else {
      t.add(Ev::Output, t.str(line), current_line());
      if (world_->options.record_frames) record_running_frames(*this);
    }
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
  world_->threads.release(*world_, std::numeric_limits<double>::infinity());
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
