"""A message bus passing JSON between a producer and typed handlers."""
import asyncio
import json


async def producer(bus: asyncio.Queue):
    messages = [
        {"type": "greet", "user": "ann"},
        {"type": "order", "id": 17, "items": ["tea", "cake"], "total": 7.5},
        {"type": "unknown"},
        {"type": "order", "id": 18, "items": [], "total": 0},
    ]
    for m in messages:
        await bus.put(json.dumps(m))
        await asyncio.sleep(0.1)
    await bus.put(None)


async def consumer(bus: asyncio.Queue, log: list):
    while (raw := await bus.get()) is not None:
        msg = json.loads(raw)
        match msg:
            case {"type": "greet", "user": str(user)}:
                log.append(f"hello {user}")
            case {"type": "order", "items": []}:
                log.append(f"empty order {msg['id']}")
            case {"type": "order", "id": int(oid), "items": [first, *rest], "total": total}:
                log.append(f"order {oid}: {first} +{len(rest)} = {total:.2f}")
            case _:
                log.append(f"unhandled {raw}")
        print(log[-1])


async def main():
    bus = asyncio.Queue()
    log = []
    await asyncio.gather(producer(bus), consumer(bus, log))
    print(json.dumps({"handled": len(log), "log": log}, indent=2, sort_keys=True))


asyncio.run(main())
