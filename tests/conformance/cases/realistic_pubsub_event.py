"""A config reloader: subscribers wait on an Event that is replaced on every publish."""
import asyncio


class Config:
    def __init__(self):
        self.version = 0
        self.values = {}
        self._changed = asyncio.Event()

    def publish(self, **values):
        self.values.update(values)
        self.version += 1
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_for_change(self, seen: int):
        while self.version == seen:
            await self._changed.wait()
        return self.version


async def subscriber(name, cfg: Config, until: int):
    seen = 0
    while seen < until:
        seen = await cfg.wait_for_change(seen)
        print(f"{name} sees v{seen}: {cfg.values}")


async def main():
    cfg = Config()
    subs = [asyncio.create_task(subscriber(n, cfg, 3)) for n in ("api", "worker")]
    for i, change in enumerate([{"debug": True}, {"workers": 4}, {"debug": False}]):
        await asyncio.sleep(0.5)
        print(f"publish {change}")
        cfg.publish(**change)
    await asyncio.gather(*subs)


asyncio.run(main())
