# aiofiles: write a file and read it back, each operation a job of the
# loop's default executor (worker threads asyncio_0, ...), while another
# task keeps running; async for over lines; aiofiles.os.
import asyncio
import os
import tempfile
import aiofiles
import aiofiles.os


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "notes.txt")
    t = asyncio.create_task(ticker(4))
    async with aiofiles.open(path, "w") as f:
        print(type(f).__name__)
        await f.write("alpha\n")
        await f.writelines(["beta\n", "gamma\n"])
    async with aiofiles.open(path) as f:
        print(repr(await f.read()))
    async with aiofiles.open(path, "r") as f:
        print(repr(await f.readline()))
        async for line in f:
            print("line", line.rstrip())
    f = await aiofiles.open(path, "rb")
    print(type(f).__name__, await f.read(5))
    await f.close()
    print(await aiofiles.os.path.exists(path), await aiofiles.os.path.getsize(path))
    await aiofiles.os.rename(path, path + ".bak")
    print(sorted(await aiofiles.os.listdir(folder)))
    await aiofiles.os.remove(path + ".bak")
    await aiofiles.os.rmdir(folder)
    print(await aiofiles.os.path.isdir(folder))
    await t


asyncio.run(main())
