// The rarer methods of the built-in types: str.swapcase, casefold,
// expandtabs, format_map, isascii, isidentifier, isprintable, istitle,
// translate and str.maketrans;
// int.bit_length, bit_count, as_integer_ratio, conjugate;
// float.is_integer, as_integer_ratio, conjugate.

#include <cmath>
#include <numeric>

#include "engine/object/bigint.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"
#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

namespace {

const std::string& text(const Value& self) { return self.as<StrObj>()->value; }

Value m_swapcase(Interp&, const Value& self, CallArgs& a) {
  check_args("swapcase", a, 0, 0);
  std::string s = text(self);
  for (char& c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::islower(u)) c = static_cast<char>(std::toupper(u));
    else if (std::isupper(u)) c = static_cast<char>(std::tolower(u));
  }
  return str_value(s);
}

Value m_casefold(Interp&, const Value& self, CallArgs& a) {
  check_args("casefold", a, 0, 0);
  std::string s = text(self);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return str_value(s);
}

Value m_expandtabs(Interp&, const Value& self, CallArgs& a) {
  check_args("expandtabs", a, 0, 1, true);
  int64_t size = 8;
  if (!a.pos.empty()) size = to_int(a.pos[0], "tabsize");
  else if (const Value* t = kwarg(a, "tabsize")) size = to_int(*t, "tabsize");
  std::string out;
  int64_t col = 0;
  const std::string& s = text(self);
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\t') {
      int64_t n = size > 0 ? size - col % size : 0;
      out.append(static_cast<size_t>(n), ' ');
      col += n;
    } else {
      out += c;
      bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
      col = (c == '\n' || c == '\r') ? 0 : col + (continuation ? 0 : 1);
    }
  }
  return str_value(out);
}

Value m_format_map(Interp& in, const Value& self, CallArgs& a) {
  check_args("format_map", a, 1, 1);
  CallArgs fa;
  if (!a.pos[0].is(ObjKind::Dict)) type_error("format_map() needs a dict here, not " + type_name(a.pos[0]));
  for (const auto& e : a.pos[0].as<DictObj>()->table.entries())
    if (e.live && e.key.is(ObjKind::Str)) fa.kw.emplace_back(e.key.as<StrObj>()->value, e.value);
  return str_value(str_format(in, text(self), fa));
}

Value m_isascii(Interp&, const Value& self, CallArgs& a) {
  check_args("isascii", a, 0, 0);
  return Value::boolean(is_ascii(text(self)));
}

Value m_isidentifier(Interp&, const Value& self, CallArgs& a) {
  check_args("isidentifier", a, 0, 0);
  const std::string& s = text(self);
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return Value::boolean(false);
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c >= 0x80)) return Value::boolean(false);
  return Value::boolean(true);
}

Value m_isprintable(Interp&, const Value& self, CallArgs& a) {
  check_args("isprintable", a, 0, 0);
  for (unsigned char c : text(self))
    if (c < 0x20 || c == 0x7f) return Value::boolean(false);
  return Value::boolean(true);
}

