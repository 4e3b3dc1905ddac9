// weakref: ref (with a callback), WeakMethod, proxy, WeakValueDictionary, WeakKeyDictionary,
// WeakSet, finalize. Objects are reference-counted, so a referent dies when
// its last reference goes, as in CPython: its weak references are cleared
// and their callbacks run at that moment. Instances of user classes can be
// referred to weakly; they keep their WeakAnchor (below) in the attribute
// `__weakref__`, which __dict__ leaves out.

#include <algorithm>
#include <typeinfo>

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

class WeakHandle;

// Lives in the referent's attributes: when the referent dies, so does the
// anchor, and its finalizer clears the handles and runs their callbacks.
class WeakAnchor final : public Object {
 public:
  explicit WeakAnchor(Interp& in) : Object(ObjKind::Other), interp(&in) {}
  std::string type_name() const override { return "weakref_anchor"; }
  void finalize() override;
  Interp* interp;
  std::vector<WeakHandle*> handles;
};

// The native part of a weakref.ref: the referent (not counted) and the
// callback; `owner` is the Python ref object, passed to the callback.
class WeakHandle final : public Object {
 public:
  WeakHandle() : Object(ObjKind::Other) {}
  ~WeakHandle() override {
    if (anchor) {
      auto& v = anchor->handles;
      v.erase(std::remove(v.begin(), v.end(), this), v.end());
    }
  }
  std::string type_name() const override { return "weakref_handle"; }
  Object* target = nullptr;
  WeakAnchor* anchor = nullptr;
  Object* owner = nullptr;
  Value callback;
};

void WeakAnchor::finalize() {
  // Callbacks run while the program runs, never once the interpreter that
  // made them is ending (or gone: then `interp` must not be touched).
  bool live = Interp::close_dropped == interp && !interp->quiet();
  // Newest first, as CPython calls the callbacks of a dying object.
  std::vector<Ref<WeakHandle>> dying(handles.rbegin(), handles.rend());
  std::vector<Value> owners;
  for (auto& h : dying) {
    h->target = nullptr;
    h->anchor = nullptr;
    owners.push_back(h->owner ? Value::object(h->owner) : Value());
  }
  handles.clear();
  for (size_t i = 0; i < dying.size(); ++i) {
    Value cb = std::move(dying[i]->callback);
    if (!live || cb.is_none() || owners[i].is_none()) continue;
    try {
      interp->call(cb, std::vector<Value>{owners[i]});
    } catch (const PyError& e) {
      interp->write_stderr("Exception ignored in: " + interp->repr(cb) + "\n" + interp->format_traceback(e.exc.get()));
    }
  }
}

WeakHandle* handle_of(const Value& v) {
  Object* o = v.obj();
  if (!o || typeid(*o) != typeid(WeakHandle)) type_error("weakref handle expected");
  return static_cast<WeakHandle*>(o);
}

// _new(obj, owner, callback) -> handle
Value wr_new(Interp& in, const Value&, CallArgs& a) {
  check_args("_new", a, 3, 3);
  const Value& obj = a.pos[0];
  if (!obj.is(ObjKind::Instance)) type_error("cannot create weak reference to '" + type_name(obj) + "' object");
  auto* inst = obj.as<InstanceObj>();
  Value& slot = inst->attrs["__weakref__"];
  if (!slot.obj() || typeid(*slot.obj()) != typeid(WeakAnchor)) slot = Value::object(make<WeakAnchor>(in));
  auto* anchor = static_cast<WeakAnchor*>(slot.obj());
  Ref<WeakHandle> h = make<WeakHandle>();
  h->target = inst;
  h->anchor = anchor;
  h->owner = a.pos[1].obj();
  h->callback = a.pos[2];
  anchor->handles.push_back(h.get());
  return Value::object(h);
}

// _get(handle) -> the referent, or None once it died
Value wr_get(Interp&, const Value&, CallArgs& a) {
  check_args("_get", a, 1, 1);
  WeakHandle* h = handle_of(a.pos[0]);
  return h->target ? Value::object(h->target) : Value();
}

