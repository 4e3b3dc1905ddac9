// secrets: token_bytes, token_hex, token_urlsafe, choice, randbelow,
// randbits and compare_digest, written in the script language. The
// simulated world has no entropy source: tokens come from a generator
// seeded once per run, so a run repeats itself (CPython's differ on every
// run, so no transcript can show them anyway).

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
import base64 as _base64
import random as _random

_sysrand = _random.Random(0x5EC2E75)
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand.randrange(exclusive_upper_bound)


def randbits(k):
    return _sysrand.getrandbits(k)


def choice(seq):
    return _sysrand.choice(seq)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return bytes(_sysrand.getrandbits(8) for _ in range(nbytes))


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    return _base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def compare_digest(a, b):
    if type(a) is not type(b) and not (isinstance(a, (bytes, bytearray)) and isinstance(b, (bytes, bytearray))):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    return a == b
)PY";

}  // namespace

Ref<ModuleObj> make_secrets_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("secrets");
  run_source_in_module(in, m, "secrets.py", kSource);
  return m;
}

}  // namespace loopscope::script
