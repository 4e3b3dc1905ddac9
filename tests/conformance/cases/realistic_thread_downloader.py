"""Threads next to asyncio: blocking "downloads" in threading.Thread workers, results gathered in a dict."""
import asyncio
import threading
import time

results = {}
lock = threading.Lock()


def download(url: str, seconds: float) -> None:
    name = threading.current_thread().name
    print(f"[{name}] fetching {url}")
    time.sleep(seconds)
    with lock:
        results[url] = len(url) * 100
    print(f"[{name}] done {url}")


async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0.5)


async def main():
    print("main thread:", threading.current_thread().name, threading.main_thread().name)
    hb = asyncio.create_task(heartbeat())
    threads = [
        threading.Thread(target=download, args=(url, delay))
        for url, delay in [("http://a.example", 0.3), ("http://bb.example", 0.7)]
    ]
    threads.append(threading.Thread(target=download, kwargs={"url": "http://c.example", "seconds": 0.1}, name="fetch-c"))
    for t in threads:
        t.start()
    print("started:", [t.name for t in threads])
    await asyncio.sleep(0.2)
    for t in threads:
        t.join()
    print("all joined at", round(time.monotonic(), 2))
    print(sorted(results.items()))
    await hb


asyncio.run(main())
