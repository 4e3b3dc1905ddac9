# match on bytes: literal patterns, class patterns, bytes are not sequences.
def kind(x):
    match x:
        case b'ping':
            return 'ping'
        case b'':
            return 'empty'
        case [a, b]:
            return 'pair'
        case bytes(body) if body.startswith(b'GET '):
            return 'get ' + body[4:].decode()
        case bytes():
            return 'bytes ' + x.decode()
        case bytearray(b):
            return 'mutable ' + repr(b)
        case _:
            return 'other'

for v in [b'ping', b'', b'ab', [1, 2], 'ping', b'GET /index', bytearray(b'x')]:
    print(kind(v))
# expect: ping
# expect: empty
# expect: bytes ab
# expect: pair
# expect: other
# expect: get /index
# expect: mutable bytearray(b'x')
