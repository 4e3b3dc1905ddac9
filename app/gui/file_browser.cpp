#include "app/gui/file_browser.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace loopscope::gui {

namespace fs = std::filesystem;

namespace {

bool is_py(const std::string& name) { return name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0; }

int64_t seconds_of(fs::file_time_type t) {
  auto sys = std::chrono::time_point_cast<std::chrono::seconds>(t - fs::file_time_type::clock::now() +
                                                                std::chrono::system_clock::now());
  return sys.time_since_epoch().count();
}

std::string with_slash(std::string folder) {
  if (folder.empty() || folder.back() != '/') folder += '/';
  return folder;
}

void set_typed(FileBrowser& b, const std::string& text) {
  std::snprintf(b.typed, sizeof b.typed, "%s", text.c_str());
}

}  // namespace

bool browse(FileBrowser& b, const std::string& folder) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(folder.empty() ? "." : folder, ec), ec);
  std::vector<BrowserEntry> list;
  fs::directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    b.message = "Cannot open the folder " + p.string() + ": " + ec.message();
    return false;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    BrowserEntry e;
    e.name = it->path().filename().string();
    std::error_code e2;
    e.folder = it->is_directory(e2);
    if (!e.folder && !is_py(e.name)) continue;
    if (!b.show_hidden && !e.name.empty() && e.name[0] == '.') continue;
    if (!e.folder) e.size = it->file_size(e2);
    e.modified = seconds_of(it->last_write_time(e2));
    list.push_back(std::move(e));
  }
  b.folder = p.string();
  b.entries = std::move(list);
  b.selected = -1;
  sort_entries(b);
  b.selected = b.entries.empty() ? -1 : 0;  // the first row of the sorted list
  b.message.clear();
  b.candidates.clear();
  b.scroll_to_selected = true;
  set_typed(b, with_slash(b.folder));
  return true;
}

void sort_entries(FileBrowser& b) {
  std::string keep = b.selected >= 0 && size_t(b.selected) < b.entries.size() ? b.entries[b.selected].name : "";
  auto key_less = [&](const BrowserEntry& x, const BrowserEntry& y) {
    switch (b.sort) {
      case BrowserSort::Size: if (x.size != y.size) return x.size < y.size; break;
      case BrowserSort::Modified: if (x.modified != y.modified) return x.modified < y.modified; break;
      case BrowserSort::Name: break;
    }
    return x.name < y.name;
  };
  std::stable_sort(b.entries.begin(), b.entries.end(), [&](const BrowserEntry& x, const BrowserEntry& y) {
    if (x.folder != y.folder) return x.folder;  // folders first, either way
    return b.ascending ? key_less(x, y) : key_less(y, x);
  });
  for (size_t i = 0; i < b.entries.size(); ++i) {
    if (b.entries[i].name == keep) b.selected = int(i);
  }
}

void select_entry(FileBrowser& b, int index) {
  if (b.entries.empty()) return;
  b.selected = std::clamp(index, 0, int(b.entries.size()) - 1);
  const BrowserEntry& e = b.entries[size_t(b.selected)];
  // The path field follows the selection (replaced, never appended to).
  set_typed(b, (fs::path(b.folder) / e.name).string() + (e.folder ? "/" : ""));
  b.scroll_to_selected = true;
}

void move_selection(FileBrowser& b, int delta) { select_entry(b, b.selected + delta); }

BrowserChoice choose_typed(FileBrowser& b) {
  std::string typed = b.typed;
  while (!typed.empty() && typed.back() == ' ') typed.pop_back();
  std::error_code ec;
  if (typed.empty()) return {};
  fs::path p = fs::absolute(typed, ec);
  if (fs::is_directory(p, ec)) {
    browse(b, p.string());
    return {BrowserChoice::Kind::Folder, b.folder};
  }
  if (!fs::exists(p, ec)) {
    b.message = "There is no file or folder " + typed;
    return {};
  }
  if (!is_py(p.filename().string())) {
    b.message = typed + " is not a .py file";
    return {};
  }
  std::ifstream in(p);
  if (!in) {
    b.message = "Cannot read " + typed + ": " + std::strerror(errno);
    return {};
  }
  b.message.clear();
  return {BrowserChoice::Kind::File, p.lexically_normal().string()};
}

BrowserChoice choose_selected(FileBrowser& b) {
  if (b.selected < 0 || size_t(b.selected) >= b.entries.size()) return {};
  set_typed(b, (fs::path(b.folder) / b.entries[b.selected].name).string());
  return choose_typed(b);
}

std::string complete_path(FileBrowser& b, const std::string& typed) {
  b.candidates.clear();
  std::string folder = typed.substr(0, typed.rfind('/') + 1);
  std::string stem = typed.substr(folder.size());
  std::error_code ec;
  fs::path dir = folder.empty() ? fs::path(".") : fs::path(folder);
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.compare(0, stem.size(), stem) != 0) continue;
    if (!b.show_hidden && name[0] == '.' && (stem.empty() || stem[0] != '.')) continue;
    std::error_code e2;
    bool folder_entry = it->is_directory(e2);
    if (!folder_entry && !is_py(name)) continue;
    b.candidates.push_back(folder_entry ? name + "/" : name);
  }
  std::sort(b.candidates.begin(), b.candidates.end());
  if (b.candidates.empty()) return typed;
  std::string common = b.candidates.front();
  for (const std::string& c : b.candidates) {
    size_t n = 0;
    while (n < common.size() && n < c.size() && common[n] == c[n]) ++n;
    common.resize(n);
  }
  std::string out = folder + common;  // every candidate starts with the stem
  set_typed(b, out);
  return out;
}

std::vector<std::string> scenario_files(const std::string& folder) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code e2;
    if (it->is_regular_file(e2) && is_py(it->path().filename().string())) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string lessons_folder() {
#ifdef LOOPSCOPE_SOURCE_DIR
  std::error_code ec;
  std::string dir = std::string(LOOPSCOPE_SOURCE_DIR) + "/scenarios";
  if (fs::is_directory(dir, ec)) return dir;
#endif
  return {};
}

}  // namespace loopscope::gui
