# base64: encode/decode round trips (standard, urlsafe, b32, b16) and padding errors.
import base64
import json
token = base64.b64encode(json.dumps({"user": "ann", "id": 7}).encode()).decode()
print(token, json.loads(base64.b64decode(token)))
print(base64.urlsafe_b64encode(bytes(range(250, 256))), base64.b32encode(b"hi"), base64.b16encode(b"\x01\xff"))
try:
    base64.b64decode("abc")
except ValueError as e:
    print("ValueError", e)
# expect: eyJ1c2VyIjogImFubiIsICJpZCI6IDd9 {'user': 'ann', 'id': 7}
# expect: b'-vv8_f7_' b'NBUQ====' b'01FF'
# expect: ValueError Incorrect padding
