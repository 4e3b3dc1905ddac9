# Odds and ends: sets of bytes (CPython hash order), OSError construction, print(file=), StringIO positions.
import io, os, tempfile
print({b'a', b'b', b'c', b'hello', b'\xff'}, type(b''), isinstance(bytearray(), bytes), str(bytearray(b'x')))
print(list(map(hex, b'ab')), sum(b'abc'), max(b'abc'), b'x' * 0, bytes(range(5)), bytes(x for x in range(3)), '%s' % bytearray(b'a'))
print(OSError(2, 'x').errno, OSError(2, 'x').strerror, str(OSError(2, 'x')), OSError('plain').errno, repr(OSError(2, 'x')))
tmp = tempfile.mkdtemp()
p = os.path.join(tmp, 'f.txt')
f = open(p, 'w')
print('a', 'b', sep=', ', end='!\n', file=f)
f.close()
for line in open(p):
    print(repr(line))
s = io.StringIO('héllo\nwörld\n')
print(s.read(3), s.tell(), s.readline(), s.tell(), s.seek(1), s.read(2))
print(repr(open(p)).replace(tmp, 'T'))
print(b'abc'.hex(), b'a,b'.split(b','), bytes.fromhex('ff').hex())
os.remove(p); os.rmdir(tmp)
try:
    raise FileNotFoundError(2, 'No such file or directory', 'cfg.ini')
except OSError as e:
    print(e, e.filename, e.args)
d = {}
d[b'k'] = 1
print(d, b'k' in d, bytearray(b'k') in [b'k'])
# expect: {b'c', b'a', b'hello', b'b', b'\xff'} <class 'bytes'> False bytearray(b'x')
# expect: ['0x61', '0x62'] 294 99 b'' b'\x00\x01\x02\x03\x04' b'\x00\x01\x02' bytearray(b'a')
# expect: 2 x [Errno 2] x None FileNotFoundError(2, 'x')
# expect: 'a, b!\n'
# expect: hél 3 lo
# expect:  6 1 él
# expect: <_io.TextIOWrapper name='T/f.txt' mode='r' encoding='UTF-8'>
# expect: 616263 [b'a', b'b'] ff
# expect: [Errno 2] No such file or directory: 'cfg.ini' cfg.ini (2, 'No such file or directory')
# expect: {b'k': 1} True True
