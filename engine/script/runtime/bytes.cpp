// bytes and bytearray: constructors, operators and the codecs.

#include "engine/script/runtime/bytes.hpp"

#include <algorithm>
#include <cstdlib>
#include <typeinfo>

#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

[[noreturn]] void raise_class(const char* cls, const std::string& msg) {
  throw PyError{make<ExceptionObj>(Ref<ClassObj>(builtin_exception(cls)), std::vector<Value>{str_value(msg)})};
}

int64_t byte_of(const Value& v) {
  if (!v.is_int() && !v.is_bool()) type_error("'" + type_name(v) + "' object cannot be interpreted as an integer");
  int64_t x = v.is_int() ? v.as_int() : (v.as_bool() ? 1 : 0);
  if (x < 0 || x > 255) value_error("byte must be in range(0, 256)");
  return x;
}

std::string from_iterable(Interp& in, const Value& v) {
  std::string out;
  for (const Value& x : in.to_vector(v)) {
    if (!x.is_int() && !x.is_bool()) type_error("'" + type_name(x) + "' object cannot be interpreted as an integer");
    int64_t n = x.is_int() ? x.as_int() : (x.as_bool() ? 1 : 0);
    if (n < 0 || n > 255) value_error("bytes must be in range(0, 256)");
    out += static_cast<char>(n);
  }
  return out;
}

std::string construct(Interp& in, CallArgs& a, const char* name, bool array) {
  check_args(name, a, 0, 3, true);
  const Value* enc = kwarg(a, "encoding");
  const Value* err = kwarg(a, "errors");
  Value src = a.pos.empty() ? (kwarg(a, "source") ? *kwarg(a, "source") : Value()) : a.pos[0];
  if (a.pos.size() >= 2) enc = &a.pos[1];
  if (a.pos.size() >= 3) err = &a.pos[2];
  if (a.pos.empty() && !kwarg(a, "source")) {
    if (enc || err) type_error(enc ? "encoding without a string argument" : "errors without a string argument");
    return "";
  }
  if (src.is(ObjKind::Str)) {
    if (!enc) type_error("string argument without an encoding");
    return encode_text(src.as<StrObj>()->value, as_str(*enc, "encoding"), err ? as_str(*err, "errors") : "strict");
  }
  if (enc) type_error("encoding without a string argument");
  if (err) type_error("errors without a string argument");
  if (const std::string* b = bytes_like(src)) return *b;
  if (src.is_int() || src.is_bool()) {
    int64_t n = src.is_int() ? src.as_int() : src.as_bool();
    if (n < 0) value_error("negative count");
    return std::string(static_cast<size_t>(n), '\0');
  }
  if (src.is_float() || src.is_none()) {
    if (array || src.is_none()) type_error("cannot convert '" + type_name(src) + "' object to " + name);
    type_error("cannot convert 'float' object to bytes");
  }
  return from_iterable(in, src);
}

// ---- codecs ----

std::string canonical_encoding(const std::string& name) {
  std::string n;
  for (char c : name) n += (c == '-' || c == ' ') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "utf_8" || n == "utf8" || n == "u8" || n == "utf") return "utf-8";
  if (n == "ascii" || n == "us_ascii" || n == "646") return "ascii";
  if (n == "latin_1" || n == "latin1" || n == "iso8859_1" || n == "iso_8859_1" || n == "l1" || n == "latin" ||
      n == "8859" || n == "cp819") {
    return "latin-1";
  }
  raise(Exc::LookupError, "unknown encoding: " + name);
}

void check_handler(const std::string& errors) {
  if (errors != "strict" && errors != "replace" && errors != "ignore") {
    raise(Exc::LookupError, "unknown error handler name '" + errors + "'");
  }
}

std::string char_escape(uint32_t cp) {
  char b[16];
  if (cp < 0x100) std::snprintf(b, sizeof b, "\\x%02x", cp);
  else if (cp < 0x10000) std::snprintf(b, sizeof b, "\\u%04x", cp);
  else std::snprintf(b, sizeof b, "\\U%08x", cp);
  return b;
}

