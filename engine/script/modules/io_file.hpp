#pragma once
// File objects: open() on the real file system (text and binary modes) and
// the in-memory io.StringIO / io.BytesIO. One object type, IOObj, whose
// type name is CPython's class (TextIOWrapper, BufferedReader,
// BufferedWriter, BufferedRandom, StringIO, BytesIO): methods are
// registered per type name, as for the other engine objects.
//
// Storage is either a file descriptor (reads and writes go straight to
// the file: no buffering, so another open of the same path sees every
// write at once) or a byte buffer. Text is stored encoded (UTF-8 for
// StringIO); text positions of a file are byte offsets, as CPython's
// tell() cookies are when the decoder has no pending state.

#include <map>
#include <string>
#include <vector>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

class IOObj final : public Object {
 public:
  enum class Kind : uint8_t { TextFile, BinaryFile, StringIO, BytesIO };
  IOObj(Kind k, std::string type) : Object(ObjKind::Other), kind(k), type("_io." + std::move(type)) {}
  ~IOObj() override;
  std::string type_name() const override { return type; }
  std::string repr() const override;

  bool text() const { return kind == Kind::TextFile || kind == Kind::StringIO; }
  bool memory() const { return kind == Kind::StringIO || kind == Kind::BytesIO; }
  int64_t size() const;
  std::string read_at(int64_t at, int64_t n) const;  // n < 0: to the end
  void write_at(int64_t at, const std::string& data);
  void close_fd();

  Kind kind;
  std::string type;       // CPython's type name: "_io.TextIOWrapper"
  int fd = -1;
  std::string buf;        // the memory objects' contents
  int64_t pos = 0;        // byte offset
  bool readable = true, writable = true, appending = false, closed = false;
  Value name;             // the path as given (files)
  std::string mode;       // as open() reports it
  std::string encoding = "UTF-8", errors = "strict";
  Value newline;          // None (universal), '' or a terminator
};

// The built-in open().
Value b_open(Interp& in, const Value& self, CallArgs& a);
// io.StringIO(initial='', newline='\n') and io.BytesIO(initial=b'').
Value make_string_io(Interp& in, const Value& self, CallArgs& a);
Value make_bytes_io(Interp& in, const Value& self, CallArgs& a);
// io.UnsupportedOperation (OSError and ValueError).
ClassObj* unsupported_operation_class();
// The OSError subclass for errno `err` (FileNotFoundError, ...), with
// errno, strerror and filename set, as CPython raises them.
[[noreturn]] void raise_os_error(int err, const Value& filename);
// OSError(errno, strerror[, filename[, winerror[, filename2]]]) as CPython
// makes it: a plain OSError becomes the errno's subclass, the filenames go
// to attributes and args keeps the first two.
void os_error_arguments(Ref<ClassObj>& cls, std::vector<Value>& args, std::map<std::string, Value>& attrs);
// Raises PermissionError ([Errno 1] Operation not permitted) when the run's
// options keep scripts away from the host's files (RunOptions::file_system).
void require_file_system(Interp& in, const Value& path);
// Registers the methods of the file types.
void install_io_methods();

}  // namespace loopscope::script
