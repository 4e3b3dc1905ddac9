# The pre-3.7 API: get_event_loop() outside a loop, new_event_loop /
# set_event_loop, run_until_complete of tasks, futures and gathers made
# before the loop runs, run_forever/stop, close.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print("job", name, "at", asyncio.get_running_loop().time())
    return name.upper()


loop = asyncio.get_event_loop()
print(type(loop).__name__, loop.is_running(), loop.is_closed())
print(asyncio.get_event_loop() is loop)
t = asyncio.ensure_future(job("a", 0.1))
print(t)
g = asyncio.gather(job("b", 0.3), t)
print(loop.run_until_complete(g))
f = loop.create_future()
loop.call_later(0.2, f.set_result, "late")
print(loop.run_until_complete(f))
print(loop.run_until_complete(asyncio.sleep(0.1, "slept")))
loop.call_later(0.5, loop.stop)
loop.call_soon(print, "soon")
loop.run_forever()
print("stopped at", loop.time(), loop.is_running())
loop.close()
print(loop.is_closed())
coro = job("c", 0)
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()

new = asyncio.new_event_loop()
asyncio.set_event_loop(new)
print(asyncio.get_event_loop() is new, new is loop)
print(new.run_until_complete(asyncio.ensure_future(job("d", 1))))
new.close()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
