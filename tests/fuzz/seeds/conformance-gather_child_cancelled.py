"""A cancelled child: gather raises CancelledError, or with
return_exceptions=True reports it as a result."""
import asyncio


async def child(n):
    await asyncio.sleep(n)
    return n


async def main():
    t = asyncio.create_task(child(1))
    g = asyncio.gather(child(0.5), t, return_exceptions=True)
    await asyncio.sleep(0.1)
    t.cancel()
    print(await g)

    t2 = asyncio.create_task(child(1))
    g2 = asyncio.gather(child(0.5), t2)
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("gather raised CancelledError; outer cancelled?", g2.cancelled())
    await asyncio.sleep(1)


asyncio.run(main())
