# A loop the program never closes is closed by its __del__ when it dies at
# interpreter exit: the --trace transcript ends with `loop close`.
import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("exiting without close")
