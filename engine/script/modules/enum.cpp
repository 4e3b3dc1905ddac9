// The enum module, written in the script language: EnumMeta (the
// metaclass that turns a class body's plain values into members), Enum,
// auto and unique. Members are instances of their class, made with
// object.__new__; reprs and errors are CPython 3.11's. Mixins with int
// or str (IntEnum, StrEnum, `class C(str, Enum)`) are not supported yet.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
class auto:
    def __init__(self):
        self.value = None

    def __repr__(self):
        return 'auto(...)'


_DESCRIPTOR_TYPES = (type(property(len)), type(classmethod(len)), type(staticmethod(len)))


def _is_member_value(key, value):
    if key.startswith('_'):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return not isinstance(value, _DESCRIPTOR_TYPES)


class EnumMeta(type):
    def __new__(metacls, cls, bases, classdict, **kwds):
        members = [(k, v) for k, v in classdict.items() if _is_member_value(k, v)]
        for k, _ in members:
            del classdict[k]
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        enum_class._member_names_ = []
        enum_class._member_map_ = {}
        enum_class._value2member_map_ = {}
        last_values = []
        for name, value in members:
            if isinstance(value, auto):
                value = enum_class._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            existing = None
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                enum_class._member_map_[name] = existing
                type.__setattr__(enum_class, name, existing)
                continue
            member = object.__new__(enum_class)
            member._name_ = name
            member._value_ = value
            enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_[value] = member
            except TypeError:
                pass
            type.__setattr__(enum_class, name, member)
        return enum_class

    def __call__(cls, value):
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[name] for name in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(member).__qualname__}' and '{cls.__qualname__}'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __bool__(cls):
        return True

    def __repr__(cls):
        return f'<enum {cls.__name__!r}>'

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __setattr__(self, key, value):
        if key in ('name', 'value'):
            raise AttributeError(f"property '{key}' of '{type(self).__name__}' object has no setter")
        object.__setattr__(self, key, value)


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        details = ', '.join([f'{alias} -> {name}' for alias, name in duplicates])
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
)PY";

}  // namespace

Ref<ModuleObj> make_enum_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("enum");
  run_source_in_module(in, m, "enum.py", kSource);
  return m;
}

}  // namespace loopscope::script
