// The typing module, written in the script language: the special forms
// (Any, Union, Optional, ClassVar, Final, Literal, Callable), the generic
// aliases (List, Dict, Awaitable...: subscripted, they print as CPython's
// `typing.Dict[str, int]`), TypeVar, Generic and Protocol (base classes:
// `Generic[T]` is Generic itself), cast, overload, get_type_hints.

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


class Protocol(Generic):
    pass


class TypedDict:
    pass


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

}  // namespace

Ref<ModuleObj> make_typing_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("typing");
  run_source_in_module(in, m, "typing.py", kSource);
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
