"""A TaskGroup whose children fail: handling the ExceptionGroup with except*."""
import asyncio


class ValidationError(Exception):
    pass


class UpstreamError(Exception):
    pass


async def validate(item: int):
    await asyncio.sleep(0.1 * item)
    if item == 2:
        raise ValidationError(f"item {item} is invalid")
    return item


async def upstream(name: str, fail: bool):
    await asyncio.sleep(0.15)
    if fail:
        raise UpstreamError(f"{name} is down")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(validate(i)) for i in range(4)]
            tg.create_task(upstream("billing", fail=True))
            tg.create_task(upstream("search", fail=False))
    except* ValidationError as eg:
        for e in eg.exceptions:
            print("validation:", e)
    except* UpstreamError as eg:
        print("upstream:", [str(e) for e in eg.exceptions])
    print([t.cancelled() or t.result() for t in tasks])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(validate(2))
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg.message, len(eg.exceptions))


asyncio.run(main())
