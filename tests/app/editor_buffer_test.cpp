// The editor's text model: typing, undo/redo, indenting, find, and the
// atomic save beside it.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/gui/editor.hpp"
#include "app/gui/editor_buffer.hpp"

namespace loopscope::gui {
namespace {

using Move = EditorBuffer::Move;

TEST(EditorBuffer, KeepsTheTextExactlyAndKnowsWhenItIsModified) {
  EditorBuffer b("a\nb\n");
  EXPECT_EQ(b.text(), "a\nb\n");
  EXPECT_EQ(b.lines().size(), 3u);
  EXPECT_FALSE(b.modified());
  b.type("x");
  EXPECT_TRUE(b.modified());
  EXPECT_EQ(b.text(), "xa\nb\n");
  b.mark_saved();
  EXPECT_FALSE(b.modified());
}

TEST(EditorBuffer, TypedCharactersUndoTogetherAndRedo) {
  EditorBuffer b("print()\n");
  b.place({0, 6});
  for (char c : std::string("'hi'")) b.type(std::string(1, c));
  EXPECT_EQ(b.lines()[0], "print('hi')");
  ASSERT_TRUE(b.undo());
  EXPECT_EQ(b.lines()[0], "print()");
  EXPECT_FALSE(b.modified());
  ASSERT_TRUE(b.redo());
  EXPECT_EQ(b.lines()[0], "print('hi')");
  EXPECT_FALSE(b.redo());
}

TEST(EditorBuffer, AMoveEndsATypingGroup) {
  EditorBuffer b("");
  b.type("a");
  b.type("b");
  b.move(Move::Left, false);
  b.type("c");
  EXPECT_EQ(b.text(), "acb");
  b.undo();
  EXPECT_EQ(b.text(), "ab");
  b.undo();
  EXPECT_EQ(b.text(), "");
}

TEST(EditorBuffer, AnEditAfterUndoDropsTheRedo) {
  EditorBuffer b("x");
  b.place({0, 1});
  b.type("y");
  b.undo();
  b.newline();
  EXPECT_FALSE(b.redo());
  EXPECT_EQ(b.text(), "x\n");
}

TEST(EditorBuffer, TabIndentsByFourSpacesAndShiftTabDedents) {
  EditorBuffer b("x = 1\n  y = 2\n");
  b.indent();
  EXPECT_EQ(b.lines()[0], "    x = 1");
  EXPECT_EQ(b.cursor().col, 4);
  b.place({1, 2});
  b.indent();  // to the next multiple of four
  EXPECT_EQ(b.lines()[1], "    y = 2");
  b.dedent();
  EXPECT_EQ(b.lines()[1], "y = 2");
  EXPECT_EQ(b.cursor().col, 0);
}

TEST(EditorBuffer, TabAndShiftTabOnASelectionOfLines) {
  EditorBuffer b("a\nb\nc\n");
  b.place({0, 0});
  b.place({2, 0}, true);  // lines 1 and 2 selected (the selection ends at line 3's start)
  b.indent();
  EXPECT_EQ(b.text(), "    a\n    b\nc\n");
  b.dedent();
  EXPECT_EQ(b.text(), "a\nb\nc\n");
  b.undo();
  EXPECT_EQ(b.text(), "    a\n    b\nc\n");
}

TEST(EditorBuffer, EnterKeepsTheIndentationAndDeepensAfterAColon) {
  EditorBuffer b("async def main():");
  b.move(Move::End, false);
  b.newline();
  EXPECT_EQ(b.lines()[1], "    ");
  b.type("x = 1");
  b.newline();
  EXPECT_EQ(b.lines()[2], "    ");
}

TEST(EditorBuffer, BackspaceInTheIndentationRemovesALevel) {
  EditorBuffer b("        x");
  b.place({0, 8});
  b.backspace();
  EXPECT_EQ(b.lines()[0], "    x");
  b.move(Move::End, false);
  b.backspace();
  EXPECT_EQ(b.lines()[0], "    ");
}

TEST(EditorBuffer, BackspaceAtALineStartJoinsTheLines) {
  EditorBuffer b("ab\ncd");
  b.place({1, 0});
  b.backspace();
  EXPECT_EQ(b.text(), "abcd");
  EXPECT_EQ(b.cursor(), (TextPos{0, 2}));
}

TEST(EditorBuffer, TypingReplacesTheSelectionAndPasteSplitsLines) {
  EditorBuffer b("hello world");
  b.place({0, 0});
  b.place({0, 5}, true);
  EXPECT_EQ(b.selected_text(), "hello");
  b.type("bye");
  EXPECT_EQ(b.text(), "bye world");
  b.paste("1\n2");
  EXPECT_EQ(b.text(), "bye1\n2 world");
  EXPECT_EQ(b.cursor(), (TextPos{1, 1}));
}

TEST(EditorBuffer, MovesStepOverWholeUtf8Characters) {
  EditorBuffer b("\xC3\xA9t\xC3\xA9");  // été
  b.move(Move::Right, false);
  EXPECT_EQ(b.cursor().col, 2);
  b.move(Move::End, false);
  b.backspace();
  EXPECT_EQ(b.text(), "\xC3\xA9t");
}

TEST(EditorBuffer, FindSelectsTheNextAndPreviousMatchAndWraps) {
  EditorBuffer b("sleep(1)\nsleep(2)\nsleep(3)\n");
  EXPECT_EQ(b.count("sleep"), 3u);
  ASSERT_TRUE(b.find("sleep", true));
  EXPECT_EQ(b.selection_begin(), (TextPos{0, 0}));
  ASSERT_TRUE(b.find("sleep", true));
  EXPECT_EQ(b.selection_begin(), (TextPos{1, 0}));
  ASSERT_TRUE(b.find("sleep", false));
  EXPECT_EQ(b.selection_begin(), (TextPos{0, 0}));
  ASSERT_TRUE(b.find("sleep", false));  // wraps to the last
  EXPECT_EQ(b.selection_begin(), (TextPos{2, 0}));
  EXPECT_FALSE(b.find("gather", true));
}

TEST(EditorFile, SavesAtomicallyKeepingThePermissions) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("loopscope_editor_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string path = (dir / "s.py").string();
  { std::ofstream(path) << "old\n"; }
  ::chmod(path.c_str(), 0600);
  std::string error;
  ASSERT_TRUE(write_file_atomically(path, "new\n", error)) << error;
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  EXPECT_EQ(all.str(), "new\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Nothing left beside it.
  size_t files = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);
  EXPECT_FALSE(write_file_atomically((dir / "no" / "such" / "x.py").string(), "x", error));
  EXPECT_NE(error.find("Cannot write"), std::string::npos) << error;
  fs::remove_all(dir);
}

TEST(EditorFile, TheTemplateIsAScenarioThatCompiles) {
  EXPECT_TRUE(compile_errors("new.py", new_scenario_template()).empty());
  ScenarioRun run = run_source("new", new_scenario_template());
  EXPECT_EQ(run.exit_code, 0);
}

}  // namespace
}  // namespace loopscope::gui
