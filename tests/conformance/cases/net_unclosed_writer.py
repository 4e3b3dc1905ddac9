# A writer dropped without close(): CPython closes its transport when the
# StreamWriter dies (__del__); the first client here is dropped when
# `writer` is reassigned.
import asyncio


async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 7790)
    for i in range(2):
        reader, writer = await asyncio.open_connection("127.0.0.1", 7790)
        writer.write(b"ping %d\n" % i)
        print(await reader.readline())
    print("leaving without closing")


asyncio.run(main())
