// os and os.path: the real file system, read and changed directly (no
// virtual time: docs/SIMULATED_WORLD.md, "Files").

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"

extern char** environ;

namespace loopscope::script {

namespace {

std::string path_of(Interp& in, const Value& v, const char* fn) {
  if (v.is(ObjKind::Str)) return v.as<StrObj>()->value;
  Value m;
  if (v.is(ObjKind::Instance) && in.lookup_attr(v, "__fspath__", m)) return path_of(in, in.call(m, std::vector<Value>{}), fn);
  type_error(std::string(fn) + ": path should be string, bytes or os.PathLike, not " + type_name(v));
}

Value os_getcwd(Interp&, const Value&, CallArgs& a) {
  check_args("getcwd", a, 0, 0);
  char buf[4096];
  if (!::getcwd(buf, sizeof buf)) raise_os_error(errno, Value());
  return str_value(buf);
}

Value os_listdir(Interp& in, const Value&, CallArgs& a) {
  check_args("listdir", a, 0, 1);
  Value p = a.pos.empty() ? str_value(".") : a.pos[0];
  std::string path = path_of(in, p, "listdir");
  require_file_system(in, p);
  DIR* d = ::opendir(path.c_str());
  if (!d) raise_os_error(errno, p);
  std::vector<Value> names;
  while (dirent* e = ::readdir(d)) {
    std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(str_value(n));
  }
  ::closedir(d);
  return Value::object(make<ListObj>(std::move(names)));
}

Value os_remove(Interp& in, const Value&, CallArgs& a) {
  check_args("remove", a, 1, 1);
  require_file_system(in, a.pos[0]);
  if (::unlink(path_of(in, a.pos[0], "remove").c_str()) != 0) raise_os_error(errno, a.pos[0]);
  return Value();
}

Value os_rmdir(Interp& in, const Value&, CallArgs& a) {
  check_args("rmdir", a, 1, 1);
  require_file_system(in, a.pos[0]);
  if (::rmdir(path_of(in, a.pos[0], "rmdir").c_str()) != 0) raise_os_error(errno, a.pos[0]);
  return Value();
}

Value os_rename(Interp& in, const Value&, CallArgs& a) {
  check_args("rename", a, 2, 2);
  require_file_system(in, a.pos[0]);
  if (::rename(path_of(in, a.pos[0], "rename").c_str(), path_of(in, a.pos[1], "rename").c_str()) != 0) {
    try {
      raise_os_error(errno, a.pos[0]);
    } catch (PyError& e) {
      e.exc->attrs["filename2"] = a.pos[1];
      throw;
    }
  }
  return Value();
}

Value os_mkdir(Interp& in, const Value&, CallArgs& a) {
  check_args("mkdir", a, 1, 2, true);
  require_file_system(in, a.pos[0]);
  int64_t mode = to_int(arg_or(a, 1, "mode", Value::integer(0777)), "mode");
  if (::mkdir(path_of(in, a.pos[0], "mkdir").c_str(), static_cast<mode_t>(mode)) != 0) raise_os_error(errno, a.pos[0]);
  return Value();
}

bool is_dir(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

Value os_makedirs(Interp& in, const Value&, CallArgs& a) {
  check_args("makedirs", a, 1, 3, true);
  require_file_system(in, a.pos[0]);
  std::string path = path_of(in, a.pos[0], "makedirs");
  int64_t mode = to_int(arg_or(a, 1, "mode", Value::integer(0777)), "mode");
  bool exist_ok = in.truthy(arg_or(a, 2, "exist_ok", Value::boolean(false)));
  for (size_t i = 1; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '/') continue;
    std::string part = path.substr(0, i);
    if (is_dir(part)) {
      if (i == path.size() && !exist_ok) raise_os_error(EEXIST, a.pos[0]);
      continue;
    }
    if (::mkdir(part.c_str(), static_cast<mode_t>(mode)) != 0 && !(errno == EEXIST && is_dir(part))) {
      raise_os_error(errno, i == path.size() ? a.pos[0] : str_value(part));
    }
  }
  return Value();
}

Value os_getenv(Interp&, const Value&, CallArgs& a) {
  check_args("getenv", a, 1, 2, true);
  const char* v = std::getenv(as_str(a.pos[0], "str expected, not").c_str());
  return v ? str_value(v) : arg_or(a, 1, "default", Value());
}

// os.walk(top, topdown=True): top-down, lazily; the caller may prune the
// `dirs` list it is given, as with CPython's generator.
Value os_walk(Interp& in, const Value&, CallArgs& a) {
  check_args("walk", a, 1, 4, true);
  require_file_system(in, a.pos[0]);
  if (!in.truthy(arg_or(a, 1, "topdown", Value::boolean(true)))) value_error("os.walk(topdown=False) is not supported");
  std::vector<std::string> pending{path_of(in, a.pos[0], "walk")};
  Ref<ListObj> last_dirs;
  std::string last_root;
  return Value::object(make<IterObj>("generator", [pending, last_dirs, last_root](Interp&, Value& out) mutable {
    if (last_dirs) {
      for (size_t i = last_dirs->items.size(); i-- > 0;) {
        const Value& d = last_dirs->items[i];
        if (d.is(ObjKind::Str)) pending.push_back(last_root + (last_root.empty() || last_root.back() == '/' ? "" : "/") + d.as<StrObj>()->value);
      }
      last_dirs.reset();
    }
    while (!pending.empty()) {
      std::string root = pending.back();
      pending.pop_back();
      DIR* dir = ::opendir(root.c_str());
      if (!dir) continue;  // CPython ignores unreadable directories (onerror=None)
      std::vector<Value> dirs, files;
      while (dirent* e = ::readdir(dir)) {
        std::string n = e->d_name;
        if (n == "." || n == "..") continue;
        std::string full = root + (root.back() == '/' ? "" : "/") + n;
        (is_dir(full) ? dirs : files).push_back(str_value(n));
      }
      ::closedir(dir);
      last_dirs = make<ListObj>(std::move(dirs));
      last_root = root;
      out = Value::object(make<TupleObj>(std::vector<Value>{str_value(root), Value::object(last_dirs),
                                                            Value::object(make<ListObj>(std::move(files)))}));
      return true;
    }
    return false;
  }));
}

// ---- os.path ----

std::string join2(const std::string& a, const std::string& b) {
  if (!b.empty() && b[0] == '/') return b;
  if (a.empty() || a.back() == '/') return a + b;
  return a + "/" + b;
}

Value p_join(Interp& in, const Value&, CallArgs& a) {
  if (a.pos.empty()) type_error("join() missing 1 required positional argument: 'a'");
  std::string out = path_of(in, a.pos[0], "join");
  for (size_t i = 1; i < a.pos.size(); ++i) out = join2(out, path_of(in, a.pos[i], "join"));
  return str_value(out);
}

std::pair<std::string, std::string> split_path(const std::string& p) {
  size_t i = p.rfind('/') + 1;  // npos + 1 == 0
  std::string head = p.substr(0, i), tail = p.substr(i);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
  return {head, tail};
}

Value p_split(Interp& in, const Value&, CallArgs& a) {
  check_args("split", a, 1, 1);
  auto [h, t] = split_path(path_of(in, a.pos[0], "split"));
  return Value::object(make<TupleObj>(std::vector<Value>{str_value(h), str_value(t)}));
}
Value p_basename(Interp& in, const Value&, CallArgs& a) {
  check_args("basename", a, 1, 1);
  std::string p = path_of(in, a.pos[0], "basename");
  return str_value(p.substr(p.rfind('/') + 1));
}
Value p_dirname(Interp& in, const Value&, CallArgs& a) {
  check_args("dirname", a, 1, 1);
  return str_value(split_path(path_of(in, a.pos[0], "dirname")).first);
}

Value p_splitext(Interp& in, const Value&, CallArgs& a) {
  check_args("splitext", a, 1, 1);
  std::string p = path_of(in, a.pos[0], "splitext");
  // posixpath's rule: the last dot after the last slash, unless only dots lead up to it.
  int64_t sep = p.rfind('/') == std::string::npos ? -1 : static_cast<int64_t>(p.rfind('/'));
  int64_t dot = p.rfind('.') == std::string::npos ? -1 : static_cast<int64_t>(p.rfind('.'));
  std::string root = p, ext;
  if (dot > sep) {
    for (int64_t i = sep + 1; i < dot; ++i) {
      if (p[static_cast<size_t>(i)] != '.') {
        root = p.substr(0, static_cast<size_t>(dot));
        ext = p.substr(static_cast<size_t>(dot));
        break;
      }
    }
  }
  return Value::object(make<TupleObj>(std::vector<Value>{str_value(root), str_value(ext)}));
}

std::string normpath(const std::string& p) {
  if (p.empty()) return ".";
  int slashes = p[0] == '/' ? (p.size() > 1 && p[1] == '/' && (p.size() == 2 || p[2] != '/') ? 2 : 1) : 0;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string::npos) j = p.size();
    std::string c = p.substr(i, j - i);
    if (c.empty() || c == ".") {
    } else if (c != ".." || (!slashes && parts.empty()) || (!parts.empty() && parts.back() == "..")) {
      parts.push_back(c);
    } else if (!parts.empty()) {
      parts.pop_back();
    }
    i = j + 1;
  }
  std::string out(static_cast<size_t>(slashes), '/');
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : "") + parts[k];
  return out.empty() ? "." : out;
}

