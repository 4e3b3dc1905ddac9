# TaskGroup: tasks awaited by __aexit__; errors come out as an ExceptionGroup.
import asyncio
async def ok(n):
    await asyncio.sleep(n)
    print("ok", n)
    return n
async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("boom")
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(ok(1))
        b = tg.create_task(ok(2), name="second")
    print(a.result(), b.result(), b.get_name())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(bad())
    except ExceptionGroup as eg:
        print("group", eg.exceptions)
asyncio.run(main())
# expect: ok 1
# expect: ok 2
# expect: 1 2 second
# expect: group (ValueError('boom'),)
