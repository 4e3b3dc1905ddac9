# A task still in the ready queue when loop.close() clears it dies
# pending: CPython reports "Task was destroyed but it is pending!" there.
import asyncio
async def spin():
    while True:
        await asyncio.sleep(0)
async def main():
    asyncio.get_running_loop().create_task(spin())
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing")
loop.close()
print("closed")
