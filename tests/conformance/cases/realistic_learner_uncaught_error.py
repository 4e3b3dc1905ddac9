"""An exception escapes main: the traceback ends the program."""
import asyncio


async def parse(value: str) -> int:
    await asyncio.sleep(0.1)
    return int(value)


async def main():
    numbers = await asyncio.gather(parse("1"), parse("2"))
    print("parsed", numbers)
    total = sum(await asyncio.gather(*(parse(v) for v in ["3", "four", "5"])))
    print("never printed", total)


asyncio.run(main())
