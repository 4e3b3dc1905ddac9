import asyncio


async def fail(n):
    await asyncio.sleep(0.1 * n)
    raise ValueError(f"failure {n}")


async def main():
    tasks = [asyncio.create_task(fail(i)) for i in range(1, 3)]
    await asyncio.sleep(0.5)
    print("main done without awaiting tasks", [t.done() for t in tasks])
    del tasks

asyncio.run(main())
print("after run")
