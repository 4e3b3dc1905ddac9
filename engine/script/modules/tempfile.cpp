// tempfile: mkdtemp, gettempdir and TemporaryDirectory on the real file
// system. The names are random (the host's mkdtemp): programs whose output
// is compared must not print them.

#include <stdlib.h>

#include <cerrno>
#include <cstdlib>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

std::string temp_dir() {
  for (const char* var : {"TMPDIR", "TEMP", "TMP"}) {
    if (const char* v = std::getenv(var)) return v;
  }
  return "/tmp";
}

Value t_gettempdir(Interp&, const Value&, CallArgs& a) {
  check_args("gettempdir", a, 0, 0);
  return str_value(temp_dir());
}

Value t_mkdtemp(Interp& in, const Value&, CallArgs& a) {
  check_args("mkdtemp", a, 0, 3, true);
  require_file_system(in, Value());
  Value suffix = arg_or(a, 0, "suffix", Value()), prefix = arg_or(a, 1, "prefix", Value()), dir = arg_or(a, 2, "dir", Value());
  std::string d = dir.is_none() ? temp_dir() : as_str(dir, "dir");
  std::string tmpl = d + "/" + (prefix.is_none() ? "tmp" : as_str(prefix, "prefix")) + "XXXXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) raise_os_error(errno, str_value(tmpl));
  std::string made = buf.data();
  if (!suffix.is_none() && !as_str(suffix, "suffix").empty()) {
    std::string renamed = made + as_str(suffix, "suffix");
    if (::rename(made.c_str(), renamed.c_str()) != 0) raise_os_error(errno, str_value(renamed));
    made = renamed;
  }
  return str_value(made);
}

const char* const kSource = R"PY(
import shutil as _shutil


class TemporaryDirectory:
    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return '<{} {!r}>'.format(type(self).__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done:
            self._done = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore)
)PY";

}  // namespace

Ref<ModuleObj> make_tempfile_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("tempfile");
  add_function(*m, "mkdtemp", t_mkdtemp);
  add_function(*m, "gettempdir", t_gettempdir);
  run_source_in_module(in, m, "tempfile.py", kSource);
  return m;
}

}  // namespace loopscope::script
