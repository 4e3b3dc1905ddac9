"""A custom exception class escaping the program."""
import asyncio


class InventoryError(Exception):
    def __init__(self, item, count):
        super().__init__(f"{item}: only {count} left")
        self.item = item


async def take(item, count):
    await asyncio.sleep(0.1)
    raise InventoryError(item, count)


async def main():
    await take("apples", 2)


asyncio.run(main())
