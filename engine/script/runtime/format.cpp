// The format-spec mini-language, printf-style `%` formatting and
// str.format, as CPython implements them for the built-in types.

#include <cmath>
#include <cstdio>

#include "engine/script/vm/interp.hpp"
#include "engine/script/runtime/ints.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

struct Spec {
  std::string fill = " ";
  char align = 0;
  char sign = '-';
  bool alt = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;
  int64_t precision = -1;
  char type = 0;
};

Spec parse_spec(const std::string& s) {
  Spec sp;
  size_t i = 0;
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  // A fill may be any (UTF-8) character.
  size_t first_len = 1;
  while (first_len < s.size() && (static_cast<unsigned char>(s[first_len]) & 0xC0) == 0x80) ++first_len;
  if (s.size() > first_len && is_align(s[first_len])) {
    sp.fill = s.substr(0, first_len);
    sp.align = s[first_len];
    i = first_len + 1;
  } else if (!s.empty() && is_align(s[0])) {
    sp.align = s[0];
    i = 1;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == 'z') ++i;
  if (i < s.size() && s[i] == '#') {
    sp.alt = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    sp.zero = true;
    ++i;
  }
  if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
    sp.width = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      sp.width = sp.width * 10 + (s[i++] - '0');
      if (sp.width > 100000) value_error("Too many decimal digits in format string");
    }
  }
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) value_error("Format specifier missing precision");
    sp.precision = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
      sp.precision = sp.precision * 10 + (s[i++] - '0');
      if (sp.precision > 1000) value_error("Too many decimal digits in format string");
    }
  }
  if (i < s.size()) sp.type = s[i++];
  if (i < s.size()) value_error("Invalid format specifier '" + s + "' for object");
  return sp;
}

