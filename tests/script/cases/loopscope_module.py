# The `loopscope` module (docs/SIMULATED_WORLD.md, Network: virtual web
# sites) refuses bad settings with a clear TypeError or ValueError. There is
# no such module under plain python3: the expectations are the CPython
# oracle's (tests/conformance/cpython_oracle.py runs the same checks).
import loopscope

bad_calls = [
    lambda: loopscope.site(42),
    lambda: loopscope.site("localhost"),
    lambda: loopscope.site("10.0.0.9"),
    lambda: loopscope.site("a.example", port="80"),
    lambda: loopscope.site("a.example", port=70000),
    lambda: loopscope.site("a.example", routes=[("/", "x")]),
    lambda: loopscope.site("a.example", routes={1: "x"}),
    lambda: loopscope.site("a.example", routes={"users": "x"}),
    lambda: loopscope.site("a.example", routes={"/": (200,)}),
    lambda: loopscope.site("a.example", routes={"/": {"status": 200, "dleay": 1}}),
    lambda: loopscope.site("a.example", routes={"/": (42, "x")}),
    lambda: loopscope.site("a.example", routes={"/": ("200", "x")}),
    lambda: loopscope.site("a.example", routes={"/": 3.5}),
    lambda: loopscope.site("a.example", routes={"/": {"delay": -1}}),
    lambda: loopscope.site("a.example", routes={"/": {"reset_after": -2}}),
    lambda: loopscope.site("a.example", latency="fast"),
    lambda: loopscope.site("a.example", bandwidth=0),
    lambda: loopscope.network(latency=-0.5),
    lambda: loopscope.network(jitter=True),
    lambda: loopscope.network(seed=1.5),
    lambda: loopscope.network(0.1),
]
for call in bad_calls:
    try:
        call()
        print("accepted")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loopscope.network(latency=0.01, bandwidth=1e6, jitter=0.001, seed=3)
loopscope.site("ok.example", 8080, routes={"/": "hi", "POST /x": {"status": 201, "body": {"a": [1]}}})
print("defined")
# expect: TypeError host must be a str, not int
# expect: ValueError host must be a host name (not localhost or an IP address), got 'localhost'
# expect: ValueError host must be a host name (not localhost or an IP address), got '10.0.0.9'
# expect: TypeError port must be an int, not str
# expect: ValueError port must be 1-65535, got 70000
# expect: TypeError routes must be a dict, not list
# expect: TypeError a route must be a str, not int
# expect: ValueError route 'users' must be a path starting with '/', after an optional method ('POST /items')
# expect: ValueError route '/': a tuple must be (status, body)
# expect: TypeError route '/': unknown option 'dleay'
# expect: ValueError route '/': status must be 100-599, got 42
# expect: TypeError route '/': status must be an int, not str
# expect: TypeError route '/': body must be str, bytes, dict or list, not float
# expect: ValueError route '/': delay must be >= 0, got -1
# expect: ValueError route '/': reset_after must be >= 0, got -2
# expect: TypeError latency must be a number, not str
# expect: ValueError bandwidth must be > 0 (bytes per second), or None for unlimited
# expect: ValueError latency must be >= 0, got -0.5
# expect: TypeError jitter must be a number, not bool
# expect: TypeError seed must be an int, not float
# expect: TypeError network() takes 0 positional arguments but 1 was given
# expect: defined
