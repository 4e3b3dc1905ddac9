import asyncio
import time
from datetime import datetime


class Periodic:
    def __init__(self, interval, fn, *args):
        self.interval = interval
        self.fn = fn
        self.args = args
        self._task = None
        self.runs = 0

    def start(self):
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self):
        if self._task:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                print("periodic cancelled cleanly")
            self._task = None

    async def _run(self):
        while True:
            await asyncio.sleep(self.interval)
            self.runs += 1
            self.fn(self.runs, *self.args)


def heartbeat(n, label):
    print(f"{label} beat #{n} at t={asyncio.get_running_loop().time():.2f}")


async def main():
    p = Periodic(0.3, heartbeat, "hb")
    p.start()
    t0 = time.monotonic()
    await asyncio.sleep(1.0)
    await p.stop()
    print("runs:", p.runs, "elapsed:", round(time.monotonic() - t0, 2))
    loop = asyncio.get_running_loop()
    fired = []
    h = loop.call_later(0.5, fired.append, "late")
    loop.call_soon(fired.append, "soon")
    h2 = loop.call_at(loop.time() + 0.2, fired.append, "at")
    h.cancel()
    await asyncio.sleep(0.6)
    print(fired, h.cancelled(), h2.cancelled())
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, 42)
    print(await fut, fut)
    task = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, task.cancelled())

asyncio.run(main())
