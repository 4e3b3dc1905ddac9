# Two failed tasks kept in globals: at interpreter exit the globals die in
# assignment order (zz before aa), each task reporting as it dies.
import asyncio
async def boom(n):
    raise ValueError(n)
async def main():
    global zz, aa
    zz = asyncio.create_task(boom("zz"))
    aa = asyncio.create_task(boom("aa"))
    await asyncio.sleep(0.1)
asyncio.run(main())
print("end")
