// The dataclasses module, written in the script language over one native:
// _make_function compiles the generated __init__ (so that its signature,
// and the errors of a call to it, are CPython's). repr, eq, order, hash
// and the frozen __setattr__ are closures over the field names.

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

// _make_function(source, name, namespace, module): run `source` in a
// fresh namespace holding `namespace`'s items; the function `name` it made.
Value dc_make_function(Interp& in, const Value&, CallArgs& a) {
  expect_args("_make_function", a, 4, 4);
  Ref<ModuleObj> m = make<ModuleObj>(in.str(a.pos[3]));
  if (!a.pos[2].is(ObjKind::Dict)) type_error("_make_function() namespace must be a dict");
  for (const auto& e : a.pos[2].as<DictObj>()->table.entries())
    if (e.live) m->globals[in.str(e.key)] = e.value;
  run_source_in_module(in, m, "<string>", in.str(a.pos[0]));
  return m->globals[in.str(a.pos[1])];
}

const char* const kSource = R"PY(
import typing


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class FrozenInstanceError(AttributeError):
    pass


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class mappingproxy:
    """A read-only view of a field's metadata, printed as CPython's."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = mappingproxy({} if metadata is None else metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type}'
                ')')


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r}'
                ')')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _annotation_is(a_type, obj, names):
    if a_type is obj:
        return True
    if isinstance(a_type, str):
        for n in names:
            if a_type == n or a_type.startswith(n + '['):
                return True
    return False


def _is_classvar(a_type):
    if isinstance(a_type, typing._GenericAlias) and a_type.__origin__ is typing.ClassVar:
        return True
    return _annotation_is(a_type, typing.ClassVar, ('ClassVar', 'typing.ClassVar'))


def _is_initvar(a_type):
    if isinstance(a_type, InitVar):
        return True
    return _annotation_is(a_type, InitVar, ('InitVar', 'dataclasses.InitVar'))


def _is_kw_only(a_type):
    return _annotation_is(a_type, KW_ONLY, ('KW_ONLY', 'dataclasses.KW_ONLY'))


def _unhashable(value):
    return isinstance(value, (list, dict, set)) or getattr(type(value), '__hash__', 0) is None


def _get_field(cls, a_name, a_type, default_kw_only):
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type is _FIELD_CLASSVAR or f._field_type is _FIELD_INITVAR:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR:
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and _unhashable(f.default):
        raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: use default_factory')
    return f


def _set_new_attribute(cls, name, value):
    if name in vars(cls):
        return True
    value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    setattr(cls, name, value)
    return False


def _init_param(f):
    if f.default is MISSING and f.default_factory is MISSING:
        return f.name
    if f.default is not MISSING:
        return f'{f.name}=_dflt_{f.name}'
    return f'{f.name}=_HAS_DEFAULT_FACTORY'


def _field_init(f, frozen, namespace, self_name):
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        namespace[default_name] = f.default_factory
        if f.init:
            value = f'{default_name}() if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}'
        else:
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            namespace[default_name] = f.default
        value = f.name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{f.name!r},{value})'
    return f'{self_name}.{f.name}={value}'


def _init_fn(cls, fields, std_fields, kw_only_fields, frozen, has_post_init):
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    self_name = '__dataclass_self__' if 'self' in [f.name for f in fields] else 'self'
    namespace = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
                 '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        line = _field_init(f, frozen, namespace, self_name)
        if line:
            body.append(line)
    if has_post_init:
        params = ','.join([f.name for f in fields if f._field_type is _FIELD_INITVAR])
        body.append(f'{self_name}.__post_init__({params})')
    if not body:
        body = ['pass']
    params = [self_name] + [_init_param(f) for f in std_fields if f.init]
    if kw_only_fields:
        params = params + ['*'] + [_init_param(f) for f in kw_only_fields if f.init]
    # Line 2 and on, as in CPython's generated source (inside __create_fn__),
    # so that a traceback names the same lines of "<string>".
    source = f"\ndef __init__({','.join(params)}):\n" + ''.join([f'  {b}\n' for b in body])
    return _make_function(source, '__init__', namespace, cls.__module__)


def _tuple_of(names):
    def values(obj):
        return tuple([getattr(obj, n) for n in names])
    return values


def _repr_fn(names):
    def __repr__(self):
        inner = ', '.join([f'{n}={getattr(self, n)!r}' for n in names])
        return f'{self.__class__.__qualname__}({inner})'
    return __repr__


def _cmp_fn(name, op, values):
    def cmp(self, other):
        if other.__class__ is self.__class__:
            return op(values(self), values(other))
        return NotImplemented
    cmp.__name__ = name
    return cmp


def _frozen_fns(cls, names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)
    for fn in (__setattr__, __delattr__):
        if _set_new_attribute(cls, fn.__name__, fn):
            raise TypeError(f'Cannot overwrite attribute {fn.__name__} in class {cls.__name__}')


def _hash_fn(values):
    def __hash__(self):
        return hash(values(self))
    return __hash__


def _hash_action(cls, field_list, unsafe_hash, eq, frozen, has_explicit_hash):
    if unsafe_hash and has_explicit_hash:
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if has_explicit_hash:
        return
    if unsafe_hash or (eq and frozen):
        names = [f.name for f in field_list if (f.compare if f.hash is None else f.hash)]
        fn = _hash_fn(_tuple_of(names))
        fn.__qualname__ = f"{cls.__qualname__}.__hash__"
        cls.__hash__ = fn
    elif eq:
        cls.__hash__ = None


def _collect_fields(cls, kw_only):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, '__dataclass_params__').frozen:
                any_frozen_base = True
    cls_annotations = vars(cls).get('__annotations__', {})
    cls_fields = []
    kw_only_seen = False
    for name, a_type in cls_annotations.items():
        if _is_kw_only(a_type):
            if kw_only_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been specified')
            kw_only_seen = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only or kw_only_seen))
    for f in cls_fields:
        fields[f.name] = f
        if isinstance(vars(cls).get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in vars(cls).items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return fields, has_dataclass_bases, any_frozen_base


def _add_order(cls, field_list):
    values = _tuple_of([f.name for f in field_list if f.compare])
    ops = [('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
           ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)]
    for name, op in ops:
        if _set_new_attribute(cls, name, _cmp_fn(name, op, values)):
            raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                            f'Consider using functools.total_ordering')


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    fields, has_dataclass_bases, any_frozen_base = _collect_fields(cls, kw_only)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)
    own = vars(cls)
    class_hash = own.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or (class_hash is None and '__eq__' in own))
    all_init = [f for f in fields.values() if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR]
    std_init = [f for f in all_init if not f.kw_only]
    kw_init = [f for f in all_init if f.kw_only]
    if init:
        fn = _init_fn(cls, all_init, std_init, kw_init, frozen, hasattr(cls, '__post_init__'))
        _set_new_attribute(cls, '__init__', fn)
    field_list = [f for f in fields.values() if f._field_type is _FIELD]
    if repr:
        _set_new_attribute(cls, '__repr__', _repr_fn([f.name for f in field_list if f.repr]))
    if eq:
        values = _tuple_of([f.name for f in field_list if f.compare])
        _set_new_attribute(cls, '__eq__', _cmp_fn('__eq__', lambda a, b: a == b, values))
    if order:
        _add_order(cls, field_list)
    if frozen:
        _frozen_fns(cls, [f.name for f in field_list])
    _hash_action(cls, field_list, unsafe_hash, eq, frozen, has_explicit_hash)
    if match_args and '__match_args__' not in own:
        cls.__match_args__ = tuple([f.name for f in std_init])
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple([f for f in fields.values() if f._field_type is _FIELD])


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items()])
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items()])
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def replace(obj, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, '__dataclass_fields__').values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
)PY";

}  // namespace

Ref<ModuleObj> make_dataclasses_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("dataclasses");
  add_function(*m, "_make_function", dc_make_function);
  run_source_in_module(in, m, "dataclasses.py", kSource);
  return m;
}

}  // namespace loopscope::script
