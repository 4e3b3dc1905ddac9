#include "app/gui/file_watch.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>

namespace loopscope::gui {

FileWatch::~FileWatch() { close(); }

void FileWatch::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = wd_ = -1;
  path_.clear();
  name_.clear();
  changed_at_ = -1;
}

void FileWatch::watch(const std::string& path) {
  if (path == path_) return;
  close();
  std::error_code ec;
  if (path.empty() || !std::filesystem::is_regular_file(path, ec)) return;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  wd_ = inotify_add_watch(fd_, p.parent_path().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY);
  if (wd_ < 0) {
    close();
    return;
  }
  path_ = path;
  name_ = p.filename().string();
}

bool FileWatch::drain() {
  bool about_file = false;
  alignas(inotify_event) char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (ssize_t at = 0; at < n;) {
      inotify_event ev;
      std::memcpy(&ev, buf + at, sizeof ev);
      const char* name = buf + at + sizeof ev;
      if (ev.len && name_ == name) about_file = true;
      at += ssize_t(sizeof ev + ev.len);
    }
  }
  return about_file;
}

bool FileWatch::changed(double now, double settle_seconds) {
  if (fd_ < 0) return false;
  if (drain()) changed_at_ = now;
  if (changed_at_ < 0 || now - changed_at_ < settle_seconds) return false;
  changed_at_ = -1;
  return true;
}

}  // namespace loopscope::gui
