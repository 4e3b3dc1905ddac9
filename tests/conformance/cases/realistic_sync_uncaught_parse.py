import json

def parse(s):
    return json.loads(s)

def load_all(items):
    out = []
    for s in items:
        try:
            out.append(parse(s))
        except ValueError:
            out.append(None)
            d = {}
            d["missing"]
    return out

print(load_all(['{"a": 1}', '[1, 2]']))
print(load_all(['{"a": 1}', 'nope']))
