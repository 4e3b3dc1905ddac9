"""Classic threading tutorial: shared counter with Lock, RLock re-entry, worker subclasses."""
import asyncio
import threading
import time


class Counter:
    def __init__(self):
        self.value = 0
        self._lock = threading.RLock()

    def increment(self, n=1):
        with self._lock:
            self.value += n

    def add_twice(self, n):
        with self._lock:
            self.increment(n)
            self.increment(n)


class Worker(threading.Thread):
    def __init__(self, counter: Counter, times: int, name: str):
        super().__init__(name=name)
        self.counter = counter
        self.times = times
        self.result = None

    def run(self):
        for _ in range(self.times):
            self.counter.add_twice(1)
            time.sleep(0.01)
        self.result = f"{self.name} did {self.times}"


async def main():
    counter = Counter()
    workers = [Worker(counter, n, f"worker-{n}") for n in (3, 5, 2)]
    for w in workers:
        w.start()
    print("active:", threading.active_count(), [w.is_alive() for w in workers])
    await asyncio.sleep(0.03)
    print("active at 0.03:", threading.active_count(), [t.name for t in threading.enumerate()])
    for w in workers:
        w.join()
        print(w.result, w.ident > 1)
    print("counter:", counter.value, "time:", round(time.monotonic(), 3))
    lock = threading.Lock()
    print(lock.acquire(), lock.locked(), lock.acquire(blocking=False))
    lock.release()
    print(lock.locked())
    try:
        workers[0].start()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
