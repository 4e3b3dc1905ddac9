"""A task may catch CancelledError and carry on; cancelling() counts the
requests and uncancel() takes one back."""
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        me = asyncio.current_task()
        print("caught cancel, cancelling() =", me.cancelling())
        print("uncancel() ->", me.uncancel())
    await asyncio.sleep(0.5)
    return "finished anyway"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t)
    print("cancelled?", t.cancelled())


asyncio.run(main())
