#include "app/gui/session.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/replay/explain.hpp"

namespace loopscope::gui {

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

bool looks_like_path(const std::string& t) {
  return t.find('/') != std::string::npos || (t.size() > 3 && t.compare(t.size() - 3, 3, ".py") == 0);
}

// Why a path cannot be read, in plain words ("" when it can).
std::string unreadable(const std::string& path) {
  if (!looks_like_path(path) && find_builtin(path)) return {};
  std::ifstream in(path);
  if (in) return {};
  int err = errno;
  if (!looks_like_path(path)) return {};  // not a file: the engine says what it is not
  if (err == ENOENT) return "There is no file " + path;
  return "Cannot read " + path + ": " + std::strerror(err);
}

}  // namespace

SourceText::SourceText(const std::string& text) : lines(split_lines(text)), spans(highlight_python(lines)) {}

std::string default_scenario() {
  const auto& lessons = builtin_scenarios();
  return lessons.empty() ? std::string("demo") : lessons.front().name;
}

size_t same_prefix(const Replay& a, const Replay& b, size_t limit) {
  size_t n = std::min({a.size(), b.size(), limit});
  for (size_t i = 0; i < n; ++i) {
    if (event_text(a, i) != event_text(b, i)) return i;
  }
  return n;
}

bool Session::load(const std::string& target_name) { return open(target_name, false); }

bool Session::reload() { return !target.empty() && open(target, true); }

bool Session::open(const std::string& target_name, bool keep_place) {
  target = target_name.empty() ? default_scenario() : target_name;
  notice.clear();
  auto fresh = std::make_unique<ScenarioRun>();
  if (std::string why = unreadable(target); !why.empty()) {
    load_error = why;
    errors.clear();
    error_lines.clear();
    return false;
  }
  try {
    // The window records each task's frames for the Variables panel.
    RunOptions options;
    options.record_frames = true;
    options.instruction_budget = instruction_budget;
    *fresh = run_scenario(target, options);
  } catch (const std::exception& e) {
    load_error = "Could not run " + target + ": " + e.what();
    return false;
  } catch (...) {
    load_error = "Could not run " + target + ".";
    return false;
  }
  errors = fresh->errors;
  error_lines.clear();
  // Each error as the compiler prints it: the message, the source line and
  // a caret under the column.
  for (const Diagnostic& d : errors) {
    for (std::string& l : split_lines(d.format())) error_lines.push_back(std::move(l));
  }
  if (!fresh->world || (fresh->exit_code == 2 && !errors.empty())) {
    size_t n = errors.size();
    load_error = n == 0 ? "Could not open " + target
                        : "Could not compile " + target + ": " + std::to_string(n) + (n == 1 ? " error" : " errors");
    // The file's text with its errors marked; the last good run stays.
    if (!fresh->source.empty()) source = SourceText(fresh->source);
    stale = loaded();
    scroll_to_error = true;
    if (stale) load_error += " (showing the last run that compiled)";
    return false;
  }
  load_error.clear();
  stale = false;
  size_t at = 0;
  auto next = std::make_unique<Replay>(fresh->world->trace);
  if (keep_place && replay) {
    size_t same = same_prefix(*replay, *next, cursor);
    at = same;
    if (same == cursor) {
      notice = "Reloaded: the run is the same up to step " + with_commas(cursor) + ".";
    } else {
      notice = "Reloaded: the run changed at step " + with_commas(same + 1) + " (was: " +
               event_text(*replay, same) + "; now: " + event_text(*next, same) + ").";
    }
  }
  if (fresh->blocked) {
    notice = "A step ran " + with_commas(instruction_budget) +
             " instructions without awaiting: the loop is blocked. If the program is not stuck in a loop, raise "
             "Run > Blocked-loop limit.";
  }
  show(std::move(fresh), std::move(next), at);
  return true;
}

void Session::show(std::unique_ptr<ScenarioRun> fresh, std::unique_ptr<Replay> next, size_t at) {
  run = std::move(fresh);
  replay = std::move(next);
  source = SourceText(run->source);
  views = ViewCache{};
  narrative = parse_narrative(run->path.empty() ? run->name : run->path, run->source);
  lesson = resolve_narrative(narrative, *replay, run->path.empty() ? run->name : run->path);
  quiz = lesson_quiz(*replay, lesson, run->path.empty() ? run->name : run->path);
  checkpoints.clear();
  cursor = 0;
  state = replay->state_at(0);
  previous = state;
  animate = false;
  if (at) seek(at);
  previous = state;
}

int Session::exception_line() const {
  if (!run || run->traceback.empty()) return 0;
  // The innermost frame in the program's own file: the last `File "...",
  // line N` naming it (code objects carry the file's basename, as the
  // transcript rules say).
  std::string base = std::filesystem::path(run->path.empty() ? run->name : run->path).filename().string();
  std::string file = "File \"" + base + "\", line ";
  int line = 0;
  for (const std::string& l : run->traceback) {
    size_t at = l.find(file);
    if (at != std::string::npos) line = std::atoi(l.c_str() + at + file.size());
  }
  return line;
}

std::string_view Session::str(uint32_t id) const {
  if (!replay || id == kNoString || id >= replay->trace().strings().size()) return {};
  return replay->trace().string(id);
}

void Session::seek(size_t k, double now, bool single_step) {
  if (!replay) return;
  k = std::min(k, replay->size());
  // Never between an event and its continuation words: past them.
  while (k > 0 && k < replay->size() && replay->trace()[k].kind == Ev::Ext) ++k;
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