// The length of the valid UTF-8 prefix of the sequence at i (0 when the
// start byte is invalid), and whether the data ended inside it.
size_t utf8_valid(const std::string& s, size_t i, size_t& need, bool& truncated) {
  auto c = static_cast<unsigned char>(s[i]);
  truncated = false;
  if (c < 0x80) return need = 1;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) need = 2;
  else if (c >= 0xE0 && c <= 0xEF) need = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4) need = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else return need = 0;
  size_t k = 1;
  for (; k < need; ++k) {
    if (i + k >= s.size()) {
      truncated = true;
      return k;
    }
    auto d = static_cast<unsigned char>(s[i + k]);
    if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return k;
  }
  return k;
}

[[noreturn]] void decode_error(const std::string& enc, const std::string& b, size_t start, size_t end, const std::string& why) {
  char buf[96];
  if (end - start == 1) {
    std::snprintf(buf, sizeof buf, "can't decode byte 0x%02x in position %zu: ", static_cast<unsigned char>(b[start]), start);
  } else {
    std::snprintf(buf, sizeof buf, "can't decode bytes in position %zu-%zu: ", start, end - 1);
  }
  raise_class("UnicodeDecodeError", "'" + enc + "' codec " + buf + why);
}

std::string decode_utf8(const std::string& b, const std::string& errors) {
  std::string out;
  for (size_t i = 0; i < b.size();) {
    size_t need = 0;
    bool truncated = false;
    size_t ok = utf8_valid(b, i, need, truncated);
    if (need != 0 && ok == need) {
      out.append(b, i, need);
      i += need;
      continue;
    }
    size_t end = i + (ok == 0 ? 1 : ok);
    const char* why = need == 0 ? "invalid start byte" : truncated ? "unexpected end of data" : "invalid continuation byte";
    if (errors == "strict") decode_error("utf-8", b, i, end, why);
    check_handler(errors);
    if (errors == "replace") out += "\xEF\xBF\xBD";
    i = end;
  }
  return out;
}

std::string decode_single(const std::string& b, const std::string& enc, const std::string& errors) {
  std::string out;
  for (size_t i = 0; i < b.size(); ++i) {
    auto c = static_cast<unsigned char>(b[i]);
    if (c < 0x80 || enc == "latin-1") {
      utf8_append(out, c);
      continue;
    }
    if (errors == "strict") decode_error(enc, b, i, i + 1, "ordinal not in range(128)");
    check_handler(errors);
    if (errors == "replace") out += "\xEF\xBF\xBD";
  }
  return out;
}

// One %-conversion of bytes formatting: `spec` is the flags, width and
// precision, `type` the conversion letter.
std::string percent_one(Interp& in, const std::string& spec, char type, const Value& arg, size_t at) {
  if (std::string("diuxXoeEfFgG").find(type) != std::string::npos) {
    Value one = Value::object(make<TupleObj>(std::vector<Value>{arg}));
    return percent_format(in, "%" + spec + type, one);
  }
  std::string body;
  if (type == 's' || type == 'b') {
    const std::string* b = bytes_like(arg);
    if (!b) {
      type_error("%b requires a bytes-like object, or an object that implements __bytes__, not '" + type_name(arg) + "'");
    }
    body = *b;
  } else if (type == 'r' || type == 'a') {
    body = ascii_repr(in, arg);
  } else if (type == 'c') {
    const std::string* b = bytes_like(arg);
    if (b && b->size() == 1) body = *b;
    else if (!arg.is_int() && !arg.is_bool()) type_error("%c requires an integer in range(256) or a single byte");
    else if (to_int(arg, "%c") < 0 || to_int(arg, "%c") > 255) raise(Exc::OverflowError, "%c arg not in range(256)");
    else body = std::string(1, static_cast<char>(to_int(arg, "%c")));
  } else {
    char buf[96];
    std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", type, static_cast<unsigned char>(type), at);
    value_error(buf);
  }
  // Width and precision as for str: precision cuts, width pads with spaces.
  size_t dot = spec.find('.');
  bool left = spec.find('-') != std::string::npos;
  std::string digits = spec.substr(0, dot);
  digits.erase(0, digits.find_first_of("123456789") == std::string::npos ? digits.size() : digits.find_first_of("123456789"));
  if (dot != std::string::npos) body = body.substr(0, static_cast<size_t>(std::atoi(spec.c_str() + dot + 1)));
  size_t width = static_cast<size_t>(std::atoi(digits.c_str()));
  if (body.size() < width) body = left ? body + std::string(width - body.size(), ' ') : std::string(width - body.size(), ' ') + body;
  return body;
}

