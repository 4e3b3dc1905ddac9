# Driving a loop by hand: new_event_loop, run_until_complete, stop, close.
import asyncio

async def compute(x):
    await asyncio.sleep(0.1)
    return x * 10

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.is_closed())
print(loop.run_until_complete(compute(1)))
fut = loop.create_future()
loop.call_later(0.5, fut.set_result, "done")
print(loop.run_until_complete(fut))
loop.call_soon(loop.stop)
loop.run_forever()
print("stopped")
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(print, "never")
except RuntimeError as e:
    print("error:", e)
# expect: True False False
# expect: 10
# expect: done
# expect: stopped
# expect: True
# expect: error: Event loop is closed
