// The Variables panel's data: a task's recorded frames at a cursor, and the
// call a task runs ("fetch('a', 1)"), from Trace::frames.
#include <algorithm>

#include "engine/replay/replay.hpp"

namespace loopscope {

namespace {

// `s` cut to at most `n` code points, ending in "…" when cut.
std::string shorten(std::string_view s, size_t n) {
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps++ == n) return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
  }
  return std::string(s);
}

// An argument as the call label shows it: an object's long repr by its
// class alone ("<asyncio.locks.Lock object at 0x? [locked]>" -> "<Lock>",
// "<Queue at 0x? maxsize=2>" -> "<Queue>").
std::string short_arg(std::string_view repr) {
  size_t space = repr.find(' ');
  if (repr.size() > 1 && repr[0] == '<' && space != std::string_view::npos && space > 1) {
    std::string_view type = repr.substr(1, space - 1);
    size_t dot = type.rfind('.');
    if (dot != std::string_view::npos) type = type.substr(dot + 1);
    return "<" + std::string(type) + ">";
  }
  return shorten(repr, 16);
}

// The cursor a snapshot holds from: one taken as a step ends was written
// just before the task's wait/yield/done event, and holds once it applies.
size_t holds_from(const FrameSnapshot& snap, const Trace& t) {
  auto kind = FrameSnapshotKind(t.pool_at(snap.words)[0]);
  bool ends_step = kind == FrameSnapshotKind::Suspend || kind == FrameSnapshotKind::Finish;
  return size_t(snap.event) + (ends_step ? 1 : 0);
}

void decode(const Trace& t, const FrameSnapshot& snap, TaskFrames& out) {
  const uint32_t* w = t.pool_at(snap.words);
  out.kind = FrameSnapshotKind(w[0]);
  out.event = uint32_t(holds_from(snap, t));
  out.frames.clear();
  uint32_t count = w[1];
  w += 2;
  for (uint32_t i = 0; i < count; ++i) {
    FrameView f;
    f.function = t.string(w[0]);
    f.line = w[1];
    f.positional = w[2];
    f.params = w[3];
    f.flags = w[4];
    uint32_t vars = w[5];
    w += 6;
    for (uint32_t v = 0; v < vars; ++v, w += 2) f.vars.push_back(FrameVar{t.string(w[0]), t.string(w[1])});
    out.frames.push_back(std::move(f));
  }
}

}  // namespace

bool Replay::frames_at(uint32_t task, size_t k, TaskFrames& out) const {
  if (task >= frames_by_task_.size()) return false;
  const std::vector<FrameSnapshot>& all = trace_->frames();
  const std::vector<uint32_t>& mine = frames_by_task_[task];
  auto it = std::upper_bound(mine.begin(), mine.end(), k,
                             [&](size_t v, uint32_t i) { return v < holds_from(all[i], *trace_); });
  if (it == mine.begin()) return false;
  decode(*trace_, all[*std::prev(it)], out);
  return true;
}

std::string Replay::call_text(uint32_t task) const {
  std::string name(coro_name(task) == kNoString ? std::string_view() : trace_->string(coro_name(task)));
  if (task >= frames_by_task_.size() || frames_by_task_[task].empty()) return name;
  TaskFrames first;
  decode(*trace_, trace_->frames()[frames_by_task_[task].front()], first);
  if (first.kind != FrameSnapshotKind::Start || first.frames.empty()) return name;
  const FrameView& f = first.frames.front();
  // The parameters are the first variables, in order, while they are bound.
  std::string args;
  size_t n = std::min<size_t>(f.params, f.vars.size());
  size_t kwonly_end = f.params - ((f.flags & 1) ? 1 : 0) - ((f.flags & 2) ? 1 : 0);
  for (size_t i = 0; i < n; ++i) {
    if (!args.empty()) args += ", ";
    if (args.size() > 40) {
      args += "\xE2\x80\xA6";
      break;
    }
    std::string value = short_arg(f.vars[i].repr);
    if (i < f.positional) {
      args += value;
    } else if (i < kwonly_end) {
      args += std::string(f.vars[i].name) + "=" + value;
    } else if ((f.flags & 1) && i == kwonly_end) {
      args += "*" + value;
    } else {
      args += "**" + value;
    }
  }
  return name + "(" + args + ")";
}

}  // namespace loopscope