// _count(obj): how many weak references point at obj.
Value wr_count(Interp&, const Value&, CallArgs& a) {
  check_args("getweakrefcount", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Instance)) return Value::integer(0);
  auto& attrs = a.pos[0].as<InstanceObj>()->attrs;
  auto it = attrs.find("__weakref__");
  if (it == attrs.end() || !it->second.obj() || typeid(*it->second.obj()) != typeid(WeakAnchor)) return Value::integer(0);
  return Value::integer(static_cast<int64_t>(static_cast<WeakAnchor*>(it->second.obj())->handles.size()));
}

const char* const kSource = R"PY(
class ReferenceType:
    def __init__(self, ob, callback=None):
        self._h = _new(ob, self, callback)
        self._hash = None
        self.__callback__ = callback

    def __call__(self):
        return _get(self._h)

    def __hash__(self):
        if self._hash is None:
            ob = self()
            if ob is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(ob)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __repr__(self):
        ob = self()
        if ob is None:
            return "<weakref at 0x?; dead>"
        return "<weakref at 0x?; to '%s' at 0x?>" % type(ob).__name__


ref = ReferenceType


class WeakMethod(ReferenceType):
    """A weak reference to a bound method: it dies with the method's object."""

    def __init__(self, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None
        ReferenceType.__init__(self, obj, callback)
        self._func = func
        self._name = func.__name__

    def __call__(self):
        obj = _get(self._h)
        if obj is None:
            return None
        return getattr(obj, self._name)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        a, b = _get(self._h), _get(other._h)
        if a is None or b is None:
            return self is other
        return a is b and self._func is other._func

    def __hash__(self):
        return ReferenceType.__hash__(self)


class ProxyType:
    """weakref.proxy(obj): uses obj while it lives; ReferenceError after."""

    def __init__(self, ob, callback=None):
        if callback is None:
            object.__setattr__(self, "_ref", ref(ob))
        else:
            object.__setattr__(self, "_ref", ref(ob, lambda r: callback(self)))

    def _target(self):
        ob = self._ref()
        if ob is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return ob

    def __getattr__(self, name):
        return getattr(self._target(), name)

    def __setattr__(self, name, value):
        setattr(self._target(), name, value)

    def __delattr__(self, name):
        delattr(self._target(), name)

    def __repr__(self):
        return "<weakproxy at 0x?; to '%s' at 0x?>" % type(self._target()).__name__

    def __str__(self):
        return str(self._target())

    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)

    def __bool__(self):
        return bool(self._target())

    def __len__(self):
        return len(self._target())

    def __iter__(self):
        return iter(self._target())

    def __contains__(self, item):
        return item in self._target()

    def __getitem__(self, key):
        return self._target()[key]

    def __setitem__(self, key, value):
        self._target()[key] = value

    def __delitem__(self, key):
        del self._target()[key]

    def __eq__(self, other):
        return self._target() == other

    def __lt__(self, other):
        return self._target() < other

    def __le__(self, other):
        return self._target() <= other

    def __gt__(self, other):
        return self._target() > other

    def __ge__(self, other):
        return self._target() >= other

    __hash__ = None


CallableProxyType = ProxyType


def proxy(ob, callback=None):
    return ProxyType(ob, callback)


def getweakrefcount(ob):
    return _count(ob)


class WeakValueDictionary:
    def __init__(self, other=(), /, **kw):
        self.data = {}
        self.update(other, **kw)

    def _remover(self, key):
        def remove(wr, selfref=ref(self)):
            d = selfref()
            if d is not None and d.data.get(key) is wr:
                del d.data[key]
        return remove

    def __setitem__(self, key, value):
        self.data[key] = ref(value, self._remover(key))

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(list(self.keys()))

    def __repr__(self):
        return "<WeakValueDictionary at 0x?>"

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def pop(self, key, *args):
        try:
            o = self.data.pop(key)()
        except KeyError:
            if args:
                return args[0]
            raise
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def update(self, other=(), /, **kw):
        if hasattr(other, 'items'):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def keys(self):
        return [k for k, wr in list(self.data.items()) if wr() is not None]

    def values(self):
        return [o for o in (wr() for wr in list(self.data.values())) if o is not None]

    def items(self):
        return [(k, o) for k, o in ((k, wr()) for k, wr in list(self.data.items())) if o is not None]

    def copy(self):
        return WeakValueDictionary(self.items())

    def clear(self):
        self.data.clear()


