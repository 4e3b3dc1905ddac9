# bytes % formatting, int() of bytes, ascii().
def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

print(b'%d items, %s, %5.2f%%' % (3, b'ok', 2.5), b'%x|%-4s|%4s|%.2s' % (255, b'ab', b'cd', b'xyz'), b'%r %a' % ('é', b'x'))
print(b'%c%c' % (65, b'B'), b'id=%05d' % 42, bytearray(b'%s!') % b'hi', b'100%%' % ())
print(int(b'12'), int(b' -7 '), int(b'ff', 16), int(bytearray(b'10'), 2))
show(lambda: b'%s' % 'text')
show(lambda: b'%d %d' % (1,))
show(lambda: b'%d' % (1, 2))
show(lambda: b'x' % 5)
show(lambda: b'%c' % 300)
show(lambda: b'%y' % 1)
show(int, b'x1')
print(ascii('héllo €😀'), ascii([1, 'é']), ascii(b'\xff'))
# expect: b'3 items, ok,  2.50%' b'ff|ab  |  cd|xy' b"'\\xe9' b'x'"
# expect: b'AB' b'id=00042' bytearray(b'hi!') b'100%'
# expect: 12 -7 255 2
# expect: TypeError %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
# expect: TypeError not enough arguments for format string
# expect: TypeError not all arguments converted during bytes formatting
# expect: TypeError not all arguments converted during bytes formatting
# expect: OverflowError %c arg not in range(256)
# expect: ValueError unsupported format character 'y' (0x79) at index 1
# expect: ValueError invalid literal for int() with base 10: b'x1'
# expect: 'h\xe9llo \u20ac\U0001f600' [1, '\xe9'] b'\xff'
