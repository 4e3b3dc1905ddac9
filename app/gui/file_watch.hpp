#pragma once
// Watches one file on disk (inotify on its folder, so that editors that
// save by writing a new file and renaming it over the old one are seen
// too) and says when it changed and has stayed unchanged for a moment.

#include <string>

namespace loopscope::gui {

class FileWatch {
 public:
  FileWatch() = default;
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  // Watches `path` from now on ("" or a built-in name: nothing). Watching
  // the same path again keeps the watch.
  void watch(const std::string& path);
  const std::string& path() const { return path_; }
  // True once after the file changed and then stayed unchanged for
  // `settle_seconds` of the clock `now`.
  bool changed(double now, double settle_seconds = 0.15);

 private:
  void close();
  bool drain();  // reads pending events: whether one was about the file
  std::string path_, name_;
  int fd_ = -1, wd_ = -1;
  double changed_at_ = -1;  // when the last change was seen (-1: none pending)
};

}  // namespace loopscope::gui
