"""Bounded concurrency: at most three downloads at a time, progress as they complete."""
import asyncio
import random

random.seed(7)
FILES = {f"file{i:02d}.bin": random.randint(1, 9) * 100 for i in range(8)}


async def download(name: str, size: int, sem: asyncio.Semaphore, active: list) -> tuple[str, int]:
    async with sem:
        active.append(name)
        print(f"start {name} ({size} KB), active={len(active)}")
        await asyncio.sleep(size / 1000)
        active.remove(name)
    return name, size


async def main():
    sem = asyncio.Semaphore(3)
    active: list[str] = []
    total = 0
    tasks = [download(n, s, sem, active) for n, s in FILES.items()]
    for i, fut in enumerate(asyncio.as_completed(tasks), 1):
        name, size = await fut
        total += size
        print(f"[{i}/{len(tasks)}] {name} done, {total} KB so far")
    print(f"all done in {asyncio.get_running_loop().time():.1f}s")


asyncio.run(main())
