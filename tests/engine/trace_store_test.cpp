// The trace's storage: events varint-encoded in chunks, strings interned in
// an arena. Whatever goes in comes back, in order and at random.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "engine/trace/trace.hpp"

namespace loopscope {
namespace {

bool same(const Event& a, const Event& b) {
  return a.kind == b.kind && a.x == b.x && a.a == b.a && a.b == b.b && a.c == b.c;
}

std::vector<Event> random_events(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Event> out;
  out.reserve(n);
  const uint32_t words[] = {0, 1, 127, 128, 16383, 16384, 0x7fffffffu, kNoString - 1, kNoString};
  for (size_t i = 0; i < n; ++i) {
    Event e{};
    e.kind = static_cast<Ev>(rng() % (static_cast<unsigned>(Ev::Ext) + 1));
    e.x = static_cast<uint8_t>(rng() % 32);
    auto word = [&]() -> uint32_t { return rng() % 3 ? words[rng() % 9] : static_cast<uint32_t>(rng()); };
    e.a = word();
    e.b = word();
    e.c = word();
    out.push_back(e);
  }
  return out;
}

TEST(TraceStore, EveryEventComesBackInOrderAcrossManyChunks) {
  // 400,000 events of up to 17 bytes: several chunks, of every size.
  std::vector<Event> events = random_events(400000, 1);
  Trace t;
  for (const Event& e : events) t.add(e.kind, e.a, e.b, e.c, e.x);
  ASSERT_EQ(t.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    ASSERT_TRUE(same(t[i], events[i])) << "event " << i;
  }
}

TEST(TraceStore, RandomAndBackwardReadsAgreeWithWhatWasWritten) {
  std::vector<Event> events = random_events(100000, 2);
  Trace t;
  for (const Event& e : events) t.add(e.kind, e.a, e.b, e.c, e.x);
  std::mt19937_64 rng(3);
  for (int k = 0; k < 20000; ++k) {
    size_t i = rng() % events.size();
    ASSERT_TRUE(same(t[i], events[i])) << "event " << i;
  }
  for (size_t i = events.size(); i-- > 0;) ASSERT_TRUE(same(t[i], events[i])) << "event " << i;
}

TEST(TraceStore, TwoTracesReadInTurnDoNotMixUp) {
  std::vector<Event> one = random_events(1000, 4), two = random_events(1000, 5);
  Trace a, b;
  for (size_t i = 0; i < 1000; ++i) {
    a.add(one[i].kind, one[i].a, one[i].b, one[i].c, one[i].x);
    b.add(two[i].kind, two[i].a, two[i].b, two[i].c, two[i].x);
  }
  for (size_t i = 0; i < 1000; ++i) {
    ASSERT_TRUE(same(a[i], one[i]));
    ASSERT_TRUE(same(b[i], two[i]));
  }
}

TEST(TraceStore, SmallEventsTakeFewBytes) {
  Trace t;
  for (uint32_t i = 0; i < 200000; ++i) t.add(Ev::Run, i % 100);
  // A kind, a mask and a one-byte field, plus the position index (and the
  // string table's fixed start).
  EXPECT_LT(double(t.bytes()) / double(t.size()), 4.0);
}

TEST(TraceStore, StringsAreInternedOnceAndUniqueTextsAreKeptApart) {
  Trace t;
  uint32_t a = t.str("Task-1");
  EXPECT_EQ(t.str("Task-1"), a);
  EXPECT_NE(t.str("Task-2"), a);
  EXPECT_EQ(t.str(""), t.str(""));
  uint32_t u = t.str_unique("Task-1");
  EXPECT_NE(u, a);
  EXPECT_EQ(t.string(u), "Task-1");
  // A text longer than a chunk, and many texts across chunks.
  std::string big(3 << 20, 'x');
  uint32_t b = t.str(big);
  std::vector<uint32_t> ids;
  for (int i = 0; i < 200000; ++i) ids.push_back(t.str("name-" + std::to_string(i)));
  EXPECT_EQ(t.string(b), big);
  for (int i = 0; i < 200000; i += 997) {
    EXPECT_EQ(t.string(ids[size_t(i)]), "name-" + std::to_string(i));
    EXPECT_EQ(t.str("name-" + std::to_string(i)), ids[size_t(i)]);
  }
  EXPECT_EQ(t.string(a), "Task-1");
}

TEST(TraceStore, ASealedTraceTakesNoMoreEventsOrNotes) {
  Trace t;
  t.add(Ev::LoopNew);
  t.note("Queue#1", "1 item: [1]");
  t.seal();
  t.add(Ev::LoopClose);
  t.note("Queue#1", "0 items");
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.notes().size(), 1u);
}

TEST(TraceStore, SharedPoolRecordsAreStoredOnceAndReadBackWhole) {
  Trace t;
  std::vector<uint32_t> site{7, 2, 11, 3, 12, 7};
  uint32_t first = t.pool_shared(site);
  uint32_t other = t.pool_shared({9, 1, 11, 9});
  EXPECT_NE(first, 0u);
  EXPECT_NE(other, first);
  EXPECT_EQ(t.pool_shared(site), first);
  // Many distinct records (the index grows), each found again by content.
  std::vector<uint32_t> offs;
  for (uint32_t i = 0; i < 5000; ++i) offs.push_back(t.pool_shared({i, 1, i * 3, i}));
  for (uint32_t i = 0; i < 5000; i += 7) {
    EXPECT_EQ(t.pool_shared({i, 1, i * 3, i}), offs[i]);
    const uint32_t* w = t.pool_at(offs[i]);
    EXPECT_EQ(w[0], i);
    EXPECT_EQ(w[2], i * 3);
  }
  const uint32_t* w = t.pool_at(first);
  EXPECT_EQ(std::vector<uint32_t>(w, w + site.size()), site);
  // A plain pool() record is never shared.
  EXPECT_NE(t.pool(site), first);
}

}  // namespace
}  // namespace loopscope
