# An exception escaping main ends the program with a traceback; a
# coroutine that is never awaited is reported when it is dropped.
import asyncio

async def fail():
    await asyncio.sleep(1)
    raise ValueError("bad value")

async def main():
    fail()
    print("created and dropped")
    await fail()

asyncio.run(main())
# expect: ! warning RuntimeWarning: coroutine 'fail' was never awaited
# expect: created and dropped
# expect error: ValueError: bad value
