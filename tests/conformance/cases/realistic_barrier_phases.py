"""Workers moving through phases in lockstep with asyncio.Barrier."""
import asyncio


async def worker(name: str, barrier: asyncio.Barrier, costs: list[float]):
    for phase, cost in enumerate(costs):
        await asyncio.sleep(cost)
        print(f"{name} finished phase {phase}")
        pos = await barrier.wait()
        if pos == 0:
            print(f"-- all workers passed phase {phase} --")


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(
        worker("a", barrier, [0.1, 0.5]),
        worker("b", barrier, [0.3, 0.1]),
        worker("c", barrier, [0.2, 0.2]),
    )
    print(barrier)


asyncio.run(main())
