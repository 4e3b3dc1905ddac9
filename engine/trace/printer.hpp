#pragma once
// Renders a trace as the transcript of TRACE_FORMAT.md, byte for byte.

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/trace/trace.hpp"

namespace loopscope {

// What rendering an event needs besides the trace itself: the names that
// were current when it happened.
class EventNames {
 public:
  virtual ~EventNames() = default;
  virtual std::string task_name(uint32_t task) const = 0;
  virtual uint32_t handle_text(uint32_t handle) const = 0;  // string id, or kNoString
};

// The text of event i after its "[time] ~ " or "[time] ! " prefix; empty
// for Ext records. The one renderer of the `~` grammar.
std::string event_body(const Trace& t, size_t i, const EventNames& names);
// The same for an event already read, with the event after it (its Ext
// record, if it has one).
std::string event_body(const Trace& t, const Event& e, const Event& next, const EventNames& names);
// True for the kinds the transcript shows as `!` lines.
bool is_diagnostic(Ev kind);

// Walks a trace in order and keeps what rendering needs: the clock, task
// names, and each handle's callback text. The replay model uses it too.
class TraceCursor : public EventNames {
 public:
  explicit TraceCursor(const Trace& t) : trace_(&t), reader_(t) {}

  // Applies event i (which must be the next one) to the state.
  void apply(size_t i);
  // The transcript line of event i, rendered with the state *before*
  // apply(i); empty for Ext records. `events` false skips `~` lines.
  std::string line(size_t i, bool events) const;

  double now() const { return now_; }
  std::string task_name(uint32_t task) const override;
  uint32_t handle_text(uint32_t handle) const override;  // string id as scheduled, or kNoString


 private:
  const Trace* trace_;
  TraceReader reader_;
  double now_ = 0.0;
  std::vector<std::string> task_names_;
  std::vector<uint32_t> handle_texts_;

};

// The whole transcript: plain (output and `!` lines) or with every event.
void print_transcript(const Trace& t, std::ostream& out, bool events);
std::string transcript(const Trace& t, bool events);

// An output line as the transcript shows it: ` at 0x...` hidden, and a `\`
// before a line that starts with `~`, `!` or `\`.
std::string escape_output(std::string_view line);

}  // namespace loopscope
