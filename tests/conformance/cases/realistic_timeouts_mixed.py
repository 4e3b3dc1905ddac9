"""Calling slow services with wait_for and asyncio.timeout, collecting failures."""
import asyncio

LATENCY = {"users": 0.2, "orders": 1.5, "stock": 0.7, "prices": 3.0}


async def call(service: str) -> str:
    await asyncio.sleep(LATENCY[service])
    return f"{service}: 200 OK"


async def with_wait_for(service: str, limit: float) -> str:
    try:
        return await asyncio.wait_for(call(service), timeout=limit)
    except asyncio.TimeoutError:
        return f"{service}: timed out after {limit}s"


async def with_timeout_block(services: list[str], limit: float) -> list[str]:
    done = []
    try:
        async with asyncio.timeout(limit):
            for s in services:
                done.append(await call(s))
    except TimeoutError:
        done.append(f"budget of {limit}s exhausted")
    return done


async def main():
    results = await asyncio.gather(*(with_wait_for(s, 1.0) for s in LATENCY))
    print("\n".join(results))
    print(await with_timeout_block(["users", "stock", "orders"], 1.0))
    loop = asyncio.get_running_loop()
    print(f"elapsed {loop.time():.1f}s")


asyncio.run(main())
