"""A heartbeat task and a job with a deadline, stopped with an Event."""
import asyncio


async def heartbeat(stop):
    beats = 0
    while not stop.is_set():
        beats += 1
        print("beat", beats)
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.3)
        except asyncio.TimeoutError:
            pass
    return beats


async def job():
    await asyncio.sleep(1)
    return "job result"


async def main():
    stop = asyncio.Event()
    hb = asyncio.create_task(heartbeat(stop))
    print(await job())
    stop.set()
    print("beats:", await hb)


asyncio.run(main())
