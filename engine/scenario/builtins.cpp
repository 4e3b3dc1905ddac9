#include <algorithm>
#include <map>

#include "engine/scenario/scenario.hpp"

namespace loopscope {

// Generated from scenarios/*.py at build time (engine/embed_scenarios.cmake).
extern const std::vector<std::pair<const char*, const char*>> kEmbeddedScenarios;

namespace {

// A lesson's topic and order come from a `# topic: NAME` line; its title is
// the first line of its docstring.
std::string header_value(const std::string& src, const std::string& key) {
  std::string tag = "# " + key + ":";
  size_t at = src.find(tag);
  if (at == std::string::npos) return {};
  size_t from = at + tag.size();
  size_t end = src.find('\n', from);
  std::string v = src.substr(from, end == std::string::npos ? std::string::npos : end - from);
  v.erase(0, v.find_first_not_of(' '));
  return v;
}

std::string docstring_title(const std::string& src) {
  size_t q = src.find("\"\"\"");
  if (q == std::string::npos) return {};
  size_t end = src.find_first_of("\n\"", q + 3);
  return src.substr(q + 3, end == std::string::npos ? std::string::npos : end - q - 3);
}

std::vector<BuiltinScenario> load() {
  std::vector<BuiltinScenario> out;
  for (const auto& [name, source] : kEmbeddedScenarios) {
    BuiltinScenario s;
    s.name = name;
    s.source = source;
    s.topic = header_value(s.source, "topic");
    if (s.topic.empty()) s.topic = "Other";
    s.title = docstring_title(s.source);
    out.push_back(std::move(s));
  }
  // Names start with a two-digit lesson number, so name order is lesson order.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

}  // namespace

const std::vector<BuiltinScenario>& builtin_scenarios() {
  static const std::vector<BuiltinScenario> all = load();
  return all;
}

const BuiltinScenario* find_builtin(const std::string& name) {
  for (const BuiltinScenario& s : builtin_scenarios()) {
    if (s.name == name) return &s;
    // "gather" finds "04_gather".
    size_t us = s.name.find('_');
    if (us != std::string::npos && s.name.substr(us + 1) == name) return &s;
  }
  return nullptr;
}

}  // namespace loopscope