Value p_normpath(Interp& in, const Value&, CallArgs& a) {
  check_args("normpath", a, 1, 1);
  return str_value(normpath(path_of(in, a.pos[0], "normpath")));
}

std::string abspath(const std::string& path);

Value p_abspath(Interp& in, const Value&, CallArgs& a) {
  check_args("abspath", a, 1, 1);
  return str_value(abspath(path_of(in, a.pos[0], "abspath")));
}

std::string abspath(const std::string& path) {
  std::string p = path;
  if (p.empty() || p[0] != '/') {
    char buf[4096];
    if (::getcwd(buf, sizeof buf)) p = join2(buf, p);
  }
  return normpath(p);
}

// posixpath.relpath: the common leading components dropped, '..' for the rest of start.
Value p_relpath(Interp& in, const Value&, CallArgs& a) {
  check_args("relpath", a, 1, 2, true);
  std::string path = path_of(in, a.pos[0], "relpath");
  if (path.empty()) value_error("no path specified");
  Value st = arg_or(a, 1, "start", Value());
  std::string start = st.is_none() ? "." : path_of(in, st, "relpath");
  auto parts = [](const std::string& s) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i <= s.size()) {
      size_t j = s.find('/', i);
      if (j == std::string::npos) j = s.size();
      if (j > i) out.push_back(s.substr(i, j - i));
      i = j + 1;
    }
    return out;
  };
  std::vector<std::string> sp = parts(abspath(start)), pp = parts(abspath(path));
  size_t common = 0;
  while (common < sp.size() && common < pp.size() && sp[common] == pp[common]) ++common;
  std::string out;
  for (size_t k = common; k < sp.size(); ++k) out += out.empty() ? ".." : "/..";
  for (size_t k = common; k < pp.size(); ++k) out += (out.empty() ? "" : "/") + pp[k];
  return str_value(out.empty() ? "." : out);
}

