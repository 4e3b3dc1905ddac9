# Methods of bytes/bytearray, the codecs and int.to_bytes / from_bytes.
def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

b = b'  Hello, World\r\nline2\nline3  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' H3'), b.split(), b.split(b','), b.split(None, 1), b.split(b'l', 2))
print(b.splitlines(), b.splitlines(True), b.upper(), b.lower(), b.find(b'o'), b.rfind(b'o'), b.find(b'zz'), b.find(111))
print(b.index(b'W'), b.count(b'l'), b.count(b''), b.replace(b'l', b'L'), b.replace(b'l', b'L', 2), b'ab'.replace(b'', b'-'))
print(b.startswith(b'  He'), b.endswith((b'x', b'3  ')), b.partition(b','), b.rpartition(b'l'), b.partition(b'#'))
print(b'-'.join([b'a', bytearray(b'b'), b'c']), b''.join([]), b'\x00\xffab'.hex(), b'\x01\x02'.hex(':'), bytes.fromhex('41 42ff'), bytearray.fromhex('00'))
print(bytes.hex(b'\x10'), b'abc1'.isalnum(), b'abc'.isalpha(), b'123'.isdigit(), b' \t'.isspace(), b''.isdigit())
print(bytearray(b' x ').strip(), type(bytearray(b'a,b').split(b',')[0]).__name__)
print('héllo wörld'.encode(), 'héllo'.encode('latin-1'), 'abc'.encode('ascii'), 'é€'.encode('utf-8'), 'x'.encode(encoding='UTF8'))
print(b'h\xc3\xa9'.decode(), b'h\xe9'.decode('latin-1'), b'abc'.decode('ascii'), str(b'\xc3\xa9', 'utf-8'), str(b'ab', encoding='ascii'))
print('é€x'.encode('ascii', 'replace'), 'é€x'.encode('ascii', 'ignore'), b'a\xffb\xc3'.decode('utf-8', 'replace'), b'a\xffb'.decode('utf-8', 'ignore'), b'\xff'.decode('ascii', 'replace'))
show('é'.encode, 'ascii')
show('aé€b'.encode, 'ascii')
show('€'.encode, 'latin-1')
show('😀'.encode, 'latin-1')
show(b'\xff'.decode)
show(b'ab\xc3'.decode)
show(b'\xe2\x82'.decode, 'utf-8')
show(b'\xc3(x'.decode)
show(b'\xe2(x'.decode)
show(b'x\x80'.decode, 'ascii')
show('x'.encode, 'nope')
show(b'x'.decode, 'nope')
show(bytes.fromhex, '4g')
show(bytes.fromhex, 'abc')
show(b'ab'.index, b'z')
show(b'ab'.split, b'')
show(b'ab'.join, ['x'])
show(b'ab'.startswith, 'a')
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (-2).to_bytes(2, 'big', signed=True), (255).to_bytes(), (0).to_bytes(0, 'big'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xfe', 'big', signed=True), int.from_bytes([1, 0]), int.from_bytes(b''))
print(int.from_bytes((2**40 + 5).to_bytes(8, 'little'), 'little'), int.from_bytes(b'\x80', signed=True))
show((256).to_bytes, 1, 'big')
show((-1).to_bytes, 1, 'big')
show((128).to_bytes, 1, 'big', signed=True)
show((1).to_bytes, 1, 'middle')
# expect: b'Hello, World\r\nline2\nline3' b'Hello, World\r\nline2\nline3  ' b'  Hello, World\r\nline2\nline3' b'ello, World\r\nline2\nline' [b'Hello,', b'World', b'line2', b'line3'] [b'  Hello', b' World\r\nline2\nline3  '] [b'Hello,', b'World\r\nline2\nline3  '] [b'  He', b'', b'o, World\r\nline2\nline3  ']
# expect: [b'  Hello, World', b'line2', b'line3  '] [b'  Hello, World\r\n', b'line2\n', b'line3  '] b'  HELLO, WORLD\r\nLINE2\nLINE3  ' b'  hello, world\r\nline2\nline3  ' 6 10 -1 6
# expect: 9 5 30 b'  HeLLo, WorLd\r\nLine2\nLine3  ' b'  HeLLo, World\r\nline2\nline3  ' b'-a-b-'
# expect: True True (b'  Hello', b',', b' World\r\nline2\nline3  ') (b'  Hello, World\r\nline2\n', b'l', b'ine3  ') (b'  Hello, World\r\nline2\nline3  ', b'', b'')
# expect: b'a-b-c' b'' 00ff6162 01:02 b'AB\xff' bytearray(b'\x00')
# expect: 10 True True True True False
# expect: bytearray(b'x') bytearray
# expect: b'h\xc3\xa9llo w\xc3\xb6rld' b'h\xe9llo' b'abc' b'\xc3\xa9\xe2\x82\xac' b'x'
# expect: hé hé abc é ab
# expect: b'??x' b'x' a�b� ab �
# expect: UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
# expect: UnicodeEncodeError 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)
# expect: UnicodeEncodeError 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256)
# expect: UnicodeEncodeError 'latin-1' codec can't encode character '\U0001f600' in position 0: ordinal not in range(256)
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data
# expect: UnicodeDecodeError 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte
# expect: UnicodeDecodeError 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte
# expect: UnicodeDecodeError 'ascii' codec can't decode byte 0x80 in position 1: ordinal not in range(128)
# expect: LookupError unknown encoding: nope
# expect: LookupError unknown encoding: nope
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 1
# expect: ValueError non-hexadecimal number found in fromhex() arg at position 3
# expect: ValueError subsection not found
# expect: ValueError empty separator
# expect: TypeError sequence item 0: expected a bytes-like object, str found
# expect: TypeError startswith first arg must be bytes or a tuple of bytes, not str
# expect: b'\x04\x00' b'\x00\x04\x00\x00' b'\xff\xfe' b'\xff' b''
# expect: 1024 4 -2 256 0
# expect: 1099511627781 -128
# expect: OverflowError int too big to convert
# expect: OverflowError can't convert negative int to unsigned
# expect: OverflowError int too big to convert
# expect: ValueError byteorder must be either 'little' or 'big'
