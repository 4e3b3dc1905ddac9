# Subclassing asyncio's classes: the instance holds the engine object its base made.
import asyncio

class Counted(asyncio.Queue):
    def __init__(self, maxsize):
        super().__init__(maxsize=maxsize)
        self.puts = 0
    async def put(self, item):
        self.puts += 1
        await super().put(item)
    async def get(self):
        item = await super().get()
        return item * 10

class Stack(asyncio.LifoQueue):
    pass

class Prio(asyncio.PriorityQueue):
    def push(self, x):
        self.put_nowait(x)

class Loud(asyncio.Event):
    def set(self):
        print("setting")
        super().set()

class Guard(asyncio.Lock):
    async def acquire(self):
        print("acquire")
        return await super().acquire()

class Slots(asyncio.Semaphore):
    def __init__(self):
        super().__init__(value=2)

class NoInit(asyncio.Queue):
    pass

async def main():
    q = Counted(2)
    await q.put(1)
    await q.put(2)
    print(await q.get(), q.puts, q.qsize(), q.full(), q.maxsize)  # expect: 10 2 1 False 2
    print(isinstance(q, asyncio.Queue), isinstance(q, Counted), type(q).__name__)  # expect: True True Counted
    s = Stack()
    for x in (1, 2, 3):
        s.put_nowait(x)
    print([s.get_nowait() for _ in range(3)], isinstance(s, asyncio.Queue))  # expect: [3, 2, 1] True
    p = Prio()
    for x in (3, 1, 2):
        p.push(x)
    print([p.get_nowait() for _ in range(3)])  # expect: [1, 2, 3]
    e = Loud()
    e.set()  # expect: setting
    print(e.is_set())  # expect: True
    g = Guard()
    async with g:  # expect: acquire
        print(g.locked())  # expect: True
    print(g.locked())  # expect: False
    sem = Slots()
    await sem.acquire()
    print(sem.locked(), sem._value if hasattr(sem, "_value") else 1)  # expect: False 1
    n = NoInit(maxsize=1)
    n.put_nowait("a")
    print(n.full(), n.maxsize)  # expect: True 1
    try:
        n.put_nowait("b")
    except asyncio.QueueFull:
        print("full")  # expect: full
    try:
        NoInit(1, 2)
    except TypeError as exc:
        print(exc)  # expect: Queue.__init__() takes from 1 to 2 positional arguments but 3 were given
    try:
        NoInit(size=3)
    except TypeError as exc:
        print(exc)  # expect: Queue.__init__() got an unexpected keyword argument 'size'
    try:
        q.nothing
    except AttributeError as exc:
        print(exc)  # expect: 'Counted' object has no attribute 'nothing'

asyncio.run(main())
