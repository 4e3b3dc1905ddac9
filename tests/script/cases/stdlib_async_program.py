# An asyncio program using heapq, itertools, json and statistics (its --trace transcript matched the oracle byte for byte).
import asyncio
import heapq
import json
import itertools
import statistics

async def worker(name, jobs, results):
    for n in itertools.count(1):
        if not jobs:
            return
        prio, job = heapq.heappop(jobs)
        await asyncio.sleep(prio / 10)
        results.append({"worker": name, "job": job, "n": n})

async def main():
    jobs = []
    for prio, job in zip([3, 1, 2, 5, 4], "abcde"):
        heapq.heappush(jobs, (prio, job))
    results = []
    await asyncio.gather(*(worker(f"w{i}", jobs, results) for i in range(2)))
    print(json.dumps(results, indent=1, sort_keys=True))
    print(statistics.mean(r["n"] for r in results))

asyncio.run(main())
# expect: [
# expect:  {
# expect:   "job": "b",
# expect:   "n": 1,
# expect:   "worker": "w0"
# expect:  },
# expect:  {
# expect:   "job": "c",
# expect:   "n": 1,
# expect:   "worker": "w1"
# expect:  },
# expect:  {
# expect:   "job": "a",
# expect:   "n": 2,
# expect:   "worker": "w0"
# expect:  },
# expect:  {
# expect:   "job": "e",
# expect:   "n": 2,
# expect:   "worker": "w1"
# expect:  },
# expect:  {
# expect:   "job": "d",
# expect:   "n": 3,
# expect:   "worker": "w0"
# expect:  }
# expect: ]
# expect: 1.8