// Groups of 3 digits, of 4 for the binary, octal and hex codes (as CPython).
std::string group_digits(const std::string& digits, char sep, char type = 'd') {
  int every = (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
  std::string out;
  int n = static_cast<int>(digits.size());
  for (int i = 0; i < n; ++i) {
    if (i && (n - i) % every == 0) out += sep;
    out += digits[static_cast<size_t>(i)];
  }
  return out;
}

// Lays out sign + body to the spec's width and alignment.
std::string pad(const Spec& sp, const std::string& sign, const std::string& body, char default_align) {
  char align = sp.align ? sp.align : (sp.zero ? '=' : default_align);
  std::string fill = sp.align ? sp.fill : (sp.zero ? "0" : sp.fill);
  int64_t len = static_cast<int64_t>(utf8_length(sign) + utf8_length(body));
  if (sp.width <= len) return sign + body;
  int64_t n = sp.width - len;
  auto rep = [&](int64_t k) {
    std::string s;
    for (int64_t i = 0; i < k; ++i) s += fill;
    return s;
  };
  switch (align) {
    case '<': return sign + body + rep(n);
    case '^': return rep(n / 2) + sign + body + rep(n - n / 2);
    case '=': return sign + rep(n) + body;
    default: return rep(n) + sign + body;
  }
}

std::string sign_of(const Spec& sp, bool negative) {
  if (negative) return "-";
  if (sp.sign == '+') return "+";
  if (sp.sign == ' ') return " ";
  return "";
}

// The code point's UTF-8 bytes.
std::string utf8_of(uint32_t cp) {
  std::string out;
  utf8_append(out, cp);
  return out;
}

// Grouping and padding of an int's digits. Zero padding with a grouping
// pads with grouped zeros ('{:010,}' of 0 is 00,000,000), as CPython.
std::string lay_out_int(const Spec& sp, const std::string& head, std::string digits, char type) {
  bool zero_fill = (sp.zero && (!sp.align || sp.align == '=')) || (sp.align == '=' && sp.fill == "0");
  if (sp.grouping && zero_fill && sp.width > 0) {
    while (static_cast<int64_t>(head.size() + group_digits(digits, sp.grouping, type).size()) < sp.width) {
      digits.insert(digits.begin(), '0');
    }
  }
  if (sp.grouping) digits = group_digits(digits, sp.grouping, type);
  return pad(sp, head, digits, '>');
}

std::string format_int(const Spec& sp, int64_t v) {
  bool neg = v < 0;
  uint64_t m = neg ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  std::string digits, prefix;
  char t = sp.type ? sp.type : 'd';
  switch (t) {
    case 'd': case 'n': digits = std::to_string(m); break;
    case 'x': case 'X': {
      char b[32];
      std::snprintf(b, sizeof b, t == 'x' ? "%llx" : "%llX", static_cast<unsigned long long>(m));
      digits = b;
      if (sp.alt) prefix = t == 'x' ? "0x" : "0X";
      break;
    }
    case 'o': {
      char b[32];
      std::snprintf(b, sizeof b, "%llo", static_cast<unsigned long long>(m));
      digits = b;
      if (sp.alt) prefix = "0o";
      break;
    }
    case 'b': {
      if (m == 0) digits = "0";
      while (m) {
        digits.insert(digits.begin(), static_cast<char>('0' + (m & 1)));
        m >>= 1;
      }
      if (sp.alt) prefix = "0b";
      break;
    }
    case 'c': {
      if (v < 0 || v > 0x10FFFF) raise(Exc::OverflowError, "%c arg not in range(0x110000)");
      return pad(sp, "", utf8_of(static_cast<uint32_t>(v)), '<');
    }
    default:
      value_error(std::string("Unknown format code '") + t + "' for object of type 'int'");
  }
  return lay_out_int(sp, sign_of(sp, neg) + prefix, digits, t);
}

// An int beyond 64 bits: the same layout, its digits from GMP.
std::string format_big(const Spec& sp, mpz_srcptr z) {
  char t = sp.type ? sp.type : 'd';
  Mpz mag;
  mpz_abs(mag.z, z);
  int base = 10;
  std::string prefix;
  switch (t) {
    case 'd': case 'n': break;
    case 'x': case 'X': base = 16; prefix = sp.alt ? (t == 'x' ? "0x" : "0X") : ""; break;
    case 'o': base = 8; prefix = sp.alt ? "0o" : ""; break;
    case 'b': base = 2; prefix = sp.alt ? "0b" : ""; break;
    case 'c': raise(Exc::OverflowError, "Python int too large to convert to C long");
    default: value_error(std::string("Unknown format code '") + t + "' for object of type 'int'");
  }
  std::string digits;
  if (base == 10) {
    digits = int_decimal(mag.z);
  } else {
    digits.assign(mpz_sizeinbase(mag.z, base) + 2, '\0');
    mpz_get_str(digits.data(), t == 'X' ? -16 : base, mag.z);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
  }
  return lay_out_int(sp, sign_of(sp, mpz_sgn(z) < 0) + prefix, digits, t);
}

std::string format_float(const Spec& sp, double v) {
  char t = sp.type;
  bool neg = std::signbit(v) && !std::isnan(v);
  double a = std::fabs(v);
  std::string body;
  if (std::isinf(a) || std::isnan(a)) {
    body = std::isnan(a) ? "nan" : "inf";
    if (t == 'F' || t == 'E' || t == 'G') for (char& c : body) c = static_cast<char>(std::toupper(c));
    if (t == '%') body += "%";
    return pad(sp, sign_of(sp, neg), body, '>');
  }
  char buf[512];
  int prec = static_cast<int>(sp.precision < 0 ? 6 : sp.precision);
  switch (t) {
    case 'f': case 'F':
      std::snprintf(buf, sizeof buf, "%.*f", prec, a);
      body = buf;
      break;
    case 'e': case 'E':
      std::snprintf(buf, sizeof buf, t == 'e' ? "%.*e" : "%.*E", prec, a);
      body = buf;
      break;
    case '%':
      std::snprintf(buf, sizeof buf, "%.*f", prec, a * 100);
      body = std::string(buf);
      break;
    case 'g': case 'G':
      std::snprintf(buf, sizeof buf, t == 'g' ? (sp.alt ? "%#.*g" : "%.*g") : (sp.alt ? "%#.*G" : "%.*G"), prec == 0 ? 1 : prec, a);
      body = buf;
      break;
    case 0:
      if (sp.precision < 0) {
        body = float_repr(a);
      } else {
        std::snprintf(buf, sizeof buf, "%.*g", prec == 0 ? 1 : prec, a);
        body = buf;
        if (body.find_first_of(".e") == std::string::npos) body += ".0";
      }
      break;
    case 'n':
      std::snprintf(buf, sizeof buf, "%.*g", prec == 0 ? 1 : prec, a);
      body = buf;
      break;
    default:
      value_error(std::string("Unknown format code '") + t + "' for object of type 'float'");
  }
  if (sp.grouping) {
    size_t end = body.find_first_of(".eE%");
    if (end == std::string::npos) end = body.size();
    body = group_digits(body.substr(0, end), sp.grouping) + body.substr(end);
  }
  if (t == '%') body += "%";
  return pad(sp, sign_of(sp, neg), body, '>');
}

}  // namespace

