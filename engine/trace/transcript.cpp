// TraceCursor and the transcript printer: one pass over the trace, each
// event decoded once, the lines gathered in a buffer and written in blocks.
#include <bit>
#include <ostream>
#include <sstream>

#include "engine/trace/printer.hpp"

namespace loopscope {

namespace {

const Event kNoNext{Ev::Ext, 0, 0, kNoString, kNoString, 0};

}  // namespace

std::string_view TraceCursor::task_name(uint32_t task) const {
  if (task >= task_names_.size()) return "Task-?";
  uint32_t id = task_names_[task];
  return id == kNoString ? std::string_view() : trace_->string(id);
}

uint32_t TraceCursor::handle_text(uint32_t handle) const {
  return handle < handle_texts_.size() ? handle_texts_[handle] : kNoString;
}

void TraceCursor::apply(const Event& e) {
  switch (e.kind) {
    case Ev::Advance:
    case Ev::Stamp:
      now_ = trace_->number(e.a);
      break;
    case Ev::Block:
      now_ = trace_->number(e.c);
      break;
    case Ev::TaskNew:
      if (task_names_.size() <= e.a) task_names_.resize(e.a + 1, kNoString);
      task_names_[e.a] = e.b;
      break;
    case Ev::Rename:
      if (task_names_.size() <= e.a) task_names_.resize(e.a + 1, kNoString);
      task_names_[e.a] = e.c;
      break;
    case Ev::Run:
      if (e.x && e.a < handle_texts_.size()) handle_texts_[e.a] = e.b;
      break;
    case Ev::Soon:
    case Ev::Timer:
      if (handle_texts_.size() <= e.a) handle_texts_.resize(e.a + 1, kNoString);
      handle_texts_[e.a] = e.b;
      break;
    default:
      break;
  }
}

void TraceCursor::append_prefix(std::string& out) const {
  auto bits = std::bit_cast<uint64_t>(now_);
  if (!prefix_valid_ || bits != prefix_bits_) {
    prefix_.assign("[");
    append_time(prefix_, now_);
    prefix_.append("] ");
    prefix_bits_ = bits;
    prefix_valid_ = true;
  }
  out.append(prefix_);
}

bool TraceCursor::append_line(std::string& out, const Event& e, const Event& next, bool events) const {
  if (e.kind == Ev::Ext || e.kind == Ev::Stamp) return false;
  if (e.kind == Ev::Output) {
    append_prefix(out);
    append_escaped_output(out, trace_->string(e.a));
  } else {
    bool diagnostic = is_diagnostic(e.kind);
    if (!events && !diagnostic) return false;
    append_prefix(out);
    out.append(diagnostic ? "! " : "~ ");
    append_event_body(out, *trace_, e, next, *this);
  }
  out += '\n';
  return true;
}

std::string TraceCursor::line(size_t i, bool events) const {
  const Event e = reader_[i];
  const Event next = i + 1 < reader_.size() ? reader_[i + 1] : kNoNext;
  std::string out;
  if (append_line(out, e, next, events)) out.pop_back();
  return out;
}

void print_transcript(const Trace& t, std::ostream& out, bool events) {
  constexpr size_t kFlushAt = 1 << 16;
  TraceCursor cur(t);
  std::string buf;
  buf.reserve(kFlushAt + 4096);
  EventStore::Scan scan = t.scan();
  Event e{};
  Event next{};
  bool have = scan.next(e);
  while (have) {
    bool more = scan.next(next);
    if (!more) next = kNoNext;
    cur.append_line(buf, e, next, events);
    cur.apply(e);
    if (buf.size() >= kFlushAt) {
      out.write(buf.data(), std::streamsize(buf.size()));
      buf.clear();
    }
    e = next;
    have = more;
  }
  out.write(buf.data(), std::streamsize(buf.size()));
}

std::string transcript(const Trace& t, bool events) {
  std::ostringstream s;
  print_transcript(t, s, events);
  return s.str();
}

}  // namespace loopscope
