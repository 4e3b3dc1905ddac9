"""When to use asyncio: many waits at once.

asyncio pays off when a program spends its time waiting on the network: a
crawler making many HTTP requests with aiohttp, a server with thousands of
clients, queries through an async database driver. Here asyncio.sleep
stands in for each request's network wait, to keep the run short (lesson
18 makes real aiohttp requests on loopscope's simulated network). Ten requests that take 5.5 s one after another finish
in 1 s together. For a blocking library (requests, a synchronous database
driver) use threads (asyncio.to_thread); for CPU-bound work use processes
(concurrent.futures.ProcessPoolExecutor): neither waits cooperatively.
"""
# topic: When to use asyncio
# watch: the timer heap: ten requests wait at once, and each finishes as
#   soon as its own wait is over, shortest first.
# checkpoint: when "page 9" prints: the fastest request, 0.1 s, is back first,
#   at {time}.
# ask: what prints next
# ask: when does the next line print
# checkpoint: when "10 pages" prints: all ten requests are back at {time},
#   the time of the slowest one, not the 5.5 s of the ten in a row.
import asyncio

LATENCIES = [0.2, 0.5, 1.0, 0.3, 0.8, 0.4, 0.9, 0.6, 0.7, 0.1]


async def fetch(page, latency):
    await asyncio.sleep(latency)  # stands in for: async with session.get(url) as resp
    print(f"page {page}: 200 OK after {latency} s")
    return 200


async def main():
    statuses = await asyncio.gather(*[fetch(page, lat) for page, lat in enumerate(LATENCIES)])
    print(f"{len(statuses)} pages, {statuses.count(200)} OK, {round(sum(LATENCIES), 1)} s of waiting in all")


asyncio.run(main())
