# asyncio.Queue subclasses with queues.py's storage hooks: _init, _put,
# _get and _qsize (a dedupe queue, a queue of its own storage, a LIFO one
# calling super()._put).
import asyncio

class UniqueQueue(asyncio.Queue):
    def _init(self, maxsize):
        super()._init(maxsize)
        self._seen = set()

    def _put(self, item):
        if item in self._seen:
            return
        self._seen.add(item)
        super()._put(item)

class SetQueue(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        if item not in self._queue:
            self._queue.append(item)

    def _get(self):
        return self._queue.pop(0)

class CountingLifo(asyncio.LifoQueue):
    def __init__(self):
        super().__init__()
        self.puts = 0

    def _put(self, item):
        self.puts = getattr(self, "puts", 0) + 1
        super()._put(item)

    def _qsize(self):
        return super()._qsize()

async def worker(name, q, out):
    while True:
        url = await q.get()
        await asyncio.sleep(0.1)
        out.append((name, url))
        q.task_done()

async def main():
    q = UniqueQueue()
    for url in ["a", "b", "a", "c", "b"]:
        q.put_nowait(url)
    print(q.qsize(), q.empty(), sorted(q._seen))
    out = []
    workers = [asyncio.create_task(worker(f"w{i}", q, out)) for i in range(2)]
    await asyncio.sleep(0.5)
    for w in workers:
        w.cancel()
    print(out, q.empty())

    s = SetQueue(maxsize=2)
    await s.put(1)
    await s.put(1)
    print(s.qsize(), s.full(), s._queue)
    await s.put(2)
    print(s.full(), await s.get(), s.qsize())

    lifo = CountingLifo()
    for i in range(3):
        await lifo.put(i)
    print(lifo.puts, lifo.qsize(), [lifo.get_nowait() for _ in range(3)], lifo.empty())
    try:
        lifo.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")

asyncio.run(main())
