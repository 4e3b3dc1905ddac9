// The await tree (await_tree.hpp): living tasks under the tasks that await
// them, what each waits on, who wakes it, cycles marked.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/await_tree.hpp"

namespace loopscope::gui {
namespace {

namespace fs = std::filesystem;

std::string tree_text(const std::vector<AwaitRow>& rows) {
  std::string out;
  for (const AwaitRow& r : rows) {
    out += std::string(size_t(r.depth) * 2, ' ') + (r.cycle ? "! " : "") + r.title + ": " + r.doing;
    if (!r.woken.empty()) out += " <- " + r.woken;
    out += "\n";
  }
  return out;
}

struct Loaded {
  Session s;
  Loaded(const std::string& name, const std::string& text) {
    fs::path p = fs::temp_directory_path() / ("loopscope-tree-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(p) << text;
    EXPECT_TRUE(s.load(p.string())) << s.load_error;
    fs::remove(p);
  }
};

TEST(AwaitTree, GatheredChildrenSitUnderTheirParentWithWhatTheyWaitOnAndWhoWakesThem) {
  Loaded l("lock.py", R"PY(import asyncio

async def use(lock, name, t):
    async with lock:
        await asyncio.sleep(t)

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use(lock, "A", 1), use(lock, "B", 2))

asyncio.run(main())
)PY");
  // The first moment Task-3 waits for the lock.
  const Trace& t = l.s.trace();
  size_t at = 0;
  for (size_t i = 0; i < t.size() && !at; ++i)
    if (t[i].kind == Ev::Wait && t[i].a == 2) at = l.s.replay->after(uint32_t(i));
  ASSERT_NE(at, 0u);
  l.s.seek(at);
  std::string text = tree_text(await_tree(l.s));
  EXPECT_NE(text.find("Task-1 main(): awaits a gather\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  Task-2 use(<Lock>, 'A', 1): sleeps until 1 s\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  Task-3 use(<Lock>, 'B', 2): waits in Lock#1.acquire() <- woken by Task-2 use(<Lock>, 'A', 1) at step "),
            std::string::npos)
      << text;
}

TEST(AwaitTree, TasksAwaitingEachOtherAreMarkedAsACycleAndExpandedOnce) {
  Loaded l("cycle.py", R"PY(import asyncio

async def first():
    await asyncio.sleep(0)
    await t2

async def second():
    await asyncio.sleep(0)
    await t1

async def main():
    global t1, t2
    t1 = asyncio.create_task(first())
    t2 = asyncio.create_task(second())
    await asyncio.gather(t1, t2)

asyncio.run(main())
)PY");
  l.s.seek(l.s.size());
  std::vector<AwaitRow> rows = await_tree(l.s);
  std::string text = tree_text(rows);
  ASSERT_EQ(rows.size(), 5u) << text;
  EXPECT_EQ(rows[0].title, "Task-1 main()");
  EXPECT_EQ(text.substr(text.find('\n') + 1),
            "  Task-2 first(): awaits Task-3 <- never woken in this run\n"
            "    Task-3 second(): awaits Task-2 <- never woken in this run\n"
            "      ! Task-2 first(): is already above: these tasks await each other in a cycle (a deadlock)\n"
            "  Task-3 second(): (shown above)\n")
      << text;
}

}  // namespace
}  // namespace loopscope::gui