Value m_istitle(Interp&, const Value& self, CallArgs& a) {
  check_args("istitle", a, 0, 0);
  bool cased = false, prev_cased = false;
  for (unsigned char c : text(self)) {
    if (std::isupper(c)) {
      if (prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else if (std::islower(c)) {
      if (!prev_cased) return Value::boolean(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::boolean(cased);
}

Value m_bit_length(Interp&, const Value& self, CallArgs& a) {
  check_args("bit_length", a, 0, 0);
  Mpz v(self);
  return Value::integer(mpz_sgn(v.z) == 0 ? 0 : static_cast<int64_t>(mpz_sizeinbase(v.z, 2)));
}

Value m_bit_count(Interp&, const Value& self, CallArgs& a) {
  check_args("bit_count", a, 0, 0);
  Mpz v(self);
  mpz_abs(v.z, v.z);
  return Value::integer(static_cast<int64_t>(mpz_popcount(v.z)));
}

Value pair(Value a, Value b) { return Value::object(make<TupleObj>(std::vector<Value>{std::move(a), std::move(b)})); }

Value int_self(const Value& self) { return self.is_bool() ? Value::integer(self.as_bool()) : self; }

Value m_int_ratio(Interp&, const Value& self, CallArgs& a) {
  check_args("as_integer_ratio", a, 0, 0);
  return pair(int_self(self), Value::integer(1));
}

Value m_int_conjugate(Interp&, const Value& self, CallArgs& a) {
  check_args("conjugate", a, 0, 0);
  return int_self(self);
}

Value m_is_integer(Interp&, const Value& self, CallArgs& a) {
  check_args("is_integer", a, 0, 0);
  double d = self.as_float();
  return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

Value m_float_ratio(Interp&, const Value& self, CallArgs& a) {
  check_args("as_integer_ratio", a, 0, 0);
  double d = self.as_float();
  if (std::isinf(d)) raise(Exc::OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) value_error("cannot convert NaN to integer ratio");
  int e = 0;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 1100 && m != std::floor(m); ++i) m *= 2, --e;
  Mpz num, den;
  mpz_set_d(num.z, m);
  mpz_set_ui(den.z, 1);
  if (e > 0) mpz_mul_2exp(num.z, num.z, static_cast<mp_bitcnt_t>(e));
  if (e < 0) mpz_mul_2exp(den.z, den.z, static_cast<mp_bitcnt_t>(-e));
  Mpz g;
  mpz_gcd(g.z, num.z, den.z);
  mpz_divexact(num.z, num.z, g.z);
  mpz_divexact(den.z, den.z, g.z);
  return pair(int_value(num.z), int_value(den.z));
}

Value m_float_conjugate(Interp&, const Value& self, CallArgs& a) {
  check_args("conjugate", a, 0, 0);
  return self;
}

}  // namespace

// str.maketrans(x[, y[, z]]): the table str.translate reads.
Value c_maketrans(Interp& in, const Value&, CallArgs& a) {
  check_args("maketrans", a, 1, 3);
  Ref<DictObj> d = make<DictObj>();
  if (a.pos.size() == 1) {
    if (!a.pos[0].is(ObjKind::Dict)) type_error("if you give only one argument to maketrans it must be a dict");
    for (const auto& e : a.pos[0].as<DictObj>()->table.entries()) {
      if (!e.live) continue;
      if (e.key.is(ObjKind::Str)) {
        std::vector<uint32_t> cps = utf8_code_points(e.key.as<StrObj>()->value);
        if (cps.size() != 1) value_error("string keys in translate table must be of length 1");
        d->table.set(Value::integer(cps[0]), e.value);
      } else if (e.key.is_int()) {
        d->table.set(e.key, e.value);
      } else {
        type_error("keys in translate table must be strings or integers");
      }
    }
    return Value::object(d);
  }
  std::vector<uint32_t> from = utf8_code_points(as_str(a.pos[0], "maketrans() argument 1"));
  std::vector<uint32_t> to = utf8_code_points(as_str(a.pos[1], "maketrans() argument 2"));
  if (from.size() != to.size()) value_error("the first two maketrans arguments must have equal length");
  for (size_t i = 0; i < from.size(); ++i) d->table.set(Value::integer(from[i]), Value::integer(to[i]));
  if (a.pos.size() == 3) {
    for (uint32_t cp : utf8_code_points(as_str(a.pos[2], "maketrans() argument 3"))) d->table.set(Value::integer(cp), Value());
  }
  (void)in;
  return Value::object(d);
}

// str.translate(table): each character through table[ord(c)] (absent: kept;
// None: dropped; an int: that character; a str: that text).
Value m_translate(Interp& in, const Value& self, CallArgs& a) {
  check_args("translate", a, 1, 1);
  std::string out;
  for (uint32_t cp : utf8_code_points(text(self))) {
    Value r;
    try {
      r = in.getitem(a.pos[0], Value::integer(cp));
    } catch (const PyError& e) {
      if (!e.exc->cls->is_subclass_of(exc_class(Exc::LookupError))) throw;
      utf8_append(out, cp);
      continue;
    }
    if (r.is_none()) continue;
    if (r.is_int()) {
      int64_t v = r.as_int();
      if (v < 0 || v > 0x10FFFF) value_error("character mapping must be in range(0x110000)");
      utf8_append(out, static_cast<uint32_t>(v));
    } else if (r.is(ObjKind::Str)) {
      out += r.as<StrObj>()->value;
    } else {
      type_error("character mapping must return integer, None or str");
    }
  }
  return str_value(std::move(out));
}

void install_more_methods() {
  builtin_class(BuiltinType::Str)->attrs["maketrans"] = Value::object(make<NativeObj>("maketrans", c_maketrans));
  register_methods(builtin_class(BuiltinType::Str), {
      {"swapcase", m_swapcase}, {"casefold", m_casefold}, {"expandtabs", m_expandtabs},
      {"format_map", m_format_map}, {"isascii", m_isascii}, {"isidentifier", m_isidentifier},
      {"isprintable", m_isprintable}, {"istitle", m_istitle}, {"translate", m_translate},
      {"maketrans", c_maketrans},
  });
  for (BuiltinType t : {BuiltinType::Int, BuiltinType::Bool}) {
    register_methods(builtin_class(t), {{"bit_length", m_bit_length}, {"bit_count", m_bit_count},
                         {"as_integer_ratio", m_int_ratio}, {"conjugate", m_int_conjugate}});
  }
  register_methods(builtin_class(BuiltinType::Float), {{"is_integer", m_is_integer}, {"as_integer_ratio", m_float_ratio},
                             {"conjugate", m_float_conjugate}});
}

}  // namespace loopscope::script
