# serve_forever in a task, readuntil with a small limit: LimitOverrunError
# and IncompleteReadError, then the server task cancelled.
import asyncio


async def handle(reader, writer):
    try:
        line = await reader.readuntil(b";")
        print("request", line)
        await reader.readuntil(b";")
    except asyncio.LimitOverrunError as e:
        print("overrun", e, e.consumed)
    except asyncio.IncompleteReadError as e:
        print("incomplete", e.partial)
    writer.close()


async def client(data):
    reader, writer = await asyncio.open_connection("127.0.0.1", 7778)
    writer.write(data)
    await writer.drain()
    await asyncio.sleep(0.5)
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 7778, limit=16)
    serving = asyncio.create_task(server.serve_forever())
    await client(b"abc;def")
    await client(b"x" * 40)
    serving.cancel()
    try:
        await serving
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving())


asyncio.run(main())
