# A dispatcher that matches on the messages a producer puts on a queue:
# mapping patterns, class patterns, sequences, guards and alternatives.
import asyncio


class Job:
    __match_args__ = ("name", "cost")

    def __init__(self, name, cost):
        self.name = name
        self.cost = cost


async def producer(queue):
    messages = [
        {"type": "hello", "from": "client-1"},
        Job("resize", 3),
        Job("thumbnail", 0),
        ["batch", Job("a", 1), Job("b", 2)],
        {"type": "ping", "seq": 7, "extra": True},
        "shutdown",
    ]
    for m in messages:
        await queue.put(m)
        await asyncio.sleep(0.1)


async def consumer(queue):
    total = 0
    while True:
        msg = await queue.get()
        match msg:
            case {"type": "hello", "from": sender}:
                print("hello from", sender)
            case {"type": "ping", "seq": int(seq), **rest}:
                print("ping", seq, "extra keys:", sorted(rest))
            case Job(name, 0):
                print("free job", name)
            case Job(name, cost) if cost > 2:
                print("expensive job", name)
                await asyncio.sleep(cost / 10)
                total += cost
            case ["batch", *jobs]:
                print("batch of", len(jobs), [j.name for j in jobs])
                total += sum(j.cost for j in jobs)
            case "shutdown" | "stop":
                print("total cost", total)
                return total
            case other:
                print("unexpected", other)


async def main():
    queue = asyncio.Queue()
    result, _ = await asyncio.gather(consumer(queue), producer(queue))
    print("done", result)


asyncio.run(main())
