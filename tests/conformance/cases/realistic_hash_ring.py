"""Consistent hashing with big integers: keys spread over a ring of nodes, async lookups."""
import asyncio
import bisect
import hashlib


def h(key: str) -> int:
    return int.from_bytes(hashlib.md5(key.encode()).digest(), "big")


class HashRing:
    def __init__(self, nodes, replicas=3):
        self.ring = []
        self.owner = {}
        for node in nodes:
            for i in range(replicas):
                point = h(f"{node}#{i}")
                bisect.insort(self.ring, point)
                self.owner[point] = node

    def node_for(self, key: str) -> str:
        point = h(key)
        i = bisect.bisect(self.ring, point) % len(self.ring)
        return self.owner[self.ring[i]]


async def store(ring: HashRing, key: str, placed: dict) -> None:
    await asyncio.sleep((h(key) % 5) / 100)
    placed.setdefault(ring.node_for(key), []).append(key)


async def main():
    ring = HashRing(["alpha", "beta", "gamma"])
    print("ring size:", len(ring.ring), "max point bits:", max(ring.ring).bit_length() <= 128)
    print("first point:", ring.ring[0], hex(ring.ring[-1]))
    placed = {}
    keys = [f"user:{i}" for i in range(12)]
    await asyncio.gather(*(store(ring, k, placed) for k in keys))
    for node in sorted(placed):
        print(node, placed[node])
    print(h("x") % 2**64, h("x") >> 100, h("x") & 0xFFFF, h("x") ^ h("y") > 0, {h("a"): 1}[h("a")])
    print(sorted([h("a"), h("b"), 2**127, 1.5e38])[:2])


asyncio.run(main())
