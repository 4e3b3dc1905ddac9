// The window's session across files: caches that start over with each
// file, reloads that keep the place, errors kept in place, queued keys,
// the Open dialog's model, the file watch and the saved state. Drawn in a
// headless ImGui context (no window, no GL); run under the sanitizer build
// too, where reading a previous file's colouring would be a fault.
#include <gtest/gtest.h>
#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "app/gui/config.hpp"
#include "app/gui/file_browser.hpp"
#include "app/gui/file_watch.hpp"
#include "app/gui/panels.hpp"
#include "app/gui/platform.hpp"
#include "app/gui/theme.hpp"
#include "app/gui/view_model.hpp"
#include "app/gui/window_dump.hpp"

namespace loopscope::gui {
namespace {

namespace fs = std::filesystem;

constexpr int kRight = 262, kLeft = 263;  // GLFW's key codes

// A fresh folder under the temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("loopscope-test-" + std::to_string(::getpid()) + "-" +
            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::string p = (path / name).string();
    std::ofstream(p) << text;
    return p;
  }
};

const char* kTwoSleeps = R"(import asyncio

async def worker(name, delay):
    print(name, "starts")
    await asyncio.sleep(delay)
    print(name, "done")

async def main():
    await asyncio.gather(worker("a", 1), worker("b", 2))

asyncio.run(main())
)";

class Window : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60;
    load_fonts(15.0f);
    apply_style(1.0f);
    unsigned char* px = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
  }
  void TearDown() override { ImGui::DestroyContext(); }
  void frame() {
    now += 1.0 / 60;
    ImGui::NewFrame();
    draw_app(session, ui, now, 1.0 / 60);
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  std::string dump() const { return describe_window(session, ui, ui.browser.shown); }

  TempDir dir;
  Session session;
  UiState ui;
  double now = 100.0;
};

// Every colour span lies inside its line, and the colours are the ones of
// the text shown (not of the file shown before).
void expect_spans_match(const Session& s) {
  ASSERT_EQ(s.source.spans.size(), s.source.lines.size());
  auto fresh = highlight_python(s.source.lines);
  for (size_t i = 0; i < s.source.lines.size(); ++i) {
    for (const SyntaxSpan& sp : s.source.spans[i]) EXPECT_LE(sp.end, s.source.lines[i].size()) << "line " << i + 1;
    ASSERT_EQ(s.source.spans[i].size(), fresh[i].size()) << "line " << i + 1;
  }
}

TEST_F(Window, TwoFilesWithTheSameNumberOfLinesEachGetTheirOwnColours) {
  std::string a = dir.write("a.py", "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n");
  std::string b = dir.write("b.py", "import asyncio\nasync def main_with_a_much_longer_name():\n    print('a long line of text to print')\nasyncio.run(main_with_a_much_longer_name())\n");
  open_target(session, ui, a);
  frames(3);
  open_target(session, ui, b);
  ASSERT_TRUE(session.loaded()) << session.load_error;
  frames(3);
  expect_spans_match(session);
  EXPECT_EQ(session.source.lines[1], "async def main_with_a_much_longer_name():");
}

TEST_F(Window, AnEditWithTheSameNumberOfLinesThenReloadRecolours) {
  std::string a = dir.write("a.py", "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n");
  open_target(session, ui, a);
  frames(2);
  dir.write("a.py", "import asyncio\nasync def main():\n    print('now it prints a much longer line')\nasyncio.run(main())\n");
  reload_target(session, ui);
  frames(2);
  expect_spans_match(session);
  EXPECT_EQ(session.source.lines[2], "    print('now it prints a much longer line')");
}

TEST_F(Window, ReloadKeepsTheStepWhenTheRunIsTheSame) {
  std::string p = dir.write("w.py", kTwoSleeps);
  open_target(session, ui, p);
  ASSERT_TRUE(session.loaded()) << session.load_error;
  size_t k = session.size() / 2;
  session.seek(k);
  dir.write("w.py", std::string(kTwoSleeps) + "# a comment changes nothing\n");
  reload_target(session, ui);
  EXPECT_EQ(session.cursor, k);
  EXPECT_NE(session.notice.find("the same up to step"), std::string::npos) << session.notice;
}

