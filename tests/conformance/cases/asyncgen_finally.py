# try/finally inside async generators: a finally that awaits while the
# generator is closed, aclose() and athrow() from the consumer, and a
# finalizer task that awaits.
import asyncio


async def resource(name):
    print(name, "open")
    try:
        yield 1
        yield 2
    finally:
        await asyncio.sleep(0.5)
        print(name, "released")


async def echo():
    value = None
    while True:
        try:
            value = yield value
        except ValueError as e:
            value = "handled " + str(e)


async def main():
    r = resource("a")
    print("a gives", await anext(r))
    await r.aclose()
    print("a closed by aclose")
    e = echo()
    print(await e.asend(None), await e.asend(5), await e.athrow(ValueError("x")))
    await e.aclose()
    async for v in resource("b"):
        print("b gives", v)
        break
    print("main continues")
    await asyncio.sleep(1)
    print("main ends")


asyncio.run(main())
