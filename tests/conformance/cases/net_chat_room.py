# A chat room: every line a client sends is broadcast to all writers.
import asyncio

writers = []


async def member(reader, writer):
    writers.append(writer)
    name = (await reader.readline()).decode().strip()
    async for line in reader:
        text = f"{name}: {line.decode().strip()}\n".encode()
        for w in writers:
            w.write(text)
    writers.remove(writer)
    writer.close()


async def client(name, messages, expect):
    reader, writer = await asyncio.open_connection("127.0.0.1", 9005)
    writer.write(f"{name}\n".encode())
    await asyncio.sleep(0.1)
    for m in messages:
        writer.write(f"{m}\n".encode())
        await writer.drain()
        await asyncio.sleep(0.1)
    seen = []
    for _ in range(expect):
        seen.append((await reader.readline()).decode().strip())
    print(name, "saw", seen)
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(member, "127.0.0.1", 9005)
    async with server:
        await asyncio.gather(client("ann", ["hi", "bye"], 3),
                             client("bob", ["yo"], 3))
        await asyncio.sleep(0.1)
    print("members left:", len(writers))


asyncio.run(main())
