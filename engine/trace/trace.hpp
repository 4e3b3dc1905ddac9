#pragma once
// The trace: an append-only log of events, the single source of truth for
// the transcript printer, the replay model and the GUI.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/trace/event.hpp"

namespace loopscope {

class StringTable {
 public:
  uint32_t intern(std::string_view s);
  const std::string& at(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }
  size_t bytes() const;

 private:
  std::deque<std::string> strings_;  // a deque: elements never move, so views stay valid
  // Lookup only: its order never leaks (ids come from insertion order).
  std::unordered_map<std::string_view, uint32_t> index_;
};

class Trace {
 public:
  Trace() : pool_(1, 0) {}  // pool offset 0 means "none"

  uint32_t add(Ev k, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint8_t x = 0) {
    if (sealed_) return static_cast<uint32_t>(events_.size());
    events_.push_back(Event{k, x, 0, a, b, c});
    return static_cast<uint32_t>(events_.size() - 1);
  }
  void ext(uint32_t a, uint32_t b = 0, uint32_t c = 0) { add(Ev::Ext, a, b, c); }
  uint32_t str(std::string_view s) { return strings_.intern(s); }
  uint32_t num(double d) {
    numbers_.push_back(d);
    return static_cast<uint32_t>(numbers_.size() - 1);
  }
  uint32_t pool(const std::vector<uint32_t>& words);

  const std::vector<Event>& events() const { return events_; }
  const Event& operator[](size_t i) const { return events_[i]; }
  size_t size() const { return events_.size(); }
  const std::string& string(uint32_t id) const { return strings_.at(id); }
  double number(uint32_t id) const { return numbers_[id]; }
  const uint32_t* pool_at(uint32_t off) const { return pool_.data() + off; }
  const StringTable& strings() const { return strings_; }

  // Ends the record: the run is over (the program finished, or a deadlock
  // or limit stopped it), and what happens while it is torn down (objects
  // freed, timers cancelled by unwinding coroutines) is not part of it,
  // as with CPython's process, which leaves at once.
  void seal() { sealed_ = true; }
  bool sealed() const { return sealed_; }

  // Memory the trace's records use, for the bytes-per-event benchmark.
  size_t bytes() const;
  // Heap the trace holds, spare capacity included (for memory accounting).
  size_t heap_bytes() const;
  void reserve(size_t n) { events_.reserve(n); }

 private:
  std::vector<Event> events_;
  StringTable strings_;
  std::vector<double> numbers_;
  std::vector<uint32_t> pool_;
  bool sealed_ = false;
};

}  // namespace loopscope
