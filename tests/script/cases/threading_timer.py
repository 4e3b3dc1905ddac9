# threading.Timer runs its function after its interval (on its own clock,
# when it starts, like every simulated Thread); cancel() before start()
# keeps it from running. Condition and Barrier work where nobody has to
# wait for another thread.
import threading
import time

start = time.monotonic()


def fire(tag):
    print(tag, "fired at", round(time.monotonic() - start, 2))


t = threading.Timer(0.5, fire, args=("t1",))
t.start()
t.join()
print("joined at", round(time.monotonic() - start, 2), t.is_alive())
c = threading.Timer(1, fire, ["never"])
c.cancel()
c.start()
c.join()
print("cancelled timer done", c.finished.is_set())
cond = threading.Condition()
items = [1]
with cond:
    print(cond.wait_for(lambda: items), cond.wait(0.25))
    cond.notify_all()
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError", e)
b = threading.Barrier(1, action=lambda: print("barrier action"))
print(b.wait(), b.parties, b.broken)
print("end at", round(time.monotonic() - start, 2))
# expect: t1 fired at 0.5
# expect: joined at 0.5 False
# expect: cancelled timer done True
# expect: [1] False
# expect: RuntimeError cannot notify on un-acquired lock
# expect: barrier action
# expect: 0 1 False
# expect: end at 0.75
