# hashlib: md5/sha1/sha2 digests, new(), update/copy, and the errors for
# str data and unknown names, as CPython's.
import hashlib

url = "https://example.com/page"
print(hashlib.sha256(url.encode()).hexdigest()[:8])
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512"):
    h = hashlib.new(name, b"abc")
    print(h.name, h.digest_size, h.block_size, h.hexdigest())
h = hashlib.md5()
print(h.hexdigest())
h.update(b"hello ")
c = h.copy()
h.update(bytearray(b"world"))
print(h.hexdigest(), c.hexdigest(), h.digest() == hashlib.md5(b"hello world").digest())
d = hashlib.sha1(b"x").digest()
print(type(d).__name__, len(d), d[:4])
print(hashlib.new("SHA256", b"").hexdigest() == hashlib.sha256().hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256", "sha512"}))
try:
    hashlib.sha256("text")
except TypeError as e:
    print("TypeError", e)
try:
    hashlib.md5().update("text")
except TypeError as e:
    print("TypeError", e)
try:
    hashlib.sha1(5)
except TypeError as e:
    print("TypeError", e)
try:
    hashlib.new("nope")
except ValueError as e:
    print("ValueError", e)
# expect: 3641c5f2
# expect: md5 16 64 900150983cd24fb0d6963f7d28e17f72
# expect: sha1 20 64 a9993e364706816aba3e25717850c26c9cd0d89d
# expect: sha224 28 64 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7
# expect: sha256 32 64 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
# expect: sha384 48 128 cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7
# expect: sha512 64 128 ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f
# expect: d41d8cd98f00b204e9800998ecf8427e
# expect: 5eb63bbbe01eeed093cb22bb8f5acdc3 f814893777bcc2295fff05f00e508da6 True
# expect: bytes 20 b'\x11\xf6\xad\x8e'
# expect: True
# expect: ['md5', 'sha1', 'sha256', 'sha512']
# expect: TypeError Strings must be encoded before hashing
# expect: TypeError Strings must be encoded before hashing
# expect: TypeError object supporting the buffer API required
# expect: ValueError unsupported hash type nope
