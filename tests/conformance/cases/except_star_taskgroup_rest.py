"""except* around a TaskGroup: one handler raises, one re-raises, the rest is
unhandled; the combined ExceptionGroup escapes asyncio.run."""
import asyncio


async def fail(n, exc):
    await asyncio.sleep(n)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1, ValueError("v")))
            tg.create_task(fail(0.1, KeyError("k")))
            tg.create_task(fail(0.1, OSError("o")))
    except* ValueError as eg:
        print("handled", [str(e) for e in eg.exceptions])
        raise RuntimeError("while handling")
    except* KeyError:
        raise


asyncio.run(main())
