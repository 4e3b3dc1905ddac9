import asyncio


class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field


async def check(field, value, delay):
    await asyncio.sleep(delay)
    if not value:
        raise ValidationError(field, "must not be empty")
    if isinstance(value, str) and len(value) > 10:
        raise TypeError(f"{field} too long ({len(value)})")
    return field, value


async def validate(record):
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(check(k, v, i * 0.1)) for i, (k, v) in enumerate(record.items())]
    except* ValidationError as eg:
        for e in eg.exceptions:
            print("  invalid field", e.field, "-", e)
    except* TypeError as eg:
        print("  type errors:", [str(e) for e in eg.exceptions])
    else:
        print("  ok:", dict(t.result() for t in tasks))


async def main():
    await validate({"name": "bob", "email": "b@x.io"})
    await validate({"name": "", "email": "averyveryverylong@x.io", "city": ""})
    try:
        async with asyncio.timeout(0.25):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", round(asyncio.get_running_loop().time(), 2))
    eg = ExceptionGroup("batch", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3)])])
    match_, rest = eg.split(ValueError)
    print(repr(match_), repr(rest))
    print(eg.subgroup(lambda e: isinstance(e, KeyError)))
    try:
        raise eg
    except* KeyError as k:
        print("keys:", repr(k))
    except* (ValueError, TypeError) as other:
        print("other:", len(other.exceptions))

asyncio.run(main())
