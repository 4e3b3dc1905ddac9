// The enum module, written in the script language: EnumMeta (the
// metaclass that turns a class body's plain values into members), Enum,
// Flag, IntEnum, StrEnum, IntFlag, auto and unique. Members are instances
// of their class, made with object.__new__, or with the mixed-in data
// type's __new__ (`class C(str, Enum)`: a member is a str); reprs, str(),
// format() and errors are CPython 3.11's.

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


def _value_hash(self):
    return hash(self._value_)


def _data_type(enum_class):
    # The first base in the MRO that is neither an enum nor object (int for IntEnum).
    for c in enum_class.__mro__[1:]:
        if c is not object and not isinstance(c, EnumMeta):
            return c
    return object


def _new_member(enum_class, args):
    mt = enum_class._member_type_
    if mt is object:
        return object.__new__(enum_class)
    return mt.__new__(enum_class, *args)


class EnumMeta(type):
    def __new__(metacls, cls, bases, classdict, boundary=None, **kwds):
        members = [(k, v) for k, v in classdict.items() if _is_member_value(k, v)]
        for k, _ in members:
            del classdict[k]
        custom_new = classdict.get('__new__')
        enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        enum_class._member_type_ = _data_type(enum_class)
        if enum_class._member_type_ is not object and '__hash__' not in classdict:
            type.__setattr__(enum_class, '__hash__', _value_hash)
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
            args = value if isinstance(value, tuple) else (value,)
            if custom_new is not None:
                member = custom_new(enum_class, *args)
            else:
                member = _new_member(enum_class, args)
            if not hasattr(member, '_value_'):
                mt = enum_class._member_type_
                member._value_ = value if mt is object else mt(*args)
            value = member._value_
            member._name_ = name
            if '__init__' in classdict:
                member.__init__(*args)
            enum_class._member_names_.append(name)
            enum_class._member_map_[name] = member
            try:
                enum_class._value2member_map_[value] = member
            except TypeError:
                pass
            type.__setattr__(enum_class, name, member)
        return enum_class

    def __call__(cls, value, names=None, *, start=1):
        if names is not None:
            return cls._create_(value, names, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        found = cls._missing_(value)
        if found is not None:
            return found
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    def _create_(cls, class_name, names, start):
        # The functional API: Enum('Color', 'RED GREEN'), a list of names,
        # of (name, value) pairs, or a mapping.
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, dict):
            items = list(names.items())
        else:
            items = []
            last_values = []
            for i, item in enumerate(names):
                if isinstance(item, str):
                    value = cls._generate_next_value_(item, start, i, last_values[:])
                    last_values.append(value)
                    items.append((item, value))
                else:
                    items.append(tuple(item))
        return type(cls)(class_name, (cls,), dict(items))

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
        kind = 'flag' if issubclass(cls, Flag) else 'enum'
        return f'<{kind} {cls.__name__!r}>'

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

    @classmethod
    def _missing_(cls, value):
        return None

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


def _bits(num, width):
    # '0b0 1000': a sign digit, then the bits padded to `width` (enum's own bin()).
    digits = format(num, 'b').rjust(width, '0')
    return f'0b0 {digits}'


def _same_flag(flag, other, op):
    if not isinstance(other, type(flag)):
        raise TypeError(f"unsupported operand type(s) for {op}: '{type(flag).__name__}' and '{type(other).__name__}'")


class Flag(Enum):
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        return 2 ** last_values[-1].bit_length()

    @classmethod
    def _flag_mask_(cls):
        mask = 0
        for name in cls._member_names_:
            mask |= cls._member_map_[name]._value_
        return mask

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        mask = cls._flag_mask_()
        if value < 0 or value & ~mask:
            width = max(value.bit_length(), mask.bit_length())
            raise ValueError(f'{cls!r} invalid value {value!r}\n    given {_bits(value, width)}\n  allowed {_bits(mask, width)}')
        member = _new_member(cls, (value,))
        member._value_ = value
        parts = [m._name_ for m in cls._single_bits_(value)]
        member._name_ = '|'.join(parts) if parts else None
        cls._value2member_map_[value] = member
        return member

    @classmethod
    def _single_bits_(cls, value):
        found = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            v = m._value_
            if v and v & (v - 1) == 0 and v & value:
                found.append(m)
        return found

    def __repr__(self):
        if self._name_ is None:
            return f'<{type(self).__name__}: {self._value_!r}>'
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        if self._name_ is None:
            return f'{type(self).__name__}({self._value_!r})'
        return f'{type(self).__name__}.{self._name_}'

    def __hash__(self):
        return hash(self._value_)

    def __bool__(self):
        return bool(self._value_)

    def __iter__(self):
        return iter(type(self)._single_bits_(self._value_))

    def __len__(self):
        return len(type(self)._single_bits_(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(other).__qualname__}' and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __or__(self, other):
        _same_flag(self, other, '|')
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        _same_flag(self, other, '&')
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        _same_flag(self, other, '^')
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        return type(self)(type(self)._flag_mask_() & ~self._value_)


class ReprEnum(Enum):
    # str() and format() are the data type's (IntEnum: str(Prio.HIGH) == '2').
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _int_operand(other):
    if isinstance(other, Flag):
        return other._value_
    if isinstance(other, int):
        return int(other)
    return None


class IntFlag(int, ReprEnum, Flag):
    # Unknown bits are kept (boundary KEEP); the operators take plain ints.
    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        member = _new_member(cls, (value,))
        member._value_ = value
        singles = cls._single_bits_(value)
        parts = [m._name_ for m in singles]
        rest = value
        for m in singles:
            rest &= ~m._value_
        if parts and rest:
            parts.append(str(rest))
        member._name_ = '|'.join(parts) if parts else None
        cls._value2member_map_[value] = member
        return member

    def __or__(self, other):
        v = _int_operand(other)
        return NotImplemented if v is None else type(self)(self._value_ | v)

    def __and__(self, other):
        v = _int_operand(other)
        return NotImplemented if v is None else type(self)(self._value_ & v)

    def __xor__(self, other):
        v = _int_operand(other)
        return NotImplemented if v is None else type(self)(self._value_ ^ v)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        return type(self)(type(self)._flag_mask_() & ~self._value_)


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
