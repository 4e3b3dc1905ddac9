"""An exception in a task is re-raised where the task is awaited."""
import asyncio


class ParseError(Exception):
    pass


async def parse(text):
    await asyncio.sleep(0.1)
    if not text.isdigit():
        raise ParseError(f"not a number: {text!r}")
    return int(text)


async def main():
    for text in ["12", "x7", "40"]:
        task = asyncio.create_task(parse(text))
        try:
            print("parsed", await task)
        except ParseError as e:
            print("error:", e)
            print("task.exception() is the same object:", task.exception() is e)


asyncio.run(main())
