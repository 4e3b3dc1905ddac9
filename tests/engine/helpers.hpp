#pragma once
// Shared helpers for engine tests: run C++ coroutines on a fresh world and
// read back transcript lines.

#include <sstream>
#include <string>
#include <vector>

#include "engine/lib/runner.hpp"
#include "engine/lib/sleep.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope::testing {

inline std::vector<std::string> lines(const Trace& t, bool events = true) {
  std::vector<std::string> out;
  std::istringstream in(transcript(t, events));
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// The lines that contain `needle`, in order.
inline std::vector<std::string> grep(const std::vector<std::string>& ls, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& l : ls) {
    if (l.find(needle) != std::string::npos) out.push_back(l);
  }
  return out;
}

// A print() for C++ coroutines: an output line in the trace.
inline void say(EventLoop& loop, const std::string& s) {
  loop.trace().add(Ev::Output, loop.trace().str(s));
}

}  // namespace loopscope::testing
