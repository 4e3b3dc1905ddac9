import asyncio
import threading
import time
import concurrent.futures


def blocking_io(n):
    time.sleep(0.1 * n)
    return f"io{n} on {threading.current_thread().name}"


counter = 0
lock = threading.Lock()


def incr(times):
    global counter
    for _ in range(times):
        with lock:
            counter += 1


async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.to_thread(blocking_io, 2)
    print(r)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
        futs = [loop.run_in_executor(ex, blocking_io, i) for i in range(4)]
        for res in await asyncio.gather(*futs):
            print(res)
    threads = [threading.Thread(target=incr, args=(1000,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("counter", counter, threading.active_count())
    t = threading.Timer(0.5, lambda: print("timer fired"))
    t.start()
    t.join()
    print("after timer", round(loop.time(), 2))

asyncio.run(main())
