// json.loads: a recursive-descent reader with the C scanner's error
// messages and positions ("Expecting value: line 1 column 5 (char 4)"),
// counted in code points as CPython counts them.

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "engine/object/bigint.hpp"
#include "engine/script/modules/json.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script::json {

namespace {

constexpr size_t kMaxDepth = 900;  // nesting past this is a RecursionError, as in CPython

struct Decoder {
  Decoder(Interp& i, const std::string& d) : in(i), doc(d) {}
  Interp& in;
  const std::string& doc;
  size_t pos = 0;
  size_t depth = 0;

  [[noreturn]] void fail(const std::string& msg, size_t at);
  void skip_ws() {
    while (pos < doc.size() && (doc[pos] == ' ' || doc[pos] == '\t' || doc[pos] == '\n' || doc[pos] == '\r')) ++pos;
  }
  bool starts(const char* word) const { return doc.compare(pos, std::char_traits<char>::length(word), word) == 0; }
  Value value();
  Value string();
  Value number();
  Value array();
  Value object();
  uint32_t hex4(size_t at, size_t u_pos);
};

void Decoder::fail(const std::string& msg, size_t at) {
  size_t chars = utf8_length(std::string_view(doc).substr(0, at));
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (doc[i] == '\n') ++line, line_start = i + 1;
  size_t col = chars - utf8_length(std::string_view(doc).substr(0, line_start)) + 1;
  std::string text = msg + ": line " + std::to_string(line) + " column " + std::to_string(col) + " (char " + std::to_string(chars) + ")";
  Value mod = in.import_module("json");
  Value cls = in.getattr(mod, "JSONDecodeError");
  Ref<ExceptionObj> e = make<ExceptionObj>(Ref<ClassObj>(cls.as<ClassObj>()), std::vector<Value>{str_value(text)});
  // CPython's attributes: msg, doc, pos, lineno, colno.
  e->attrs["msg"] = str_value(msg);
  e->attrs["doc"] = str_value(doc);
  e->attrs["pos"] = Value::integer(static_cast<int64_t>(chars));
  e->attrs["lineno"] = Value::integer(static_cast<int64_t>(line));
  e->attrs["colno"] = Value::integer(static_cast<int64_t>(col));
  throw PyError{e};
}

// Four hex digits at `at`; errors point at the 'u' (u_pos).
uint32_t Decoder::hex4(size_t at, size_t u_pos) {
  if (at + 4 >= doc.size()) fail("Invalid \\uXXXX escape", u_pos);
  uint32_t v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    char c = doc[i];
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    if (d < 0) fail("Invalid \\uXXXX escape", u_pos);
    v = v * 16 + static_cast<uint32_t>(d);
  }
  return v;
}

Value Decoder::string() {
  size_t begin = pos++;
  std::string out;
  for (;;) {
    if (pos >= doc.size()) fail("Unterminated string starting at", begin);
    unsigned char c = static_cast<unsigned char>(doc[pos]);
    if (c == '"') break;
    if (c < 0x20) fail("Invalid control character at", pos);
    if (c != '\\') {
      out += static_cast<char>(c);
      ++pos;
      continue;
    }
    if (pos + 1 >= doc.size()) fail("Unterminated string starting at", begin);
    char e = doc[pos + 1];
    const char* simple = "\"\\/bfnrt";
    const char* mapped = "\"\\/\b\f\n\r\t";
    if (const char* p = e ? std::strchr(simple, e) : nullptr) {
      out += mapped[p - simple];
      pos += 2;
      continue;
    }
    if (e != 'u') fail("Invalid \\escape", pos);
    uint32_t cp = hex4(pos + 2, pos + 1);
    pos += 6;
    if (cp >= 0xD800 && cp <= 0xDBFF && starts("\\u")) {
      uint32_t low = hex4(pos + 2, pos + 1);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        pos += 6;
      }
    }
    utf8_append(out, cp);
  }
  ++pos;
  return str_value(std::move(out));
}

