#include "engine/loop/trace_text.hpp"

#include "engine/object/bigint.hpp"

#include <algorithm>

#include "engine/loop/future.hpp"
#include "engine/object/dict.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope {

namespace {

// V: the complete rendering, cut to 57 code points + "..." when it is
// longer than 60 code points (TRACE_FORMAT.md).
constexpr size_t kMaxCodePoints = 60;
// Rendering stops once this many bytes exist: at 4 bytes a code point at
// most, that is already more than kMaxCodePoints, so huge or
// self-containing values cost nothing and the cut text is the same.
constexpr size_t kEnoughBytes = 4 * kMaxCodePoints + 4;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string cut(std::string s) {
  size_t points = 0;
  size_t keep = 0;  // byte length of the first kMaxCodePoints - 3 code points
  for (size_t i = 0; i < s.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(s[i]))) continue;
    if (points == kMaxCodePoints - 3) keep = i;
    ++points;
  }
  if (points <= kMaxCodePoints) return s;
  s.resize(keep);
  return s + "...";
}

class Renderer {
 public:
  std::string out;
  // False once enough text exists (the rest would be cut anyway).
  bool room() const { return out.size() <= kEnoughBytes; }

  static const UserPart* user_part_of(const Object* o) {
    switch (o->kind()) {
      case ObjKind::List: return static_cast<const ListObj*>(o)->user.get();
      case ObjKind::Tuple: return static_cast<const TupleObj*>(o)->user.get();
      case ObjKind::Dict: return static_cast<const DictObj*>(o)->user.get();
      case ObjKind::Set: return static_cast<const SetObj*>(o)->user.get();
      default: return nullptr;
    }
  }

  void value(const Value& v) {
    if (!room()) return;
    if (!v.is_obj()) {
      out += repr(v);
      return;
    }
    Object* o = v.obj();
    if (const UserPart* u = user_part_of(o)) {  // a subclass of list/tuple/dict/set: <TypeName>
      out += "<" + static_cast<const ClassObj*>(u->cls.get())->name + ">";
      return;
    }
    switch (o->kind()) {
      case ObjKind::Str:
      case ObjKind::Bytes:
        out += repr(v);
        return;
      case ObjKind::BigInt:  // an int beyond 64 bits: its digits (the line is cut later)
        if (mpz_sizeinbase(static_cast<BigIntObj*>(o)->z, 10) > kMaxStrDigits) {
          out += "<int>";  // CPython's repr() would refuse it
        } else {
          out += repr(v);
        }
        return;
      case ObjKind::Future:
      case ObjKind::Task:
        out += static_cast<Future*>(o)->label();
        return;
      case ObjKind::Exception:
        out += "<" + trace_exc(static_cast<ExceptionObj*>(o)) + ">";
        return;
      case ObjKind::List:
        sequence(static_cast<ListObj*>(o)->items, "[", "]", false);
        return;
      case ObjKind::Tuple:
        sequence(static_cast<TupleObj*>(o)->items, "(", ")", true);
        return;
      case ObjKind::Dict:
        dict(static_cast<DictObj*>(o)->table);
        return;
      case ObjKind::Set:
        set(static_cast<SetObj*>(o)->table);
        return;
      default: {
        // type(v).__name__, as the oracle shows it: no module
        // (a file's type name is "_io.TextIOWrapper").
        std::string name = o->type_name();
        out += "<" + name.substr(name.rfind('.') + 1) + ">";
        return;
      }
    }
  }

 private:
  void sequence(const std::vector<Value>& items, const char* open, const char* close, bool one_tuple) {
    out += open;
    for (size_t i = 0; i < items.size() && room(); ++i) {
      if (i) out += ", ";
      value(items[i]);
    }
    if (one_tuple && items.size() == 1) out += ",";
    out += close;
  }

  void dict(const ValueTable& table) {
    out += "{";
    bool first = true;
    for (const ValueTable::Entry& e : table.entries()) {
      if (!e.live) continue;
      if (!room()) break;
      if (!first) out += ", ";
      first = false;
      value(e.key);
      out += ": ";
      value(e.value);
    }
    out += "}";
  }

  // Elements' complete renderings, sorted as strings (iteration order
  // depends on hashes; the text must not).
  void set(const SetTable& table) {
    std::vector<std::string> pieces;
    for (const SetTable::Entry& e : table.entries()) {
      if (!e.live) continue;
      Renderer r;
      r.value(e.key);
      pieces.push_back(std::move(r.out));
    }
    if (pieces.empty()) {
      out += "set()";
      return;
    }
    std::sort(pieces.begin(), pieces.end());
    out += "{";
    for (size_t i = 0; i < pieces.size() && room(); ++i) {
      if (i) out += ", ";
      out += pieces[i];
    }
    out += "}";
  }
};

// Each backslash, newline and carriage return as two characters.
std::string escape_newlines(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

}  // namespace

std::string trace_exc(const ExceptionObj* e) {
  std::string s = e->cls->name;
  std::string msg = e->str();
  if (!msg.empty()) s += ": " + escape_newlines(msg);
  return s;
}

std::string trace_value(const Value& v) {
  Renderer r;
  r.value(v);
  return cut(std::move(r.out));
}

std::string trace_time(double t) {
  std::string s;
  append_time(s, t);  // "%.6f", without printf's cost on the common path
  return s;
}

}  // namespace loopscope
