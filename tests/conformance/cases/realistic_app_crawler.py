"""A tiny web crawler: a frontier queue, a fixed pool of workers, a visited set."""
import asyncio
import random
from collections import deque
from dataclasses import dataclass, field

SITE = {
    "/": ["/about", "/blog", "/shop"],
    "/about": ["/", "/team"],
    "/blog": ["/blog/1", "/blog/2", "/"],
    "/blog/1": ["/blog/2"],
    "/blog/2": ["/blog/1", "/shop"],
    "/shop": ["/shop/cart", "/"],
    "/shop/cart": [],
    "/team": ["/about"],
}


@dataclass
class Page:
    url: str
    links: list[str] = field(default_factory=list)
    depth: int = 0


async def fetch(url: str) -> list[str]:
    await asyncio.sleep(random.uniform(0.05, 0.3))
    if url not in SITE:
        raise LookupError(f"404 {url}")
    return SITE[url]


async def worker(name: str, queue: asyncio.Queue, seen: set, pages: list) -> None:
    while True:
        url, depth = await queue.get()
        try:
            links = await fetch(url)
            pages.append(Page(url, links, depth))
            print(f"{name} crawled {url} (depth {depth}, {len(links)} links)")
            for link in links:
                if link not in seen and depth < 3:
                    seen.add(link)
                    queue.put_nowait((link, depth + 1))
        except LookupError as exc:
            print(f"{name} failed: {exc}")
        finally:
            queue.task_done()


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    seen = {"/"}
    pages: list[Page] = []
    queue.put_nowait(("/", 0))
    workers = [asyncio.create_task(worker(f"w{i}", queue, seen, pages)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("workers ended:", [type(r).__name__ for r in results])
    by_depth = deque(sorted(pages, key=lambda p: (p.depth, p.url)))
    while by_depth:
        p = by_depth.popleft()
        print(f"  {p.depth} {p.url}")
    print(f"{len(pages)} pages in {asyncio.get_running_loop().time():.2f}s")


asyncio.run(main())