std::string format_spec(Interp& in, const Value& v, const std::string& spec) {
  if (v.is(ObjKind::Instance)) {
    Value m;
    if (const Value* n = number_base(v)) {
      if (const Value* f = in.class_lookup(class_of(v), "__format__")) {
        return in.str(in.call(*f, std::vector<Value>{v, str_value(spec)}));
      }
      return spec.empty() ? in.str(v) : format_spec(in, *n, spec);
    }
    if (in.lookup_attr(v, "__format__", m)) return in.str(in.call(m, std::vector<Value>{str_value(spec)}));
    if (spec.empty()) return in.str(v);
    type_error("unsupported format string passed to " + type_name(v) + ".__format__");
  }
  if (spec.empty()) return in.str(v);
  Spec sp = parse_spec(spec);
  // A bool with a spec formats as the int it is (format(True, '>5') is '    1').
  if (v.is_int() || v.is_bool()) {
    int64_t x = v.is_int() ? v.as_int() : v.as_bool();
    if (sp.type && std::string("eEfFgG%").find(sp.type) != std::string::npos) return format_float(sp, static_cast<double>(x));
    if (sp.precision >= 0) value_error("Precision not allowed in integer format specifier");
    return format_int(sp, x);
  }
  if (is_bigint(v)) {
    if (sp.type && std::string("eEfFgG%").find(sp.type) != std::string::npos) return format_float(sp, int_to_float(v));
    if (sp.precision >= 0) value_error("Precision not allowed in integer format specifier");
    return format_big(sp, big_of(v));
  }
  if (v.is_float()) return format_float(sp, v.as_float());
  if (v.is(ObjKind::Str)) {
    if (user_part(v) && in.user_override(v, "__format__")) {
      return in.str(in.call(*in.user_override(v, "__format__"), std::vector<Value>{v, str_value(spec)}));
    }
    if (sp.type && sp.type != 's') value_error(std::string("Unknown format code '") + sp.type + "' for object of type 'str'");
    if (sp.sign != '-') value_error("Sign not allowed in string format specifier");
    std::string s = v.as<StrObj>()->value;
    if (sp.precision >= 0 && static_cast<int64_t>(utf8_length(s)) > sp.precision) {
      std::vector<size_t> off = utf8_offsets(s);
      s = s.substr(0, off[static_cast<size_t>(sp.precision)]);
    }
    return pad(sp, "", s, '<');
  }
  if (sp.type && sp.type != 's') {
    value_error(std::string("Unknown format code '") + sp.type + "' for object of type '" + type_name(v) + "'");
  }
  if (!v.is_none() && !v.is(ObjKind::List) && !v.is(ObjKind::Tuple) && !v.is(ObjKind::Dict)) {
    type_error("unsupported format string passed to " + type_name(v) + ".__format__");
  }
  type_error("unsupported format string passed to " + type_name(v) + ".__format__");
}

