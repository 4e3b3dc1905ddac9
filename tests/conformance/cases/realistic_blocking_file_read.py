# The blocking-I/O lesson with a real file: reading it inside a coroutine
# blocks the loop (here for 0 virtual time; the heartbeat still waits),
# time.sleep stands for a slow disk, and asyncio.to_thread moves the slow read
# off the loop so the heartbeat keeps ticking.
import asyncio
import os
import tempfile
import time


def slow_read(path):
    time.sleep(0.3)  # a slow disk
    with open(path) as f:
        return f.read()


async def heartbeat(n):
    for i in range(n):
        print(f"t={asyncio.get_running_loop().time():.1f} beat {i}")
        await asyncio.sleep(0.1)


async def main():
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "big.txt")
    with open(path, "w") as f:
        f.writelines(f"row {i}\n" for i in range(1000))
    beat = asyncio.create_task(heartbeat(8))
    await asyncio.sleep(0.15)
    text = slow_read(path)  # blocks the loop for 0.3 s
    print(f"t={asyncio.get_running_loop().time():.2f} read {len(text)} chars on the loop")
    text = await asyncio.to_thread(slow_read, path)
    print(f"t={asyncio.get_running_loop().time():.2f} read {len(text.splitlines())} lines in a thread")
    await beat
    os.remove(path)
    os.rmdir(tmp)
    print("removed:", not os.path.exists(tmp))


asyncio.run(main())