TEST_F(Window, ReloadGoesBackToTheLastStepThatIsStillTheSame) {
  std::string p = dir.write("w.py", kTwoSleeps);
  open_target(session, ui, p);
  session.seek(session.size());
  std::shared_ptr<ScenarioRun> old_run = session.run;  // kept alive past the reload
  Replay old_replay(old_run->world->trace);
  std::string changed = kTwoSleeps;
  changed.replace(changed.find("worker(\"b\", 2)"), 14, "worker(\"b\", 5)");
  dir.write("w.py", changed);
  reload_target(session, ui);
  ASSERT_TRUE(session.loaded());
  EXPECT_GT(session.cursor, 0u);
  EXPECT_LT(session.cursor, session.size());
  // Every event before the cursor is as it was; the one at it is not.
  size_t k = session.cursor;
  for (size_t i = 0; i < k; ++i) ASSERT_EQ(event_text(old_replay, i), event_text(*session.replay, i));
  EXPECT_NE(event_text(old_replay, k), event_text(*session.replay, k));
  EXPECT_NE(session.notice.find("changed at step"), std::string::npos) << session.notice;
}

TEST_F(Window, AfterAFailedFirstLoadReloadLoadsTheFixedFile) {
  std::string p = dir.write("late.py", "import asyncio\nasync def main(:\n    pass\n");
  Session fresh;
  EXPECT_FALSE(fresh.load(p));
  EXPECT_FALSE(fresh.loaded());
  EXPECT_FALSE(fresh.stale);
  ASSERT_FALSE(fresh.errors.empty());
  EXPECT_EQ(fresh.errors.front().line, 2);
  EXPECT_EQ(fresh.source.lines.size(), 3u);  // the broken text is shown, errors marked
  dir.write("late.py", "import asyncio\nasync def main():\n    print('fixed')\nasyncio.run(main())\n");
  EXPECT_TRUE(fresh.reload());
  EXPECT_TRUE(fresh.loaded());
  EXPECT_TRUE(fresh.load_error.empty());
}

TEST_F(Window, ASyntaxErrorIsMarkedInPlaceAndTheLastRunStaysStaleUntilFixed) {
  std::string p = dir.write("w.py", kTwoSleeps);
  open_target(session, ui, p);
  session.seek(7);
  std::string broken = kTwoSleeps;
  broken.replace(broken.find("async def main():"), 17, "async def main()");
  dir.write("w.py", broken);
  reload_target(session, ui);
  frames(2);
  EXPECT_TRUE(session.stale);
  EXPECT_TRUE(session.loaded());
  EXPECT_EQ(session.cursor, 7u);
  ASSERT_GE(session.errors.size(), 1u);
  std::string d = dump();
  EXPECT_NE(d.find("stale: yes"), std::string::npos) << d;
  EXPECT_NE(d.find("error=8"), std::string::npos) << d;
  EXPECT_NE(d.find("w.py:8:"), std::string::npos) << d;  // as the CLI prints it: file:line:col: error: ...
  dir.write("w.py", kTwoSleeps);
  reload_target(session, ui);
  EXPECT_FALSE(session.stale);
  EXPECT_TRUE(session.errors.empty());
  EXPECT_EQ(session.cursor, 7u);  // the same run as before the error
}

TEST_F(Window, AnUncaughtExceptionPrintsItsTracebackAndMarksItsLine) {
  std::string p = dir.write("bad.py",
                            "import asyncio\n\nasync def boom():\n    await asyncio.sleep(1)\n    raise ValueError(\"bad\")\n\n"
                            "async def main():\n    await boom()\n\nasyncio.run(main())\n");
  open_target(session, ui, p);
  ASSERT_TRUE(session.loaded()) << session.load_error;
  EXPECT_EQ(exception_line_at_cursor(session), 0);
  session.seek(session.size());
  frames(2);
  EXPECT_EQ(exception_line_at_cursor(session), 5);
  std::string d = dump();
  EXPECT_NE(d.find("raised=5"), std::string::npos) << d;
  EXPECT_NE(d.find("Traceback (most recent call last):"), std::string::npos) << d;
  EXPECT_NE(d.find("line 5, in boom"), std::string::npos) << d;
  EXPECT_NE(d.find("ValueError: bad"), std::string::npos) << d;
}

