import asyncio
import sys
import traceback
import logging

logging.basicConfig(format="%(asctime)s %(levelname)s %(message)s", level=logging.DEBUG)


async def risky(n):
    await asyncio.sleep(0.1)
    if n % 2:
        raise ValueError(f"odd input {n}")
    return n


async def main():
    for n in range(3):
        try:
            print("ok", await risky(n))
        except ValueError:
            traceback.print_exc()
            print("handled", n, file=sys.stderr)
    logging.debug("debug %s", "message")
    try:
        await risky(1)
    except ValueError as e:
        logging.error("failed: %s", e, exc_info=True)
    sys.stderr.write("done\n")

asyncio.run(main())
