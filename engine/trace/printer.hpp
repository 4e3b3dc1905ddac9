#pragma once
// Renders a trace as the transcript of TRACE_FORMAT.md, byte for byte.

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/trace/trace.hpp"

namespace loopscope {

// Walks a trace in order and keeps what rendering needs: the clock, task
// names, and each handle's callback text. The replay model uses it too.
class TraceCursor {
 public:
  explicit TraceCursor(const Trace& t) : trace_(&t) {}

  // Applies event i (which must be the next one) to the state.
  void apply(size_t i);
  // The transcript line of event i, rendered with the state *before*
  // apply(i); empty for Ext records. `events` false skips `~` lines.
  std::string line(size_t i, bool events) const;

  double now() const { return now_; }
  const std::string& task_name(uint32_t task) const;
  std::string who(uint32_t who) const;
  uint32_t handle_text(uint32_t handle) const;  // string id as scheduled, or kNoString


 private:
  std::string body(size_t i) const;
  const Trace* trace_;
  double now_ = 0.0;
  std::vector<std::string> task_names_;
  std::vector<uint32_t> handle_texts_;

};

// The whole transcript: plain (output and `!` lines) or with every event.
void print_transcript(const Trace& t, std::ostream& out, bool events);
std::string transcript(const Trace& t, bool events);

// An output line as the transcript shows it: ` at 0x...` hidden, and a `\`
// before a line that starts with `~`, `!` or `\`.
std::string escape_output(const std::string& line);

}  // namespace loopscope
