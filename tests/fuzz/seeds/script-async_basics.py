# async def, await, create_task, gather, sleep in virtual time.
import asyncio
import time

async def work(name, delay):
    print(f"{name} start {time.monotonic():.1f}")
    await asyncio.sleep(delay)
    print(f"{name} end {time.monotonic():.1f}")
    return name * 2

async def main():
    t = asyncio.create_task(work("a", 2))
    results = await asyncio.gather(work("b", 1), work("c", 3))
    print(results, await t, t.done(), t.result())
    print(time.monotonic())

asyncio.run(main())
# expect: a start 0.0
# expect: b start 0.0
# expect: c start 0.0
# expect: b end 1.0
# expect: a end 2.0
# expect: c end 3.0
# expect: ['bb', 'cc'] aa True aa
# expect: 3.0
