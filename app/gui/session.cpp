#include "app/gui/session.hpp"

#include <algorithm>
#include <exception>
#include <sstream>

namespace loopscope::gui {

namespace {
std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
}  // namespace

std::string default_scenario() {
  const auto& lessons = builtin_scenarios();
  return lessons.empty() ? std::string("demo") : lessons.front().name;
}

bool Session::load(const std::string& target_name) {
  auto fresh = std::make_unique<ScenarioRun>();
  try {
    *fresh = run_scenario(target_name.empty() ? default_scenario() : target_name);
  } catch (const std::exception& e) {
    load_error = "Could not run " + target_name + ": " + e.what();
    return false;
  } catch (...) {
    load_error = "Could not run " + target_name + ".";
    return false;
  }
  error_lines.clear();
  // Each error as the compiler prints it: the message, the source line and
  // a caret under the column.
  for (const Diagnostic& d : fresh->errors) {
    for (std::string& l : split_lines(d.format())) error_lines.push_back(std::move(l));
  }
  if (!fresh->world) {
    load_error = error_lines.empty() ? "Could not open " + target_name : "Could not compile " + target_name;
    return false;
  }
  load_error = fresh->exit_code == 2 && !error_lines.empty() ? "Could not compile " + target_name : "";
  if (!load_error.empty()) return false;
  target = target_name;
  run = std::move(fresh);
  replay = std::make_unique<Replay>(run->world->trace);
  source_lines = split_lines(run->source);
  narrative = parse_narrative(run->path.empty() ? run->name : run->path, run->source);
  lesson = resolve_narrative(narrative, *replay, run->path.empty() ? run->name : run->path);
  cursor = 0;
  checkpoints.clear();
  state = replay->state_at(0);
  previous = state;
  animate = false;
  return true;
}

std::string_view Session::str(uint32_t id) const {
  if (!replay || id == kNoString || id >= replay->trace().strings().size()) return {};
  return replay->trace().string(id);
}

void Session::seek(size_t k, double now, bool single_step) {
  if (!replay) return;
  k = std::min(k, replay->size());
  if (k == cursor && state.cursor == k) return;
  previous = std::move(state);
  state = k >= previous.cursor ? replay->advance(previous, k) : state_before(k);
  cursor = k;
  animate = single_step;
  moved_at = now;
}

ReplayState Session::state_before(size_t k) {
  // The nearest checkpoint at or before k, if it is nearer than k's keyframe.
  size_t interval = replay->keyframe_interval();
  size_t keyframe = std::min(k / interval, replay->keyframe_count() - 1) * interval;
  const size_t kNear = 2048;
  if (k - keyframe <= kNear) return replay->state_at(k);
  auto it = std::upper_bound(checkpoints.begin(), checkpoints.end(), k,
                             [](size_t v, const ReplayState& c) { return v < c.cursor; });
  if (it != checkpoints.begin() && std::prev(it)->cursor >= keyframe) return replay->advance(*std::prev(it), k);
  // Far from a keyframe: keep a few states on the way for the next steps back.
  const size_t kKept = 8;
  return replay->state_at(k, std::max(kNear, (k - keyframe) / kKept), kKept, checkpoints);
}

std::string Session::task_name(uint32_t task) const {
  if (task < state.tasks.size()) return std::string(str(state.tasks[task].name));
  if (replay) return std::string(str(replay->final_name(task)));
  return "?";
}

}  // namespace loopscope::gui
