# A worker thread reports progress to the loop with call_soon_threadsafe.
import asyncio
import time


def download(loop, progress, done):
    for part in range(3):
        time.sleep(0.3)
        loop.call_soon_threadsafe(progress, part)
    loop.call_soon_threadsafe(done.set_result, "file.bin")
    return "ok"


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()

    def progress(part):
        print("part", part, f"{loop.time():.1f}")

    loop.call_soon_threadsafe(print, "from the loop's own thread")
    worker = asyncio.to_thread(download, loop, progress, done)
    print(await asyncio.gather(worker, done))


asyncio.run(main())
