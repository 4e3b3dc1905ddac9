#include "engine/scenario/lesson.hpp"

#include "engine/scenario/measure.hpp"

#include <cstdio>
#include <optional>
#include <string_view>

namespace loopscope {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string trim(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\r");
  return std::string(s.substr(a, b - a + 1));
}

Diagnostic narrative_error(const std::string& file, int line, const std::string& source_line, std::string msg) {
  Diagnostic d;
  d.file = file;
  d.line = line;
  d.col = 1;
  d.message = std::move(msg);
  d.source_line = source_line;
  return d;
}

// "Task-2 finishes" -> {Finishes, "Task-2"}; nullopt when no form fits.
std::optional<Moment> parse_moment(const std::string& when) {
  Moment m;
  if (when == "the run ends") return m;
  if (starts_with(when, "\"")) {
    size_t close = when.find('"', 1);
    if (close == std::string::npos || when.substr(close + 1) != " prints") return std::nullopt;
    m.kind = Moment::Kind::Prints;
    m.subject = when.substr(1, close - 1);
    return m;
  }
  if (starts_with(when, "the timer of ") && ends_with(when, " fires")) {
    m.kind = Moment::Kind::TimerFires;
    m.subject = trim(std::string_view(when).substr(13, when.size() - 13 - 6));
    return m.subject.empty() ? std::nullopt : std::optional<Moment>(m);
  }
  static const std::pair<const char*, Moment::Kind> verbs[] = {{" starts", Moment::Kind::Starts},
                                                               {" finishes", Moment::Kind::Finishes},
                                                               {" sleeps", Moment::Kind::Sleeps},
                                                               {" blocks", Moment::Kind::Blocks}};
  for (const auto& [verb, kind] : verbs) {
    if (ends_with(when, verb)) {
      m.kind = kind;
      m.subject = trim(std::string_view(when).substr(0, when.size() - std::string_view(verb).size()));
      if (m.subject.empty() || m.subject.find(' ') != std::string::npos) return std::nullopt;
      return m;
    }
  }
  return std::nullopt;
}

// `when MOMENT: TEXT` -> the checkpoint, or an error message.
std::string parse_checkpoint(const std::string& body, Checkpoint& cp) {
  if (!starts_with(body, "when ")) return "a checkpoint starts with `when`: `# checkpoint: when MOMENT: TEXT`";
  std::string rest = body.substr(5);
  size_t colon = std::string::npos;
  if (starts_with(rest, "\"")) {
    size_t close = rest.find('"', 1);
    if (close != std::string::npos) colon = rest.find(':', close);
  } else {
    colon = rest.find(':');
  }
  if (colon == std::string::npos) return "a checkpoint needs a `:` between its moment and its text";
  cp.when = trim(std::string_view(rest).substr(0, colon));
  cp.text = trim(std::string_view(rest).substr(colon + 1));
  std::optional<Moment> m = parse_moment(cp.when);
  if (!m) {
    return "unknown moment '" + cp.when +
           "' (write \"TEXT\" prints, TASK starts, TASK finishes, TASK sleeps, TASK blocks, "
           "the timer of TASK fires, or the run ends)";
  }
  cp.moment = *m;
  return {};
}

}  // namespace

Narrative parse_narrative(const std::string& file, const std::string& source) {
  Narrative n;
  std::string* continued = nullptr;  // the text indented comment lines extend
  int number = 0;
  size_t pos = 0;
  while (pos <= source.size()) {
    size_t nl = source.find('\n', pos);
    std::string line = source.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    pos = nl == std::string::npos ? source.size() + 1 : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (continued && starts_with(line, "#   ")) {
      *continued += " " + trim(std::string_view(line).substr(1));
      continue;
    }
    continued = nullptr;
    if (starts_with(line, "# watch:")) {
      if (!n.watch.empty()) n.watch += "\n";
      n.watch += trim(std::string_view(line).substr(8));
      continued = &n.watch;
    } else if (starts_with(line, "# checkpoint:")) {
      Checkpoint cp;
      cp.line = number;
      std::string err = parse_checkpoint(trim(std::string_view(line).substr(13)), cp);
      if (!err.empty()) {
        n.errors.push_back(narrative_error(file, number, line, err));
        continue;
      }
      n.checkpoints.push_back(std::move(cp));
      continued = &n.checkpoints.back().text;
    } else if (starts_with(line, "# ask:")) {
      if (n.checkpoints.empty()) {
        n.errors.push_back(narrative_error(file, number, line, "`# ask:` must follow a `# checkpoint:`"));
        continue;
      }
      n.checkpoints.back().asks.push_back(trim(std::string_view(line).substr(6)));
    }
  }
  return n;
}

