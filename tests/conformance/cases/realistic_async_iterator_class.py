"""Paginated API results through a class-based async iterator."""
import asyncio

DATA = [f"row{i}" for i in range(11)]


class Paginator:
    def __init__(self, page_size: int):
        self.page_size = page_size
        self.page = 0
        self.buffer: list[str] = []
        self.exhausted = False

    def __aiter__(self):
        return self

    async def _fetch(self):
        await asyncio.sleep(0.2)
        start = self.page * self.page_size
        chunk = DATA[start:start + self.page_size]
        self.page += 1
        print(f"  fetched page {self.page} ({len(chunk)} rows)")
        if len(chunk) < self.page_size:
            self.exhausted = True
        self.buffer.extend(chunk)

    async def __anext__(self):
        if not self.buffer and not self.exhausted:
            await self._fetch()
        if not self.buffer:
            raise StopAsyncIteration
        return self.buffer.pop(0)


async def main():
    rows = []
    async for row in Paginator(4):
        rows.append(row)
        if row == "row5":
            print("halfway:", rows)
    print(len(rows), rows[-1])
    it = aiter(Paginator(5))
    print(await anext(it), await anext(it))


asyncio.run(main())
