"""A latency report: textwrap, string formatting, bisect buckets, heapq top-N."""
import asyncio
import bisect
import heapq
import textwrap
import random

BUCKETS = [0.05, 0.1, 0.25, 0.5, 1.0]


async def probe(endpoint: str, rng: random.Random) -> tuple[str, float]:
    latency = round(rng.expovariate(6), 3)
    await asyncio.sleep(latency)
    return endpoint, latency


async def main():
    rng = random.Random(42)
    endpoints = [f"/api/v1/resource/{i}" for i in range(12)]
    results = await asyncio.gather(*(probe(e, rng) for e in endpoints))
    hist = [0] * (len(BUCKETS) + 1)
    for _, lat in results:
        hist[bisect.bisect_left(BUCKETS, lat)] += 1
    labels = [f"<={b}" for b in BUCKETS] + [">1.0"]
    for label, n in zip(labels, hist):
        print(f"{label:>7} | {'#' * n:<6} {n}")
    for ep, lat in heapq.nlargest(3, results, key=lambda r: r[1]):
        print(f"slow: {ep:<22} {lat * 1000:7.1f} ms")
    summary = ("Probed %d endpoints; the slowest took %.0f ms and the fastest %.0f ms. "
               "Consider caching the slow ones." % (len(results), max(r[1] for r in results) * 1000,
                                                    min(r[1] for r in results) * 1000))
    print(textwrap.fill(summary, width=40, initial_indent="* ", subsequent_indent="  "))


asyncio.run(main())
