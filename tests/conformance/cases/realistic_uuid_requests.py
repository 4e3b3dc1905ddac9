"""Request IDs with uuid4 for tracing concurrent requests."""
import asyncio
import uuid
import random


async def handle(path: str) -> tuple[str, str]:
    rid = uuid.uuid4()
    await asyncio.sleep(random.random() / 10)
    return path, str(rid)[:8]


async def main():
    random.seed(1)
    for path, rid in await asyncio.gather(*(handle(p) for p in ["/a", "/b", "/c"])):
        print(path, len(rid))
    u = uuid.UUID("12345678-1234-5678-1234-567812345678")
    print(u, u.hex[:6], u.version)


asyncio.run(main())
