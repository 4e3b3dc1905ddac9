# A loop exception handler that keeps the context dicts it receives: the
# never-retrieved task stays alive through them (CPython resurrects it).
import asyncio
kept = []
def handler(loop, context):
    kept.append(context)
async def fail():
    raise KeyError("x")
async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    t = asyncio.create_task(fail())
    await asyncio.sleep(0)
    del t
    await asyncio.sleep(0)
    print(len(kept), sorted(kept[0]), kept[0]["future"].done())
asyncio.run(main())
print(kept[0]["future"])
