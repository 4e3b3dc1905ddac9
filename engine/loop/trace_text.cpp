#include "engine/loop/trace_text.hpp"

#include <cstdio>

#include "engine/loop/future.hpp"

namespace loopscope {

namespace {

constexpr size_t kMaxRepr = 60;

bool simple(const Value& v) {
  if (!v.is_obj()) return true;
  auto k = v.obj()->kind();
  return k == ObjKind::Str || k == ObjKind::Bytes;
}

std::string cut(std::string s) {
  if (s.size() > kMaxRepr) {
    s.resize(kMaxRepr - 3);
    s += "...";
  }
  return s;
}

std::string container(const std::vector<Value>& items, const char* open, const char* close,
                      bool one_tuple) {
  std::string out = open;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += trace_value(items[i]);
  }
  if (one_tuple && items.size() == 1) out += ",";
  return out + close;
}

}  // namespace

std::string trace_exc(const ExceptionObj* e) {
  std::string s = e->cls->name;
  std::string msg = e->str();
  if (!msg.empty()) s += ": " + msg;
  return s;
}

std::string trace_value(const Value& v) {
  if (simple(v)) return cut(repr(v));
  Object* o = v.obj();
  switch (o->kind()) {
    case ObjKind::Future:
    case ObjKind::Task:
      return static_cast<Future*>(o)->label();
    case ObjKind::Exception:
      return "<" + trace_exc(static_cast<ExceptionObj*>(o)) + ">";
    case ObjKind::List:
      return cut(container(static_cast<ListObj*>(o)->items, "[", "]", false));
    case ObjKind::Tuple:
      return cut(container(static_cast<TupleObj*>(o)->items, "(", ")", true));
    default:
      return "<" + o->type_name() + ">";
  }
}

std::string trace_time(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", t);
  return buf;
}

}  // namespace loopscope
