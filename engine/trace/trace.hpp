#pragma once
// The trace: an append-only log of events, the single source of truth for
// the transcript printer, the replay model and the GUI.
//
// Storage is compact, because a run of 100,000 tasks writes millions of
// events. Each event is encoded in 2 to 17 bytes (see EventStore); strings
// are interned once into a char arena. Nothing is ever moved once written,
// so the trace grows without copying.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/trace/event.hpp"

namespace loopscope {

// Both stores below keep their bytes in chunks that are never moved,
// named by position = chunk << kChunkOffsetBits | offset. Chunk i holds
// min(64 KiB << i, 1 MiB) bytes: few large allocations for a large run,
// little memory for a small one.
constexpr uint32_t kChunkOffsetBits = 20;
constexpr uint32_t kChunkOffsetMask = (1u << kChunkOffsetBits) - 1;
inline size_t chunk_size(size_t i) { return i < 4 ? size_t(64 * 1024) << i : size_t(1) << kChunkOffsetBits; }

// Interned strings: each distinct text is stored once, and named by its id
// (insertion order, so ids are deterministic).
class StringTable {
 public:
  StringTable();
  uint32_t intern(std::string_view s);
  // A text that is new by construction (a task's default name, its step
  // text): stored without the lookup. Should the same text come again, it
  // gets another id; nothing compares ids to compare texts.
  uint32_t add_unique(std::string_view s);
  std::string_view at(uint32_t id) const {
    const Span& sp = spans_[id];
    return {chunks_[sp.pos >> kChunkOffsetBits].get() + (sp.pos & kChunkOffsetMask), sp.length};
  }
  size_t size() const { return spans_.size(); }
  // Bytes used (texts, their index entries and the hash slots).
  size_t bytes() const;
  // Heap held, spare capacity included.
  size_t heap_bytes() const;

 private:
  struct Span {
    uint32_t pos;     // chunk << kChunkOffsetBits | offset
    uint32_t length;
  };
  // A text longer than its chunk would be gets a chunk of its own.
  void grow_slots();
  uint32_t store(std::string_view s);

  std::vector<std::unique_ptr<char[]>> chunks_;  // texts; never moved
  std::vector<uint32_t> chunk_sizes_;            // capacity of each chunk
  uint32_t used_ = 0;                             // bytes used in the last chunk
  size_t text_bytes_ = 0;
  std::vector<Span> spans_;                       // by id
  // Open addressing, load at most 1/2: hash << 32 | (id + 1); 0 = empty.
  std::vector<uint64_t> slots_;
  size_t indexed_ = 0;
};

// The events, each encoded as: a kind byte; a byte holding `x` (bits 3..7)
// and which of a, b, c are non-zero (bits 0..2); then each non-zero field as
// a LEB128 varint of (value + 1), so kNoString costs one byte. Events live in
// the chunks described above (an event never straddles two); every 32nd event's position
// is indexed, so event i is found by decoding at most 31 events, and
// reading events in order through a ReadCache decodes each once.
class EventStore {
 public:
  // The last two events one reader decoded: a reader that goes in order,
  // looking one event ahead and coming back (the printer, the replay),
  // decodes each event once. Each reader keeps its own (TraceReader), so
  // the store holds no cache and threads may read it at once.
  struct ReadCache {
    size_t index = SIZE_MAX;       // the event last decoded
    uint64_t next = 0;             // the position of the event after it
    Event last{};                  // event `index`
    size_t prev_index = SIZE_MAX;  // the one decoded before it
    Event prev{};
  };

  EventStore() = default;
  ~EventStore() = default;
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  void push(Ev kind, uint8_t x, uint32_t a, uint32_t b, uint32_t c) {
    if (static_cast<uint32_t>(end_ - cur_) < kMaxEncoded) new_chunk();
    if ((count_ & (kBlock - 1)) == 0) index_block();
    uint8_t* p = cur_ + 2;
    unsigned mask = unsigned(x) << 3;
    if (a) { mask |= 1; p = put(p, a + 1); }
    if (b) { mask |= 2; p = put(p, b + 1); }
    if (c) { mask |= 4; p = put(p, c + 1); }
    cur_[0] = static_cast<uint8_t>(kind);
    cur_[1] = static_cast<uint8_t>(mask);
    cur_ = p;
    ++count_;
  }
  Event at(size_t i) const;
  Event at(size_t i, ReadCache& cache) const;

  // Reads every event in order from the first, decoding each once (the
  // transcript printer's pass).
  class Scan {
   public:
    explicit Scan(const EventStore& s) : store_(&s) {}
    bool next(Event& e) {
      if (read_ == store_->count_) return false;
      pos_ = store_->decode(pos_, e);
      ++read_;
      return true;
    }

   private:
    const EventStore* store_;
    uint64_t pos_ = 0;
    size_t read_ = 0;
  };
  size_t size() const { return count_; }
  size_t bytes() const;
  size_t heap_bytes() const;

