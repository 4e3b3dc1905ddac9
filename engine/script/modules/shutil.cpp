// shutil: rmtree (the part of it that cleaning up a temporary tree needs)
// and which (finding the program a subprocess would run).

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/world/host_process.hpp"

namespace loopscope::script {

namespace {

// Removes `path` and everything under it; the first failure is raised
// with the failing path as the filename (as CPython's rmtree reports it).
void remove_tree(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (!d) raise_os_error(errno, str_value(path));
  std::vector<std::string> names;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  ::closedir(d);
  for (const std::string& n : names) {
    std::string child = path + "/" + n;
    struct stat st{};
    if (::lstat(child.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      remove_tree(child);
    } else if (::unlink(child.c_str()) != 0) {
      raise_os_error(errno, str_value(child));
    }
  }
  if (::rmdir(path.c_str()) != 0) raise_os_error(errno, str_value(path));
}

Value sh_rmtree(Interp& in, const Value&, CallArgs& a) {
  check_args("rmtree", a, 1, 2, true);
  require_file_system(in, a.pos[0]);
  bool ignore = in.truthy(arg_or(a, 1, "ignore_errors", Value::boolean(false)));
  Value p = a.pos[0];
  Value m;
  if (p.is(ObjKind::Instance) && in.lookup_attr(p, "__fspath__", m)) p = in.call(m, std::vector<Value>{});
  const std::string& path = as_str(p, "rmtree() argument");
  try {
    remove_tree(path);
  } catch (const PyError&) {
    if (!ignore) throw;
  }
  return Value();
}

// which(cmd): the executable `cmd` on PATH (a name with a slash is checked
// as it is), or None.
Value sh_which(Interp&, const Value&, CallArgs& a) {
  check_args("which", a, 1, 3, true);
  const std::string& cmd = as_str(a.pos[0], "cmd");
  if (cmd.find('/') != std::string::npos) {
    struct stat st{};
    bool ok = ::stat(cmd.c_str(), &st) == 0 && !S_ISDIR(st.st_mode) && ::access(cmd.c_str(), X_OK) == 0;
    return ok ? a.pos[0] : Value();
  }
  std::string found = cmd.empty() ? std::string() : find_on_path(cmd);
  return found.empty() ? Value() : str_value(found);
}

}  // namespace

Ref<ModuleObj> make_shutil_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("shutil");
  add_function(*m, "rmtree", sh_rmtree);
  add_function(*m, "which", sh_which);
  return m;
}

}  // namespace loopscope::script
