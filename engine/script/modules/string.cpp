// The string module: the character-class constants, capwords, and
// Template (in the script language, over re).

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

// capwords(s, sep=None): split, capitalize each word, join.
Value s_capwords(Interp& in, const Value&, CallArgs& a) {
  check_args("capwords", a, 1, 2, true);
  Value sep = arg_or(a, 1, "sep", Value());
  CallArgs split;
  if (!sep.is_none()) split.pos.push_back(sep);
  Value words = in.call(in.getattr(a.pos[0], "split"), split);
  std::vector<Value> caps;
  for (const Value& w : in.to_vector(words)) caps.push_back(in.call(in.getattr(w, "capitalize"), std::vector<Value>{}));
  Value joiner = sep.is_none() ? str_value(" ") : sep;
  return in.call(in.getattr(joiner, "join"), {Value::object(make<ListObj>(std::move(caps)))});
}

const char* const kTemplate = R"PY(
import re


class _Chain:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


def _compile(delimiter, idpattern, braceidpattern, flags):
    delim = re.escape(delimiter)
    bid = braceidpattern if braceidpattern is not None else idpattern
    return re.compile(delim + '(?:(?P<escaped>' + delim + ')|(?P<named>' + idpattern + r')|\{(?P<braced>' + bid +
                      r')\}|(?P<invalid>))', flags)


_sentinel_dict = {}


class Template:
    delimiter = '$'
    idpattern = r'[_a-z][_a-z0-9]*'
    braceidpattern = None
    flags = re.IGNORECASE

    def __init_subclass__(cls):
        if 'pattern' not in vars(cls):
            cls.pattern = _compile(cls.delimiter, cls.idpattern, cls.braceidpattern, cls.flags)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                return str(mapping[named])
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=_sentinel_dict, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)

        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                return mo.group()
            raise ValueError('Unrecognized named group in pattern', self.pattern)
        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if mo.group('named') is None and mo.group('braced') is None and mo.group('escaped') is None:
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return True

    def get_identifiers(self):
        ids = []
        for mo in self.pattern.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif named is None and mo.group('invalid') is None and mo.group('escaped') is None:
                raise ValueError('Unrecognized named group in pattern', self.pattern)
        return ids


Template.pattern = _compile(Template.delimiter, Template.idpattern, Template.braceidpattern, Template.flags)
)PY";

}  // namespace

Ref<ModuleObj> make_string_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("string");
  const std::string lower = "abcdefghijklmnopqrstuvwxyz", upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const std::string digits = "0123456789", punct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", space = " \t\n\r\x0b\x0c";
  m->globals["ascii_lowercase"] = str_value(lower);
  m->globals["ascii_uppercase"] = str_value(upper);
  m->globals["ascii_letters"] = str_value(lower + upper);
  m->globals["digits"] = str_value(digits);
  m->globals["hexdigits"] = str_value("0123456789abcdefABCDEF");
  m->globals["octdigits"] = str_value("01234567");
  m->globals["punctuation"] = str_value(punct);
  m->globals["whitespace"] = str_value(space);
  m->globals["printable"] = str_value(digits + lower + upper + punct + space);
  add_function(*m, "capwords", s_capwords);
  run_source_in_module(in, m, "string.py", kTemplate);
  return m;
}

}  // namespace loopscope::script
