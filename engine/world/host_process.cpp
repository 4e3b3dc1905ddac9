// run_host_process: fork, set up the child's streams, exec; the parent
// feeds stdin and drains stdout/stderr with poll() until both close, then
// reaps the child. The child reports a failed chdir or exec through a
// close-on-exec pipe (step and errno), as CPython's _posixsubprocess does.

#include "engine/world/host_process.hpp"

#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <chrono>
#include <cstring>

namespace loopscope {

namespace {

struct Pipe {
  int r = -1, w = -1;
  bool open() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return false;
    r = fds[0];
    w = fds[1];
    return true;
  }
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  void close_both() {
    close_fd(r);
    close_fd(w);
  }
};

// In the child: only async-signal-safe calls from here to exec.
[[noreturn]] void child(const ProcessRequest& r, char* const* argv, char* const* envp, int in, int out, int err,
                        int report) {
  int step = 0;
  signal(SIGPIPE, SIG_DFL);  // the parent ignores it while it feeds the input
  if (in >= 0) dup2(in, 0);
  if (out >= 0) dup2(out, 1);
  if (r.err == ProcessRequest::Stream::ToStdout) dup2(1, 2);
  else if (err >= 0) dup2(err, 2);
  // Every other descriptor of the parent closes at exec (close_fds=True).
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
  if (!r.cwd.empty() && chdir(r.cwd.c_str()) != 0) {
    step = 1;
  } else {
    step = 2;
    if (envp) execvpe(argv[0], argv, envp);
    else execvp(argv[0], argv);
  }
  int msg[2] = {step, errno};
  ssize_t ignored = write(report, msg, sizeof msg);
  (void)ignored;
  _exit(255);
}

int child_fd(ProcessRequest::Stream s, int given, int pipe_end, int null_fd) {
  switch (s) {
    case ProcessRequest::Stream::Pipe: return pipe_end;
    case ProcessRequest::Stream::Null: return null_fd;
    case ProcessRequest::Stream::Fd: return given;
    case ProcessRequest::Stream::ToStdout: return -1;
  }
  return -1;
}

// Feeds the input and drains the outputs until both outputs close (or the
// deadline passes: then false).
bool exchange(const ProcessRequest& r, Pipe& in, Pipe& out, Pipe& err, ProcessOutcome& o) {
  using Clock = std::chrono::steady_clock;
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(r.timeout));
  size_t fed = 0;
  if (in.w >= 0) fcntl(in.w, F_SETFL, O_NONBLOCK);
  if (in.w >= 0 && r.input.empty()) Pipe::close_fd(in.w);
  while (out.r >= 0 || err.r >= 0 || in.w >= 0) {
    pollfd fds[3] = {{out.r, POLLIN, 0}, {err.r, POLLIN, 0}, {in.w, POLLOUT, 0}};
    int wait_ms = -1;
    if (r.timeout >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return false;
      wait_ms = static_cast<int>(left);
    }
    if (poll(fds, 3, wait_ms) < 0 && errno != EINTR) return true;
    char buf[65536];
    Pipe* readers[2] = {&out, &err};
    std::string* sinks[2] = {&o.out, &o.err};
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || fds[k].revents == 0) continue;
      ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
      if (n > 0) sinks[k]->append(buf, static_cast<size_t>(n));
      else if (n == 0 || errno != EAGAIN) Pipe::close_fd(readers[k]->r);
    }
    if (fds[2].fd >= 0 && fds[2].revents != 0) {
      ssize_t n = ::write(in.w, r.input.data() + fed, r.input.size() - fed);
      if (n > 0) fed += static_cast<size_t>(n);
      if ((n < 0 && errno != EAGAIN) || fed == r.input.size()) Pipe::close_fd(in.w);
    }
  }
  return true;
}

}  // namespace

ProcessOutcome run_host_process(const ProcessRequest& r) {
  ProcessOutcome o;
  std::vector<char*> argv, envp;
  for (const std::string& a : r.argv) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const std::string& e : r.env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  Pipe in, out, err, report;
  bool ok = report.open() && (r.in != ProcessRequest::Stream::Pipe || in.open()) &&
            (r.out != ProcessRequest::Stream::Pipe || out.open()) && (r.err != ProcessRequest::Stream::Pipe || err.open());
  int null_fd = ok ? ::open("/dev/null", O_RDWR | O_CLOEXEC) : -1;
  pid_t pid = null_fd >= 0 ? fork() : -1;
  if (pid == 0) {
    child(r, argv.data(), r.has_env ? envp.data() : nullptr, child_fd(r.in, r.in_fd, in.r, null_fd),
          child_fd(r.out, r.out_fd, out.w, null_fd), child_fd(r.err, r.err_fd, err.w, null_fd), report.w);
  }
  if (null_fd >= 0) ::close(null_fd);
  Pipe::close_fd(in.r);
  Pipe::close_fd(out.w);
  Pipe::close_fd(err.w);
  Pipe::close_fd(report.w);
  if (pid < 0) {
    o.error = errno ? errno : EAGAIN;
    in.close_both(), out.close_both(), err.close_both(), report.close_both();
    return o;
  }
  o.pid = pid;
  int msg[2] = {0, 0};
  bool failed = ::read(report.r, msg, sizeof msg) == static_cast<ssize_t>(sizeof msg);
  report.close_both();
  if (!failed) {
    // A child that exits without reading its input must not kill the run
    // with SIGPIPE: the write fails with EPIPE instead (as in CPython,
    // which ignores SIGPIPE).
    struct sigaction ignore{}, previous{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &previous);
    o.timed_out = !exchange(r, in, out, err, o);
    sigaction(SIGPIPE, &previous, nullptr);
  }
  if (o.timed_out) kill(pid, SIGKILL);
  in.close_both(), out.close_both(), err.close_both();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (failed) {
    o.error = msg[1];
    o.error_in_cwd = msg[0] == 1;
    return o;
  }
  o.returncode = WIFSIGNALED(status) ? -WTERMSIG(status) : WEXITSTATUS(status);
  return o;
}

std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t at = 0;
  while (at <= dirs.size()) {
    size_t end = dirs.find(':', at);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(at, end - at) + "/" + name;
    struct stat st{};
    bool file = stat(candidate.c_str(), &st) == 0 && !S_ISDIR(st.st_mode);
    if (end > at && file && access(candidate.c_str(), X_OK) == 0) return candidate;
    at = end + 1;
  }
  return "";
}

}  // namespace loopscope
