#pragma once
// Plain-English sentences for trace events, for the app's Explain tab, and
// the parse of an awaited-object text (the W grammar) that the event-loop
// view uses to group waiters.

#include <string>
#include <string_view>

#include "engine/replay/replay.hpp"

namespace loopscope {

// What a suspended task waits on, from the W text of TRACE_FORMAT.md.
struct AwaitTarget {
  enum class Kind : uint8_t { Sleep, Task, Gather, Object, Future, Other };
  Kind kind = Kind::Other;
  std::string group;   // what waiters are grouped by: "timer", "Task-2", "Queue#1", "F#3"
  std::string method;  // Object: "get", "put", "wait", "acquire"; empty otherwise
  std::string future;  // "F#n" when present
  std::string detail;  // Sleep: the deadline; Gather: the children list
};
AwaitTarget parse_await(std::string_view w);

// A short, friendly form of a W text: "asyncio.sleep until t=1.000",
// "task Task-2", "gather(Task-2, Task-3)", "Queue#1.get()". A gather of
// many children names the first few and counts the rest:
// "gather(Task-2, Task-3, ... +99,998 more)".
std::string describe_await(std::string_view w);
// asyncio's own waits by the function that made the future, in the words of
// the call the user made: "_wait_for_data" -> "data to read",
// "wrap_future" -> "a thread's job"; empty for any other.
std::string_view own_wait_words(std::string_view origin);

// A virtual time with three decimals, rounded the way every panel rounds it:
// first to the transcript's six decimals (the text a task's wait carries),
// then to three, so that a deadline reads the same in every panel.
std::string clock_text(double t);

// 1234567 -> "1,234,567".
std::string with_commas(size_t n);

// A comma-separated list cut after `max_items` items, the rest counted:
// "a, b, c, d" with 2 -> "a, b, ... +2 more".
std::string short_list(std::string_view list, size_t max_items);

// Event i as a short transcript-like line without the time stamp, e.g.
// "run h#3 Task-2.step" or "wait Task-2 on sleep F#1 until=1.000000"; tasks
// by the name they end the run with.
std::string event_text(const Replay& replay, size_t i);

// How an explanation speaks. Plain (the default): the words of a first
// asyncio lesson, tasks named by what they run ("Task-2 (fetch) sleeps
// until 0.5 s"), no handle or future numbers. Internals: what asyncio does
// underneath, with h#n, F#n and asyncio's own callbacks
// ("_set_result_unless_cancelled(F#4, None)"), for View > Internals.
enum class ExplainLevel : uint8_t { Plain, Internals };

// One sentence about event i of the trace (its Ext records belong to it).
std::string explain_event(const Replay& replay, size_t i, ExplainLevel level = ExplainLevel::Plain);
// The sentence for a cursor: about the last event applied (cursor - 1), or
// a hint at the start.
std::string explain_cursor(const Replay& replay, size_t cursor, ExplainLevel level = ExplainLevel::Plain);
// The two levels, directly. Plain words prefix the events of asyncio.run's
// shutdown (Replay::shutdown_start) with "asyncio.run shuts down: ".
std::string explain_plain(const Replay& replay, size_t i);
std::string explain_internals(const Replay& replay, size_t i);

// A task as the plain words name it: its name and its coroutine,
// "Task-2 (fetch)".
std::string task_label(const Replay& replay, uint32_t task);
// Seconds without trailing zeros: 0.5 -> "0.5 s", 2 -> "2 s".
std::string seconds(double t);

}  // namespace loopscope
