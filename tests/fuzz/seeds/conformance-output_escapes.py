"""Output lines that look like transcript markers are escaped with a
backslash; addresses become 0x?; the last unterminated line is flushed."""
import asyncio


class Thing:
    pass


async def main():
    print("~ not an event")
    print("! not a diagnostic")
    print("\\ starts with a backslash")
    print()
    print("an object:", Thing())
    print("text that merely looks like one: <x at 0x1234abcd>")
    print("multi\nline", "output")
    print("no newline at the end", end="")


asyncio.run(main())