TEST_F(Window, TenKeyPressesWithinOneFrameAreTenSteps) {
  open_target(session, ui, "demo");
  frame();
  size_t expected = 0;
  for (int i = 0; i < 10; ++i) expected = step_forward_from(*session.replay, expected, ui.unit);
  for (int i = 0; i < 10; ++i) {
    queue_key(ui, kRight, 1, 0);
    queue_key(ui, kRight, 0, 0);
  }
  frame();
  EXPECT_EQ(session.cursor, expected);
  for (int i = 0; i < 10; ++i) queue_key(ui, kLeft, 1, 0);
  frame();
  EXPECT_EQ(session.cursor, 0u);
}

TEST_F(Window, ADroppedPyFileOpensAndOtherFilesAreRefused) {
  std::string p = dir.write("dropped.py", kTwoSleeps);
  std::string txt = dir.write("notes.txt", "hello");
  ui.dropped.push_back(txt);
  frame();
  EXPECT_NE(ui.status.find("Not a .py file"), std::string::npos);
  ui.dropped.push_back(p);
  frame();
  EXPECT_EQ(session.target, p);
  EXPECT_TRUE(session.loaded());
}

TEST_F(Window, AMissingFileSaysSoPlainly) {
  open_target(session, ui, (dir.path / "gone.py").string());
  EXPECT_EQ(session.load_error, "There is no file " + (dir.path / "gone.py").string());
  EXPECT_EQ(ui.status, session.load_error);
}

TEST_F(Window, AnUnreadableFileSaysSoPlainly) {
  // A path through a file cannot be read by anyone, root included.
  std::string plain = dir.write("notes.txt", "x\n");
  open_target(session, ui, plain + "/scenario.py");
  EXPECT_NE(session.load_error.find("Cannot read"), std::string::npos) << session.load_error;
  EXPECT_NE(session.load_error.find("Not a directory"), std::string::npos) << session.load_error;
}

TEST(FileBrowserModel, ListsFoldersAndPyFilesSortedWithHiddenOnRequest) {
  TempDir d;
  d.write("b.py", "x = 1\n");
  d.write("a.py", "x = 22222222\n");
  d.write("notes.txt", "");
  d.write(".hidden.py", "");
  fs::create_directories(d.path / "sub");
  d.write("c.py", "");
  d.write("0.py", "");
  FileBrowser b;
  ASSERT_TRUE(browse(b, d.path.string()));
  ASSERT_EQ(b.entries.size(), 5u);
  EXPECT_EQ(b.selected, 0);  // the first row once sorted, whatever order the folder reads in
  fs::remove(d.path / "c.py");
  fs::remove(d.path / "0.py");
  ASSERT_TRUE(browse(b, d.path.string()));
  ASSERT_EQ(b.entries.size(), 3u);
  EXPECT_EQ(b.entries[0].name, "sub");  // folders first
  EXPECT_EQ(b.entries[1].name, "a.py");
  EXPECT_EQ(b.entries[2].name, "b.py");
  b.sort = BrowserSort::Size;
  b.ascending = false;
  sort_entries(b);
  EXPECT_EQ(b.entries[1].name, "a.py");  // the larger file first
  b.ascending = true;
  sort_entries(b);
  EXPECT_EQ(b.entries[1].name, "b.py");
  b.show_hidden = true;
  browse(b, b.folder);
  EXPECT_EQ(b.entries.size(), 4u);
}

TEST(FileBrowserModel, KeysMoveTheSelectionAndThePathFieldFollows) {
  TempDir d;
  d.write("a.py", "");
  fs::create_directories(d.path / "sub");
  d.write("sub/inner.py", "");
  FileBrowser b;
  browse(b, d.path.string());
  move_selection(b, 1);
  EXPECT_EQ(std::string(b.typed), (fs::canonical(d.path) / "a.py").string());
  move_selection(b, 5);  // stays on the last row
  EXPECT_EQ(b.selected, 1);
  move_selection(b, -1);
  BrowserChoice c = choose_selected(b);
  EXPECT_EQ(c.kind, BrowserChoice::Kind::Folder);
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].name, "inner.py");
  c = choose_selected(b);
  EXPECT_EQ(c.kind, BrowserChoice::Kind::File);
  EXPECT_EQ(c.path, (fs::canonical(d.path) / "sub" / "inner.py").string());
}

