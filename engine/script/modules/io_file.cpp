// File objects: storage, open(), StringIO/BytesIO construction, OSError.

#include "engine/script/modules/io_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "engine/script/modules/args.hpp"
#include "engine/script/runtime/bytes.hpp"

namespace loopscope::script {

IOObj::~IOObj() { close_fd(); }

void IOObj::close_fd() {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

std::string IOObj::repr() const {
  if (memory()) return "<" + type + " object at 0x?>";
  std::string out = "<" + type + " name=" + loopscope::repr(name);
  if (kind == Kind::TextFile) out += " mode=" + str_repr(mode) + " encoding=" + str_repr(encoding);
  return out + ">";
}

int64_t IOObj::size() const {
  if (memory()) return static_cast<int64_t>(buf.size());
  struct stat st{};
  if (fstat(fd, &st) != 0) return 0;
  return static_cast<int64_t>(st.st_size);
}

std::string IOObj::read_at(int64_t at, int64_t n) const {
  if (memory()) {
    if (at >= static_cast<int64_t>(buf.size())) return "";
    return buf.substr(static_cast<size_t>(at), n < 0 ? std::string::npos : static_cast<size_t>(n));
  }
  std::string out;
  char chunk[8192];
  while (n < 0 || static_cast<int64_t>(out.size()) < n) {
    size_t want = sizeof chunk;
    if (n >= 0) want = std::min(want, static_cast<size_t>(n) - out.size());
    ssize_t got = ::pread(fd, chunk, want, at + static_cast<int64_t>(out.size()));
    if (got < 0) raise_os_error(errno, Value());
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
  }
  return out;
}

void IOObj::write_at(int64_t at, const std::string& data) {
  if (memory()) {
    if (at > static_cast<int64_t>(buf.size())) buf.resize(static_cast<size_t>(at), '\0');
    buf.replace(static_cast<size_t>(at), std::min(data.size(), buf.size() - static_cast<size_t>(at)), data);
    return;
  }
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = appending ? ::write(fd, data.data() + done, data.size() - done)
                          : ::pwrite(fd, data.data() + done, data.size() - done, at + static_cast<int64_t>(done));
    if (n < 0) raise_os_error(errno, Value());
    done += static_cast<size_t>(n);
  }
}

ClassObj* unsupported_operation_class() {
  static ClassObj* cls = [] {
    auto* c = new ClassObj("UnsupportedOperation", "io", Ref<ClassObj>(exc_class(Exc::OSError)));
    incref(c);
    c->set_bases({Ref<ClassObj>(exc_class(Exc::OSError)), Ref<ClassObj>(exc_class(Exc::ValueError))});
    return c;
  }();
  return cls;
}

ClassObj* os_error_class(int err) {
  const char* cls = err == ENOENT ? "FileNotFoundError" : err == EEXIST ? "FileExistsError"
                  : err == EISDIR ? "IsADirectoryError" : err == ENOTDIR ? "NotADirectoryError"
                  : (err == EACCES || err == EPERM) ? "PermissionError" : nullptr;
  return cls ? builtin_exception(cls) : exc_class(Exc::OSError);
}

void os_error_arguments(Ref<ClassObj>& cls, std::vector<Value>& args, std::map<std::string, Value>& attrs) {
  if (args.size() < 2 || args.size() > 5) return;
  if (cls.get() == exc_class(Exc::OSError) && args[0].is_int()) {
    cls = Ref<ClassObj>(os_error_class(static_cast<int>(args[0].as_int())));
  }
  if (args.size() >= 3) attrs["filename"] = args[2];
  if (args.size() == 5) attrs["filename2"] = args[4];
  args.resize(2);
}

void require_file_system(Interp& in, const Value& path) {
  if (!in.world().options.file_system) raise_os_error(EPERM, path);
}

void raise_os_error(int err, const Value& filename) {
  ClassObj* c = os_error_class(err);
  Ref<ExceptionObj> e = make<ExceptionObj>(Ref<ClassObj>(c), std::vector<Value>{Value::integer(err), str_value(std::strerror(err))});
  e->attrs["errno"] = Value::integer(err);
  e->attrs["strerror"] = str_value(std::strerror(err));
  e->attrs["filename"] = filename;
  throw PyError{e};
}

namespace {

struct Mode {
  bool read = false, write = false, append = false, create = false, plus = false, binary = false, text = false;
};

Mode parse_mode(const std::string& m) {
  Mode r;
  for (char c : m) {
    bool* flag = c == 'r' ? &r.read : c == 'w' ? &r.write : c == 'a' ? &r.append : c == 'x' ? &r.create
               : c == '+' ? &r.plus : c == 'b' ? &r.binary : c == 't' ? &r.text : nullptr;
    if (!flag || *flag) value_error("invalid mode: '" + m + "'");
    *flag = true;
  }
  if (r.read + r.write + r.append + r.create != 1) {
    value_error("must have exactly one of create/read/write/append mode");
  }
  if (r.binary && r.text) value_error("can't have text and binary mode at once");
  return r;
}

// The path argument: a str, or an object with __fspath__ (pathlib.Path).
Value path_arg(Interp& in, const Value& v) {
  if (v.is(ObjKind::Str)) return v;
  Value m;
  if (v.is(ObjKind::Instance) && in.lookup_attr(v, "__fspath__", m)) return in.call(m, std::vector<Value>{});
  type_error("expected str, bytes or os.PathLike object, not " + type_name(v));
}

}  // namespace

namespace {

// open()'s text options, checked as CPython checks them.
struct TextOptions {
  std::string encoding = "UTF-8", errors = "strict";
  Value newline;
};

TextOptions text_options(const CallArgs& a, const Mode& m) {
  Value enc = arg_or(a, 3, "encoding", Value());
  Value errs = arg_or(a, 4, "errors", Value());
  TextOptions o;
  o.newline = arg_or(a, 5, "newline", Value());
  if (m.binary && !enc.is_none()) value_error("binary mode doesn't take an encoding argument");
  if (m.binary && !errs.is_none()) value_error("binary mode doesn't take an errors argument");
  if (m.binary && !o.newline.is_none()) value_error("binary mode doesn't take a newline argument");
  if (!o.newline.is_none()) {
    const std::string& nl = as_str(o.newline, "open() argument 'newline'");
    if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n") value_error("illegal newline value: " + nl);
  }
  if (!enc.is_none()) o.encoding = as_str(enc, "open() argument 'encoding'");
  if (!errs.is_none()) o.errors = as_str(errs, "open() argument 'errors'");
  if (!m.binary) encode_text("", o.encoding, "strict");  // LookupError for an unknown encoding
  return o;
}

// The descriptor for `file` opened as `m` asks; raises the OSError.
int open_descriptor(const Value& file, const Mode& m) {
  int flags = m.plus ? O_RDWR : m.read ? O_RDONLY : O_WRONLY;
  if (m.write) flags |= O_CREAT | O_TRUNC;
  if (m.append) flags |= O_CREAT | O_APPEND;
  if (m.create) flags |= O_CREAT | O_EXCL;
  int fd = ::open(file.as<StrObj>()->value.c_str(), flags | O_CLOEXEC, 0666);
  if (fd < 0) raise_os_error(errno, file);
  struct stat st{};
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    raise_os_error(EISDIR, file);
  }
  return fd;
}

// The mode a binary file reports: its raw FileIO's ('rb', 'wb', 'ab', 'xb', 'rb+', ...).
std::string binary_mode(const Mode& m) {
  if (m.create) return m.plus ? "xb+" : "xb";
  if (m.append) return m.plus ? "ab+" : "ab";
  if (m.plus) return "rb+";
  return m.read ? "rb" : "wb";
}

}  // namespace

