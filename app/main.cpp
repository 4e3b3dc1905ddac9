// loopscope: the desktop app and the CLI in one binary.
//
//   loopscope [FILE.py|NAME|FOLDER]     open the window
//   loopscope run FILE.py [--trace]     print the transcript
//   loopscope check FILE.py             compile only
//   loopscope list                      the built-in scenarios
//   loopscope export FILE.py --format chrome|jsonl -o OUT
//   loopscope compare FILE.py           loopscope vs CPython, first difference
//   loopscope screenshot FILE|NAME [--step N|--end] [--size WxH] -o OUT.png
//   loopscope drive SCRIPT [--open FILE] [--size WxH]   the window driven by a script (tests)

#include <string>
#include <vector>

#include "app/cli/commands.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return loopscope::cli::dispatch(args);
}
