// The methods of file objects (TextIOWrapper, Buffered*, StringIO,
// BytesIO) and the io module.

#include <unistd.h>

#include "engine/script/modules/args.hpp"
#include "engine/script/modules/io_file.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/runtime/bytes.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/script/runtime/text.hpp"

namespace loopscope::script {

namespace {

IOObj& io(const Value& self) { return *self.as<IOObj>(); }

[[noreturn]] void unsupported(const std::string& msg) {
  throw PyError{make<ExceptionObj>(Ref<ClassObj>(unsupported_operation_class()), std::vector<Value>{str_value(msg)})};
}

IOObj& open_file(const Value& self) {
  IOObj& f = io(self);
  if (f.closed) value_error(f.memory() ? "I/O operation on closed file" : "I/O operation on closed file.");
  return f;
}
IOObj& for_reading(const Value& self) {
  IOObj& f = open_file(self);
  if (!f.readable) unsupported(f.text() ? "not readable" : "read");
  return f;
}
IOObj& for_writing(const Value& self) {
  IOObj& f = open_file(self);
  if (!f.writable) unsupported(f.text() ? "not writable" : "write");
  return f;
}

bool universal(const IOObj& f) { return f.newline.is_none() && f.kind == IOObj::Kind::TextFile; }
bool cr_is_newline(const IOObj& f) {
  return universal(f) || (f.newline.is(ObjKind::Str) && f.newline.as<StrObj>()->value != "\n");
}

// How many bytes of `raw` make n characters (n < 0: all) or one line;
// npos when more data is needed to decide.
size_t text_span(const IOObj& f, const std::string& raw, bool eof, int64_t n, bool line) {
  bool utf8 = f.kind == IOObj::Kind::StringIO || f.encoding.find("utf") != std::string::npos ||
              f.encoding.find("UTF") != std::string::npos;
  int64_t chars = 0;
  size_t i = 0;
  while (i < raw.size()) {
    if (n >= 0 && chars == n) return i;
    char c = raw[i];
    if (c == '\r' && cr_is_newline(f)) {
      if (i + 1 == raw.size() && !eof) return std::string::npos;
      size_t len = (i + 1 < raw.size() && raw[i + 1] == '\n') ? 2 : 1;
      i += len;
      chars += universal(f) ? 1 : static_cast<int64_t>(len);
      if (line) return i;
      continue;
    }
    if (c == '\n') {
      ++i;
      ++chars;
      if (line) return i;
      continue;
    }
    auto u = static_cast<unsigned char>(c);
    size_t k = !utf8 || u < 0xC0 ? 1 : u < 0xE0 ? 2 : u < 0xF0 ? 3 : 4;
    if (i + k > raw.size() && !eof) return std::string::npos;
    i = std::min(i + k, raw.size());
    ++chars;
  }
  return eof ? raw.size() : std::string::npos;
}

std::string read_text(IOObj& f, int64_t n, bool line) {
  std::string raw;
  bool eof = false;
  size_t used = std::string::npos;
  while (used == std::string::npos) {
    std::string more = f.read_at(f.pos + static_cast<int64_t>(raw.size()), f.memory() ? -1 : 8192);
    eof = more.empty() || f.memory();
    raw += more;
    used = text_span(f, raw, eof, n, line);
  }
  raw.resize(used);
  f.pos += static_cast<int64_t>(used);
  std::string text = f.kind == IOObj::Kind::StringIO ? raw : decode_bytes(raw, f.encoding, f.errors);
  if (!universal(f)) return text;
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') out += text[i];
    else if (i + 1 < text.size() && text[i + 1] == '\n') continue;
    else out += '\n';
  }
  return out;
}

std::string read_binary(IOObj& f, int64_t n, bool line) {
  std::string out;
  if (!line) {
    out = f.read_at(f.pos, n);
  } else {
    for (;;) {
      std::string more = f.read_at(f.pos + static_cast<int64_t>(out.size()), 8192);
      if (more.empty()) break;
      size_t nl = more.find('\n');
      if (nl != std::string::npos) {
        out.append(more, 0, nl + 1);
        break;
      }
      out += more;
    }
    if (n >= 0 && static_cast<int64_t>(out.size()) > n) out.resize(static_cast<size_t>(n));
  }
  f.pos += static_cast<int64_t>(out.size());
  return out;
}

Value read_some(const Value& self, int64_t n, bool line) {
  IOObj& f = for_reading(self);
  if (f.text()) return str_value(read_text(f, n, line));
  return bytes_value(read_binary(f, n, line));
}

int64_t size_arg(const CallArgs& a, const char* name) {
  Value v = arg_or(a, 0, "size", Value::integer(-1));
  return v.is_none() ? -1 : to_int(v, name);
}

Value f_read(Interp&, const Value& self, CallArgs& a) {
  check_args("read", a, 0, 1, true);
  return read_some(self, size_arg(a, "read() argument"), false);
}

Value f_readline(Interp&, const Value& self, CallArgs& a) {
  check_args("readline", a, 0, 1, true);
  int64_t limit = size_arg(a, "readline() argument");
  IOObj& f = for_reading(self);
  if (f.text() && limit >= 0) {
    std::string line = read_text(f, -1, true);  // then give back what is past the limit
    std::vector<size_t> off = utf8_offsets(line);
    if (static_cast<int64_t>(off.size()) - 1 > limit) {
      std::string rest = line.substr(off[static_cast<size_t>(limit)]);
      f.pos -= static_cast<int64_t>(rest.size());
      line.resize(off[static_cast<size_t>(limit)]);
    }
    return str_value(line);
  }
  return read_some(self, limit, true);
}

Value f_readlines(Interp& in, const Value& self, CallArgs& a) {
  check_args("readlines", a, 0, 1);
  std::vector<Value> lines;
  for (;;) {
    Value line = read_some(self, -1, true);
    if (!in.truthy(line)) break;
    lines.push_back(line);
  }
  return Value::object(make<ListObj>(std::move(lines)));
}

int64_t write_value(IOObj& f, const Value& v) {
  std::string data;
  int64_t count;
  if (f.text()) {
    if (!v.is(ObjKind::Str)) {
      if (f.kind == IOObj::Kind::StringIO) type_error("string argument expected, got '" + type_name(v) + "'");
      type_error("write() argument must be str, not " + type_name(v));
    }
    const std::string& s = v.as<StrObj>()->value;
    count = static_cast<int64_t>(utf8_length(s));
    std::string nl = f.newline.is(ObjKind::Str) ? f.newline.as<StrObj>()->value : "\n";
    if (f.kind == IOObj::Kind::TextFile && nl != "" && nl != "\n") {
      for (char c : s) data += c == '\n' ? nl : std::string(1, c);
    } else {
      data = s;
    }
    if (f.kind == IOObj::Kind::TextFile) data = encode_text(data, f.encoding, f.errors);
  } else {
    const std::string* b = bytes_like(v);
    if (!b) type_error("a bytes-like object is required, not '" + type_name(v) + "'");
    data = *b;
    count = static_cast<int64_t>(data.size());
  }
  if (f.appending) f.pos = f.size();
  f.write_at(f.pos, data);
  f.pos += static_cast<int64_t>(data.size());
  return count;
}

Value f_write(Interp&, const Value& self, CallArgs& a) {
  check_args("write", a, 1, 1);
  return Value::integer(write_value(for_writing(self), a.pos[0]));
}

Value f_writelines(Interp& in, const Value& self, CallArgs& a) {
  check_args("writelines", a, 1, 1);
  IOObj& f = for_writing(self);
  for (const Value& v : in.to_vector(a.pos[0])) write_value(f, v);
  return Value();
}

int64_t char_offset(const IOObj& f, int64_t chars) {  // StringIO: character index to byte offset
  std::vector<size_t> off = utf8_offsets(f.buf);
  int64_t n = static_cast<int64_t>(off.size()) - 1;
  if (chars <= n) return static_cast<int64_t>(off[static_cast<size_t>(chars)]);
  return static_cast<int64_t>(f.buf.size()) + (chars - n);
}

Value f_tell(Interp&, const Value& self, CallArgs& a) {
  check_args("tell", a, 0, 0);
  IOObj& f = open_file(self);
  if (f.kind == IOObj::Kind::StringIO) {
    int64_t inside = std::min<int64_t>(f.pos, static_cast<int64_t>(f.buf.size()));
    return Value::integer(static_cast<int64_t>(utf8_length(std::string_view(f.buf).substr(0, static_cast<size_t>(inside)))) +
                          (f.pos - inside));
  }
  return Value::integer(f.pos);
}

Value f_seek(Interp&, const Value& self, CallArgs& a) {
  check_args("seek", a, 1, 2);
  IOObj& f = open_file(self);
  int64_t off = to_int(a.pos[0], "seek() argument");
  int64_t whence = a.pos.size() > 1 ? to_int(a.pos[1], "whence") : 0;
  if (whence < 0 || whence > 2) {
    value_error(f.text() ? "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)"
                         : "whence value " + std::to_string(whence) + " unsupported");
  }
  if (f.kind == IOObj::Kind::StringIO && whence != 0 && off != 0) {
    raise(Exc::OSError, whence == 1 ? "Can't do nonzero cur-relative seeks" : "Can't do nonzero end-relative seeks");
  }
  if (f.text() && whence != 0 && off != 0) {
    unsupported(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
  }
  if (whence == 0 && off < 0) {
    value_error(f.kind == IOObj::Kind::StringIO ? "Negative seek position " + std::to_string(off)
                                                : "negative seek position " + std::to_string(off));
  }
  int64_t base = whence == 0 ? 0 : whence == 1 ? f.pos : f.size();
  if (f.kind == IOObj::Kind::StringIO) {
    f.pos = whence == 0 ? char_offset(f, off) : base;
    return Value::integer(whence == 0 ? off : static_cast<int64_t>(utf8_length(f.buf)));
  }
  f.pos = std::max<int64_t>(0, base + off);
  return Value::integer(f.pos);
}

Value f_close(Interp&, const Value& self, CallArgs& a) {
  check_args("close", a, 0, 0);
  io(self).closed = true;
  io(self).close_fd();
  return Value();
}

Value f_flush(Interp&, const Value& self, CallArgs& a) {
  check_args("flush", a, 0, 0);
  open_file(self);
  return Value();
}

Value f_enter(Interp&, const Value& self, CallArgs& a) {
  check_args("__enter__", a, 0, 0);
  open_file(self);
  return self;
}

Value f_exit(Interp& in, const Value& self, CallArgs& a) {
  CallArgs none;
  f_close(in, self, none);
  (void)a;
  return Value::boolean(false);
}

Value f_iter(Interp&, const Value& self, CallArgs& a) {
  check_args("__iter__", a, 0, 0);
  open_file(self);
  Value keep = self;
  return Value::object(make<IterObj>(io(self).type, [keep](Interp& in, Value& out) {
    out = read_some(keep, -1, true);
    return in.truthy(out);
  }));
}

Value f_next(Interp& in, const Value& self, CallArgs& a) {
  check_args("__next__", a, 0, 0);
  Value line = read_some(self, -1, true);
  if (!in.truthy(line)) throw PyError{make_exc(Exc::StopIteration)};
  return line;
}

Value f_getvalue(Interp&, const Value& self, CallArgs& a) {
  check_args("getvalue", a, 0, 0);
  IOObj& f = open_file(self);
  return f.kind == IOObj::Kind::StringIO ? str_value(f.buf) : bytes_value(f.buf);
}

Value f_truncate(Interp&, const Value& self, CallArgs& a) {
  check_args("truncate", a, 0, 1);
  IOObj& f = for_writing(self);
  int64_t size = a.pos.empty() || a.pos[0].is_none() ? f.pos : to_int(a.pos[0], "truncate() argument");
  if (f.kind == IOObj::Kind::StringIO) size = char_offset(f, size);
  if (f.memory()) {
    if (size < static_cast<int64_t>(f.buf.size())) f.buf.resize(static_cast<size_t>(size));
  } else if (::ftruncate(f.fd, size) != 0) {
    raise_os_error(errno, Value());
  }
  return Value::integer(size);
}

Value f_readable(Interp&, const Value& self, CallArgs&) { return Value::boolean(open_file(self).readable); }
Value f_writable(Interp&, const Value& self, CallArgs&) { return Value::boolean(open_file(self).writable); }
Value f_seekable(Interp&, const Value& self, CallArgs&) { return Value::boolean((open_file(self), true)); }
Value f_fileno(Interp&, const Value& self, CallArgs&) {
  IOObj& f = open_file(self);
  if (f.memory()) unsupported("fileno");
  return Value::integer(f.fd);
}

Value p_name(Interp&, const Value& self) { return io(self).name; }
Value p_mode(Interp&, const Value& self) { return str_value(io(self).mode); }
Value p_closed(Interp&, const Value& self) { return Value::boolean(io(self).closed); }
Value p_encoding(Interp&, const Value& self) { return str_value(io(self).encoding); }

}  // namespace

void install_io_methods() {
  static const std::initializer_list<std::pair<const char*, NativeFn>> common = {
      {"read", f_read}, {"readline", f_readline}, {"readlines", f_readlines}, {"write", f_write},
      {"writelines", f_writelines}, {"tell", f_tell}, {"seek", f_seek}, {"close", f_close}, {"flush", f_flush},
      {"__enter__", f_enter}, {"__exit__", f_exit}, {"__iter__", f_iter}, {"__next__", f_next},
      {"truncate", f_truncate}, {"readable", f_readable}, {"writable", f_writable}, {"seekable", f_seekable},
      {"fileno", f_fileno},
  };
  for (const char* t : {"_io.TextIOWrapper", "_io.BufferedReader", "_io.BufferedWriter", "_io.BufferedRandom",
                        "_io.StringIO", "_io.BytesIO"}) {
    register_methods(engine_type(t), common);
    register_properties(engine_type(t), {{"closed", p_closed}});
  }
  for (const char* t : {"_io.TextIOWrapper", "_io.BufferedReader", "_io.BufferedWriter", "_io.BufferedRandom"}) {
    register_properties(engine_type(t), {{"name", p_name}, {"mode", p_mode}});
  }
  register_properties(engine_type("_io.TextIOWrapper"), {{"encoding", p_encoding}});
  register_methods(engine_type("_io.StringIO"), {{"getvalue", f_getvalue}});
  register_methods(engine_type("_io.BytesIO"), {{"getvalue", f_getvalue}});
}

namespace {
// The type object of a kind of file object (made once, by class_of).
ClassObj* io_class(IOObj::Kind kind, const char* type) { return class_of(Value::object(make<IOObj>(kind, type))); }
}  // namespace

Ref<ModuleObj> make_io_module(Interp&) {
  Ref<ModuleObj> m = make<ModuleObj>("io");
  add_function(*m, "open", b_open);
  ClassObj* string_io = io_class(IOObj::Kind::StringIO, "StringIO");
  ClassObj* bytes_io = io_class(IOObj::Kind::BytesIO, "BytesIO");
  register_constructor(string_io, make_string_io);
  register_constructor(bytes_io, make_bytes_io);
  m->globals["StringIO"] = Value::object(string_io);
  m->globals["BytesIO"] = Value::object(bytes_io);
  m->globals["TextIOWrapper"] = Value::object(io_class(IOObj::Kind::TextFile, "TextIOWrapper"));
  m->globals["BufferedReader"] = Value::object(io_class(IOObj::Kind::BinaryFile, "BufferedReader"));
  m->globals["BufferedWriter"] = Value::object(io_class(IOObj::Kind::BinaryFile, "BufferedWriter"));
  m->globals["BufferedRandom"] = Value::object(io_class(IOObj::Kind::BinaryFile, "BufferedRandom"));
  m->globals["UnsupportedOperation"] = Value::object(unsupported_operation_class());
  m->globals["SEEK_SET"] = Value::integer(0);
  m->globals["SEEK_CUR"] = Value::integer(1);
  m->globals["SEEK_END"] = Value::integer(2);
  return m;
}

}  // namespace loopscope::script
