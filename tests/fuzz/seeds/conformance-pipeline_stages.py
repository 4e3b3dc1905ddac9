"""A three-stage pipeline connected by bounded queues."""
import asyncio


async def source(out):
    for i in range(4):
        await out.put(i)
        print(f"source -> {i}")
    await out.put(None)


async def double(inp, out):
    while True:
        item = await inp.get()
        if item is None:
            break
        await asyncio.sleep(0.1)
        await out.put(item * 2)
    await out.put(None)


async def sink(inp):
    total = 0
    while True:
        item = await inp.get()
        if item is None:
            return total
        total += item
        print(f"sink <- {item}, total {total}")


async def main():
    q1, q2 = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    _, _, total = await asyncio.gather(source(q1), double(q1, q2), sink(q2))
    print("total", total)


asyncio.run(main())