Value b_open(Interp& in, const Value&, CallArgs& a) {
  check_args("open", a, 1, 7, true);
  allow_keywords("open", a, {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"});
  Value file = path_arg(in, a.pos[0]);
  std::string mode_s = as_str(arg_or(a, 1, "mode", str_value("r")), "open() argument 'mode'");
  Mode m = parse_mode(mode_s);
  TextOptions o = text_options(a, m);
  require_file_system(in, file);
  int fd = open_descriptor(file, m);
  std::string type = !m.binary ? "TextIOWrapper" : m.plus ? "BufferedRandom" : m.read ? "BufferedReader" : "BufferedWriter";
  Ref<IOObj> f = make<IOObj>(m.binary ? IOObj::Kind::BinaryFile : IOObj::Kind::TextFile, type);
  f->fd = fd;
  f->name = file;
  f->readable = m.read || m.plus;
  f->writable = !m.read || m.plus;
  f->appending = m.append;
  f->encoding = o.encoding;
  f->errors = o.errors;
  f->newline = o.newline;
  f->mode = m.binary ? binary_mode(m) : mode_s;
  if (m.append) f->pos = f->size();
  return Value::object(f);
}

Value make_string_io(Interp&, const Value&, CallArgs& a) {
  check_args("StringIO", a, 0, 2, true);
  Value init = arg_or(a, 0, "initial_value", str_value(""));
  Ref<IOObj> f = make<IOObj>(IOObj::Kind::StringIO, "StringIO");
  if (!init.is_none()) {
    if (!init.is(ObjKind::Str)) type_error("initial_value must be str or None, not " + type_name(init));
    f->buf = init.as<StrObj>()->value;
  }
  f->newline = arg_or(a, 1, "newline", str_value("\n"));
  return Value::object(f);
}

Value make_bytes_io(Interp&, const Value&, CallArgs& a) {
  check_args("BytesIO", a, 0, 1, true);
  Value init = arg_or(a, 0, "initial_bytes", Value());
  Ref<IOObj> f = make<IOObj>(IOObj::Kind::BytesIO, "BytesIO");
  if (!init.is_none()) {
    const std::string* b = bytes_like(init);
    if (!b) type_error("a bytes-like object is required, not '" + type_name(init) + "'");
    f->buf = *b;
  }
  return Value::object(f);
}

}  // namespace loopscope::script
