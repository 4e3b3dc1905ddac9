"""Workers as objects: methods, defaults, keyword-only arguments, *args and
**kwargs."""
import asyncio


class Worker:
    count = 0

    def __init__(self, name, *, speed=1.0):
        Worker.count += 1
        self.name = name
        self.speed = speed
        self.done = []

    async def run(self, *jobs, **options):
        prefix = options.get("prefix", "")
        for job in jobs:
            await asyncio.sleep(job / self.speed)
            self.done.append(f"{prefix}{job}")
        return self


async def main():
    fast = Worker("fast", speed=2.0)
    slow = Worker("slow")
    results = await asyncio.gather(fast.run(1, 1, prefix="f"), slow.run(1, 0.5))
    for w in results:
        print(w.name, w.done)
    print("workers created:", Worker.count)


asyncio.run(main())
