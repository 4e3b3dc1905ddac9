// The transcript printer's pieces: times as "%.6f" prints them, escaped
// output lines, and the one-pass printer against line-by-line rendering.
#include <gtest/gtest.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "engine/lib/sleep.hpp"
#include "engine/trace/printer.hpp"
#include "tests/engine/helpers.hpp"

namespace loopscope {
namespace {

std::string printf_time(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", t);
  return buf;
}

std::string time_text(double t) {
  std::string s;
  append_time(s, t);
  return s;
}

TEST(Printer, TimesReadAsPrintfPrintsThem) {
  const double samples[] = {0.0, -0.0, 1.0, 0.1, 0.25, 1e-7, 4.9999995e-7, 5e-7, 1.5e-6, 2.5e-6, 0.0000005,
                            123.4567895, 999999.9999995, 1e6, 1e6 + 0.5e-6, 3e9, -1.5, 1e300,
                            0.30000000000000004, 7.0000005, 0.1 + 0.2, 86400.000001};
  for (double t : samples) EXPECT_EQ(time_text(t), printf_time(t)) << t;
  // A walk through many clock values a run meets (sums of small steps).
  double t = 0.0;
  for (int i = 0; i < 200000; ++i) {
    t += 0.0000013 * (i % 7) + 0.01 * (i % 3 == 0);
    ASSERT_EQ(time_text(t), printf_time(t)) << i;
  }
}

TEST(Printer, OutputLinesHideAddressesAndEscapeMarkers) {
  EXPECT_EQ(escape_output("plain"), "plain");
  EXPECT_EQ(escape_output("<obj at 0x7f3a12>"), "<obj at 0x?>");
  EXPECT_EQ(escape_output("a at 0x at 0x1f end"), "a at 0x at 0x? end");
  EXPECT_EQ(escape_output("at 0x12"), "at 0x12");  // no space before: kept
  EXPECT_EQ(escape_output("~ tilde"), "\\~ tilde");
  EXPECT_EQ(escape_output("! bang at 0xAB"), "\\! bang at 0x?");
  EXPECT_EQ(escape_output("\\x"), "\\\\x");
  EXPECT_EQ(escape_output(""), "");
}

Co sleeper(EventLoop& loop, std::string name, double delay) {
  testing::say(loop, name + " at 0xdead");
  co_await sleep(loop, delay);
  testing::say(loop, "~" + name);
  co_return Value();
}

Co five_sleepers(World& w) {
  EventLoop& loop = *w.running_loop;
  for (int i = 0; i < 5; ++i) loop.create_task(coroutine(sleeper(loop, "s" + std::to_string(i), 0.1 * i), "sleeper"));
  co_await sleep(loop, 1.0);
  co_return Value();
}

TEST(Printer, OnePassTranscriptMatchesLineByLine) {
  World w;
  asyncio_run(w, coroutine(five_sleepers(w), "main"));
  const Trace& t = w.trace;
  for (bool events : {false, true}) {
    std::string expected;
    TraceCursor cur(t);
    for (size_t i = 0; i < t.size(); ++i) {
      std::string l = cur.line(i, events);
      if (!l.empty()) expected += l + "\n";
      cur.apply(i);
    }
    EXPECT_EQ(transcript(t, events), expected);
    EXPECT_NE(expected.find("s3 at 0x?"), std::string::npos);
    EXPECT_NE(expected.find("\\~s4"), std::string::npos);
  }
  EXPECT_NE(transcript(t, true).find("~ step Task-2 start"), std::string::npos);
}

}  // namespace
}  // namespace loopscope
