# aiofiles: errors come back from the worker thread as the blocking call
# raised them (a missing file, writing to a file opened for reading), and a
# slow disk shown by time.sleep inside the job blocks only the worker.
import asyncio
import os
import tempfile
import time
import aiofiles


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.5)


async def main():
    try:
        async with aiofiles.open("/nonexistent/dir/x.txt") as f:
            print(await f.read())
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e)
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "a.txt")
    async with aiofiles.open(path, "w") as f:
        await f.write("data")
    async with aiofiles.open(path) as f:
        try:
            await f.write("more")
        except OSError as e:
            print(type(e).__name__, e)
    t = asyncio.create_task(ticker())
    loop = asyncio.get_running_loop()

    def slow_read():
        time.sleep(1)
        with open(path) as g:
            return g.read()

    print(await loop.run_in_executor(None, slow_read), loop.time())
    await t
    os.remove(path)
    os.rmdir(folder)


asyncio.run(main())
