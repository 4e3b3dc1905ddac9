// Iteration: iter(), next(), conversion to a vector, and len().

#include <typeinfo>

#include "engine/loop/future.hpp"
#include "engine/script/vm/coroutine.hpp"
#include "engine/script/vm/generator.hpp"
#include "engine/script/vm/interp.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

// ---- iteration ----

Value Interp::iter_builtin(const Value& v) {
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
      case ObjKind::Bytes: {
        Ref<BytesObj> b(static_cast<BytesObj*>(o));
        size_t i = 0;
        return Value::object(make<IterObj>(b->is_array ? "bytearray_iterator" : "bytes_iterator", [b, i](Interp&, Value& out) mutable {
          if (i >= b->value.size()) return false;
          out = Value::integer(static_cast<unsigned char>(b->value[i++]));
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
    if (typeid(*o) == typeid(IterObj) || typeid(*o) == typeid(GeneratorObj)) return v;
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
    if (NativeFn fn = find_method(v, "__iter__")) {  // engine objects that iterate (files)
      CallArgs none;
      return fn(*this, v, none);
    }
  }
  type_error("'" + type_name(v) + "' object is not iterable");
}

bool Interp::next(const Value& it, Value& out) {
  Object* o = it.obj();
  if (o && typeid(*o) == typeid(IterObj)) return static_cast<IterObj*>(o)->next(*this, out);
  if (o && typeid(*o) == typeid(GeneratorObj)) return static_cast<GeneratorObj*>(o)->step(Value(), nullptr, out);
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
  bool own_iter = user_override(v, "__iter__") != nullptr;
  if (v.is(ObjKind::List) && !own_iter) return v.as<ListObj>()->items;
  if (v.is(ObjKind::Tuple) && !own_iter) return v.as<TupleObj>()->items;
  std::vector<Value> out;
  Value it = iter(v);
  Value x;
  while (next(it, x)) out.push_back(std::move(x));
  return out;
}

int64_t Interp::len_builtin(const Value& v) {
  Object* o = v.obj();
  if (o) {
    switch (o->kind()) {
      case ObjKind::Str: return static_cast<int64_t>(utf8_length(static_cast<StrObj*>(o)->value));
      case ObjKind::Bytes: return static_cast<int64_t>(static_cast<BytesObj*>(o)->value.size());
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

}  // namespace loopscope::script
