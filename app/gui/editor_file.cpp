// Writing the edited file, and what a new scenario starts from.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "app/gui/editor.hpp"

namespace loopscope::gui {

const char* new_scenario_template() {
  return R"("""A new scenario: two tasks that sleep, run side by side.

Edit it, save (Ctrl+S), and step through the run.
"""
# watch: the timer heap: each sleep adds a timer, and the clock jumps
#   to the first deadline when nothing is ready.
import asyncio


async def worker(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done after {delay} s")
    return name


async def main():
    results = await asyncio.gather(worker("a", 1), worker("b", 2))
    print("results:", results)


asyncio.run(main())
)";
}

bool write_file_atomically(const std::string& path, const std::string& text, std::string& error) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = mkstemp(pattern.data());
  if (fd < 0) {
    error = "Cannot write in " + dir.string() + ": " + std::strerror(errno);
    return false;
  }
  struct stat old {};
  mode_t mode = ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644;
  bool ok = true;
  for (size_t done = 0; ok && done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += size_t(n);
  }
  int err = errno;
  ok = ok && ::fchmod(fd, mode) == 0 && ::fsync(fd) == 0;
  if (!ok) err = errno;
  ok = ::close(fd) == 0 && ok;
  if (ok && std::rename(pattern.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    std::remove(pattern.c_str());
    error = "Could not save " + path + ": " + std::strerror(err);
    return false;
  }
  // The rename itself is made durable by syncing the folder.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

bool is_lesson_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::string lessons = lessons_folder();
  if (lessons.empty() || path.empty()) return false;
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(path, ec), ec).parent_path();
  fs::path b = fs::weakly_canonical(fs::path(lessons), ec);
  return !ec && a == b;
}

}  // namespace loopscope::gui
