"""More than 100 timers and over half of them cancelled: the loop rebuilds
the heap in one go instead of popping cancelled timers at the head."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(10 + i, print, "timer", i) for i in range(120)]
    for h in handles[:80]:
        h.cancel()
    print("cancelled 80 of 120")
    await asyncio.sleep(0)
    print("next iteration purged them")
    for h in handles[80:118]:
        h.cancel()
    await asyncio.sleep(200)


asyncio.run(main())
