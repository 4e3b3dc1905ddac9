"""The classic exercise: the same three downloads one after another, then together."""
import asyncio
import time

SITES = {"python.org": 1.2, "example.com": 0.5, "wikipedia.org": 0.9}


async def download(site: str) -> int:
    print(f"  downloading {site}...")
    await asyncio.sleep(SITES[site])
    print(f"  {site} done")
    return len(site) * 100


async def sequential():
    return [await download(s) for s in SITES]


async def concurrent():
    return await asyncio.gather(*[download(s) for s in SITES])


async def with_tasks():
    tasks = [asyncio.create_task(download(s)) for s in SITES]
    return [await t for t in tasks]


async def main():
    for strategy in (sequential, concurrent, with_tasks):
        start = time.perf_counter()
        sizes = await strategy()
        print(f"{strategy.__name__}: {sum(sizes)} bytes in {time.perf_counter() - start:.1f}s")


asyncio.run(main())