Value p_isabs(Interp& in, const Value&, CallArgs& a) {
  check_args("isabs", a, 1, 1);
  std::string p = path_of(in, a.pos[0], "isabs");
  return Value::boolean(!p.empty() && p[0] == '/');
}

template <int Which>  // 0 exists, 1 isfile, 2 isdir
Value p_test(Interp& in, const Value&, CallArgs& a) {
  check_args(Which == 0 ? "exists" : Which == 1 ? "isfile" : "isdir", a, 1, 1);
  if (!a.pos[0].is(ObjKind::Str) && !a.pos[0].is(ObjKind::Instance)) return Value::boolean(false);
  struct stat st{};
  if (::stat(path_of(in, a.pos[0], "stat").c_str(), &st) != 0) return Value::boolean(false);
  return Value::boolean(Which == 0 || (Which == 1 ? S_ISREG(st.st_mode) : S_ISDIR(st.st_mode)));
}

Value p_getsize(Interp& in, const Value&, CallArgs& a) {
  check_args("getsize", a, 1, 1);
  struct stat st{};
  if (::stat(path_of(in, a.pos[0], "stat").c_str(), &st) != 0) raise_os_error(errno, a.pos[0]);
  return Value::integer(static_cast<int64_t>(st.st_size));
}

// os.system(command): run by the subprocess module (subprocess_source.cpp).
Value os_system(Interp& in, const Value&, CallArgs& a) {
  check_args("system", a, 1, 1);
  return in.call(in.getattr(in.import_module("subprocess"), "_system"), a);
}

}  // namespace

Ref<ModuleObj> make_os_path_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("posixpath");
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"join", p_join}, {"split", p_split}, {"basename", p_basename}, {"dirname", p_dirname},
      {"splitext", p_splitext}, {"normpath", p_normpath}, {"abspath", p_abspath}, {"isabs", p_isabs},
      {"relpath", p_relpath},
      {"exists", p_test<0>}, {"isfile", p_test<1>}, {"isdir", p_test<2>}, {"getsize", p_getsize},
  };
  for (const Fn& f : fns) add_function(*m, f.name, f.fn);
  m->globals["sep"] = str_value("/");
  return m;
}

Ref<ModuleObj> make_os_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("os");
  struct Fn { const char* name; NativeFn fn; };
  static const Fn fns[] = {
      {"getcwd", os_getcwd}, {"listdir", os_listdir}, {"remove", os_remove}, {"unlink", os_remove},
      {"rmdir", os_rmdir}, {"rename", os_rename}, {"replace", os_rename}, {"mkdir", os_mkdir},
      {"makedirs", os_makedirs}, {"getenv", os_getenv}, {"walk", os_walk}, {"system", os_system},
  };
  for (const Fn& f : fns) add_function(*m, f.name, f.fn);
  Ref<DictObj> env = make<DictObj>();
  for (char** e = environ; e && *e; ++e) {
    std::string kv = *e;
    size_t eq = kv.find('=');
    if (eq != std::string::npos) env->table.set(str_value(kv.substr(0, eq)), str_value(kv.substr(eq + 1)));
  }
  m->globals["environ"] = Value::object(env);
  m->globals["sep"] = str_value("/");
  m->globals["linesep"] = str_value("\n");
  m->globals["curdir"] = str_value(".");
  m->globals["pardir"] = str_value("..");
  m->globals["name"] = str_value("posix");
  m->globals["path"] = Value::object(make_module(in, "os.path"));
  return m;
}

}  // namespace loopscope::script
