"""A bounded buffer built on asyncio.Condition."""
import asyncio
from collections import deque


class BoundedBuffer:
    def __init__(self, capacity):
        self.items = deque()
        self.capacity = capacity
        self.cond = asyncio.Condition()

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.capacity)
            self.items.append(item)
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.popleft()
            self.cond.notify_all()
            return item


async def producer(buf, name, n):
    for i in range(n):
        await buf.put(f"{name}{i}")
        print(f"{name} put {name}{i} -> {list(buf.items)}")
        await asyncio.sleep(0.05)


async def consumer(buf, n):
    got = []
    for _ in range(n):
        got.append(await buf.get())
        await asyncio.sleep(0.12)
    return got


async def main():
    buf = BoundedBuffer(2)
    _, _, got = await asyncio.gather(producer(buf, "x", 4), producer(buf, "y", 3), consumer(buf, 7))
    print("consumed", got)


asyncio.run(main())
