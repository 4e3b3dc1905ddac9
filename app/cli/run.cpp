#include <algorithm>
#include <iostream>

#include "app/cli/commands.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/replay/explain.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope::cli {

namespace {

void print_errors(const ScenarioRun& r) {
  for (const Diagnostic& d : r.errors) std::cerr << d.format();
}

}  // namespace

int cmd_run(const std::string& file, bool trace, RunOptions options) {
  options.object_notes = false;  // notes are for the window; a transcript never shows them
  ScenarioRun r = run_scenario(file, options);
  if (r.exit_code == 2 && !r.errors.empty()) {
    print_errors(r);
    return 2;
  }
  if (r.world) print_transcript(r.world->trace, std::cout, trace);
  std::cout.flush();
  if (r.blocked) {
    std::cerr << "loopscope: one step ran " << with_commas(options.instruction_budget)
              << " instructions without awaiting. If the program is not stuck in a loop, raise the limit: "
                 "loopscope run --max-instructions="
              << options.instruction_budget * 10 << " " << file << "\n";
  }
  return r.exit_code;
}

int cmd_check(const std::string& file) {
  std::vector<Diagnostic> errors = check_scenario(file);
  if (!errors.empty()) {
    for (const Diagnostic& d : errors) std::cerr << d.format();
    return 2;
  }
  std::cout << file << ": ok\n";
  return 0;
}

int cmd_list() {
  // Topics in the order their first lesson comes; lessons in number order.
  std::vector<std::string> topics;
  for (const BuiltinScenario& s : builtin_scenarios()) {
    if (std::find(topics.begin(), topics.end(), s.topic) == topics.end()) topics.push_back(s.topic);
  }
  for (const std::string& topic : topics) {
    std::cout << topic << ":\n";
    for (const BuiltinScenario& s : builtin_scenarios()) {
      if (s.topic != topic) continue;
      std::cout << "  " << s.name;
      std::cout << std::string(s.name.size() < 26 ? 28 - s.name.size() : 2, ' ');
      std::cout << s.title << "\n";
    }
  }
  return 0;
}

}  // namespace loopscope::cli