TEST(FileBrowserModel, ATypedPathCompletesAndAMissingOneSaysSo) {
  TempDir d;
  d.write("scenario_one.py", "");
  d.write("scenario_two.py", "");
  d.write("other.txt", "");
  FileBrowser b;
  std::string base = d.path.string() + "/";
  EXPECT_EQ(complete_path(b, base + "sc"), base + "scenario_");
  EXPECT_EQ(b.candidates.size(), 2u);
  EXPECT_EQ(complete_path(b, base + "scenario_o"), base + "scenario_one.py");
  std::snprintf(b.typed, sizeof b.typed, "%s", (base + "nope.py").c_str());
  EXPECT_EQ(choose_typed(b).kind, BrowserChoice::Kind::None);
  EXPECT_EQ(b.message, "There is no file or folder " + base + "nope.py");
  std::snprintf(b.typed, sizeof b.typed, "%s", (base + "other.txt").c_str());
  EXPECT_EQ(choose_typed(b).kind, BrowserChoice::Kind::None);
  EXPECT_NE(b.message.find("is not a .py file"), std::string::npos);
}

TEST(FileWatchOnDisk, SeesAWriteAndARenameOverTheFileOnceSettled) {
  TempDir d;
  std::string p = d.write("w.py", "x = 1\n");
  FileWatch w;
  w.watch(p);
  EXPECT_FALSE(w.changed(0.0));
  d.write("w.py", "x = 2\n");
  d.write("other.py", "y = 1\n");
  EXPECT_FALSE(w.changed(1.0));  // seen, not yet settled
  EXPECT_TRUE(w.changed(1.5));
  EXPECT_FALSE(w.changed(2.0));  // once
  d.write("w.py.tmp", "x = 3\n");
  fs::rename(d.path / "w.py.tmp", p);
  EXPECT_FALSE(w.changed(3.0));
  EXPECT_TRUE(w.changed(3.5));
  d.write("other.py", "y = 2\n");
  w.changed(4.0);
  EXPECT_FALSE(w.changed(5.0));  // another file's change is not this one's
}

TEST(SavedWindowState, RoundTripsAndIgnoresBadValues) {
  TempDir d;
  std::string path = (d.path / "cfg" / "state.ini").string();
  SavedState st;
  st.target = "/some/file.py";
  st.step = 42;
  st.width = 1500;
  st.height = 900;
  st.recent = {"/a.py", "/b.py"};
  st.left_fraction = 0.5f;
  st.show_tasks = false;
  ASSERT_TRUE(save_state(path, st));
  SavedState back = load_saved_state(path);
  EXPECT_EQ(back.target, st.target);
  EXPECT_EQ(back.step, 42u);
  EXPECT_EQ(back.width, 1500);
  EXPECT_EQ(back.recent, st.recent);
  EXPECT_FLOAT_EQ(back.left_fraction, 0.5f);
  EXPECT_FALSE(back.show_tasks);
  std::ofstream(path) << "left_fraction=7\nwidth=abc\nnonsense\nfont_scale=1.2\n";
  back = load_saved_state(path);
  EXPECT_FLOAT_EQ(back.left_fraction, 0.40f);
  EXPECT_EQ(back.width, 0);
  EXPECT_FLOAT_EQ(back.font_scale, 1.2f);
  EXPECT_EQ(load_saved_state((d.path / "missing.ini").string()).target, "");
}

TEST(SavedWindowState, KeepsTheLessonsVisitedAndTheirScores) {
  TempDir d;
  std::string path = (d.path / "state.ini").string();
  SavedState st;
  st.visited = {"01_async_await", "03_sleep"};
  st.scores["03_sleep"] = LessonScore{1, 2, 2};
  ASSERT_TRUE(save_state(path, st));
  SavedState back = load_saved_state(path);
  EXPECT_EQ(back.visited, st.visited);
  ASSERT_EQ(back.scores.count("03_sleep"), 1u);
  EXPECT_EQ(back.scores["03_sleep"].right, 1);
  EXPECT_EQ(back.scores["03_sleep"].total, 2);
  EXPECT_EQ(back.scores["03_sleep"].best, 2);
  // A score that cannot be (more right than asked) or is cut short is dropped.
  std::ofstream(path) << "score=a 3 2 3\nscore=b 1\nscore=c 0 1 1\n";
  back = load_saved_state(path);
  EXPECT_EQ(back.scores.size(), 1u);
  EXPECT_EQ(back.scores.count("c"), 1u);
}

}  // namespace
}  // namespace loopscope::gui
