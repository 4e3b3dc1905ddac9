// The uuid module: UUID values (held as 32 hex digits; `.int` is the
// 128-bit int they spell), uuid3/uuid5 (MD5 and SHA-1
// from Debian's nettle-dev) and uuid4 drawn from a generator the simulated
// world seeds the same way every run (random.Random(4): four 32-bit draws,
// the first the least significant, as CPython's getrandbits(128) orders
// them), so a run's UUIDs are the same each time and equal to the oracle's.

#include <nettle/md5.h>
#include <nettle/sha1.h>

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

std::string to_hex(const uint8_t* d, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[d[i] >> 4];
    out += digits[d[i] & 15];
  }
  return out;
}

std::string from_hex(const std::string& h) {
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}

// _digest(kind, namespace_hex, name): the hex digest ('md5' or 'sha1') of
// the namespace's 16 bytes followed by the name's UTF-8 bytes.
Value u_digest(Interp&, const Value&, CallArgs& a) {
  check_args("_digest", a, 3, 3);
  const std::string& kind = as_str(a.pos[0], "kind");
  std::string data = from_hex(as_str(a.pos[1], "namespace")) + as_str(a.pos[2], "name");
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  if (kind == "md5") {
    md5_ctx ctx;
    md5_init(&ctx);
    md5_update(&ctx, data.size(), bytes);
    uint8_t out[MD5_DIGEST_SIZE];
    md5_digest(&ctx, MD5_DIGEST_SIZE, out);
    return str_value(to_hex(out, MD5_DIGEST_SIZE));
  }
  sha1_ctx ctx;
  sha1_init(&ctx);
  sha1_update(&ctx, data.size(), bytes);
  uint8_t out[SHA1_DIGEST_SIZE];
  sha1_digest(&ctx, SHA1_DIGEST_SIZE, out);
  return str_value(to_hex(out, SHA1_DIGEST_SIZE));
}

const char* const kSource = R"PY(
import random as _random

_HEX = '0123456789abcdefABCDEF'
RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'
_M61 = (1 << 61) - 1


class UUID:
    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None, int=None, version=None):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, or int arguments must be given')
        if bytes is not None or bytes_le is not None or fields is not None:
            raise TypeError('UUID from bytes or fields is not supported here (no bytes type)')
        if hex is not None:
            hex = hex.replace('urn:', '').replace('uuid:', '')
            hex = hex.strip('{}').replace('-', '')
            if len(hex) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            for c in hex:
                if c not in _HEX:
                    raise ValueError("invalid literal for int() with base 16: %r" % hex)
            hex = hex.lower()
        else:
            if not 0 <= int < 1 << 128:
                raise ValueError('int is out of range (need a 128-bit value)')
            hex = '%032x' % int
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            hex = hex[:12] + '%x' % version + hex[13:16] + '%x' % (8 | (_HEX.index(hex[16]) & 3)) + hex[17:]
        object.__setattr__(self, '_hex', hex)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    @property
    def hex(self):
        return self._hex

    @property
    def int(self):
        return int(self._hex, 16)

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        v = _HEX.index(self._hex[16])
        if not v & 8:
            return RESERVED_NCS
        if not v & 4:
            return RFC_4122
        if not v & 2:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return _HEX.index(self._hex[12])
        return None

    def __str__(self):
        h = self._hex
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._hex == other._hex
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, UUID):
            return self._hex != other._hex
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._hex < other._hex
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self._hex <= other._hex
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self._hex > other._hex
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self._hex >= other._hex
        return NotImplemented

    def __hash__(self):
        # hash(self.int) as CPython computes it: the value modulo 2**61 - 1.
        h = 0
        for c in self._hex:
            h = ((h & ((1 << 57) - 1)) << 4) + (h >> 57) + _HEX.index(c)
            if h >= _M61:
                h -= _M61
        return h


_rng = _random.Random(4)


def uuid4():
    w = [_rng.getrandbits(32) for _ in range(4)]
    return UUID(hex='%08x%08x%08x%08x' % (w[3], w[2], w[1], w[0]), version=4)


def uuid3(namespace, name):
    return UUID(hex=_digest('md5', namespace.hex, name)[:32], version=3)


def uuid5(namespace, name):
    return UUID(hex=_digest('sha1', namespace.hex, name)[:32], version=5)


def uuid1(node=None, clock_seq=None):
    raise NotImplementedError('uuid1 is not simulated (it reads the host and the wall clock); use uuid4')


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
)PY";

}  // namespace

Ref<ModuleObj> make_uuid_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("uuid");
  add_function(*m, "_digest", u_digest);
  run_source_in_module(in, m, "uuid.py", kSource);
  return m;
}

}  // namespace loopscope::script
