#pragma once
// The command-line front end: parses arguments and runs one command.

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/loop/world.hpp"

namespace loopscope::cli {

// Returns the process exit status.
int dispatch(const std::vector<std::string>& args);

int cmd_run(const std::string& file, bool trace, RunOptions options);
int cmd_check(const std::string& file);
int cmd_list();
int cmd_export(const std::string& file, const std::string& format, const std::string& out,
               const RunOptions& options);
int cmd_compare(const std::string& file, const RunOptions& options, const std::string& oracle);
// `quiz`: no lesson lists the lessons and their scores; "check" is the
// chapter's three questions; answers come from `in`.
int cmd_quiz(const std::string& lesson, std::istream& in, std::ostream& out);

}  // namespace loopscope::cli
