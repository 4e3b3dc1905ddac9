import asyncio


class Inventory:
    def __init__(self):
        self.items = []
        self.cond = asyncio.Condition()

    async def add(self, item):
        async with self.cond:
            self.items.append(item)
            print(f"[{asyncio.get_running_loop().time():.1f}] added {item}")
            self.cond.notify()

    async def take(self, who):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            print(f"[{asyncio.get_running_loop().time():.1f}] {who} took {item}")
            return item


async def supplier(inv, ready: asyncio.Event):
    await ready.wait()
    for i in range(4):
        await asyncio.sleep(0.5)
        await inv.add(f"box{i}")


async def consumer(inv, who, n):
    got = []
    for _ in range(n):
        got.append(await inv.take(who))
    return who, got


async def main():
    inv = Inventory()
    ready = asyncio.Event()
    tasks = [asyncio.create_task(consumer(inv, f"c{i}", 2), name=f"consumer-{i}") for i in range(2)]
    sup = asyncio.create_task(supplier(inv, ready))
    await asyncio.sleep(0.2)
    print("ready set; tasks:", sorted(t.get_name() for t in asyncio.all_tasks()))
    ready.set()
    for coro in asyncio.as_completed(tasks):
        who, got = await coro
        print(who, got)
    await sup
    barrier = asyncio.Barrier(3)

    async def runner(i):
        await asyncio.sleep(i * 0.1)
        pos = await barrier.wait()
        return i, pos

    print(await asyncio.gather(*(runner(i) for i in range(3))))
    print(barrier)
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(d, d)) for d in (0.1, 0.5)],
                                       timeout=0.3)
    print(len(done), len(pending), type(done).__name__, [t.result() for t in done])
    for t in pending:
        t.cancel()
    r = await asyncio.wait_for(asyncio.shield(asyncio.sleep(0.1, "shielded")), timeout=1)
    print(r)

asyncio.run(main())
