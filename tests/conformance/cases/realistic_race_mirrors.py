"""Ask three mirrors, keep the fastest answer, cancel the rest."""
import asyncio

MIRRORS = {"eu": 0.4, "us": 0.25, "asia": 0.6}


async def fetch(mirror: str) -> str:
    try:
        await asyncio.sleep(MIRRORS[mirror])
        return f"payload from {mirror}"
    except asyncio.CancelledError:
        print(f"{mirror}: cancelled")
        raise


async def main():
    tasks = {asyncio.create_task(fetch(m), name=m) for m in MIRRORS}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    winner = done.pop()
    print(f"winner {winner.get_name()}: {winner.result()}")
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("pending cancelled:", sorted(t.get_name() for t in pending if t.cancelled()))
    done, pending = await asyncio.wait([asyncio.create_task(fetch("asia"))], timeout=0.1)
    print(len(done), len(pending))
    for t in pending:
        t.cancel()


asyncio.run(main())
