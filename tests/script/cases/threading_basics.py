# threading in virtual time: a Thread runs to completion when started, on its own clock; join() from the loop blocks it.
import asyncio
import threading
import time

log = []


def work(tag, seconds):
    me = threading.current_thread()
    log.append((tag, me.name, time.monotonic()))
    time.sleep(seconds)
    print("work", tag, "done on", me.name, "at", time.monotonic())


t1 = threading.Thread(target=work, args=("a", 0.5))
t2 = threading.Thread(target=work, kwargs={"tag": "b", "seconds": 0.25}, name="bee", daemon=True)
print(t1.name, t2.name, t2.daemon, t1.is_alive(), t1.ident)
t1.start()
t2.start()
print("started", t1.is_alive(), t2.is_alive(), threading.active_count(), time.monotonic())
t2.join()
print("joined bee at", time.monotonic(), t2.is_alive(), t1.is_alive())
t1.join(timeout=0.1)
print("after timeout join", time.monotonic(), t1.is_alive())
t1.join()
print("joined all at", time.monotonic(), threading.active_count(), log)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.get_ident())


class Doubler(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.out = None

    def run(self):
        self.out = self.n * 2


d = Doubler(21)
d.start()
d.join()
print(d.out, d.name, repr(d).startswith("<Doubler(Thread-2, stopped"))
try:
    d.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError:", e)


def boom():
    raise ValueError("bad input")


threading.Thread(target=boom, name="failing").start()
ev = threading.Event()
print(ev.is_set(), ev.wait(0.5), time.monotonic())
ev.set()
print(ev.is_set(), ev.wait())
lock = threading.Lock()
with lock:
    print("locked", lock.locked(), lock.acquire(False))
print(lock.locked())


async def main():
    t = threading.Thread(target=work, args=("c", 1.0))
    t.start()
    await asyncio.sleep(0.5)
    print("loop at", asyncio.get_running_loop().time())
    t.join()
    print("loop after join", asyncio.get_running_loop().time())
    name = await asyncio.to_thread(lambda: threading.current_thread().name)
    print("to_thread ran on", name)


asyncio.run(main())
import threading
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0))
s.release(); s.release(2)
with s:
    print("inside")
b = threading.BoundedSemaphore(1)
print(b.acquire())
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
# What python3 3.11 prints under the CPython oracle, in order:
# expect: Thread-1 (work) bee True False None
# expect: started True True 3 0.0
# expect: work b done on bee at 0.25
# expect: joined bee at 0.25 False True
# expect: after timeout join 0.35 True
# expect: work a done on Thread-1 (work) at 0.5
# expect: joined all at 0.5 1 [('a', 'Thread-1 (work)', 0.0), ('b', 'bee', 0.0)]
# expect: MainThread True 1
# expect: 42 Thread-2 True
# expect: RuntimeError: threads can only be started once
# expect: RuntimeError: cannot join thread before it is started
# expect: ! stderr Exception in thread failing:
# expect: ! stderr ValueError: bad input
# expect: False False 1.0
# expect: True True
# expect: locked True False
# expect: False
# expect: loop at 1.5
# expect: work c done on Thread-4 (work) at 2.0
# expect: loop after join 2.0
# expect: to_thread ran on asyncio_0
# expect: True True False False
# expect: inside
# expect: True
# expect: ValueError: Semaphore released too many times
