"""A monitor that marks services dead when their heartbeats stop."""
import asyncio


class Monitor:
    def __init__(self, timeout: float):
        self.timeout = timeout
        self.last_seen: dict[str, float] = {}
        self.dead: list[str] = []

    def beat(self, name: str) -> None:
        self.last_seen[name] = asyncio.get_running_loop().time()

    async def watch(self, rounds: int):
        loop = asyncio.get_running_loop()
        for _ in range(rounds):
            await asyncio.sleep(self.timeout / 2)
            now = loop.time()
            for name, seen in list(self.last_seen.items()):
                if now - seen > self.timeout:
                    print(f"[{now:.1f}] {name} is dead (last beat {seen:.1f})")
                    self.dead.append(name)
                    del self.last_seen[name]


async def service(name: str, monitor: Monitor, period: float, beats: int):
    for _ in range(beats):
        monitor.beat(name)
        await asyncio.sleep(period)


async def main():
    monitor = Monitor(timeout=1.0)
    await asyncio.gather(
        monitor.watch(rounds=10),
        service("db", monitor, 0.3, 15),
        service("cache", monitor, 0.4, 3),
        service("queue", monitor, 0.9, 2),
    )
    print("dead:", monitor.dead)


asyncio.run(main())
