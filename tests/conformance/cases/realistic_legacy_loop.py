"""Pre-3.7 style: an explicit loop, run_until_complete, ensure_future and callbacks."""
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print(f"hello {name}")
    return name


def on_done(fut):
    print("callback: done with", fut.result())


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
try:
    fut = asyncio.ensure_future(greet("world", 0.2))
    fut.add_done_callback(on_done)
    loop.call_later(0.1, print, "timer fired")
    results = loop.run_until_complete(asyncio.gather(fut, greet("again", 0.3)))
    print("results:", results)
    print("time:", round(loop.time(), 2), loop.is_running(), loop.is_closed())
finally:
    loop.close()
print("closed:", loop.is_closed())
