# threading.local: each simulated thread sees its own attributes (the oracle runs the same source).
import threading
data = threading.local()
data.x = "main"
def work(v):
    print("before", hasattr(data, "x"))
    data.x = v
    print("in thread", data.x, threading.current_thread().name)
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("main sees", data.x)
try:
    data.nope
except AttributeError as e:
    print("AttributeError:", e)
del data.x
print(hasattr(data, "x"))
# What python3 3.11 prints under the CPython oracle, in order:
# expect: before False
# expect: in thread 0 Thread-1 (work)
# expect: before False
# expect: in thread 1 Thread-2 (work)
# expect: main sees main
# expect: AttributeError: 'local' object has no attribute 'nope'
# expect: False
