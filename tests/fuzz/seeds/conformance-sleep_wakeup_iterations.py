"""A sleep wake-up takes two iterations: the timer resolves the future in
one, the task resumes in the next.  A spinner marks each iteration.  The
delay is below the loop's clock resolution (1e-9 s), so the timer is due at
once and the clock does not move."""
import asyncio


async def spinner(log):
    for i in range(5):
        log.append(f"iteration {i}")
        await asyncio.sleep(0)


async def sleeper(log):
    log.append("sleeper starts a tiny sleep")
    await asyncio.sleep(1e-10)
    log.append("sleeper resumed")


async def main():
    log = []
    await asyncio.gather(spinner(log), sleeper(log))
    print("\n".join(log))


asyncio.run(main())
