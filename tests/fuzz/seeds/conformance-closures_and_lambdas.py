"""Callbacks made from closures and lambdas, and a comprehension of tasks."""
import asyncio


def make_counter():
    state = {"count": 0}

    def bump(label):
        state["count"] += 1
        print(f"{label}: {state['count']}")
    return bump


async def main():
    loop = asyncio.get_running_loop()
    bump = make_counter()
    loop.call_soon(bump, "soon")
    loop.call_later(0.1, lambda: bump("lambda later"))
    squares = await asyncio.gather(*[asyncio.sleep(n / 10, n * n) for n in range(4)])
    print({n: s for n, s in zip(range(4), squares) if s % 2 == 0})


asyncio.run(main())
