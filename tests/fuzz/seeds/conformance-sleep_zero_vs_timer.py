"""Ready callbacks run before timers that come due in the same iteration."""
import asyncio


async def spinner(log):
    for i in range(4):
        log.append(f"spin {i}")
        await asyncio.sleep(0)


async def sleeper(log):
    await asyncio.sleep(0)
    log.append("sleeper woke from sleep(0)")
    await asyncio.sleep(0.000001)
    log.append("sleeper woke from a tiny timer")


async def main():
    log = []
    await asyncio.gather(spinner(log), sleeper(log))
    for line in log:
        print(line)


asyncio.run(main())
