// The typing module, written in the script language: the special forms
// (Any, Union, Optional, ClassVar, Final, Literal, Callable), the generic
// aliases (List, Dict, Awaitable...: subscripted, they print as CPython's
// `typing.Dict[str, int]`), TypeVar, Generic and Protocol (base classes:
// `Generic[T]` is Generic itself; isinstance against a @runtime_checkable
// Protocol checks its members), cast, overload, get_type_hints.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join([_type_repr(a) for a in obj]) + ']'
    if isinstance(obj, tuple):
        return ' | '.join([_type_repr(a) for a in obj])
    if callable(obj) and hasattr(obj, '__name__') and not isinstance(obj, (_SpecialForm, _GenericAlias, TypeVar)):
        return obj.__name__
    return repr(obj)


def _params(params):
    return params if isinstance(params, tuple) else (params,)


def _types(params):
    return tuple([type(None) if p is None else p for p in _params(params)])


class _SpecialForm:
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        if self._name == 'Any':
            raise TypeError("Any cannot be instantiated")
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _GenericAlias:
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name is not None and self.__origin__ is Union:
            if len(self.__args__) == 2 and type(None) in self.__args__:
                other = self.__args__[0] if self.__args__[1] is type(None) else self.__args__[1]
                return f'typing.Optional[{_type_repr(other)}]'
        head = 'typing.' + self._name if self._name is not None else _type_repr(self.__origin__)
        if self.__args__ == ():
            return head + '[()]'
        if self.__origin__ is Callable and self.__args__[0] is not ...:
            return head + '[[' + ', '.join([_type_repr(a) for a in self.__args__[:-1]]) + '], ' + _type_repr(self.__args__[-1]) + ']'
        return head + '[' + ', '.join([_type_repr(a) for a in self.__args__]) + ']'

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, _params(params), self._name)

    def __call__(self, *args, **kwargs):
        if self._name is not None and not isinstance(self.__origin__, type):
            raise TypeError(f"Cannot instantiate {self!r}")
        if self._name is not None and self.__origin__.__module__ == 'builtins':
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialGeneric:
    """List, Dict, Callable...: bare or subscripted."""

    def __init__(self, name, origin, nparams=-1):
        self._name = name
        self.__origin__ = origin
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = _types(params)
        if self._nparams >= 0 and len(params) != self._nparams:
            many = 'many' if len(params) > self._nparams else 'few'
            raise TypeError(f"Too {many} arguments for {self!r}; actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if isinstance(self.__origin__, type) and self.__origin__.__module__ == 'builtins':
            raise TypeError(f"Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead")
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    flat = []
    for p in _params(params):
        if p is None:
            p = type(None)
        if isinstance(p, tuple):
            members = list(p)
        elif isinstance(p, _GenericAlias) and p.__origin__ is Union:
            members = list(p.__args__)
        else:
            members = [p]
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _GenericAlias(Union, tuple(flat), 'Union')


def _optional(self, params):
    if isinstance(params, tuple) and len(params) != 1:
        raise TypeError(f"typing.Optional requires a single type. Got {params!r}.")
    arg = params[0] if isinstance(params, tuple) else params
    return Union[arg, None]


def _one(self, params):
    if isinstance(params, tuple) and len(params) != 1:
        raise TypeError(f"{self} accepts only single type.")
    return _GenericAlias(self, _types(params), self._name)


def _literal(self, params):
    return _GenericAlias(self, _params(params), self._name)


def _callable(self, params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError("Callable must be used as Callable[[arg, ...], result].")
    args, result = params
    if result is None:
        result = type(None)
    if args is ...:
        return _GenericAlias(self, (..., result), 'Callable')
    if not isinstance(args, list):
        raise TypeError(f"Callable[args, result]: args must be a list. Got {_type_repr(args)}")
    return _GenericAlias(self, _types(tuple(args)) + (result,), 'Callable')


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _one)
Final = _SpecialForm('Final', _one)
Literal = _SpecialForm('Literal', _literal)
Callable = _SpecialForm('Callable', _callable)


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


AnyStr = TypeVar('AnyStr', str, str)


class Generic:
    """Generic[T] is Generic itself, a base class; C[int] an alias of C."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        return _GenericAlias(cls, _params(params))


from abc import ABCMeta as _ABCMeta

_SPECIAL_NAMES = {'__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__',
                  '__new__', '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__',
                  '__init_subclass__', '__qualname__', '__parameters__', '__orig_bases__', '__hash__',
                  '__user__', '_is_protocol', '_is_runtime_protocol', '_abc_registry', '_abc_subs'}


def _protocol_attrs(cls):
    names = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for name in list(vars(base)) + list(vars(base).get('__annotations__', {})):
            if not name.startswith('_abc_') and name not in _SPECIAL_NAMES:
                names.add(name)
    return names


class _ProtocolMeta(_ABCMeta):
    # isinstance(x, P) for a @runtime_checkable protocol P: x has P's members.
    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        if not cls.__dict__.get('_is_runtime_protocol', False):
            raise TypeError("Instance and class checks can only be used with @runtime_checkable protocols")
        return all(hasattr(instance, name) for name in _protocol_attrs(cls))


class Protocol(Generic, metaclass=_ProtocolMeta):
    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def _generic(name, origin, nparams=-1):
    return _SpecialGeneric(name, origin, nparams)


List = _generic('List', list, 1)
Dict = _generic('Dict', dict, 2)
Set = _generic('Set', set, 1)
FrozenSet = _generic('FrozenSet', 'frozenset', 1)
Tuple = _generic('Tuple', tuple)
Type = _generic('Type', type, 1)
DefaultDict = _generic('DefaultDict', 'collections.defaultdict', 2)
OrderedDict = _generic('OrderedDict', 'collections.OrderedDict', 2)
Counter = _generic('Counter', 'collections.Counter', 1)
Deque = _generic('Deque', 'collections.deque', 1)
ChainMap = _generic('ChainMap', 'collections.ChainMap', 2)
Awaitable = _generic('Awaitable', 'collections.abc.Awaitable', 1)
Coroutine = _generic('Coroutine', 'collections.abc.Coroutine', 3)
AsyncIterable = _generic('AsyncIterable', 'collections.abc.AsyncIterable', 1)
AsyncIterator = _generic('AsyncIterator', 'collections.abc.AsyncIterator', 1)
AsyncGenerator = _generic('AsyncGenerator', 'collections.abc.AsyncGenerator', 2)
Iterable = _generic('Iterable', 'collections.abc.Iterable', 1)
Iterator = _generic('Iterator', 'collections.abc.Iterator', 1)
Generator = _generic('Generator', 'collections.abc.Generator', 3)
Reversible = _generic('Reversible', 'collections.abc.Reversible', 1)
Container = _generic('Container', 'collections.abc.Container', 1)
Collection = _generic('Collection', 'collections.abc.Collection', 1)
Sequence = _generic('Sequence', 'collections.abc.Sequence', 1)
MutableSequence = _generic('MutableSequence', 'collections.abc.MutableSequence', 1)
AbstractSet = _generic('AbstractSet', 'collections.abc.Set', 1)
MutableSet = _generic('MutableSet', 'collections.abc.MutableSet', 1)
Mapping = _generic('Mapping', 'collections.abc.Mapping', 2)
MutableMapping = _generic('MutableMapping', 'collections.abc.MutableMapping', 2)
KeysView = _generic('KeysView', 'collections.abc.KeysView', 1)
ItemsView = _generic('ItemsView', 'collections.abc.ItemsView', 2)
ValuesView = _generic('ValuesView', 'collections.abc.ValuesView', 1)
Hashable = _generic('Hashable', 'collections.abc.Hashable', 0)
Sized = _generic('Sized', 'collections.abc.Sized', 0)
AsyncContextManager = _generic('AsyncContextManager', 'contextlib.AbstractAsyncContextManager', 1)
ContextManager = _generic('ContextManager', 'contextlib.AbstractContextManager', 1)
Text = str


def cast(typ, val):
    return val


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    return _overload_dummy


def final(f):
    return f


def runtime_checkable(cls):
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def no_type_check(arg):
    return arg


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        return tp.__origin__
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp.__origin__ is Callable and args[0] is not ...:
            return (list(args[:-1]), args[-1])
        return args
    return ()


def get_type_hints(obj):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            for name, value in base.__dict__.get('__annotations__', {}).items():
                hints[name] = type(None) if value is None else value
        return hints
    for name, value in getattr(obj, '__annotations__', {}).items():
        hints[name] = type(None) if value is None else value
    return hints
)PY";

// NamedTuple (a class statement or a call makes a collections.namedtuple)
// and TypedDict (a class whose instances are plain dicts).
const char* const kRecords = R"PY(
_nt_prohibited = ('__new__', '__init__', '__slots__', '__getnewargs__', '_fields',
                  '_field_defaults', '_make', '_replace', '_asdict', '_source')
_nt_special = ('__module__', '__name__', '__annotations__', '__qualname__', '__doc__', '_is_root')


def _make_nmtuple(name, types, module, defaults=()):
    import collections
    fields = [n for n, t in types]
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = dict(types)
    return nm_tpl


class _NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        if ns.get('_is_root', False):
            return super().__new__(cls, typename, bases, ns)
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(), ns.get('__module__', '__main__'),
                               defaults=[ns[n] for n in default_names])
        for key in ns:
            if key in _nt_prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _nt_special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords can be provided to NamedTuple, not both")
        return _make_nmtuple(typename, list(fields), '__main__')


class NamedTuple(metaclass=_NamedTupleMeta):
    _is_root = True


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        if ns.get('_is_root', False):
            return super().__new__(cls, name, bases, ns)
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        annotations.update(own)
        for key in own:
            (required if total else optional).add(key)
        ns['__annotations__'] = annotations
        ns['__required_keys__'] = required  # frozensets in CPython (no frozenset here)
        ns['__optional_keys__'] = optional
        ns['__total__'] = total
        return super().__new__(cls, name, (), ns)

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_root', False):
            return _typed_dict_call(*args, **kwargs)
        return dict(*args, **kwargs)


def _typed_dict_call(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


class TypedDict(metaclass=_TypedDictMeta):
    _is_root = True


Required = _SpecialForm('Required', _one)
NotRequired = _SpecialForm('NotRequired', _one)
)PY";

}  // namespace

Ref<ModuleObj> make_typing_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("typing");
  run_source_in_module(in, m, "typing.py", kSource);
  run_source_in_module(in, m, "typing.py", kRecords);
  return m;
}

// `from __future__ import annotations` is a compiler directive (see
// compiler/annotations.cpp); the module holds the feature names.
Ref<ModuleObj> make_future_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("__future__");
  run_source_in_module(in, m, "__future__.py", R"PY(
class _Feature:
    def __init__(self, optional, mandatory, flag):
        self.optional = optional
        self.mandatory = mandatory
        self.compiler_flag = flag

    def __repr__(self):
        return "_Feature" + repr((self.optional, self.mandatory, self.compiler_flag))


annotations = _Feature((3, 7, 0, 'beta', 1), None, 16777216)
generator_stop = _Feature((3, 5, 0, 'beta', 1), (3, 7, 0, 'alpha', 0), 8388608)
)PY");
  return m;
}

}  // namespace loopscope::script
