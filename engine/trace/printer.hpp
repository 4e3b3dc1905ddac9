#pragma once
// Renders a trace as the transcript of TRACE_FORMAT.md, byte for byte.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/trace.hpp"

namespace loopscope {

// What rendering an event needs besides the trace itself: the names that
// were current when it happened.
class EventNames {
 public:
  virtual ~EventNames() = default;
  // A view into the trace's strings (or a literal): valid while the trace is.
  virtual std::string_view task_name(uint32_t task) const = 0;
  virtual uint32_t handle_text(uint32_t handle) const = 0;  // string id, or kNoString
};

// The text of event i after its "[time] ~ " or "[time] ! " prefix; empty
// for Ext records. The one renderer of the `~` grammar.
std::string event_body(const Trace& t, size_t i, const EventNames& names);
// The same for an event already read, with the event after it (its Ext
// record, if it has one).
std::string event_body(const Trace& t, const Event& e, const Event& next, const EventNames& names);
// The same, appended to `out` (the printer's form: no allocation of its own).
void append_event_body(std::string& out, const Trace& t, const Event& e, const Event& next,
                       const EventNames& names);
// True for the kinds the transcript shows as `!` lines.
bool is_diagnostic(Ev kind);
// Appends a time as "%.6f" formats it.
void append_time(std::string& out, double t);

// Walks a trace in order and keeps what rendering needs: the clock, task
// names, and each handle's callback text. The replay model uses it too.
class TraceCursor : public EventNames {
 public:
  explicit TraceCursor(const Trace& t) : trace_(&t), reader_(t) {}

  // Applies event i (which must be the next one) to the state.
  void apply(size_t i) { apply(reader_[i]); }
  void apply(const Event& e);
  // The transcript line of event i, rendered with the state *before*
  // apply(i); empty for Ext records. `events` false skips `~` lines.
  std::string line(size_t i, bool events) const;
  // The same for an event already read (with the one after it), appended
  // to `out` with its newline; false (nothing appended) when it has no line.
  bool append_line(std::string& out, const Event& e, const Event& next, bool events) const;

  double now() const { return now_; }
  std::string_view task_name(uint32_t task) const override;
  uint32_t handle_text(uint32_t handle) const override;  // string id as scheduled, or kNoString

 private:
  void append_prefix(std::string& out) const;

  const Trace* trace_;
  TraceReader reader_;
  double now_ = 0.0;
  std::vector<uint32_t> task_names_;  // string ids; kNoString: not named
  std::vector<uint32_t> handle_texts_;
  // "[now] ", formatted once per clock value.
  mutable std::string prefix_;
  mutable uint64_t prefix_bits_ = 0;  // the clock value prefix_ shows (its bits)
  mutable bool prefix_valid_ = false;
};

// The whole transcript: plain (output and `!` lines) or with every event.
void print_transcript(const Trace& t, std::ostream& out, bool events);
std::string transcript(const Trace& t, bool events);

// An output line as the transcript shows it: ` at 0x...` hidden, and a `\`
// before a line that starts with `~`, `!` or `\`.
std::string escape_output(std::string_view line);
void append_escaped_output(std::string& out, std::string_view line);

}  // namespace loopscope
