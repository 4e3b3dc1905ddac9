"""Debouncing bursts of events with loop.call_later and handle.cancel()."""
import asyncio


class Debouncer:
    def __init__(self, delay: float, action):
        self.delay = delay
        self.action = action
        self._handle = None
        self.pending: list[str] = []

    def trigger(self, event: str) -> None:
        loop = asyncio.get_running_loop()
        self.pending.append(event)
        if self._handle is not None:
            self._handle.cancel()
        self._handle = loop.call_later(self.delay, self._fire)

    def _fire(self):
        self._handle = None
        batch, self.pending = self.pending, []
        self.action(batch)


async def main():
    loop = asyncio.get_running_loop()
    fired = []

    def save(batch):
        print(f"[{loop.time():.2f}] saving after {len(batch)} edits: {batch}")
        fired.append(batch)

    deb = Debouncer(0.3, save)
    for t, ev in [(0.0, "a"), (0.1, "b"), (0.2, "c"), (0.8, "d"), (1.5, "e"), (1.6, "f")]:
        await asyncio.sleep(t - loop.time())
        deb.trigger(ev)
    await asyncio.sleep(1)
    print(len(fired), "saves")


asyncio.run(main())
