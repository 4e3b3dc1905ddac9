"""Cancelled handles and timers never run."""
import asyncio


def say(text):
    print(text)


async def main():
    loop = asyncio.get_running_loop()
    soon = loop.call_soon(say, "soon: cancelled, not printed")
    loop.call_soon(say, "soon: runs")
    soon.cancel()
    later = loop.call_later(0.5, say, "later: cancelled, not printed")
    loop.call_later(0.6, say, "later: runs")
    await asyncio.sleep(0.1)
    later.cancel()
    print("cancelled?", soon.cancelled(), later.cancelled())
    await asyncio.sleep(1)
    later.cancel()
    print("cancelling twice is harmless")


asyncio.run(main())
