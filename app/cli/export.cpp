// `loopscope export`: the trace as JSON lines, or as a Chrome trace that
// Perfetto and chrome://tracing open.
//
// Chrome traces need increasing timestamps, and virtual time stands still
// while the loop works, so the time axis is the event index (1 µs per
// event); each slice carries the virtual time in its args.

#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope::cli {

namespace {

using nlohmann::json;

const char* kind_name(Ev k) {
  switch (k) {
    case Ev::LoopNew: return "loop_new";
    case Ev::LoopClose: return "loop_close";
    case Ev::RunUntil: return "run_until_complete";
    case Ev::RunUntilEnd: return "run_until_complete_end";
    case Ev::Iter: return "iter";
    case Ev::Advance: return "advance";
    case Ev::Due: return "due";
    case Ev::Run: return "run";
    case Ev::Skip: return "skip";
    case Ev::Soon: return "soon";
    case Ev::Timer: return "timer";
    case Ev::TimerCancel: return "timer_cancel";
    case Ev::HandleCancel: return "handle_cancel";
    case Ev::TaskNew: return "task_new";
    case Ev::Rename: return "rename";
    case Ev::FutureNew: return "future_new";
    case Ev::Step: return "step";
    case Ev::Wait: return "wait";
    case Ev::Yield: return "yield";
    case Ev::Done: return "done";
    case Ev::Resolve: return "resolve";
    case Ev::Cancel: return "cancel";
    case Ev::Uncancel: return "uncancel";
    case Ev::Block: return "block";
    case Ev::Output: return "output";
    case Ev::Warning: return "warning";
    case Ev::AsyncioError: return "asyncio_error";
    case Ev::Stderr: return "stderr";
    case Ev::Traceback: return "traceback";
    case Ev::Deadlock: return "deadlock";
    case Ev::Limit: return "limit";
    case Ev::Stamp: return "stamp";
    case Ev::Ext: return "ext";
  }
  return "?";
}

// The line without its "[time] ~ " / "[time] ! " prefix.
std::string body_of(const std::string& line) {
  size_t close = line.find("] ");
  if (close == std::string::npos) return line;
  std::string rest = line.substr(close + 2);
  if (rest.rfind("~ ", 0) == 0 || rest.rfind("! ", 0) == 0) rest = rest.substr(2);
  return rest;
}

void write_jsonl(const Trace& t, std::ostream& out) {
  TraceCursor cur(t);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Ev::Ext) {
      json j;
      j["i"] = i;
      j["time"] = cur.now();
      j["kind"] = kind_name(t[i].kind);
      j["text"] = body_of(cur.line(i, true));
      out << j.dump() << '\n';
    }
    cur.apply(i);
  }
}

void write_chrome(const Trace& t, std::ostream& out) {
  json events = json::array();
  TraceCursor cur(t);
  std::vector<long> open_step;      // per task: event index of its running step, or -1
  std::vector<long> woke_from;      // per task: event index that woke it, or -1
  std::vector<long> handle_source;  // per handle: event index that scheduled it
  auto meta = [&](uint32_t tid, const std::string& name) {
    events.push_back({{"ph", "M"}, {"pid", 1}, {"tid", tid}, {"name", "thread_name"}, {"args", {{"name", name}}}});
  };
  std::map<std::string, uint32_t> task_ids;  // current name -> task
  meta(0, "event loop");
  for (size_t i = 0; i < t.size(); ++i) {
    const Event e = t[i];
    auto ts = static_cast<long>(i);
    switch (e.kind) {
      case Ev::TaskNew:
        if (open_step.size() <= e.a) {
          open_step.resize(e.a + 1, -1);
          woke_from.resize(e.a + 1, -1);
        }
        meta(e.a + 1, std::string(t.string(e.b)));
        task_ids[std::string(t.string(e.b))] = e.a;
        break;
      case Ev::Rename:
        task_ids.erase(std::string(t.string(e.b)));
        task_ids[std::string(t.string(e.c))] = e.a;
        break;
      case Ev::Soon:
      case Ev::Timer:
        if (handle_source.size() <= e.a) handle_source.resize(e.a + 1, -1);
        handle_source[e.a] = ts;
        break;
      case Ev::Run: {
        uint32_t text = cur.handle_text(e.a);
        events.push_back({{"ph", "i"}, {"pid", 1}, {"tid", 0}, {"ts", ts}, {"s", "t"},
                          {"name", text == kNoString ? "run" : std::string(t.string(text))}});
        break;
      }
      case Ev::Step:
        if (e.a < open_step.size()) {
          open_step[e.a] = ts;
          std::string label = body_of(cur.line(i, true));
          events.push_back({{"ph", "B"}, {"pid", 1}, {"tid", e.a + 1}, {"ts", ts}, {"name", "step"},
                            {"args", {{"event", label}, {"time", cur.now()}}}});
          if (woke_from[e.a] >= 0) {
            events.push_back({{"ph", "s"}, {"pid", 1}, {"tid", 0}, {"ts", woke_from[e.a]}, {"id", i},
                              {"name", "wakes"}, {"cat", "flow"}});
            events.push_back({{"ph", "f"}, {"pid", 1}, {"tid", e.a + 1}, {"ts", ts}, {"id", i},
                              {"name", "wakes"}, {"cat", "flow"}, {"bp", "e"}});
            woke_from[e.a] = -1;
          }
        }
        break;
      case Ev::Wait:
      case Ev::Yield:
      case Ev::Done:
        if (e.a < open_step.size() && open_step[e.a] >= 0) {
          events.push_back({{"ph", "E"}, {"pid", 1}, {"tid", e.a + 1}, {"ts", ts + 1},
                            {"args", {{"end", body_of(cur.line(i, true))}}}});
          open_step[e.a] = -1;
        }
        break;
      case Ev::Output:
        events.push_back({{"ph", "i"}, {"pid", 1}, {"tid", 0}, {"ts", ts}, {"s", "g"},
                          {"name", std::string(t.string(e.a))}});
        break;
      default:
        break;
    }
    // A wakeup handle's scheduling event is where the arrow starts.
    if (e.kind == Ev::Run) {
      uint32_t text = cur.handle_text(e.a);
      if (text != kNoString && e.a < handle_source.size()) {
        // "Task-2.step" or "Task-2.wakeup(F#1)": the task this handle resumes.
        const std::string& s = std::string(t.string(text));
        size_t dot = s.find(".wakeup(");
        if (dot == std::string::npos && s.size() > 5 && s.compare(s.size() - 5, 5, ".step") == 0) dot = s.size() - 5;
        if (dot != std::string::npos) {
          auto it = task_ids.find(s.substr(0, dot));
          if (it != task_ids.end()) woke_from[it->second] = handle_source[e.a];
        }
      }
    }
    cur.apply(i);
  }
  out << json{{"traceEvents", events}, {"displayTimeUnit", "ns"}}.dump() << '\n';
}

}  // namespace

int cmd_export(const std::string& file, const std::string& format, const std::string& out,
               const RunOptions& options) {
  ScenarioRun r = run_scenario(file, options);
  if (r.exit_code == 2 && !r.errors.empty()) {
    for (const Diagnostic& d : r.errors) std::cerr << d.format();
    return 2;
  }
  std::ofstream f(out, std::ios::binary);
  if (!f) {
    std::cerr << "loopscope: error: cannot write " << out << "\n";
    return 2;
  }
  if (format == "jsonl") {
    write_jsonl(r.world->trace, f);
  } else {
    write_chrome(r.world->trace, f);
  }
  return f.good() ? 0 : 2;
}

}  // namespace loopscope::cli