Value Decoder::number() {
  size_t start = pos, i = pos;
  auto digits = [&] { size_t s = i; while (i < doc.size() && doc[i] >= '0' && doc[i] <= '9') ++i; return i > s; };
  if (i < doc.size() && doc[i] == '-') ++i;
  if (i < doc.size() && doc[i] == '0') ++i;
  else if (!digits()) fail("Expecting value", start);
  bool is_float = false;
  if (i + 1 < doc.size() && doc[i] == '.' && doc[i + 1] >= '0' && doc[i + 1] <= '9') {
    ++i;
    digits();
    is_float = true;
  }
  if (i < doc.size() && (doc[i] == 'e' || doc[i] == 'E')) {
    size_t save = i++;
    if (i < doc.size() && (doc[i] == '+' || doc[i] == '-')) ++i;
    if (digits()) is_float = true;
    else i = save;
  }
  std::string text = doc.substr(start, i - start);
  pos = i;
  if (is_float) return Value::real(std::strtod(text.c_str(), nullptr));
  errno = 0;
  long long v = std::strtoll(text.c_str(), nullptr, 10);
  if (errno != ERANGE) return Value::integer(v);
  Mpz z;  // beyond 64 bits
  mpz_set_str(z.z, text.c_str(), 10);
  return int_value(z.z);
}

Value Decoder::array() {
  size_t start = pos++;
  (void)start;
  Ref<ListObj> list = make<ListObj>();
  skip_ws();
  if (pos < doc.size() && doc[pos] == ']') return ++pos, Value::object(list);
  for (;;) {
    list->items.push_back(value());
    skip_ws();
    if (pos < doc.size() && doc[pos] == ']') return ++pos, Value::object(list);
    if (pos >= doc.size() || doc[pos] != ',') fail("Expecting ',' delimiter", pos);
    ++pos;
    skip_ws();
  }
}

Value Decoder::object() {
  ++pos;
  Ref<DictObj> dict = make<DictObj>();
  Value result = Value::object(dict);
  skip_ws();
  if (pos < doc.size() && doc[pos] == '}') return ++pos, result;
  for (;;) {
    if (pos >= doc.size() || doc[pos] != '"') fail("Expecting property name enclosed in double quotes", pos);
    Value key = string();
    skip_ws();
    if (pos >= doc.size() || doc[pos] != ':') fail("Expecting ':' delimiter", pos);
    ++pos;
    skip_ws();
    Value v = value();
    in.setitem(result, key, v);
    skip_ws();
    if (pos < doc.size() && doc[pos] == '}') return ++pos, result;
    if (pos >= doc.size() || doc[pos] != ',') fail("Expecting ',' delimiter", pos);
    ++pos;
    skip_ws();
  }
}

Value Decoder::value() {
  skip_ws();
  if (pos >= doc.size()) fail("Expecting value", pos);
  char c = doc[pos];
  struct Depth {
    size_t& d;
    explicit Depth(size_t& d) : d(d) {
      if (++d > kMaxDepth) raise(Exc::RecursionError, "maximum recursion depth exceeded while decoding a JSON document");
    }
    ~Depth() { --d; }
  };
  if (c == '"') return string();
  if (c == '{') { Depth g(depth); return object(); }
  if (c == '[') { Depth g(depth); return array(); }
  struct Word { const char* text; Value v; };
  const Word words[] = {{"null", Value()}, {"true", Value::boolean(true)}, {"false", Value::boolean(false)},
                        {"NaN", Value::real(NAN)}, {"Infinity", Value::real(INFINITY)}, {"-Infinity", Value::real(-INFINITY)}};
  for (const Word& w : words)
    if (starts(w.text)) return pos += std::char_traits<char>::length(w.text), w.v;
  if (c == '-' || (c >= '0' && c <= '9')) return number();
  fail("Expecting value", pos);
}

}  // namespace

Value loads(Interp& in, const Value&, CallArgs& a) {
  allow_keywords("loads", a, {"cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"});
  if (a.pos.empty()) type_error("loads() missing 1 required positional argument: 's'");
  if (a.pos.size() > 1) type_error("loads() takes 1 positional argument but " + std::to_string(a.pos.size()) + " were given");
  if (a.pos[0].is(ObjKind::Bytes)) a.pos[0] = str_value(decode_bytes(a.pos[0].as<BytesObj>()->value, "utf-8", "strict"));
  if (!a.pos[0].is(ObjKind::Str)) type_error("the JSON object must be str, bytes or bytearray, not " + type_name(a.pos[0]));
  const std::string& doc = a.pos[0].as<StrObj>()->value;
  Decoder d(in, doc);
  if (doc.compare(0, 3, "\xEF\xBB\xBF") == 0) d.fail("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
  Value v = d.value();
  d.skip_ws();
  if (d.pos != doc.size()) d.fail("Extra data", d.pos);
  return v;
}

Ref<ClassObj> make_decode_error_class() {
  return make<ClassObj>("JSONDecodeError", "json.decoder", Ref<ClassObj>(exc_class(Exc::ValueError)));
}

}  // namespace loopscope::script::json