class WeakKeyDictionary:
    def __init__(self, dict=None):
        self.data = {}
        if dict is not None:
            self.update(dict)

    def _remover(self, k):
        def remove(wr, selfref=ref(self)):
            d = selfref()
            if d is not None and k in d.data:
                del d.data[k]
        return remove

    def __setitem__(self, key, value):
        k = id(key)
        if k in self.data:
            self.data[k] = (self.data[k][0], value)
        else:
            self.data[k] = (ref(key, self._remover(k)), value)

    def __getitem__(self, key):
        return self.data[id(key)][1]

    def __delitem__(self, key):
        del self.data[id(key)]

    def __contains__(self, key):
        return id(key) in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.keys())

    def __repr__(self):
        return "<WeakKeyDictionary at 0x?>"

    def get(self, key, default=None):
        e = self.data.get(id(key))
        return default if e is None else e[1]

    def setdefault(self, key, default=None):
        if id(key) not in self.data:
            self[key] = default
        return self[key]

    def pop(self, key, *args):
        try:
            return self.data.pop(id(key))[1]
        except KeyError:
            if args:
                return args[0]
            raise KeyError(key)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if hasattr(dict, 'items'):
                dict = dict.items()
            for k, v in dict:
                self[k] = v

    def keys(self):
        return [o for o in (wr() for wr, v in list(self.data.values())) if o is not None]

    def values(self):
        return [v for wr, v in list(self.data.values()) if wr() is not None]

    def items(self):
        return [(o, v) for o, v in ((wr(), v) for wr, v in list(self.data.values())) if o is not None]

    def clear(self):
        self.data.clear()


class WeakSet:
    def __init__(self, data=None):
        self.data = {}
        if data is not None:
            for x in data:
                self.add(x)

    def _remover(self, k):
        def remove(wr, selfref=ref(self)):
            s = selfref()
            if s is not None and k in s.data:
                del s.data[k]
        return remove

    def add(self, item):
        k = id(item)
        if k not in self.data:
            self.data[k] = ref(item, self._remover(k))

    def discard(self, item):
        self.data.pop(id(item), None)

    def remove(self, item):
        if id(item) not in self.data:
            raise KeyError(item)
        del self.data[id(item)]

    def __contains__(self, item):
        return id(item) in self.data

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter([o for o in (wr() for wr in list(self.data.values())) if o is not None])

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def clear(self):
        self.data.clear()


_live_finalizers = {}


class finalize:
    """Calls func(*args, **kwargs) when obj dies (kept alive until then)."""

    def __init__(self, obj, func, /, *args, **kwargs):
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self._alive = True
        self._ref = ref(obj, self._on_death)
        _live_finalizers[id(self)] = self

    def _on_death(self, wr):
        self()

    def __call__(self, _=None):
        if self._alive:
            self._alive = False
            _live_finalizers.pop(id(self), None)
            return self._func(*self._args, **self._kwargs)

    def detach(self):
        ob = self._ref()
        if self._alive and ob is not None:
            self._alive = False
            _live_finalizers.pop(id(self), None)
            return (ob, self._func, self._args, self._kwargs)

    def peek(self):
        ob = self._ref()
        if self._alive and ob is not None:
            return (ob, self._func, self._args, self._kwargs)

    @property
    def alive(self):
        return self._alive
)PY";

}  // namespace

Ref<ModuleObj> make_weakref_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("weakref");
  add_function(*m, "_new", wr_new);
  add_function(*m, "_get", wr_get);
  add_function(*m, "_count", wr_count);
  run_source_in_module(in, m, "weakref.py", kSource);
  return m;
}

}  // namespace loopscope::script
