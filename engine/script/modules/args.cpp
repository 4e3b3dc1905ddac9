#include "engine/script/modules/args.hpp"

namespace loopscope::script {

void expect_args(const char* name, const CallArgs& a, size_t min, size_t max) {
  if (!a.kw.empty()) type_error(std::string(name) + "() takes no keyword arguments");
  size_t n = a.pos.size();
  if (n >= min && n <= max) return;
  std::string want = min == max ? std::to_string(min) : n < min ? "at least " + std::to_string(min) : "at most " + std::to_string(max);
  size_t count = n < min ? min : max;
  type_error(std::string(name) + " expected " + want + " argument" + (count == 1 ? "" : "s") + ", got " + std::to_string(n));
}

void require_positional(const char* name, const CallArgs& a, std::initializer_list<const char*> names) {
  size_t i = 0;
  for (const char* arg : names) {
    bool given = i < a.pos.size();
    for (const auto& [k, v] : a.kw) given |= k == arg;
    if (!given) type_error(std::string(name) + "() missing required argument '" + arg + "' (pos " + std::to_string(i + 1) + ")");
    ++i;
  }
}

ListObj& list_arg(const Value& v, const char* name) {
  if (!v.is(ObjKind::List)) type_error(std::string(name) + "() argument 1 must be list, not " + type_name(v));
  return *v.as<ListObj>();
}

Value arg_or(const CallArgs& a, size_t pos, const char* name, Value fallback) {
  if (pos < a.pos.size()) return a.pos[pos];
  if (const Value* k = kwarg(a, name)) return *k;
  return fallback;
}

void allow_keywords(const char* name, const CallArgs& a, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : a.kw) {
    bool ok = false;
    for (const char* n : allowed) ok |= k == n;
    if (!ok) type_error(std::string(name) + "() got an unexpected keyword argument '" + k + "'");
  }
}

}  // namespace loopscope::script
