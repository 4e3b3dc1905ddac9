# uuid: UUID values from strings, uuid3/uuid5 (MD5/SHA-1 of namespace and
# name), comparison and hashing as CPython's.
import uuid

u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(repr(u), u, u.hex, u.version, u.variant, u.urn)
print(uuid.UUID("{12345678-1234-5678-1234-567812345678}") == u, uuid.UUID("urn:uuid:12345678123456781234567812345678") == u)
print(uuid.UUID("12345678123456781234567812345678", version=4), uuid.UUID(int=5, version=4), uuid.UUID(hex="A" * 32))
print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"))
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/ü"), uuid.uuid3(uuid.NAMESPACE_OID, ""), uuid.NAMESPACE_X500)
v = uuid.uuid5(uuid.NAMESPACE_DNS, "example.com")
print(v.version, v.variant, str(v)[14], hash(u), hash(v), u < v, sorted([v, u])[0] == u, u != v)
for bad in ("xyz", "12345678-1234-5678-1234-56781234567g"):
    try:
        uuid.UUID(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    uuid.UUID()
except TypeError as e:
    print("TypeError", e)
try:
    u.x = 1
except TypeError as e:
    print("TypeError", e)
# expect: UUID('12345678-1234-5678-1234-567812345678') 12345678-1234-5678-1234-567812345678 12345678123456781234567812345678 None reserved for NCS compatibility urn:uuid:12345678-1234-5678-1234-567812345678
# expect: True True
# expect: 12345678-1234-4678-9234-567812345678 00000000-0000-4000-8000-000000000005 aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa
# expect: 886313e1-3b8a-5372-9b90-0c9aee199e5d 6fa459ea-ee8a-3ca4-894e-db77e160355e
# expect: a17f7a1d-6bb5-51a9-9d32-f9d2fdeec8b6 596b79dc-00dd-3991-a72f-d3696c38c64f 6ba7b814-9dad-11d1-80b4-00c04fd430c8
# expect: 5 specified in RFC 4122 5 276701140489800253 1480504892920455799 True True True
# expect: ValueError badly formed hexadecimal UUID string
# expect: ValueError invalid literal for int() with base 16: '1234567812345678123456781234567g'
# expect: TypeError one of the hex, bytes, bytes_le, fields, or int arguments must be given
# expect: TypeError UUID objects are immutable
# UUID.int is the 128-bit int (values from the CPython oracle; uuid4 continues the run's generator).
u = uuid.uuid4()
print(u, u.int, hash(u) == hash(u.int), uuid.UUID(int=u.int) == u, uuid.UUID(int=2**127), u.int.bit_length() <= 128)
v = uuid.uuid5(uuid.NAMESPACE_DNS, "example.com")
print(v, v.int, v.int % 1000, sorted([u, v])[0] == min(u, v))
try:
    uuid.UUID(int=2**128)
except ValueError as e:
    print("ValueError:", e)
# expect: b8a1abcd-1a69-46c7-8da4-f9fc3c6da5d7 245417395560638049435502547567891031511 True True 80000000-0000-0000-0000-000000000000 True
# expect: cfbff0d1-9375-5685-968c-48ce8b15ae17 276146808210084729002700941631111409175 175 True
# expect: ValueError: int is out of range (need a 128-bit value)