std::string Interp::format(const Value& v, const std::string& spec) { return format_spec(*this, v, spec); }

std::string percent_format(Interp& in, const std::string& fmt, const Value& args) {
  std::vector<Value> items;
  const DictObj* mapping = nullptr;
  if (args.is(ObjKind::Tuple)) items = args.as<TupleObj>()->items;
  else if (args.is(ObjKind::Dict)) mapping = args.as<DictObj>(), items.push_back(args);
  else items.push_back(args);
  size_t next = 0;
  std::string out;
  auto take = [&]() -> Value {
    if (next >= items.size()) type_error("not enough arguments for format string");
    return items[next++];
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c != '%') {
      out += c;
      continue;
    }
    if (++i >= fmt.size()) value_error("incomplete format");
    Value arg;
    bool have_arg = false;
    if (fmt[i] == '(') {
      size_t close = fmt.find(')', i);
      if (close == std::string::npos) value_error("incomplete format key");
      if (!mapping) type_error("format requires a mapping");
      std::string key = fmt.substr(i + 1, close - i - 1);
      Value* v = const_cast<DictObj*>(mapping)->table.get(str_value(key));
      if (!v) throw PyError{make_exc(Exc::KeyError, std::vector<Value>{str_value(key)})};
      arg = *v;
      have_arg = true;
      i = close + 1;
    }
    Spec sp;
    sp.sign = '-';
    bool left = false;
    for (; i < fmt.size(); ++i) {
      char f = fmt[i];
      if (f == '-') left = true;
      else if (f == '+') sp.sign = '+';
      else if (f == ' ') sp.sign = sp.sign == '+' ? '+' : ' ';
      else if (f == '0') sp.zero = true;
      else if (f == '#') sp.alt = true;
      else break;
    }
    if (i < fmt.size() && fmt[i] == '*') {
      sp.width = to_int(take(), "* wants int");
      ++i;
    } else {
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) {
        sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (fmt[i++] - '0');
      }
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      sp.precision = 0;
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) sp.precision = sp.precision * 10 + (fmt[i++] - '0');
    }
    if (i >= fmt.size()) value_error("incomplete format");
    char t = fmt[i];
    if (t == '%') {
      out += '%';
      continue;
    }
    if (left) {
      sp.align = '<';
      sp.zero = false;
    }
    if (!have_arg) arg = take();
    if (t != 's' && t != 'r' && t != 'a' && number_base(arg)) arg = *number_base(arg);  // %d of an int subclass
    switch (t) {
      case 's': case 'r': case 'a': {
        std::string s = t == 's' ? in.str(arg) : in.repr(arg);
        if (sp.precision >= 0 && static_cast<int64_t>(s.size()) > sp.precision) s = s.substr(0, static_cast<size_t>(sp.precision));
        Spec ss = sp;
        ss.zero = false;
        ss.precision = -1;
        out += pad(ss, "", s, '>');
        break;
      }
      case 'd': case 'i': case 'u': {
        if (!is_number(arg)) type_error(std::string("%") + t + " format: a real number is required, not " + type_name(arg));
        Value x = arg.is_float() ? float_to_int(arg.as_float()) : arg;
        sp.type = 'd';
        sp.precision = -1;
        out += is_bigint(x) ? format_big(sp, big_of(x)) : format_int(sp, to_int(x, "%d"));
        break;
      }
      case 'x': case 'X': case 'o': {
        sp.type = t;
        sp.precision = -1;
        out += is_bigint(arg) ? format_big(sp, big_of(arg)) : format_int(sp, to_int(arg, "%x format"));
        break;
      }
      case 'c':
        out += arg.is(ObjKind::Str) ? arg.as<StrObj>()->value : std::string(1, static_cast<char>(to_int(arg, "%c")));
        break;
      case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
        if (!is_number(arg)) type_error("must be real number, not " + type_name(arg));
        sp.type = t;
        out += format_float(sp, to_float(arg, "%f"));
        break;
      }
      default: {
        char b[128];
        std::snprintf(b, sizeof b, "unsupported format character '%c' (0x%x) at index %zu", t, static_cast<unsigned>(static_cast<unsigned char>(t)), i);
        value_error(b);
      }
    }
  }
  if (!mapping && next < items.size()) type_error("not all arguments converted during string formatting");
  return out;
}

