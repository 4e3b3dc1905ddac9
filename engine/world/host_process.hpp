#pragma once
// A real command run on the host, to its end, synchronously: what the
// subprocess module (and asyncio's subprocesses, built on it) ask of the
// world (docs/SIMULATED_WORLD.md, "Processes"). Its output is collected
// from pipes; the run costs no virtual time.

#include <string>
#include <vector>

namespace loopscope {

struct ProcessRequest {
  // A stream of the child: a pipe the parent feeds or reads, /dev/null,
  // or a descriptor of the parent (stderr may also go to stdout).
  enum class Stream { Pipe, Null, Fd, ToStdout };
  std::vector<std::string> argv;  // argv[0] is searched on PATH
  std::string cwd;                // empty: the parent's
  bool has_env = false;
  std::vector<std::string> env;   // "NAME=value"
  Stream in = Stream::Null, out = Stream::Pipe, err = Stream::Pipe;
  int in_fd = -1, out_fd = -1, err_fd = -1;
  std::string input;              // fed to a Pipe stdin, which is then closed
  double timeout = -1;            // real seconds; < 0: none
};

struct ProcessOutcome {
  int returncode = 0;     // exit status, or -signal
  int pid = 0;
  std::string out, err;   // what the Pipe streams gave
  bool timed_out = false;  // killed at the timeout
  int error = 0;          // errno when the child could not start
  bool error_in_cwd = false;  // ... because of chdir(cwd), not exec
};

ProcessOutcome run_host_process(const ProcessRequest& r);

// The first executable `name` on the host's PATH, or "" (sys.executable
// is python3's, so a program can start a Python child).
std::string find_on_path(const std::string& name);

}  // namespace loopscope
