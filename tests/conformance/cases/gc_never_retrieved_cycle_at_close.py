# A failed task in a reference cycle (its frame holds the task) is
# reported when the cyclic garbage is collected: at loop.close().
import asyncio
async def boom():
    t = asyncio.current_task()
    raise ValueError("cyc")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
print("end of program")
