"""A commit that must not be interrupted: shield it from a timeout."""
import asyncio


async def commit(tx: str, log: list) -> str:
    log.append(f"begin {tx}")
    await asyncio.sleep(0.6)
    log.append(f"commit {tx}")
    return f"{tx} committed"


async def request(tx: str, limit: float, log: list):
    task = asyncio.ensure_future(commit(tx, log))
    try:
        return await asyncio.wait_for(asyncio.shield(task), timeout=limit)
    except asyncio.TimeoutError:
        print(f"{tx}: caller gave up after {limit}s; commit continues")
        return await task


async def main():
    log = []
    print(await asyncio.gather(request("tx1", 1.0, log), request("tx2", 0.2, log)))
    print(log)


asyncio.run(main())
