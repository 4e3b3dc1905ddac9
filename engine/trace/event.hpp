#pragma once
// One trace event, as the trace hands it out: a kind, a small `x` and three
// words (the trace stores it varint-encoded, in 2 to 17 bytes: see
// EventStore in trace.hpp).
//
// Every action of the loop appends one (the `~` grammar of TRACE_FORMAT.md,
// plus the DIAG and output lines). Strings live in the trace's interned
// string table, numbers in its number table, and events that need more
// than three words are followed by Ext records.

#include <cstdint>

namespace loopscope {

enum class Ev : uint8_t {
  LoopNew,          // -
  LoopClose,        // -
  RunUntil,         // a=str target label
  RunUntilEnd,      // -
  Iter,             // a=iteration, b=ready, c=timers, x=0; Ext a=cancelled count
  Advance,          // a=num to, b=num timeout (the clock is `to` from here on)
  Due,              // a=handle
  Run,              // a=handle; x=1: b=str callback text (changed since scheduled)
  Skip,             // a=handle
  Soon,             // a=handle, b=str callback text
  Timer,            // a=handle, b=str callback text, c=num at
  TimerCancel,      // a=handle, b=who, x=1 in heap
  HandleCancel,     // a=handle, b=who
  TaskNew,          // a=task, b=str name, c=who; Ext a=str coro qualname
  Rename,           // a=task, b=str old, c=str new
  FutureNew,        // a=future number, b=str origin, c=who
  Step,             // a=task, x=StepKind, b=str awaited (W), c=str value/exception
  Wait,             // a=task, b=str awaited (W); Ext a=line, b=pool stack offset, c=stack depth
  Yield,            // a=task; Ext a=line, b=pool stack offset, c=stack depth
  Done,             // a=task, x=DoneKind, b=str value/exception
  Resolve,          // a=future number, x=DoneKind, b=str value/exception
  Cancel,           // a=task, b=who, c=n, x=CancelOutcome; Ext a=str msg or npos, b=str awaited
  Uncancel,         // a=task, b=k
  Block,            // a=num duration, b=who, c=num new time; Ext a=script line (when known)
  Output,           // a=str line (stdout), b=script line that completed it (0: not known)
  Warning,          // a=str text after "warning "
  AsyncioError,     // a=str text after "asyncio "
  Stderr,           // a=str line
  Traceback,        // a=str text after "traceback "
  Deadlock,         // a=str text after "deadlock "
  Limit,            // a=str text after "limit "
  Stamp,            // a=num time: the lines from here on carry this time (no line of its own; a
                    // simulated thread's held lines, docs/SIMULATED_WORLD.md)
  Ext,              // continuation words of the previous event
};

enum class StepKind : uint8_t { Start, Yield, Result, Raise, RaiseDirect, MustCancel };
enum class DoneKind : uint8_t { Result, Raise, Cancelled };
enum class CancelOutcome : uint8_t { Waiter, MustCancel, Noop };

struct Event {
  Ev kind;
  uint8_t x;  // below 32 (five bits in the encoding)
  uint16_t pad;
  uint32_t a, b, c;
};
static_assert(sizeof(Event) == 16, "a decoded event is four words");

// WHO: the actor of an event. The top two bits say which kind.
struct Who {
  static constexpr uint32_t kOutside = 0;
  static constexpr uint32_t kTaskTag = 1u << 30;
  static constexpr uint32_t kHandleTag = 2u << 30;
  static constexpr uint32_t kThreadTag = 3u << 30;  // id: string id of the thread's name
  static constexpr uint32_t kTagMask = 3u << 30;
  static uint32_t tag(uint32_t w) { return w & kTagMask; }
  static uint32_t id(uint32_t w) { return w & ~kTagMask; }
  static bool is_thread(uint32_t w) { return tag(w) == kThreadTag; }
  static uint32_t task(uint32_t id) { return kTaskTag | id; }
  static uint32_t handle(uint32_t id) { return kHandleTag | id; }
  static uint32_t thread(uint32_t name) { return kThreadTag | name; }
};

constexpr uint32_t kNoString = 0xffffffffu;

}  // namespace loopscope
