# Stream and server errors carry CPython's messages (real python3 on
# localhost prints the same).
import asyncio


async def quiet(reader, writer):
    await reader.read()
    writer.close()


async def main():
    try:
        asyncio.StreamReader(limit=0)
    except ValueError as e:
        print("ValueError:", e)
    server = await asyncio.start_server(quiet, "127.0.0.1", 9100)
    try:
        await asyncio.start_server(quiet, "127.0.0.1", 9100)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
    reader, writer = await asyncio.open_connection("127.0.0.1", 9100, limit=8)
    for bad in (lambda: writer.write("text"), lambda: writer.write(42)):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    for coro in (reader.readexactly(-1), reader.readuntil(b"")):
        try:
            await coro
        except ValueError as e:
            print("ValueError:", e)
    first = asyncio.create_task(reader.readline())
    await asyncio.sleep(0)
    try:
        await reader.read(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    first.cancel()
    print("can_write_eof:", writer.can_write_eof(), "closing:", writer.is_closing())
    writer.write_eof()
    try:
        writer.write(b"more")
    except RuntimeError as e:
        print("RuntimeError:", e)
    writer.close()
    print("closing:", writer.is_closing())
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    print("serving:", server.is_serving(), "sockets:", server.sockets)


asyncio.run(main())
# expect: ValueError: Limit cannot be <= 0
# expect: OSError 98 [Errno 98] error while attempting to bind on address ('127.0.0.1', 9100): address already in use
# expect: TypeError: data argument must be a bytes-like object, not 'str'
# expect: TypeError: data argument must be a bytes-like object, not 'int'
# expect: ValueError: readexactly size can not be less than zero
# expect: ValueError: Separator should be at least one-byte string
# expect: RuntimeError: read() called while another coroutine is already waiting for incoming data
# expect: can_write_eof: True closing: False
# expect: RuntimeError: Cannot call write() after write_eof()
# expect: closing: True
# expect: serving: False sockets: ()
