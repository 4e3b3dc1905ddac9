#include "engine/object/value.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loopscope {

void destroy_object(Object* o) {
  // Keep the object alive while its finalizer runs (it may take and drop
  // references to itself), then delete it.
  incref(o);
  o->finalize();
  // Resurrected: the finalizer handed the object to the program (a loop
  // exception handler keeping its context dict), so it lives on; its
  // finalizer does not report twice.
  if (o->ref_count() > 1) {
    decref(o);
    return;
  }
  delete o;
}

std::string Object::repr() const { return "<" + type_name() + " object at 0x?>"; }

uint64_t Object::identity_hash() const {
  uintptr_t p = reinterpret_cast<uintptr_t>(this);
  return static_cast<uint64_t>(p >> 4) * 0x9E3779B97F4A7C15ull;
}

bool Value::identical(const Value& o) const {
  if (tag_ != o.tag_) return false;
  switch (tag_) {
    case Tag::None: return true;
    case Tag::Bool: return u_.b == o.u_.b;
    case Tag::Int: return u_.i == o.u_.i;
    case Tag::Float: return u_.d == o.u_.d;
    case Tag::Obj: return u_.o == o.u_.o;
  }
  return false;
}

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0.0" : "0.0";
  // Shortest round-trip digits, then laid out by repr's rule: exponent
  // notation when the decimal exponent is < -4 or >= 16.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool neg = sci[0] == '-';
  if (neg) sci.erase(0, 1);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string digits;
  for (char c : mant) if (c != '.') digits += c;
  std::string out;
  if (exp < -4 || exp >= 16) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', std::abs(exp));
    out += eb;
  } else if (exp < 0) {
    out = "0." + std::string(static_cast<size_t>(-exp - 1), '0') + digits;
  } else {
    size_t point = static_cast<size_t>(exp) + 1;
    if (digits.size() <= point) {
      out = digits + std::string(point - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, point) + "." + digits.substr(point);
    }
  }
  return neg ? "-" + out : out;
}

std::string str_repr(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
          char b[8];
          std::snprintf(b, sizeof b, "\\x%02x", c);
          out += b;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

std::string bytes_repr(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c == static_cast<unsigned char>(q)) {
          out += '\\';
          out += static_cast<char>(c);
        } else if (c < 0x20 || c >= 0x7f) {
          char b[8];
          std::snprintf(b, sizeof b, "\\x%02x", c);
          out += b;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += q;
  return out;
}

std::string repr(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return "None";
    case Value::Tag::Bool: return v.as_bool() ? "True" : "False";
    case Value::Tag::Int: return std::to_string(v.as_int());
    case Value::Tag::Float: return float_repr(v.as_float());
    case Value::Tag::Obj: return v.obj()->repr();
  }
  return "?";
}

std::string str(const Value& v) {
  if (v.is_obj()) return v.obj()->str();
  return repr(v);
}

std::string type_name(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::None: return "NoneType";
    case Value::Tag::Bool: return "bool";
    case Value::Tag::Int: return "int";
    case Value::Tag::Float: return "float";
    case Value::Tag::Obj: return v.obj()->type_name();
  }
  return "?";
}

static std::string join_reprs(const std::vector<Value>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out;
}

std::string TupleObj::repr() const {
  if (items.size() == 1) return "(" + loopscope::repr(items[0]) + ",)";
  return "(" + join_reprs(items) + ")";
}

std::string ListObj::repr() const { return "[" + join_reprs(items) + "]"; }

}  // namespace loopscope
