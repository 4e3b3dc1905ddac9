"""A background thread reports progress into the event loop with call_soon_threadsafe."""
import asyncio
import threading
import time

progress: asyncio.Queue


def report(*item):
    progress.put_nowait(item if item else None)


def crunch(loop, chunks: int):
    total = 0
    for i in range(chunks):
        time.sleep(0.2)
        total += sum(range(i * 1000, (i + 1) * 1000))
        loop.call_soon_threadsafe(report, threading.current_thread().name, i, total)
    loop.call_soon_threadsafe(report)


async def main():
    global progress
    progress = asyncio.Queue()
    loop = asyncio.get_running_loop()
    worker = threading.Thread(target=crunch, args=(loop, 4), name="cruncher")
    worker.start()
    print("worker started; alive:", worker.is_alive())
    while (item := await progress.get()) is not None:
        name, i, total = item
        print(f"{loop.time():.1f}s {name}: chunk {i} running total {total}")
    worker.join()
    print("joined; alive:", worker.is_alive(), "at", round(loop.time(), 2))


asyncio.run(main())
