# json.dumps / json.loads with CPython's spelling and error messages.
import json

def show(f, *args, **kw):
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

print(json.dumps({"b": [1, 2.5, True, None, "é\n\"x😀"], "a": {}, 3: [], 1.5: 1, None: 2, False: 3}))
print(json.dumps([1, [2, {"k": []}]], indent=2))
print(json.dumps({"z": 1, "a": 2}, sort_keys=True, separators=(",", ":")))
print(json.dumps([1e16, 1.0, -0.0, 1e-7, 0.1, float("inf"), float("nan"), (1, 2)]))
print(json.dumps("é", ensure_ascii=False), json.dumps({"a": 1}, indent="\t"), repr(json.dumps([1, 2], indent=0)))
print(json.dumps({"s": {3}}, default=list), json.dumps("tab\there\x01"))
show(json.dumps, {1, 2})
show(json.dumps, {(1, 2): 1})
show(json.dumps, [float("nan")], allow_nan=False)
loop = [1]
loop.append(loop)
show(json.dumps, loop)
loop.clear()  # lists in cycles are not collected here (a known limit): break it
show(json.dumps)
doc = '{"name": "loop", "ids": [1, 2, 3], "ok": true, "none": null, "pi": 3.25, "nested": {"a": [{}, []]}}'
data = json.loads(doc)
print(data, data["ids"][2] + 1, type(data["pi"]).__name__)
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\/"'), json.loads(" [-1, 0, 1e3, 2E-2, -0.5] "), json.loads("NaN"), json.loads("[-Infinity]"))
print(json.loads(json.dumps({"k": ["v", 1, None]})) == {"k": ["v", 1, None]})
for bad in ["", "[1,", '{"a" 1}', "{a:1}", "[1 2]", "1 2", '"abc', '"a\\qb"', "[1,]", '{"a":1,}', "tru", "-", "1.5e", '"\\u12"', '"a\nb"', '[\n  1,\n  oops]', "[\"é\", x]"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e, isinstance(e, ValueError))
show(json.loads, 5)
# expect: {"b": [1, 2.5, true, null, "\u00e9\n\"x\ud83d\ude00"], "a": {}, "3": [], "1.5": 1, "null": 2, "false": 3}
# expect: [
# expect:   1,
# expect:   [
# expect:     2,
# expect:     {
# expect:       "k": []
# expect:     }
# expect:   ]
# expect: ]
# expect: {"a":2,"z":1}
# expect: [1e+16, 1.0, -0.0, 1e-07, 0.1, Infinity, NaN, [1, 2]]
# expect: "é" {
# expect: 	"a": 1
# expect: } '[\n1,\n2\n]'
# expect: {"s": [3]} "tab\there\u0001"
# expect: TypeError Object of type set is not JSON serializable
# expect: TypeError keys must be str, int, float, bool or None, not tuple
# expect: ValueError Out of range float values are not JSON compliant
# expect: ValueError Circular reference detected
# expect: TypeError dumps() missing 1 required positional argument: 'obj'
# expect: {'name': 'loop', 'ids': [1, 2, 3], 'ok': True, 'none': None, 'pi': 3.25, 'nested': {'a': [{}, []]}} 4 float
# expect: é😀
# expect: / [-1, 0, 1000.0, 0.02, -0.5] nan [-inf]
# expect: True
# expect: JSONDecodeError Expecting value: line 1 column 1 (char 0) True
# expect: JSONDecodeError Expecting value: line 1 column 4 (char 3) True
# expect: JSONDecodeError Expecting ':' delimiter: line 1 column 6 (char 5) True
# expect: JSONDecodeError Expecting property name enclosed in double quotes: line 1 column 2 (char 1) True
# expect: JSONDecodeError Expecting ',' delimiter: line 1 column 4 (char 3) True
# expect: JSONDecodeError Extra data: line 1 column 3 (char 2) True
# expect: JSONDecodeError Unterminated string starting at: line 1 column 1 (char 0) True
# expect: JSONDecodeError Invalid \escape: line 1 column 3 (char 2) True
# expect: JSONDecodeError Expecting value: line 1 column 4 (char 3) True
# expect: JSONDecodeError Expecting property name enclosed in double quotes: line 1 column 8 (char 7) True
# expect: JSONDecodeError Expecting value: line 1 column 1 (char 0) True
# expect: JSONDecodeError Expecting value: line 1 column 1 (char 0) True
# expect: JSONDecodeError Extra data: line 1 column 4 (char 3) True
# expect: JSONDecodeError Invalid \uXXXX escape: line 1 column 3 (char 2) True
# expect: JSONDecodeError Invalid control character at: line 1 column 3 (char 2) True
# expect: JSONDecodeError Expecting value: line 3 column 3 (char 9) True
# expect: JSONDecodeError Expecting value: line 1 column 7 (char 6) True
# expect: TypeError the JSON object must be str, bytes or bytearray, not int
