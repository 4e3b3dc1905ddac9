# A failed task kept in a global is reported at interpreter exit.
import asyncio
keep = []
async def boom():
    raise ValueError("boom")
async def main():
    keep.append(asyncio.create_task(boom()))
    await asyncio.sleep(0.1)
asyncio.run(main())
print("end of program")
