// base64: b64encode/b64decode (with altchars and validate),
// standard_b64*/urlsafe_b64*, b16encode/b16decode and b32encode/b32decode,
// written in the script language over bytes.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kBase64Source = R"PY(
_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Error(ValueError):
    pass


def _bytes(s, what="argument"):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("%s should be a bytes-like object or ASCII string, not '%s'" % (what, type(s).__name__))


def b64encode(s, altchars=None):
    if not isinstance(s, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
    table = _B64 if altchars is None else _B64[:62] + bytes(altchars)[:2]
    out = bytearray()
    data = bytes(s)
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\0" * (3 - len(chunk)), "big")
        quad = [table[(n >> shift) & 63] for shift in (18, 12, 6, 0)]
        keep = len(chunk) + 1
        out += bytes(quad[:keep]) + b"=" * (4 - keep)
    return bytes(out)


def b64decode(s, altchars=None, validate=False):
    data = _bytes(s)
    if altchars is not None:
        alt = _bytes(altchars)
        data = data.replace(alt[:1], b"+").replace(alt[1:2], b"/")
    values = {c: i for i, c in enumerate(_B64)}
    if validate:
        body = data.rstrip(b"=")
        if any(c not in values for c in body) or len(data) % 4:
            raise Error("Non-base64 digit found" if any(c not in values for c in body) else "Incorrect padding")
    out = bytearray()
    acc = bits = 0
    count = 0
    for c in data:
        if c == 61:  # '='
            break
        if c not in values:
            continue
        acc = (acc << 6) | values[c]
        bits += 6
        count += 1
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    if count % 4 == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a "
                    "multiple of 4" % count)
    pad = data.count(b"=")
    if count % 4 and (count % 4) + pad < 4:
        raise Error("Incorrect padding")
    return bytes(out)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return b64encode(s).replace(b"+", b"-").replace(b"/", b"_")


def urlsafe_b64decode(s):
    return b64decode(_bytes(s).replace(b"-", b"+").replace(b"_", b"/"))


def b16encode(s):
    return bytes(s).hex().upper().encode("ascii")


def b16decode(s, casefold=False):
    data = _bytes(s)
    if casefold:
        data = data.upper()
    if any(c not in b"0123456789ABCDEF" for c in data):
        raise Error("Non-base16 digit found")
    return bytes.fromhex(data.decode("ascii"))


def b32encode(s):
    data = bytes(s)
    out = bytearray()
    for i in range(0, len(data), 5):
        chunk = data[i:i + 5]
        n = int.from_bytes(chunk + b"\0" * (5 - len(chunk)), "big")
        digits = [_B32[(n >> (35 - 5 * k)) & 31] for k in range(8)]
        keep = {1: 2, 2: 4, 3: 5, 4: 7, 5: 8}[len(chunk)]
        out += bytes(digits[:keep]) + b"=" * (8 - keep)
    return bytes(out)


def b32decode(s, casefold=False):
    data = _bytes(s)
    if casefold:
        data = data.upper()
    if len(data) % 8:
        raise Error("Incorrect padding")
    values = {c: i for i, c in enumerate(_B32)}
    out = bytearray()
    acc = bits = 0
    for c in data.rstrip(b"="):
        if c not in values:
            raise Error("Non-base32 digit found")
        acc = (acc << 5) | values[c]
        bits += 5
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return bytes(out)


def encodebytes(s):
    data = bytes(s)
    return b"".join(b64encode(data[i:i + 57]) + b"\n" for i in range(0, len(data), 57))


def decodebytes(s):
    return b64decode(s)
)PY";

}  // namespace

Ref<ModuleObj> make_base64_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("base64");
  run_source_in_module(in, m, "base64.py", kBase64Source);
  return m;
}

}  // namespace loopscope::script
