"""Graceful shutdown: cancel background tasks, let them clean up, report."""
import asyncio


async def background(name: str, period: float, cleanup_log: list):
    ticks = 0
    try:
        while True:
            await asyncio.sleep(period)
            ticks += 1
    except asyncio.CancelledError:
        cleanup_log.append(f"{name} flushing after {ticks} ticks")
        await asyncio.sleep(0.05)
        cleanup_log.append(f"{name} flushed")
        raise
    finally:
        cleanup_log.append(f"{name} finally")


async def main():
    log = []
    tasks = [asyncio.create_task(background(n, p, log), name=n) for n, p in [("metrics", 0.3), ("sync", 0.7)]]
    await asyncio.sleep(2)
    me = asyncio.current_task()
    others = [t for t in asyncio.all_tasks() if t is not me]
    print("running:", sorted(t.get_name() for t in others))
    for t in others:
        t.cancel("shutdown")
    results = await asyncio.gather(*others, return_exceptions=True)
    print([f"{type(r).__name__}({r})" for r in results])
    print("\n".join(log))


asyncio.run(main())
