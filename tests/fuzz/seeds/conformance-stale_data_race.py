"""A read-modify-write race across an await, and the Lock that fixes it."""
import asyncio


async def unsafe_increment(state):
    value = state["n"]
    await asyncio.sleep(0)
    state["n"] = value + 1


async def safe_increment(state, lock):
    async with lock:
        value = state["n"]
        await asyncio.sleep(0)
        state["n"] = value + 1


async def main():
    state = {"n": 0}
    await asyncio.gather(*(unsafe_increment(state) for _ in range(5)))
    print("without a lock:", state["n"])
    state["n"] = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(safe_increment(state, lock) for _ in range(5)))
    print("with a lock:", state["n"])


asyncio.run(main())