std::string str_format(Interp& in, const std::string& fmt, const CallArgs& args) {
  std::string out;
  size_t auto_index = 0;
  bool used_auto = false, used_manual = false;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      value_error("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    // Find the matching close brace (the spec may nest one level).
    size_t j = i + 1;
    int depth = 1;
    for (; j < fmt.size(); ++j) {
      if (fmt[j] == '{') ++depth;
      else if (fmt[j] == '}' && --depth == 0) break;
    }
    if (j >= fmt.size()) value_error("expected '}' before end of string");
    std::string field = fmt.substr(i + 1, j - i - 1);
    i = j;
    std::string name = field, spec;
    char conv = 0;
    size_t colon = std::string::npos;
    int d = 0;
    for (size_t k = 0; k < field.size(); ++k) {
      if (field[k] == '[') ++d;
      else if (field[k] == ']') --d;
      else if (d == 0 && (field[k] == ':' || field[k] == '!')) {
        colon = k;
        break;
      }
    }
    if (colon != std::string::npos) {
      name = field.substr(0, colon);
      std::string rest = field.substr(colon);
      if (rest[0] == '!') {
        if (rest.size() < 2) value_error("end of string while looking for conversion specifier");
        conv = rest[1];
        rest = rest.substr(2);
        if (!rest.empty() && rest[0] != ':') value_error("expected ':' after conversion specifier");
      }
      if (!rest.empty()) spec = rest.substr(1);
    }
    if (spec.find('{') != std::string::npos) spec = str_format(in, spec, args);
    // The first part of the name: an index, a keyword, or empty.
    size_t end = name.find_first_of(".[");
    std::string head = name.substr(0, end);
    Value v;
    if (head.empty()) {
      if (used_manual) value_error("cannot switch from manual field specification to automatic field numbering");
      used_auto = true;
      if (auto_index >= args.pos.size()) raise(Exc::IndexError, "Replacement index " + std::to_string(auto_index) + " out of range for positional args tuple");
      v = args.pos[auto_index++];
    } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
      if (used_auto) value_error("cannot switch from automatic field numbering to manual field specification");
      used_manual = true;
      size_t idx = std::stoul(head);
      if (idx >= args.pos.size()) raise(Exc::IndexError, "Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
      v = args.pos[idx];
    } else {
      bool found = false;
      for (const auto& [k, val] : args.kw) {
        if (k == head) {
          v = val;
          found = true;
        }
      }
      if (!found) throw PyError{make_exc(Exc::KeyError, std::vector<Value>{str_value(head)})};
    }
    // .attr and [index] accessors.
    while (end != std::string::npos && end < name.size()) {
      if (name[end] == '.') {
        size_t nx = name.find_first_of(".[", end + 1);
        v = in.getattr(v, name.substr(end + 1, nx - end - 1));
        end = nx;
      } else {
        size_t close = name.find(']', end);
        if (close == std::string::npos) value_error("Missing ']' in format string");
        std::string key = name.substr(end + 1, close - end - 1);
        Value k = !key.empty() && std::isdigit(static_cast<unsigned char>(key[0])) ? Value::integer(std::stoll(key)) : str_value(key);
        v = in.getitem(v, k);
        end = close + 1;
      }
    }
    if (conv == 'r' || conv == 'a') v = str_value(in.repr(v));
    else if (conv == 's') v = str_value(in.str(v));
    else if (conv) value_error(std::string("Unknown conversion specifier ") + conv);
    out += format_spec(in, v, spec);
  }
  return out;
}

}  // namespace loopscope::script