std::string bytes_percent(Interp& in, const std::string& fmt, const Value& args) {
  std::vector<Value> items = args.is(ObjKind::Tuple) ? args.as<TupleObj>()->items : std::vector<Value>{args};
  size_t next = 0;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    size_t j = i + 1;
    while (j < fmt.size() && std::string("-+ #0123456789.").find(fmt[j]) != std::string::npos) ++j;
    if (j >= fmt.size()) value_error("incomplete format");
    std::string spec = fmt.substr(i + 1, j - i - 1);
    i = j;
    if (fmt[j] == '%') {
      out += '%';
      continue;
    }
    if (next >= items.size()) type_error("not enough arguments for format string");
    out += percent_one(in, spec, fmt[j], items[next++], j);
  }
  if (next < items.size() && (args.is(ObjKind::Tuple) || next == 0)) {
    type_error("not all arguments converted during bytes formatting");
  }
  return out;
}

}  // namespace

std::string ascii_repr(Interp& in, const Value& v) {
  std::string out;
  for (uint32_t cp : utf8_code_points(in.repr(v))) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else out += char_escape(cp);
  }
  return out;
}

std::string encode_text(const std::string& s, const std::string& encoding, const std::string& errors) {
  std::string enc = canonical_encoding(encoding);
  if (enc == "utf-8") return s;
  uint32_t limit = enc == "ascii" ? 0x80 : 0x100;
  std::vector<uint32_t> cps = utf8_code_points(s);
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] < limit) {
      out += static_cast<char>(cps[i]);
      continue;
    }
    if (errors == "strict") {
      size_t j = i;
      while (j + 1 < cps.size() && cps[j + 1] >= limit) ++j;
      std::string range = limit == 0x80 ? "128" : "256";
      std::string where = j == i ? "character '" + char_escape(cps[i]) + "' in position " + std::to_string(i)
                                 : "characters in position " + std::to_string(i) + "-" + std::to_string(j);
      raise_class("UnicodeEncodeError", "'" + enc + "' codec can't encode " + where + ": ordinal not in range(" + range + ")");
    }
    check_handler(errors);
    if (errors == "replace") out += '?';
  }
  return out;
}

std::string decode_bytes(const std::string& b, const std::string& encoding, const std::string& errors) {
  std::string enc = canonical_encoding(encoding);
  if (enc == "utf-8") return decode_utf8(b, errors);
  return decode_single(b, enc, errors);
}

const std::string* bytes_like(const Value& v) {
  return v.is(ObjKind::Bytes) ? &v.as<BytesObj>()->value : nullptr;
}

Value c_bytes(Interp& in, const Value&, CallArgs& a) { return bytes_value(construct(in, a, "bytes", false)); }
Value c_bytearray(Interp& in, const Value&, CallArgs& a) {
  return bytes_value(construct(in, a, "bytearray", true), true);
}

// ---- operators ----

bool bytes_getitem(Interp& in, BytesObj* b, const Value& key, Value& out) {
  const std::string& s = b->value;
  if (key.obj() && typeid(*key.obj()) == typeid(SliceObj)) {
    std::string r;
    for (int64_t i : slice_index_list(in, *key.as<SliceObj>(), static_cast<int64_t>(s.size()))) r += s[static_cast<size_t>(i)];
    out = bytes_value(std::move(r), b->is_array);
    return true;
  }
  if (!key.is_int() && !key.is_bool()) {
    type_error(std::string(b->is_array ? "bytearray" : "byte") + " indices must be integers or slices, not " + type_name(key));
  }
  int64_t i = key.is_int() ? key.as_int() : key.as_bool();
  int64_t n = static_cast<int64_t>(s.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc::IndexError, b->is_array ? "bytearray index out of range" : "index out of range");
  out = Value::integer(static_cast<unsigned char>(s[static_cast<size_t>(i)]));
  return true;
}

