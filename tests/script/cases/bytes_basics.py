# bytes and bytearray: literals, constructors, repr, operators, hashing.
def show(f, *args, **kw):
    try:
        print(repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

b = b'\x00a\n'
print(b, repr(b), len(b), b[1], b[-1], b[0:2], type(b).__name__, type(b[0]).__name__)
print(b"it's", b'say "hi"', b'both \' and "', rb'\n raw', b'\x7f\x80\xff\t\r\\', b'\101\60')
print(b'abc' b'def', b'' == bytes(), bytes(3), bytes([1, 2, 255]), bytes("é", "utf-8"), bytes(b"xy"))
print(bytearray(b'ab'), bytearray(2), bytearray([65, 66]), repr(bytearray()), bytearray("hé", "latin-1"))
print(b'ab' + b'cd', b'ab' * 3, 2 * b'x', b'a' in b'cat', 97 in b'cat', b'' in b'x', b'ab' < b'b', b'ab' <= b'ab', b'\xff' > b'a')
print(b'ab' == bytearray(b'ab'), b'ab' != b'ac', b'ab' == 'ab', list(b'hi'), [x for x in bytearray(b'\x01\x02')])
print(b'hello'[::-1], b'hello'[1:4], b'hello'[::2], bytearray(b'hello')[1:3], b'abc'[5:])
d = {b'k': 1, b'\xff': 2}
print(d[b'k'], d[b'\xff'], hash(b'') == 0, hash(b'abc') == hash('abc'), {b'x', b'y', b'x'} == {b'y', b'x'})
print(sorted({b'banana', b'apple', b'cherry', b'date'}))
print(f"{b!r} {b}", str(b'q'), "%s" % b'z', bool(b''), bool(b'\x00'))
x = bytearray(b'abc')
x[0] = 65
x.append(100)
x.extend(b'ef')
x.extend([103, 104])
x += b'!'
print(x, x.pop(), x.pop(0), x, len(x))
x[1:3] = b'XYZ'
print(x)
x[::2] = b'____'
print(x)
del_me = bytearray(b'12345')
del_me.insert(0, 48)
del_me.remove(51)
del_me.reverse()
print(del_me, del_me.copy(), del_me.clear(), del_me)
show(bytes, -1)
show(bytes, "x")
show(bytes, [256])
show(bytes, ["a"])
show(bytes, 1.5)
show(bytes, b"x", "utf-8")
show(lambda: b'x'[3])
show(lambda: bytearray(b'x')[3])
show(lambda: b'x' + 'y')
show(lambda: b'x' < 'y')
show(lambda: 'a' in b'abc')
show(lambda: hash(bytearray(b'x')))
show(lambda: b'x'.__setitem__)
show(lambda: bytearray().pop())
show(lambda: bytearray(b'a').append(300))
def assign():
    y = b'abc'
    y[0] = 1
show(assign)
# expect: b'\x00a\n' b'\x00a\n' 3 97 10 b'\x00a' bytes int
# expect: b"it's" b'say "hi"' b'both \' and "' b'\\n raw' b'\x7f\x80\xff\t\r\\' b'A0'
# expect: b'abcdef' True b'\x00\x00\x00' b'\x01\x02\xff' b'\xc3\xa9' b'xy'
# expect: bytearray(b'ab') bytearray(b'\x00\x00') bytearray(b'AB') bytearray(b'') bytearray(b'h\xe9')
# expect: b'abcd' b'ababab' b'xx' True True True True True True
# expect: True True False [104, 105] [1, 2]
# expect: b'olleh' b'ell' b'hlo' bytearray(b'el') b''
# expect: 1 2 True True True
# expect: [b'apple', b'banana', b'cherry', b'date']
# expect: b'\x00a\n' b'\x00a\n' b'q' b'z' False True
# expect: bytearray(b'bcdefgh') 33 65 bytearray(b'bcdefgh') 7
# expect: bytearray(b'bXYZefgh')
# expect: bytearray(b'_X_Z_f_h')
# expect: bytearray(b'') bytearray(b'54210') None bytearray(b'')
# expect: ValueError negative count
# expect: TypeError string argument without an encoding
# expect: ValueError bytes must be in range(0, 256)
# expect: TypeError 'str' object cannot be interpreted as an integer
# expect: TypeError cannot convert 'float' object to bytes
# expect: TypeError encoding without a string argument
# expect: IndexError index out of range
# expect: IndexError bytearray index out of range
# expect: TypeError can't concat str to bytes
# expect: TypeError '<' not supported between instances of 'bytes' and 'str'
# expect: TypeError a bytes-like object is required, not 'str'
# expect: TypeError unhashable type: 'bytearray'
# expect: AttributeError 'bytes' object has no attribute '__setitem__'
# expect: IndexError pop from empty bytearray
# expect: ValueError byte must be in range(0, 256)
# expect: TypeError 'bytes' object does not support item assignment
