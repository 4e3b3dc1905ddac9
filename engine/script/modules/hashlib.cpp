// The hashlib module: md5, sha1, sha224, sha256, sha384, sha512 and
// new(name, data=b''), computed with Debian's nettle. A hash object keeps
// the bytes fed to it and digests them on demand, so copy() is a plain copy.

#include <nettle/nettle-meta.h>

#include <vector>

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/bytes.hpp"

namespace loopscope::script {

namespace {

const nettle_hash* find_hash(const std::string& name) {
  if (name == "md5") return &nettle_md5;
  if (name == "sha1") return &nettle_sha1;
  if (name == "sha224") return &nettle_sha224;
  if (name == "sha256") return &nettle_sha256;
  if (name == "sha384") return &nettle_sha384;
  if (name == "sha512") return &nettle_sha512;
  return nullptr;
}

// _digest(name, data): the raw digest of the bytes-like data as bytes.
Value h_digest(Interp&, const Value&, CallArgs& a) {
  check_args("_digest", a, 2, 2);
  const nettle_hash* h = find_hash(as_str(a.pos[0], "name"));
  const std::string* data = bytes_like(a.pos[1]);
  if (h == nullptr || data == nullptr) return Value();
  std::vector<uint8_t> ctx(h->context_size);
  std::vector<uint8_t> out(h->digest_size);
  h->init(ctx.data());
  h->update(ctx.data(), data->size(), reinterpret_cast<const uint8_t*>(data->data()));
  h->digest(ctx.data(), h->digest_size, out.data());
  return bytes_value(std::string(out.begin(), out.end()));
}

// _hex(data): the bytes as lowercase hexadecimal digits.
Value h_hex(Interp&, const Value&, CallArgs& a) {
  check_args("_hex", a, 1, 1);
  const std::string* data = bytes_like(a.pos[0]);
  if (data == nullptr) return Value();
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (char c : *data) {
    auto u = static_cast<uint8_t>(c);
    out += digits[u >> 4];
    out += digits[u & 15];
  }
  return str_value(out);
}

const char* const kSource = R"PY(
_SIZES = {'md5': (16, 64), 'sha1': (20, 64), 'sha224': (28, 64), 'sha256': (32, 64),
          'sha384': (48, 128), 'sha512': (64, 128)}

algorithms_guaranteed = set(_SIZES)
algorithms_available = set(_SIZES)


def _check(data):
    if isinstance(data, str):
        raise TypeError('Strings must be encoded before hashing')
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError('object supporting the buffer API required')
    return bytes(data)


class _Hash:
    def __init__(self, name, data):
        self.name = name
        self.digest_size = _SIZES[name][0]
        self.block_size = _SIZES[name][1]
        self._data = _check(data)

    def update(self, data):
        self._data = self._data + _check(data)

    def digest(self):
        return _digest(self.name, self._data)

    def hexdigest(self):
        return _hex(_digest(self.name, self._data))

    def copy(self):
        other = _Hash(self.name, b'')
        other._data = self._data
        return other


def new(name, data=b''):
    if not isinstance(name, str):
        raise TypeError('new() argument 1 must be str, not ' + type(name).__name__)
    if name.lower() not in _SIZES:
        raise ValueError('unsupported hash type ' + name)
    return _Hash(name.lower(), data)


def md5(data=b''):
    return _Hash('md5', data)


def sha1(data=b''):
    return _Hash('sha1', data)


def sha224(data=b''):
    return _Hash('sha224', data)


def sha256(data=b''):
    return _Hash('sha256', data)


def sha384(data=b''):
    return _Hash('sha384', data)


def sha512(data=b''):
    return _Hash('sha512', data)
)PY";

}  // namespace

Ref<ModuleObj> make_hashlib_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("hashlib");
  add_function(*m, "_digest", h_digest);
  add_function(*m, "_hex", h_hex);
  run_source_in_module(in, m, "hashlib.py", kSource);
  return m;
}

}  // namespace loopscope::script
