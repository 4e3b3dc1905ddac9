// How a run ended, as ScenarioRun reports it: the blocked-loop guard sets
// `blocked`; the other limits, deadlocks and clean ends do not.
#include <gtest/gtest.h>

#include <string>

#include "engine/scenario/scenario.hpp"
#include "engine/trace/printer.hpp"

namespace loopscope {
namespace {

const char* kSpinner = R"(import asyncio

async def main():
    n = 0
    while True:
        n += 1

asyncio.run(main())
)";

TEST(RunOutcome, AStepThatNeverAwaitsEndsBlocked) {
  RunOptions options;
  options.instruction_budget = 10'000;
  ScenarioRun run = run_source("spin.py", kSpinner, options);
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_TRUE(run.blocked);
  EXPECT_NE(transcript(run.world->trace, false).find("! limit max-instructions=10000 reached"), std::string::npos);
}

TEST(RunOutcome, TheTimeLimitIsNotBlocked) {
  RunOptions options;
  options.max_time = 5.0;
  ScenarioRun run = run_source("sleepy.py", R"(import asyncio

async def main():
    while True:
        await asyncio.sleep(1)

asyncio.run(main())
)", options);
  EXPECT_EQ(run.exit_code, 4);
  EXPECT_FALSE(run.blocked);
  EXPECT_NE(transcript(run.world->trace, false).find("! limit max-time=5.000000 reached"), std::string::npos);
}

TEST(RunOutcome, AFinishedRunIsNotBlocked) {
  ScenarioRun run = run_source("ok.py", "import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_FALSE(run.blocked);
  EXPECT_EQ(transcript(run.world->trace, false), "[0.000000] hi\n");
}

}  // namespace
}  // namespace loopscope