bool bytes_setitem(Interp& in, BytesObj* b, const Value& key, const Value& v) {
  if (!b->is_array) return false;
  std::string& s = b->value;
  if (key.obj() && typeid(*key.obj()) == typeid(SliceObj)) {
    const std::string* src = bytes_like(v);
    std::string data = src ? *src : from_iterable(in, v);
    std::vector<int64_t> pos = slice_index_list(in, *key.as<SliceObj>(), static_cast<int64_t>(s.size()));
    auto* sl = key.as<SliceObj>();
    if (sl->step.is_none() || (sl->step.is_int() && sl->step.as_int() == 1)) {
      int64_t n = static_cast<int64_t>(s.size());
      int64_t start = pos.empty() ? 0 : pos.front();
      if (pos.empty()) {  // an empty range: insert where it starts
        int64_t st = sl->start.is_none() ? 0 : to_int(sl->start, "slice index");
        if (st < 0) st += n;
        start = std::clamp<int64_t>(st, 0, n);
      }
      s.replace(static_cast<size_t>(start), pos.size(), data);
      return true;
    }
    if (pos.size() != data.size()) {
      value_error("attempt to assign bytes of size " + std::to_string(data.size()) + " to extended slice of size " +
                  std::to_string(pos.size()));
    }
    for (size_t i = 0; i < pos.size(); ++i) s[static_cast<size_t>(pos[i])] = data[i];
    return true;
  }
  if (!key.is_int() && !key.is_bool()) type_error("bytearray indices must be integers or slices, not " + type_name(key));
  int64_t i = key.is_int() ? key.as_int() : key.as_bool();
  int64_t n = static_cast<int64_t>(s.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc::IndexError, "bytearray index out of range");
  s[static_cast<size_t>(i)] = static_cast<char>(byte_of(v));
  return true;
}

bool bytes_binary(Interp& in, BinOp op, const Value& a, const Value& b, bool inplace, Value& out) {
  const std::string* x = bytes_like(a);
  if (!x) return false;
  bool array = a.as<BytesObj>()->is_array;
  if (op == BinOp::Mod) {
    out = bytes_value(bytes_percent(in, *x, b), array);
    return true;
  }
  if (op == BinOp::Add) {
    const std::string* y = bytes_like(b);
    if (!y) type_error("can't concat " + type_name(b) + " to " + type_name(a));
    if (inplace && array) {
      a.as<BytesObj>()->value += *y;
      out = a;
      return true;
    }
    out = bytes_value(*x + *y, array);
    return true;
  }
  if (op == BinOp::Mul && (b.is_int() || b.is_bool())) {
    int64_t n = b.is_int() ? b.as_int() : b.as_bool();
    if (n > 0 && x->size() * static_cast<size_t>(n) > (1u << 28)) raise(Exc::OverflowError, "repeated bytes are too long");
    std::string r;
    for (int64_t i = 0; i < n; ++i) r += *x;
    if (inplace && array) {
      a.as<BytesObj>()->value = std::move(r);
      out = a;
      return true;
    }
    out = bytes_value(std::move(r), array);
    return true;
  }
  return false;
}

bool bytes_contains(BytesObj* b, const Value& item) {
  if (const std::string* y = bytes_like(item)) return b->value.find(*y) != std::string::npos;
  if (!item.is_int() && !item.is_bool()) {
    type_error("a bytes-like object is required, not '" + type_name(item) + "'");
  }
  return b->value.find(static_cast<char>(byte_of(item))) != std::string::npos;
}

bool bytes_less(const Value& a, const Value& b, bool& out) {
  const std::string* x = bytes_like(a);
  const std::string* y = bytes_like(b);
  if (!x || !y) return false;
  out = *x < *y;
  return true;
}

}  // namespace loopscope::script
