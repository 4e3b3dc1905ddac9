# Nothing listens on the port: the connection is refused.
import asyncio


async def main():
    try:
        await asyncio.open_connection("127.0.0.1", 9003)
    except ConnectionRefusedError as e:
        print("refused:", e)
        print("errno:", e.errno)
    print("and uncaught:")
    await asyncio.open_connection("127.0.0.1", 9003)


asyncio.run(main())
