#pragma once
// bytes and bytearray (BytesObj, engine/object/value.hpp): constructors,
// the operators the VM delegates to them, the codecs (utf-8, ascii,
// latin-1 with errors='strict'|'replace'|'ignore'), and their methods.

#include <string>

#include "engine/script/vm/interp.hpp"

namespace loopscope::script {

// bytes(...) / bytearray(...): the constructors of the two type objects.
Value c_bytes(Interp& in, const Value& self, CallArgs& a);
Value c_bytearray(Interp& in, const Value& self, CallArgs& a);

// The contents of a bytes-like value (bytes, bytearray), or nullptr.
const std::string* bytes_like(const Value& v);

// str.encode / bytes.decode: CPython's codec names and error messages
// (UnicodeEncodeError / UnicodeDecodeError, LookupError).
std::string encode_text(const std::string& s, const std::string& encoding, const std::string& errors);
std::string decode_bytes(const std::string& b, const std::string& encoding, const std::string& errors);

// ascii(v): repr(v) with non-ASCII characters as \x, \u, \U escapes.
std::string ascii_repr(Interp& in, const Value& v);

// Operators on bytes: each returns false when the operands are not its own.
bool bytes_getitem(Interp& in, BytesObj* b, const Value& key, Value& out);
bool bytes_setitem(Interp& in, BytesObj* b, const Value& key, const Value& v);
bool bytes_binary(Interp& in, BinOp op, const Value& a, const Value& b, bool inplace, Value& out);
bool bytes_contains(BytesObj* b, const Value& item);
bool bytes_less(const Value& a, const Value& b, bool& out);

// A slice's positions over n items (ops_operators.cpp).
std::vector<int64_t> slice_index_list(Interp& in, const SliceObj& s, int64_t n);

// Registers the methods of bytes and bytearray, and str.encode.
void install_bytes_methods();

}  // namespace loopscope::script