namespace {

// The task a moment names: its name, else the first task running a
// coroutine of that name.
std::optional<uint32_t> find_task(const Replay& replay, const std::string& who) {
  const Trace& t = replay.trace();
  for (uint32_t k = 0; k < replay.task_count(); ++k) {
    if (replay.final_name(k) != kNoString && t.string(replay.final_name(k)) == who) return k;
  }
  for (uint32_t k = 0; k < replay.task_count(); ++k) {
    if (replay.coro_name(k) != kNoString && t.string(replay.coro_name(k)) == who) return k;
  }
  return std::nullopt;
}

struct Found {
  size_t event = 0;
  std::optional<uint32_t> task;
  double due = -1;  // TimerFires: when it was set for
};

// The future of a sleep's W text: "sleep F#4 until=..." -> "F#4".
std::string sleep_future(std::string_view w) {
  if (!starts_with(w, "sleep F#")) return {};
  size_t sp = w.find(' ', 6);
  return std::string(w.substr(6, sp == std::string_view::npos ? std::string_view::npos : sp - 6));
}

std::optional<Found> find_timer_fire(const Replay& replay, uint32_t task) {
  const Trace& t = replay.trace();
  std::string fut;
  for (size_t i = 0; i < t.size(); ++i) {
    Event e = t[i];
    if (fut.empty()) {
      if (e.kind == Ev::Wait && e.a == task) fut = sleep_future(t.string(e.b));
      continue;
    }
    if (e.kind != Ev::Due) continue;
    uint32_t text = replay.handle_text(e.a);
    if (text == kNoString) continue;
    std::string_view cb = t.string(text);
    size_t at = cb.find(fut);
    if (at == std::string_view::npos) continue;
    char after = at + fut.size() < cb.size() ? cb[at + fut.size()] : ' ';
    if (after >= '0' && after <= '9') continue;  // F#4 is not F#40
    Found f{i, task, -1};
    uint32_t made = replay.handle_created(e.a);
    if (made != UINT32_MAX && t[made].kind == Ev::Timer) f.due = t.number(t[made].c);
    return f;
  }
  return std::nullopt;
}

std::optional<Found> find_moment(const Replay& replay, const Moment& m) {
  const Trace& t = replay.trace();
  if (t.size() == 0) return std::nullopt;
  if (m.kind == Moment::Kind::Ends) return Found{t.size() - 1, std::nullopt, -1};
  if (m.kind == Moment::Kind::Prints) {
    for (uint32_t i : replay.output_events()) {
      if (t[i].kind == Ev::Output && t.string(t[i].a).find(m.subject) != std::string_view::npos) {
        uint32_t tk = replay.task_running_at_event(i);
        return Found{i, tk == UINT32_MAX ? std::nullopt : std::optional<uint32_t>(tk), -1};
      }
    }
    return std::nullopt;
  }
  std::optional<uint32_t> task = find_task(replay, m.subject);
  if (!task) return std::nullopt;
  if (m.kind == Moment::Kind::TimerFires) return find_timer_fire(replay, *task);
  for (size_t i = 0; i < t.size(); ++i) {
    Event e = t[i];
    bool hit = false;
    switch (m.kind) {
      case Moment::Kind::Starts: hit = e.kind == Ev::Step && e.a == *task; break;
      case Moment::Kind::Finishes: hit = e.kind == Ev::Done && e.a == *task; break;
      case Moment::Kind::Sleeps:
        hit = e.kind == Ev::Wait && e.a == *task && !sleep_future(t.string(e.b)).empty();
        break;
      case Moment::Kind::Blocks: hit = e.kind == Ev::Block && e.b == Who::task(*task); break;
      default: break;
    }
    if (hit) return Found{i, task, -1};
  }
  return std::nullopt;
}

// 640 -> "640 bytes", 8388608 -> "8 MB"; 0 (unlimited) -> "unlimited".
std::string byte_size(double b) {
  char buf[64];
  if (b <= 0) return "unlimited";
  if (b >= 1 << 20) std::snprintf(buf, sizeof buf, "%g MB", b / double(1 << 20));
  else std::snprintf(buf, sizeof buf, "%.0f bytes", b);
  return buf;
}

// Replaces each {name} of the text; an unknown name is an error.
std::string fill(const std::string& text, const Replay& replay, const Found& f, std::string& error) {
  std::string out;
  size_t pos = 0;
  double now = replay.time_at(f.event + 1);
  while (pos < text.size()) {
    size_t open = text.find('{', pos);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    out += text.substr(pos, open - pos);
    std::string key = text.substr(open + 1, close - open - 1);
    if (key == "time") out += seconds(now);
    else if (key == "end") out += seconds(replay.end_time());
    else if (key == "tasks") out += std::to_string(replay.task_count());
    else if (key == "task" && f.task) out += task_label(replay, *f.task);
    else if (key == "due" && f.due >= 0) out += seconds(f.due);
    else if (key == "late" && f.due >= 0) out += seconds(now - f.due);
    else if (key == "task_bytes") out += byte_size(measure_task_bytes());
    else if (key == "thread_stack") out += byte_size(double(thread_stack_bytes()));
    else if (error.empty()) error = "the value {" + key + "} is not known at this moment";
    pos = close + 1;
  }
  return out + text.substr(pos);
}

}  // namespace

LessonRun resolve_narrative(const Narrative& n, const Replay& replay, const std::string& file) {
  LessonRun out;
  for (const Checkpoint& cp : n.checkpoints) {
    std::optional<Found> f = find_moment(replay, cp.moment);
    if (!f) {
      out.errors.push_back(narrative_error(file, cp.line, {}, "checkpoint: the moment '" + cp.when +
                                                                  "' does not happen in this run"));
      continue;
    }
    ReachedCheckpoint r;
    r.checkpoint = &cp;
    r.event = f->event;
    r.cursor = replay.after(uint32_t(f->event));
    r.time = replay.time_at(r.cursor);
    std::string error;
    r.text = fill(cp.text, replay, *f, error);
    if (!error.empty()) {
      out.errors.push_back(narrative_error(file, cp.line, {}, "checkpoint: " + error));
      continue;
    }
    out.reached.push_back(std::move(r));
  }
  return out;
}

}  // namespace loopscope