 private:
  static constexpr uint32_t kMaxEncoded = 2 + 3 * 5;
  static constexpr size_t kBlock = 32;
  // Decodes the event at position `pos`; returns the next position.
  uint64_t decode(uint64_t pos, Event& out) const;
  void new_chunk();
  void index_block();
  // LEB128: 7 bits a byte, low bits first.
  static uint8_t* put(uint8_t* p, uint32_t v) {
    // Ids and string ids mostly take one to three bytes: those unrolled.
    if (v < (1u << 7)) {
      p[0] = static_cast<uint8_t>(v);
      return p + 1;
    }
    if (v < (1u << 14)) {
      p[0] = static_cast<uint8_t>(v | 0x80);
      p[1] = static_cast<uint8_t>(v >> 7);
      return p + 2;
    }
    if (v < (1u << 21)) {
      p[0] = static_cast<uint8_t>(v | 0x80);
      p[1] = static_cast<uint8_t>((v >> 7) | 0x80);
      p[2] = static_cast<uint8_t>(v >> 14);
      return p + 3;
    }
    while (v >= 0x80) {
      *p++ = static_cast<uint8_t>(v | 0x80);
      v >>= 7;
    }
    *p++ = static_cast<uint8_t>(v);
    return p;
  }
  std::vector<std::unique_ptr<uint8_t[]>> chunks_;
  uint8_t* cur_ = nullptr;          // where the next event goes in the last chunk
  uint8_t* end_ = nullptr;          // the end of the last chunk
  size_t count_ = 0;
  size_t full_chunk_bytes_ = 0;     // encoded bytes in the chunks before the last
  std::vector<uint64_t> blocks_;    // position of events 0, 32, 64, ...
};

// What a library object (Queue#1, Lock#2, ...) holds after an action the
// transcript does not show (a put or get that did not wait, a release):
// kept beside the events, for the window. Holds from cursor `event` on.
struct ObjectNote {
  uint32_t event = 0;   // the number of events recorded before it
  uint32_t object = 0;  // string id: the object's label
  uint32_t text = 0;    // string id: its state, e.g. "2 items: ['a', 'b']", "held by Task-2"
};

// A script task's frames at one moment (Trace::frames), recorded only when
// RunOptions::record_frames asks. `words` is a pool offset:
//   kind (FrameSnapshotKind), frame count, then per frame, outermost first:
//   function (string id), line, positional parameter count, parameter
//   count (kw-only, *args, **kwargs included), flags (1: *args, 2:
//   **kwargs), variable count, then (name, repr) string id pairs.
// Start: as its first step begins (after the step event). Print: just
// after it wrote an output line. Suspend / Finish: as its step ends, just
// before the task's wait/yield/done event (so they hold from the cursor
// after that event).
enum class FrameSnapshotKind : uint32_t { Start = 0, Suspend = 1, Finish = 2, Print = 3 };
struct FrameSnapshot {
  uint32_t event = 0;   // the number of events recorded before it
  uint32_t task = 0;    // the task number
  uint32_t words = 0;   // pool offset (layout above)
};

class Trace {
 public:
  Trace() : pool_(1, 0) {}  // pool offset 0 means "none"

  uint32_t add(Ev k, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint8_t x = 0) {
    if (sealed_) return static_cast<uint32_t>(events_.size());
    events_.push(k, x, a, b, c);
    return static_cast<uint32_t>(events_.size() - 1);
  }
  void ext(uint32_t a, uint32_t b = 0, uint32_t c = 0) { add(Ev::Ext, a, b, c); }
  uint32_t str(std::string_view s) { return strings_.intern(s); }
  uint32_t str_unique(std::string_view s) { return strings_.add_unique(s); }
  uint32_t num(double d) {
    numbers_.push_back(d);
    return static_cast<uint32_t>(numbers_.size() - 1);
  }
  uint32_t pool(const std::vector<uint32_t>& words);
  // The same for a self-describing record that may repeat (a suspension
  // site): when the same words were pooled this way before, that copy's
  // offset, and nothing is stored.
  uint32_t pool_shared(const std::vector<uint32_t>& words);
  void note(std::string_view object, std::string_view text) {
    if (sealed_) return;
    notes_.push_back(ObjectNote{uint32_t(size()), str(object), str(text)});
  }
  // In the order written (so by event).
  const std::vector<ObjectNote>& notes() const { return notes_; }
  void frame_snapshot(uint32_t task, const std::vector<uint32_t>& words) {
    if (sealed_) return;
    frames_.push_back(FrameSnapshot{uint32_t(size()), task, pool(words)});
  }
  // In the order written (so by event); empty unless record_frames was set.
  const std::vector<FrameSnapshot>& frames() const { return frames_; }

  // Event i, decoded (a copy: the trace holds no Event objects). Reading
  // many in order is cheaper through a TraceReader.
  Event operator[](size_t i) const { return events_.at(i); }
  Event read(size_t i, EventStore::ReadCache& cache) const { return events_.at(i, cache); }
  EventStore::Scan scan() const { return EventStore::Scan(events_); }
  size_t size() const { return events_.size(); }
  std::string_view string(uint32_t id) const { return strings_.at(id); }
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

 private:
  EventStore events_;
  StringTable strings_;
  std::vector<double> numbers_;
  std::vector<uint32_t> pool_;
  // pool_shared's index: hash << 32 | offset, open addressing, load at most
  // 1/2; 0 = empty (offset 0 is never a record).
  std::vector<uint64_t> shared_slots_;
  size_t shared_count_ = 0;
  std::vector<ObjectNote> notes_;
  std::vector<FrameSnapshot> frames_;
  bool sealed_ = false;
};

// Reads a trace in order with its own cache (see EventStore::ReadCache);
// one per reading object, never shared between threads.
class TraceReader {
 public:
  explicit TraceReader(const Trace& t) : trace_(&t) {}
  Event operator[](size_t i) const { return trace_->read(i, cache_); }
  size_t size() const { return trace_->size(); }
  std::string_view string(uint32_t id) const { return trace_->string(id); }
  double number(uint32_t id) const { return trace_->number(id); }
  const uint32_t* pool_at(uint32_t off) const { return trace_->pool_at(off); }
  const Trace& trace() const { return *trace_; }

 private:
  const Trace* trace_;
  mutable EventStore::ReadCache cache_;
};

}  // namespace loopscope
