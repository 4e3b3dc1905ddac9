// What a program's Queue, Lock, Semaphore and Event hold at each moment is
// noted beside the trace (puts, gets and releases that do not wait leave no
// event), for the window's waiter groups.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace loopscope {
namespace {

struct Note {
  size_t event;
  std::string object, text;
};

std::vector<Note> notes_of(const ScenarioRun& run) {
  std::vector<Note> out;
  const Trace& t = run.world->trace;
  for (const ObjectNote& n : t.notes()) out.push_back({n.event, std::string(t.string(n.object)), std::string(t.string(n.text))});
  return out;
}

std::vector<std::string> texts(const std::vector<Note>& notes, const std::string& object) {
  std::vector<std::string> out;
  for (const Note& n : notes) {
    if (n.object == object) out.push_back(n.text);
  }
  return out;
}

TEST(ObjectNotes, AQueueNotesItsItemsAfterEveryPutAndGet) {
  ScenarioRun run = run_source("q.py",
                               "import asyncio\n"
                               "async def main():\n"
                               "    q = asyncio.Queue()\n"
                               "    q.put_nowait('a')\n"
                               "    await q.put('b')\n"
                               "    print(await q.get())\n"
                               "    q.get_nowait()\n"
                               "asyncio.run(main())\n");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(texts(notes_of(run), "Queue#1"),
            (std::vector<std::string>{"1 item: ['a']", "2 items: ['a', 'b']", "1 item: ['b']", "0 items"}));
}

TEST(ObjectNotes, ALockNamesItsHolderAndItsRelease) {
  ScenarioRun run = run_source("l.py",
                               "import asyncio\n"
                               "async def worker(lock):\n"
                               "    async with lock:\n"
                               "        await asyncio.sleep(0)\n"
                               "async def main():\n"
                               "    lock = asyncio.Lock()\n"
                               "    await asyncio.gather(worker(lock), worker(lock))\n"
                               "asyncio.run(main())\n");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_EQ(texts(notes_of(run), "Lock#1"),
            (std::vector<std::string>{"held by Task-2", "free (released by Task-2)", "held by Task-3",
                                      "free (released by Task-3)"}));
}

TEST(ObjectNotes, NotesAreInEventOrderAndWithinTheTrace) {
  ScenarioRun run = run_source("s.py",
                               "import asyncio\n"
                               "async def main():\n"
                               "    sem = asyncio.Semaphore(1)\n"
                               "    ev = asyncio.Event()\n"
                               "    async with sem:\n"
                               "        ev.set()\n"
                               "    ev.clear()\n"
                               "asyncio.run(main())\n");
  ASSERT_EQ(run.exit_code, 0);
  std::vector<Note> notes = notes_of(run);
  EXPECT_EQ(texts(notes, "Semaphore#1"),
            (std::vector<std::string>{"counter 0: the next acquire() waits", "counter 1"}));
  EXPECT_EQ(texts(notes, "Event#1"), (std::vector<std::string>{"set by Task-1", "not set"}));
  for (size_t i = 1; i < notes.size(); ++i) EXPECT_LE(notes[i - 1].event, notes[i].event);
  EXPECT_LE(notes.back().event, run.world->trace.size());
}

TEST(ObjectNotes, ARunWithoutNotesRecordsTheSameTraceAndNoNote) {
  const char* source =
      "import asyncio\n"
      "async def main():\n"
      "    q = asyncio.Queue(1)\n"
      "    lock = asyncio.Lock()\n"
      "    async with lock:\n"
      "        await q.put(1)\n"
      "    print(await q.get())\n"
      "asyncio.run(main())\n";
  RunOptions quiet;
  quiet.object_notes = false;  // as `loopscope run` runs a file
  ScenarioRun with = run_source("n.py", source);
  ScenarioRun without = run_source("n.py", source, quiet);
  ASSERT_EQ(with.exit_code, 0);
  ASSERT_EQ(without.exit_code, 0);
  EXPECT_FALSE(with.world->trace.notes().empty());
  EXPECT_TRUE(without.world->trace.notes().empty());
  EXPECT_EQ(with.world->trace.size(), without.world->trace.size());
}

}  // namespace
}  // namespace loopscope
